import FigCheckCore

/// `--fail-on` and `fail-on:`: the least severe finding that makes a check exit 1, or never.
public enum FailThreshold: String, CaseIterable, Sendable {
    case error
    case warning
    case never

    /// The severity at or above which a finding fails the run; nil for never.
    public var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .never: return nil
        }
    }
}

/// The report formats `figcheck check` writes.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case html
    case json
    case sarif
    case junit
    case github

    /// Renders a report in this format (the web server's entry point to the reporters).
    public func render(_ report: Report, options: CheckOptions) -> String {
        reporter.render(report, options: options)
    }

    /// The reporter for this format. A new format is a new case here and a new reporter type;
    /// the exhaustive switch makes the compiler ask for both.
    var reporter: any Reporter.Type {
        switch self {
        case .text: return TextReporter.self
        case .markdown: return MarkdownReporter.self
        case .html: return HTMLReporter.self
        case .json: return JSONReporter.self
        case .sarif: return SARIFReporter.self
        case .junit: return JUnitReporter.self
        case .github: return GitHubReporter.self
        }
    }

    /// The usual file extension of a report in this format.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .sarif: return "sarif"
        case .junit: return "xml"
        case .github: return "txt"
        }
    }
}

/// Everything `figcheck check` needs, as parsed from the command line.
public struct CheckOptions: Sendable {
    /// Paths, http(s) URLs, or `-` for standard input.
    public var inputs: [String]
    /// The report format.
    public var format: OutputFormat
    /// The date, subject and limits given for the documents.
    public var reading: ReadingOptions
    /// The lowest severity that makes the run fail (exit 1); nil never fails on findings.
    public var failOn: Severity?
    /// Colour in the text report.
    public var color: Bool
    /// The reference-data directory (`--data`); nil finds the bundled one.
    public var dataDirectory: String?
    /// `--as-of`: use the newest vintage released on or before this date.
    public var asOf: CalendarDate?
    /// Relative tolerances for hedged figures, by claim kind or hedge ("default", "ratio", "nearly").
    public var tolerances: [String: Double] = [:]
    /// A mismatch within this relative distance is a warning, not an error.
    public var nearMiss: Double = 0.05
    /// Rules whose findings are dropped; when `enabledRules` is set, only those rules report.
    public var disabledRules: Set<String> = []
    /// When set, the only rules whose findings are reported.
    public var enabledRules: Set<String>?
    /// Accepted findings to hide (`--baseline`).
    public var baseline: Baseline?
    /// The time one document may take to load and check (`--max-seconds`); nil is no limit.
    public var maxSeconds: Double? = CheckOptions.defaultMaxSeconds

    /// The default time budget of a document, in seconds.
    public static let defaultMaxSeconds: Double = 30

    /// Creates options.
    public init(
        inputs: [String], format: OutputFormat = .text, reading: ReadingOptions = ReadingOptions(),
        failOn: Severity? = .error, color: Bool = false, dataDirectory: String? = nil, asOf: CalendarDate? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.asOf = asOf
        self.inputs = inputs
        self.format = format
        self.reading = reading
        self.failOn = failOn
        self.color = color
    }
}

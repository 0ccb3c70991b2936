import FigCheckCore

/// The report formats `figcheck check` writes.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json

    /// The reporter for this format. A new format is a new case here and a new reporter type;
    /// the exhaustive switch makes the compiler ask for both.
    var reporter: any Reporter.Type {
        switch self {
        case .text: return TextReporter.self
        case .json: return JSONReporter.self
        }
    }
}

/// Everything `figcheck check` needs, as parsed from the command line.
public struct CheckOptions: Sendable {
    /// Paths, http(s) URLs, or `-` for standard input.
    public var inputs: [String]
    public var format: OutputFormat
    public var reading: ReadingOptions
    /// The lowest severity that makes the run fail (exit 1); nil never fails on findings.
    public var failOn: Severity?
    /// Colour in the text report.
    public var color: Bool
    /// The reference-data directory (`--data`); nil finds the bundled one.
    public var dataDirectory: String?
    /// `--as-of`: use the newest vintage released on or before this date.
    public var asOf: CalendarDate?

    /// Creates options.
    public init(inputs: [String], format: OutputFormat = .text, reading: ReadingOptions = ReadingOptions(),
                failOn: Severity? = .error, color: Bool = false, dataDirectory: String? = nil, asOf: CalendarDate? = nil) {
        self.dataDirectory = dataDirectory
        self.asOf = asOf
        self.inputs = inputs
        self.format = format
        self.reading = reading
        self.failOn = failOn
        self.color = color
    }
}

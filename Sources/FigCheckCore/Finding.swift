/// The verdict on one claim (PRODUCT.md, "Verdicts and severities").
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case consistent
    case inconsistent
    case needsReview = "needs_review"
    case unverifiable
}

/// How much a finding matters; `--fail-on` compares against it.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stated figure as an interval (PRODUCT.md, "Tolerance").
public struct StatedFigure: Codable, Hashable, Sendable {
    public var value: Double
    public var unit: String
    public var low: Double
    public var high: Double
    public var hedge: String

    public init(value: Double, unit: String, low: Double, high: Double, hedge: String) {
        self.value = value
        self.unit = unit
        self.low = low
        self.high = high
        self.hedge = hedge
    }
}

/// What a claim is about.
public struct ClaimSubject: Codable, Hashable, Sendable {
    public var entity: String?
    public var indicator: String?
    public var period: String?
    public var scope: String?

    public init(entity: String?, indicator: String?, period: String?, scope: String?) {
        self.entity = entity
        self.indicator = indicator
        self.period = period
        self.scope = scope
    }

    public func encode(to encoder: Encoder) throws {
        // Unknown parts are written as null, not left out: the schema lists every key.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entity, forKey: .entity)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(period, forKey: .period)
        try container.encode(scope, forKey: .scope)
    }
}

/// One reference value a recomputation used, with its provenance.
public struct ComputationInput: Codable, Hashable, Sendable {
    public var table: String
    public var key: [String: String]
    public var value: Double
    public var vintage: String
    public var source: String

    public init(table: String, key: [String: String], value: Double, vintage: String, source: String) {
        self.table = table
        self.key = key
        self.value = value
        self.vintage = vintage
        self.source = source
    }
}

/// The recomputed figure and how it was obtained.
public struct Computation: Codable, Hashable, Sendable {
    public var value: Double
    public var low: Double
    public var high: Double
    public var formula: String
    public var inputs: [ComputationInput]

    public init(value: Double, low: Double, high: Double, formula: String, inputs: [ComputationInput]) {
        self.value = value
        self.low = low
        self.high = high
        self.formula = formula
        self.inputs = inputs
    }
}

/// A checked claim: what was stated, what it is about, the verdict and why (one `claims` entry of
/// the JSON report).
public struct Finding: Codable, Hashable, Sendable {
    public var id: String
    public var ruleId: String
    public var kind: String
    public var text: String
    public var sentence: String
    public var location: TextLocation
    public var stated: StatedFigure
    public var about: ClaimSubject
    public var verdict: Verdict
    public var severity: Severity
    public var computed: Computation?
    public var message: String
    public var hints: [String]
    /// Where the figure is in the analysed text (for reports that show the text); not in the JSON.
    public var analysedRange: Range<Int>? = nil
    /// A relation ("a rise of 4%") whose figures the text does not give: nothing was judged, so
    /// the terminal report counts these instead of listing each; not in the JSON (its message says so).
    public var operandsNotFound = false

    public init(
        id: String, ruleId: String, kind: String, text: String, sentence: String, location: TextLocation,
        stated: StatedFigure, about: ClaimSubject, verdict: Verdict, severity: Severity,
        computed: Computation?, message: String, hints: [String]
    ) {
        self.id = id
        self.ruleId = ruleId
        self.kind = kind
        self.text = text
        self.sentence = sentence
        self.location = location
        self.stated = stated
        self.about = about
        self.verdict = verdict
        self.severity = severity
        self.computed = computed
        self.message = message
        self.hints = hints
    }

    enum CodingKeys: String, CodingKey {
        case id, ruleId, kind, text, sentence, location, stated, about, verdict, severity, computed, message, hints
    }

    public func encode(to encoder: Encoder) throws {
        // `computed` is written as null when nothing was recomputed: every claim has the same keys.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(ruleId, forKey: .ruleId)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(location, forKey: .location)
        try container.encode(stated, forKey: .stated)
        try container.encode(about, forKey: .about)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(severity, forKey: .severity)
        try container.encode(computed, forKey: .computed)
        try container.encode(message, forKey: .message)
        try container.encode(hints, forKey: .hints)
    }
}

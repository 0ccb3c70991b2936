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

    /// Info below warning below error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stated figure as an interval (PRODUCT.md, "Tolerance").
public struct StatedFigure: Codable, Hashable, Sendable {
    /// The figure's value in its unit, with its sign (20.4 for 20.4%).
    public var value: Double
    /// The unit as the scanner read it (a currency, "percent", "date"), else the mention's kind.
    public var unit: String
    /// The lowest value the wording allows (its precision and hedge); the value when open below.
    public var low: Double
    /// The highest value the wording allows; the value when open above.
    public var high: Double
    /// The hedge: "none", "approximately", "nearly", "over", "under", "at_least", "at_most" and so on.
    public var hedge: String

    /// Describes a stated figure.
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
    /// The entity the figure is about (ISO 3166 alpha-3 or a group code), if known.
    public var entity: String?
    /// The indicator it measures, if known.
    public var indicator: String?
    /// The period it is for, if known.
    public var period: String?
    /// A part of the whole it is limited to (a sector, a partner), if said.
    public var scope: String?

    /// Describes what a claim is about.
    public init(entity: String?, indicator: String?, period: String?, scope: String?) {
        self.entity = entity
        self.indicator = indicator
        self.period = period
        self.scope = scope
    }

    /// Writes every key, unknown parts as null.
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
    /// The table's id.
    public var table: String
    /// The row's key columns and values.
    public var key: [String: String]
    /// The value read.
    public var value: Double
    /// The vintage it was read from.
    public var vintage: String
    /// The table's original source, for the reader.
    public var source: String

    /// Records one input of a recomputation.
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
    /// The recomputed value, in the stated figure's unit.
    public var value: Double
    /// The lowest value the inputs' precision allows.
    public var low: Double
    /// The highest value the inputs' precision allows.
    public var high: Double
    /// The formula, as the report shows it ("350 bn / KOR GDP 2024").
    public var formula: String
    /// The table values the formula used.
    public var inputs: [ComputationInput]

    /// Records a recomputation.
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
    /// The rule and position, unique within a document ("value@13:67": line 13, column 67).
    public var id: String
    /// The rule that read the claim.
    public var ruleId: String
    /// The claim kind (PRODUCT.md): value, ratio, share, rate, change, comparison, count, date_arithmetic.
    public var kind: String
    /// The figure as written.
    public var text: String
    /// The sentence the figure is in.
    public var sentence: String
    /// Where the figure is in the original input.
    public var location: TextLocation
    /// The figure's value and the range its wording allows.
    public var stated: StatedFigure
    /// What the claim is about: entity, indicator, period, scope.
    public var about: ClaimSubject
    /// The verdict.
    public var verdict: Verdict
    /// How much it matters: error, warning or info.
    public var severity: Severity
    /// The recomputation behind the verdict, if any.
    public var computed: Computation?
    /// Why, in one sentence, naming the source and vintage.
    public var message: String
    /// What the figure would match instead, or what to look at.
    public var hints: [String]
    /// Where the figure is in the analysed text (for reports that show the text); not in the JSON.
    public var analysedRange: Range<Int>? = nil
    /// A relation ("a rise of 4%") whose figures the text does not give: nothing was judged, so
    /// the terminal report counts these instead of listing each; not in the JSON (its message says so).
    public var operandsNotFound = false

    /// Creates a finding.
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

    /// Writes the schema-1 keys, unknown values as null.
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

/// The state of one document as it moves through the pipeline
/// (Document ─► Mentions ─► Claims ─► Findings ─► Report).
public struct DocumentAnalysis: Sendable {
    public var document: Document
    /// The numbers in the text (the scanner's output).
    public var mentions: [Mention]
    /// The numbers the scanner recognised as not quantities.
    public var ignoredNumbers: [IgnoredNumber]
    /// The claims as read, before verification: each figure's frame with its evidence.
    public var claims: [Claim]
    /// The checked claims produced so far.
    public var findings: [Finding]
    /// Problems a stage met that did not stop the analysis.
    public var diagnostics: [String]

    /// Starts the analysis of a loaded document.
    public init(document: Document) {
        self.document = document
        self.mentions = []
        self.ignoredNumbers = []
        self.claims = []
        self.findings = []
        self.diagnostics = []
    }
}

/// One stage of the pipeline after loading: the scanner, the claim recognisers, the verifiers.
/// A stage adds to the analysis; recoverable problems go to `diagnostics`, not thrown.
public protocol AnalysisStage: Sendable {
    /// A short stable name, for diagnostics and timing.
    var name: String { get }
    /// Runs the stage on one document.
    func run(_ analysis: inout DocumentAnalysis)
}

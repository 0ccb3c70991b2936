/// The state of one document as it moves through the pipeline
/// (Document ─► Mentions ─► Claims ─► Findings ─► Report).
package struct DocumentAnalysis: Sendable {
    package var document: Document
    /// The numbers in the text (the scanner's output).
    package var mentions: [Mention]
    /// The numbers the scanner recognised as not quantities.
    package var ignoredNumbers: [IgnoredNumber]
    /// The claims as read, before verification: each figure's frame with its evidence.
    package var claims: [Claim]
    /// The claim reader's working form of the document (sentences, figures and their drafts),
    /// which the verification stage takes over; opaque to every other stage and never reported.
    package var claimWorkings: (any ClaimWorkings)?
    /// The checked claims produced so far.
    package var findings: [Finding]
    /// Problems a stage met that did not stop the analysis.
    package var diagnostics: [Diagnostic]
    /// The document's time budget: each stage's loops stop early once it is spent, and the
    /// pipeline then gives the document up.
    package let budget: WorkBudget

    /// Starts the analysis of a loaded document.
    package init(document: Document, budget: WorkBudget = .unlimited) {
        self.document = document
        self.budget = budget
        self.mentions = []
        self.ignoredNumbers = []
        self.claims = []
        self.claimWorkings = nil
        self.findings = []
        self.diagnostics = []
    }
}

/// The claim reader's working form of a document, handed to the verification stage.
package protocol ClaimWorkings: Sendable {}

/// A problem a stage met that did not stop the analysis, and what it means for the run.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        /// Part of the document was not analysed (a limit was reached); the report says so.
        case incomplete
        /// The reference data is broken (a table that does not parse, a missing column): the run
        /// cannot be trusted, so it exits 2.
        case referenceData = "reference_data"
    }

    package var kind: Kind
    /// The stage that met the problem.
    package var stage: String
    package var message: String

    /// Creates a diagnostic.
    package init(_ kind: Kind, stage: String, _ message: String) {
        self.kind = kind
        self.stage = stage
        self.message = message
    }

    /// The line a report shows: reference-data problems say so, others are the message.
    package var description: String { kind == .referenceData ? "reference data: \(message)" : message }
}

/// One stage of the pipeline after loading: the scanner, the claim recognisers, the verifiers.
/// A stage adds to the analysis; recoverable problems go to `diagnostics`, not thrown.
package protocol AnalysisStage: Sendable {
    /// A short stable name, for diagnostics and timing.
    var name: String { get }
    /// Runs the stage on one document.
    func run(_ analysis: inout DocumentAnalysis)
}

import FigCheckCore
import FigCheckVerification

/// The analysis stages run on every loaded document, in order
/// (Mentions ─► Claims ─► Findings: scanning, reading, verification). Loading comes before, reporting after.
package struct Pipeline: Sendable {
    /// The stages, in the order they run.
    package var stages: [any AnalysisStage]

    /// Creates a pipeline of `stages`.
    package init(stages: [any AnalysisStage]) {
        self.stages = stages
    }

    /// The stages figcheck ships: the number scanner, the claim reader, then the verifier over the
    /// loaded reference data.
    package static func standard(knowledge: ClaimKnowledge, settings: VerificationSettings = VerificationSettings())
        -> Pipeline
    {
        Pipeline(stages: [
            MentionScanStage(), ClaimReadingStage(knowledge: knowledge),
            ClaimVerificationStage(knowledge: knowledge, settings: settings),
        ])
    }

    /// The scanner and the claim reader, no verification (`figcheck claims`).
    package static func reading(knowledge: ClaimKnowledge) -> Pipeline {
        Pipeline(stages: [MentionScanStage(), ClaimReadingStage(knowledge: knowledge)])
    }

    /// The scanner alone (`figcheck mentions`).
    package static let mentionsOnly = Pipeline(stages: [MentionScanStage()])

    /// Runs every stage on `document`, without a time limit.
    package func analyse(_ document: Document) -> DocumentAnalysis {
        var analysis = DocumentAnalysis(document: document)
        for stage in stages { stage.run(&analysis) }
        return analysis
    }

    /// Runs every stage on `document` within `budget`; throws when it is spent before the last
    /// stage ends (a stage whose loops saw it spent has stopped early, so its output is partial).
    package func analyse(_ document: Document, within budget: WorkBudget) throws(WorkBudget.Spent) -> DocumentAnalysis {
        var analysis = DocumentAnalysis(document: document, budget: budget)
        for stage in stages {
            try budget.check(during: stage.name)
            stage.run(&analysis)
            try budget.check(during: stage.name)
        }
        return analysis
    }
}

import FigCheckCore
import FigCheckRules

/// The analysis stages run on every loaded document, in order
/// (Mentions ─► Claims ─► Findings). Loading comes before, reporting after.
public struct Pipeline: Sendable {
    public var stages: [any AnalysisStage]

    /// Creates a pipeline of `stages`.
    public init(stages: [any AnalysisStage]) {
        self.stages = stages
    }

    /// The stages figcheck ships: the number scanner, then the claim recognisers and verifiers
    /// over the loaded reference data.
    public static func standard(knowledge: ClaimKnowledge, settings: VerificationSettings = VerificationSettings()) -> Pipeline {
        Pipeline(stages: [MentionScanStage(), ClaimStage(knowledge: knowledge, settings: settings)])
    }

    /// The scanner alone (`figcheck mentions`).
    public static let mentionsOnly = Pipeline(stages: [MentionScanStage()])

    /// Runs every stage on `document`.
    public func analyse(_ document: Document) -> DocumentAnalysis {
        var analysis = DocumentAnalysis(document: document)
        for stage in stages { stage.run(&analysis) }
        return analysis
    }
}

import FigCheckCore

/// The pipeline stage that finds the numbers of a document.
public struct MentionScanStage: AnalysisStage {
    public let name = "mentions"
    public let scanner: MentionScanner

    /// Creates the stage.
    public init(scanner: MentionScanner = MentionScanner()) {
        self.scanner = scanner
    }

    public func run(_ analysis: inout DocumentAnalysis) {
        let result = scanner.scan(analysis.document.text, budget: analysis.budget)
        analysis.mentions = result.mentions
        analysis.ignoredNumbers = result.ignored
    }
}

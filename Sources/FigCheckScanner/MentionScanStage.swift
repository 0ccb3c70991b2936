import FigCheckCore

/// The pipeline stage that finds the numbers of a document.
package struct MentionScanStage: AnalysisStage {
    package let name = "mentions"
    package let scanner: MentionScanner

    /// Creates the stage.
    package init(scanner: MentionScanner = MentionScanner()) {
        self.scanner = scanner
    }

    package func run(_ analysis: inout DocumentAnalysis) {
        let result = scanner.scan(analysis.document.text, budget: analysis.budget)
        analysis.mentions = result.mentions
        analysis.ignoredNumbers = result.ignored
    }
}

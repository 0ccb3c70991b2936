import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// The document time budget is checked in the loops of every stage: a spent budget stops each
/// one early, and the pipeline then gives the document up naming the stage.
@Suite("Work budget")
struct WorkBudgetTests {
    static let spent = WorkBudget(seconds: 0)
    static let text = String(repeating: "Exports rose 4.2% in 2024 to $12.5 billion, and imports fell 3%.\n\n", count: 4_000)

    static func document(_ text: String) -> Document {
        Document(source: "budget.txt", format: .text, text: text, sourceMap: .identity(Array(text.utf8)),
                 metadata: DocumentMetadata(date: CalendarDate(year: 2025, month: 6, day: 1), dateSource: .flag))
    }

    @Test("a budget of no seconds is spent; no limit never is")
    func budgets() {
        #expect(Self.spent.isSpent && Self.spent.remainingSeconds == 0)
        #expect(!WorkBudget.unlimited.isSpent && WorkBudget.unlimited.remainingSeconds == nil)
        let hour = WorkBudget(seconds: 3_600)
        #expect(!hour.isSpent && (hour.remainingSeconds ?? 0) > 3_500)
        #expect(throws: WorkBudget.Spent(seconds: 0, stage: "mentions")) { try Self.spent.check(during: "mentions") }
    }

    @Test("the scanner stops between chunks of a long text when the budget is spent")
    func scannerStops() {
        let full = MentionScanner().scan(Self.text)
        #expect(full.mentions.count > 10_000)
        #expect(MentionScanner().scan(Self.text, budget: Self.spent).mentions.isEmpty)
    }

    @Test("the claim reader and the verifier stop when the budget runs out between stages")
    func laterStagesStop() throws {
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        let document = Self.document(Self.text)
        var unlimited = DocumentAnalysis(document: document)
        for stage in pipeline.stages { stage.run(&unlimited) }
        #expect(unlimited.claims.count > 1_000 && unlimited.findings.count > 1_000)
        // Each later stage given the earlier stages' full output and a spent budget.
        var reading = DocumentAnalysis(document: document, budget: Self.spent)
        reading.mentions = unlimited.mentions
        pipeline.stages[1].run(&reading)
        #expect(reading.claims.isEmpty)
        var verifying = DocumentAnalysis(document: document, budget: Self.spent)
        verifying.mentions = unlimited.mentions
        verifying.claims = unlimited.claims
        verifying.claimWorkings = unlimited.claimWorkings
        pipeline.stages[2].run(&verifying)
        #expect(verifying.findings.isEmpty)
    }

    @Test("a spent budget gives the document up, naming the stage")
    func pipelineGivesUp() throws {
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        #expect(throws: WorkBudget.Spent(seconds: 0, stage: "mentions")) {
            try pipeline.analyse(Self.document("Exports rose 4.2%."), within: Self.spent)
        }
        #expect(throws: FigCheckError.gaveUp(source: "budget.txt", seconds: 0, stage: "mentions")) {
            try Check.analyse(Self.document("Exports rose 4.2%."), pipeline: pipeline, options: CheckOptions(inputs: []), budget: Self.spent)
        }
        #expect(FigCheckError.gaveUp(source: "report.docx", seconds: 30, stage: "loading").localizedDescription
            == "report.docx: gave up after 30 s (during loading; --max-seconds sets the limit)")
        for loader in [MarkdownLoader() as any DocumentLoader, HTMLLoader()] {
            let bytes = Array(String(repeating: "<p>Exports rose 4.2%.</p>\n", count: 20_000).utf8)
            #expect(throws: FigCheckError.gaveUp(source: "long", seconds: 0, stage: "loading")) {
                try loader.load(bytes, source: "long", budget: Self.spent)
            }
        }
    }
}

import FigCheckCore
@testable import FigCheckKit
import Foundation
import Testing
import TestSupport

/// Each reporter renders one fixed `Report`, built here rather than read from the shipped tables,
/// and is compared with a canned file (SwiftLint's reporter tests): a change to a format shows as
/// a diff of its file alone, whatever the claims layer does. Each test run is a new process with
/// a new hash seed, so output that followed dictionary order would differ from the file.
/// `FIGCHECK_RECORD=1` re-records.
@Suite("reporters on a fixed report")
struct ReporterSnapshotTests {
    static let folder = TestPaths.fixture("reporters")
    static let recording = ProcessInfo.processInfo.environment["FIGCHECK_RECORD"] == "1"

    /// Two documents, one with a finding of every verdict (characters that need escaping in
    /// every format among them), and one that could not be read.
    static func fixedReport() -> Report {
        let text = "Exports rose 12% to $40 billion in 2024 & <imports> fell \"sharply\".\n"
            + "That is 3.1% of GDP; about 60% went to the region.\nGrowth was 2%.\n"
        func finding(_ id: String, _ ruleId: String, kind: String, _ figure: String, line: Int, column: Int,
                     verdict: Verdict, severity: Severity, computed: Computation? = nil, message: String,
                     hints: [String] = []) -> Finding {
            let start = text.utf8Range(of: figure)?.lowerBound ?? 0
            var finding = Finding(
                id: id, ruleId: ruleId, kind: kind, text: figure,
                sentence: "The sentence with \(figure) & <markup>.",
                location: TextLocation(line: line, column: column, offset: start, length: figure.utf8.count),
                stated: StatedFigure(value: 1, unit: "percent", low: 1, high: 1, hedge: "exact"),
                about: ClaimSubject(entity: "XYZ", indicator: "exports_share", period: "2024", scope: nil),
                verdict: verdict, severity: severity, computed: computed, message: message, hints: hints)
            finding.analysedRange = start..<(start + figure.utf8.count)
            return finding
        }
        let input = ComputationInput(table: "example.gdp", key: ["entity": "XYZ", "period": "2024"], value: 1_500_000_000_000,
                                     vintage: "2025-12-17", source: "Example Bank, Example Indicators")
        let findings = [
            finding("c0-0", "change-over-period", kind: "change", "12%", line: 1, column: 14,
                    verdict: .consistent, severity: .info, message: "Stated 12%; the table gives 11.8%."),
            finding("c0-1", "ratio-of-gdp", kind: "ratio", "3.1%", line: 2, column: 9, verdict: .inconsistent, severity: .error,
                    computed: Computation(value: 2.67, low: 2.66, high: 2.68, formula: "40 bn / XYZ GDP 2024", inputs: [input]),
                    message: "Stated 3.1%; 40 bn / XYZ GDP 2024 = 2.67% (<outside> the tolerance & more).",
                    hints: ["3.1% matches the 2023 GDP \"vintage\"."]),
            finding("c0-2", "share-by-partner", kind: "share", "60%", line: 2, column: 31, verdict: .needsReview, severity: .warning,
                    message: "Stated about 60%; the region is not one the tables know."),
            finding("c0-3", "no-reference", kind: "rate", "2%", line: 3, column: 12, verdict: .unverifiable, severity: .info,
                    message: "Not checked: no reference table was found for what this figure measures."),
        ]
        let metadata = DocumentMetadata(date: CalendarDate(year: 2025, month: 3, day: 1), dateSource: .text,
                                        dateEvidence: TextLocation(line: 1, column: 1, offset: 0, length: 7), subject: "XYZ")
        let document = Document(source: "drafts/brief, v2 & notes.md", format: .markdown, text: text,
                                sourceMap: SourceMap(original: Array(text.utf8), segments: []), metadata: metadata,
                                warnings: ["a table row was skipped"])
        var readable = DocumentReport(document: document, findings: findings, mentions: 6)
        readable.analysedText = text
        let failed = DocumentReport(failedSource: "missing <draft>.txt", error: "missing <draft>.txt: no such file")
        var report = Report(tool: .init(name: "figcheck", version: "9.9.9-test"), documents: [readable, failed],
                            referenceData: [.init(table: "example.gdp", vintage: "2025-12-17",
                                                  attribution: "Example Bank, Example Indicators (CC BY 4.0)")])
        report.attributions = ["Example Bank, Example Indicators (CC BY 4.0), vintage 2025-12-17"]
        return report
    }

    @Test("each format renders the fixed report as its canned file", arguments: OutputFormat.allCases)
    func rendersCannedFile(format: OutputFormat) throws {
        let options = CheckOptions(inputs: [], format: format)
        let rendered = format.render(Self.fixedReport(), options: options)
        let file = Self.folder.appendingPathComponent("fixed-report.\(format.rawValue)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: file)
            return
        }
        let canned = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == canned, "FIGCHECK_RECORD=1 swift test --filter ReporterSnapshotTests re-records \(file.lastPathComponent)")
    }
}

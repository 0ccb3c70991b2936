import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// US tariff rates by partner and sector against the shipped timeline
/// (`curated.us-tariffs-by-partner-2025`), in sentences of our own: the rate in force on the date
/// the text speaks of, as known on the document's date; rates announced and taking effect later;
/// letters never applied; sectors and classes of goods; Markdown tables whose column header names
/// the measure and whose caption dates the rows.
@Suite("Tariff rates by partner and sector")
struct TariffTimelineTests {
    struct Case: Sendable, CustomStringConvertible {
        var shape: String
        var date: String
        var text: String
        /// The figure, as the finding's text contains it (the last such finding is taken).
        var figure: String
        var allowed: Set<Verdict>
        /// The entity of the timeline row the finding was checked against, when it matters.
        var entity: String? = nil
        var description: String { shape }
    }

    static let cases: [Case] = [
        Case(shape: "a deal rate in force on the date the text says ('now')", date: "2025-09-20",
             text: "Japanese goods now face a 15% tariff in the United States.", figure: "15%", allowed: [.consistent], entity: "JPN"),
        Case(shape: "a rate announced and taking effect after the document date is the rate a text gives", date: "2025-08-02",
             text: "Brazilian goods will face a 50% tariff from next week.", figure: "50%", allowed: [.consistent], entity: "BRA"),
        Case(shape: "the second partner of a sentence owns the figure after it", date: "2025-08-02",
             text: "Brazilian goods face a 50% tariff, and goods from the European Union a 15% tariff.", figure: "15%",
             allowed: [.consistent], entity: "EUU"),
        Case(shape: "a letter's rate, before it was superseded, is the scheduled rate", date: "2025-07-15",
             text: "Under the new letter, Japanese goods will pay a 25% tariff from August 1.", figure: "25%", allowed: [.consistent]),
        Case(shape: "a sector named with no partner is every partner's rate", date: "2025-10-01",
             text: "The tariff on imported steel is now 50%.", figure: "50%", allowed: [.consistent], entity: "WLD"),
        Case(shape: "a sector's old rate stated as current is an error", date: "2025-10-01",
             text: "The tariff on imported steel is now 25%.", figure: "25%", allowed: [.inconsistent]),
        Case(shape: "a partner's own sector rate wins over every partner's", date: "2025-10-01",
             text: "British steel now pays a 25% tariff.", figure: "25%", allowed: [.consistent], entity: "GBR"),
        Case(shape: "a retroactive cut is not held against a text written before it was announced", date: "2025-08-20",
             text: "Cars from the European Union now face a 25% tariff.", figure: "25%", allowed: [.consistent]),
        Case(shape: "the retroactive cut, once announced, is the rate in force", date: "2025-10-01",
             text: "Cars from the European Union now face a 25% tariff.", figure: "25%", allowed: [.inconsistent]),
        Case(shape: "goods exempt under a trade agreement are their own class", date: "2025-08-15",
             text: "Canadian goods that are USMCA-compliant pay a 0% tariff, other Canadian goods 35%.", figure: "0%",
             allowed: [.consistent]),
        Case(shape: "an average tariff is not a rate in force", date: "2025-08-15",
             text: "The average US tariff on Chinese goods is now 51.1%.", figure: "51.1%", allowed: [.unverifiable]),
        Case(shape: "a rate in a table column headed by the measure, dated by the table's caption", date: "2025-08-02",
             text: "Rates by partner (as of August 1, 2025)\n\n| Partner | Tariff rate (%) | Notes |\n|---|---|---|\n| Japan | 10 | Baseline for now. |\n| Vietnam | 46 | Before the pause. |",
             figure: "46", allowed: [.inconsistent], entity: "VNM"),
        Case(shape: "a table row that names no partner takes every partner's rate, not the row above's", date: "2025-08-02",
             text: "Rates by partner (as of August 1, 2025)\n\n| Partner | Tariff rate (%) |\n|---|---|\n| Canada | 35 |\n| Everyone else | 10 |",
             figure: "10", allowed: [.consistent], entity: "WLD"),
    ]

    static func finding(_ example: Case) async throws -> Finding {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("tariff.md")
        try Data("---\ndate: \(example.date)\n---\n\n\(example.text)\n".utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        let findings = pipeline.analyse(document).findings.sorted { $0.location.offset < $1.location.offset }
        return try #require(findings.last { $0.text.contains(example.figure) }, "no claim for \(example.figure)")
    }

    @Test("each sentence shape reads the rate in the frame its text gives", arguments: cases)
    func shape(_ example: Case) async throws {
        let finding = try await Self.finding(example)
        #expect(example.allowed.contains(finding.verdict), "\(finding.verdict): \(finding.message)")
        if let entity = example.entity {
            #expect(finding.computed?.inputs.first?.key["entity"] == entity, "\(String(describing: finding.computed?.inputs))")
        }
    }

    @Test("a rate never applied names the letter that set it and the rate in force since")
    func letterNeverApplied() async throws {
        let finding = try await Self.finding(Case(shape: "", date: "2025-09-20",
                                                   text: "Japanese goods now face a 25% tariff in the United States.",
                                                   figure: "25%", allowed: []))
        #expect(finding.verdict == .inconsistent)
        #expect(finding.message.contains("15%") && finding.message.contains("2025-08-07"), "\(finding.message)")
        #expect(finding.hints.contains { $0.contains("2025-07-07") && $0.contains("never applied") && $0.contains("letter") }, "\(finding.hints)")
    }

    @Test("figcheck data show: the rate in force on most EU goods on 2025-09-01, with its source row")
    func inForceOnADate() throws {
        let catalog = try ReferenceCatalog(directory: TestPaths.referenceData)
        let text = try DataReports.show(catalog, .init(table: "us_additional_tariff_total", entity: "EUU", period: nil, vintage: nil,
                                                       on: CalendarDate(exactISO: "2025-09-01")))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("us_additional_tariff_total") && $0.contains("EUU (by USA) ") && !$0.contains("[") })
        #expect(row.contains("15%") && row.contains("2025-08-07") && row.contains("row A5b"), "\(row)")
        // A partner without rows of its own has every partner's rates; a letter's rate is never in force.
        let australia = try DataReports.show(catalog, .init(table: "us_additional_tariff_total", entity: "AUS", period: nil, vintage: nil,
                                                            on: CalendarDate(exactISO: "2025-09-01")))
        #expect(australia.contains("WLD (by USA)  ") && australia.contains("10%"), "\(australia)")
        let august3 = try #require(CalendarDate(exactISO: "2025-08-03"))
        let japan = try #require(try catalog.valueInForce(indicator: "us_additional_tariff_total", entity: "JPN", on: august3))
        #expect(japan.observation.value == 10)
    }
}

import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// The sentence shapes behind the false alarms figcheck raised on real text, written in our own
/// words: each figure must be read in the frame its own sentence gives it, and a figure whose
/// frame no table shares must not be called inconsistent.
@Suite("Claim frames on real-text shapes")
struct ClaimFrameShapeTests {
    struct Case: Sendable, CustomStringConvertible {
        var shape: String
        var date: String
        var text: String
        /// The figure, as the finding's text contains it.
        var figure: String
        /// The verdicts that read the figure right.
        var allowed: Set<Verdict>

        var description: String { shape }
    }

    static let cases: [Case] = [
        Case(shape: "a change in a measure with no table is not GDP growth", date: "2025-05-01",
             text: "Military outlays rose around the region. Poland's arms budget was up 24% on the year.",
             figure: "24%", allowed: [.unverifiable]),
        Case(shape: "\"grew\" without an economy as its subject names no measure", date: "2025-05-01",
             text: "Defence spending in the Nordics grew 12% year on year, and Finland's grew 9.5%.",
             figure: "9.5%", allowed: [.unverifiable]),
        Case(shape: "a share of GDP elided after a growth figure does not borrow GDP growth", date: "2025-05-01",
             text: "Defence spending in the Nordics grew 12% year on year. For the allies, spending relative to GDP came to 1.3% for Denmark and 1.2% for Sweden.",
             figure: "1.3%", allowed: [.unverifiable, .consistent, .needsReview]),
        Case(shape: "a share of another whole is not the imports-to-GDP ratio", date: "2025-03-01",
             text: "Canada sends most of its gasoline south, supplying 48% of total imports of the fuel.",
             figure: "48%", allowed: [.unverifiable]),
        Case(shape: "a definition the text names that the table does not share", date: "2024-02-01",
             text: "By the alliance's own reckoning, NATO put French defence spending at 1.94% of GDP for 2022.",
             figure: "1.94%", allowed: [.unverifiable, .consistent]),
        Case(shape: "a conversion is checked against the exchange rates of its period: right", date: "2022-01-20",
             text: "China's output passed 100 trillion yuan ($15.5 trillion) in 2021.",
             figure: "$15.5 trillion", allowed: [.consistent]),
        Case(shape: "a conversion is checked against the exchange rates of its period: wrong", date: "2022-01-20",
             text: "China's output passed 100 trillion yuan ($14.5 trillion) in 2021.",
             figure: "$14.5 trillion", allowed: [.inconsistent]),
        Case(shape: "a conversion into won with the scale slipped", date: "2025-05-20",
             text: "Korea's GDP per head last year was $30,000 (about 4.1 million won).",
             figure: "4.1 million won", allowed: [.inconsistent]),
        Case(shape: "a per-head figure is not checked against the whole economy", date: "2025-12-20",
             text: "South Korea's per capita GDP last year stood at $36,239, ahead of Japan.",
             figure: "$36,239", allowed: [.consistent]),
        Case(shape: "a component of a tariff is checked against that layer, not the total", date: "2025-06-01",
             text: "The 20% fentanyl levy on Chinese goods still applies.",
             figure: "20%", allowed: [.consistent]),
        Case(shape: "a size ranking is the overtaker's place among countries in the release current on the date", date: "2025-04-25",
             text: "Analysts expect India to overtake Japan this year and become the world's fourth-largest economy.",
             figure: "fourth", allowed: [.consistent]),
        Case(shape: "a size ranking the current release does not give is an error", date: "2025-04-25",
             text: "India became the world's third-largest economy in 2025.", figure: "third", allowed: [.inconsistent]),
        Case(shape: "a size ranking that only a superseded release gives is for review", date: "2025-05-01",
             text: "Japan will remain the world's fourth-largest economy in 2025.", figure: "fourth", allowed: [.needsReview]),
        Case(shape: "a size ranking with no year said is the latest full year's", date: "2025-04-25",
             text: "India is the world's fifth-largest economy.", figure: "fifth", allowed: [.consistent]),
        Case(shape: "a table row is about its own country, not the row above", date: "2025-08-02",
             text: "| Country | Rate | Notes |\n|---|---|---|\n| China | 30 | Includes the 20% fentanyl levy. |\n| Vietnam | 46 | The 20% baseline still applies. |",
             figure: "20%", allowed: [.unverifiable, .needsReview, .consistent]),
        Case(shape: "a growth forecast is not checked against outturns", date: "2024-11-28",
             text: "The central bank expects Korea's economy to grow 1.9 percent in 2025.",
             figure: "1.9 percent", allowed: [.unverifiable]),
        Case(shape: "a real (inflation-adjusted) change is not a change in current dollars", date: "2025-03-10",
             text: "Brazil's GDP per capita came to BRL 55,250 (USD 9,600), an inflation-adjusted rise of 3% on 2023.",
             figure: "3%", allowed: [.unverifiable]),
        Case(shape: "a level at the end of a year is not the year's average", date: "2025-03-10",
             text: "Unemployment in Brazil ended 2024 at 6.6%, a record low.",
             figure: "6.6%", allowed: [.unverifiable]),
        Case(shape: "a month's volume is not the year's", date: "2024-05-01",
             text: "In March 2024 China bought 1.82 million barrels per day of Russian crude.",
             figure: "1.82 million barrels per day", allowed: [.unverifiable]),
        Case(shape: "a multiple over two figures of unknown measure is never an error", date: "2025-02-10",
             text: "The shortfall with Vietnam was $40 billion in 2018. The gap with Mexico more than doubled during 2018, while the total reached $420 billion.",
             figure: "doubled", allowed: [.unverifiable, .needsReview]),
        Case(shape: "a goods deficit with a named partner is checked against the partner's row", date: "2025-03-01",
             text: "The United States ran a $66 billion goods deficit with South Korea last year.",
             figure: "$66 billion", allowed: [.consistent]),
        Case(shape: "a goods deficit with a named partner that the table contradicts is an error", date: "2025-05-01",
             text: "The US goods deficit with South Korea was $90 billion in 2024.",
             figure: "$90 billion", allowed: [.inconsistent]),
        Case(shape: "a trade deficit without its basis that misses the goods figure is not an error", date: "2025-03-01",
             text: "The 2024 trade deficit with Canada was $70.6 billion, the Commerce Department said.",
             figure: "$70.6 billion", allowed: [.unverifiable]),
        Case(shape: "goods and services is another basis than the goods table", date: "2025-03-01",
             text: "With Canada, the gap in goods and services trade came to $35.7 billion in 2024.",
             figure: "$35.7 billion", allowed: [.unverifiable]),
        Case(shape: "a deficit with no partner (a budget) is not bilateral trade", date: "2025-03-01",
             text: "The federal deficit reached $1.8 trillion in 2024.",
             figure: "$1.8 trillion", allowed: [.unverifiable]),
        Case(shape: "an amount that borrows the deficit measure from the paragraph is not judged on it", date: "2025-03-01",
             text: "The goods deficit with China was $295 billion in 2024. American goods sold to China came to $144 billion.",
             figure: "$144 billion", allowed: [.unverifiable, .consistent]),
        Case(shape: "a partner's shipments to the US are US imports from it", date: "2025-02-11",
             text: "Mexican shipments to the U.S. reached $506 billion in 2024, while U.S. goods going to Mexico came to $334 billion.",
             figure: "$506 billion", allowed: [.consistent]),
        Case(shape: "US goods going to a partner are US exports to it", date: "2025-02-11",
             text: "Mexican shipments to the U.S. reached $506 billion in 2024, while U.S. goods going to Mexico came to $334 billion.",
             figure: "$334 billion", allowed: [.consistent]),
        Case(shape: "a partner's goods exports to the US that the US imports contradict are an error", date: "2025-03-01",
             text: "Mexico's goods exports to the United States were $600 billion in 2024.",
             figure: "$600 billion", allowed: [.inconsistent]),
        Case(shape: "two-way trade with a partner is exports plus imports", date: "2025-02-11",
             text: "U.S. trade with Mexico hit $840 billion in 2024, a record.",
             figure: "$840 billion", allowed: [.consistent]),
        Case(shape: "trade between two countries other than the US is not in the US tables", date: "2025-03-01",
             text: "India's imports from Iraq reached $30 billion in 2024.",
             figure: "$30 billion", allowed: [.unverifiable]),
        Case(shape: "a figure pointing back takes the measure and partner the sentence before names", date: "2025-03-01",
             text: "The goods gap with China has widened for years. The U.S. Census Bureau puts it at $295.4 billion for 2024.",
             figure: "$295.4 billion", allowed: [.consistent]),
        Case(shape: "growth known only from a vintage released after the text may have been revised", date: "2024-02-15",
             text: "Over the full year, Japan's real GDP rose 1.9 percent in 2023, the Cabinet Office said.",
             figure: "1.9 percent", allowed: [.needsReview, .consistent, .unverifiable]),
        // Forecasts by a publisher whose releases are bundled: the release current on the date.
        Case(shape: "the IMF's forecast quoted after its April release is checked against that release", date: "2025-04-28",
             text: "In its World Economic Outlook the IMF now projects that South Korea's economy will grow 1.0% in 2025.",
             figure: "1.0%", allowed: [.consistent]),
        Case(shape: "the IMF's autumn forecast quoted after the spring release is a superseded forecast", date: "2025-05-02",
             text: "The IMF projects that South Korea's economy will grow 2.2% in 2025.",
             figure: "2.2%", allowed: [.needsReview]),
        Case(shape: "a forecast the text calls an earlier one is checked against the earlier release", date: "2025-05-02",
             text: "The IMF now projects that South Korea's economy will grow 1.0% in 2025, down from an earlier projection of 2.2%.",
             figure: "2.2%", allowed: [.consistent]),
        Case(shape: "a forecast by a publisher whose forecasts are not bundled stays unverifiable", date: "2025-05-02",
             text: "The central bank projects that South Korea's economy will grow 1.5% in 2025.",
             figure: "1.5%", allowed: [.unverifiable]),
    ]

    @Test("each shape is read in its own frame", arguments: cases)
    func shape(_ example: Case) async throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("shape.md")
        try Data("---\ndate: \(example.date)\n---\n\n\(example.text)\n".utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        let findings = pipeline.analyse(document).findings
        // The last claim of the figure: the shapes put the figure under test after any decoy.
        let finding = try #require(findings.sorted { $0.location.offset < $1.location.offset }.last { $0.text.contains(example.figure) },
                                   "no claim for \(example.figure)")
        #expect(example.allowed.contains(finding.verdict), "\(finding.verdict): \(finding.message)")
    }

    @Test("a superseded IMF forecast names both releases: the one it matches and the one current on the date")
    func staleForecastHint() async throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("forecast.md")
        try Data("---\ndate: 2025-05-02\n---\n\nThe IMF projects that South Korea's economy will grow 2.2% in 2025.\n".utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        let finding = try #require(pipeline.analyse(document).findings.first { $0.text.contains("2.2%") })
        #expect(finding.verdict == .needsReview)
        #expect(finding.message.contains("2024-10-22") && finding.message.contains("2025-04-22"), "\(finding.message)")
        #expect(finding.hints.contains { $0.contains("October 2024") && $0.contains("April 2025") }, "\(finding.hints)")
        #expect(finding.computed?.inputs.first?.table == "weo.ngdp_rpch.2025-04-22")
    }

    @Test("'shrank 0.3%' and 'shrank -0.3%' are both a contraction of 0.3%", arguments: ["shrank 0.3%", "shrank -0.3%", "contracted -0.3%"])
    func contractionSign(_ phrase: String) async throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("contraction.md")
        try Data("---\ndate: 2024-06-01\n---\n\nGermany's economy \(phrase) in 2023.\n".utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        let finding = try #require(pipeline.analyse(document).findings.first { $0.text.contains("0.3%") })
        #expect(finding.stated.value == -0.3, "\(finding.stated)")
    }

    @Test("an amount glossed in brackets after another currency is not an accounting negative")
    func bracketedGloss() async throws {
        let mentions = MentionScanner().scan("It rose from 56.9 trillion yuan ($9.3 trillion) in 2013.")
        let gloss = try #require(mentions.mentions.first { $0.currency == "USD" })
        #expect(gloss.value == 9.3e12)
        let accounting = MentionScanner().scan("The annual revenue is ($99.99).")
        #expect(accounting.mentions.first?.value == -99.99)
    }
}

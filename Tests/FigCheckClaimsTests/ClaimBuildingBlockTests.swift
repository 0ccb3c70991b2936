import FigCheckCore
import FigCheckData
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// Sentences, entities and periods: what the claim rules will read figures against.
@Suite("Sentences, entities and periods")
struct ClaimBuildingBlockTests {
    @Test("sentences end at stops, not at abbreviations, decimals or initials")
    func sentences() {
        let text = """
            The $350 billion we pledged to invest in the U.S. amounts to 20.4% of GDP. Japan's stood at 13.1%.
            Dr. Lee said so on Jan. 5. Really? Yes!

            A new paragraph starts here.
            """
        let sentences = SentenceSplitter().sentences(in: text)
        let bytes = Array(text.utf8)
        let texts = sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(texts == [
            "The $350 billion we pledged to invest in the U.S. amounts to 20.4% of GDP.",
            "Japan's stood at 13.1%.",
            "Dr. Lee said so on Jan. 5.",
            "Really?",
            "Yes!",
            "A new paragraph starts here.",
        ])
        #expect(sentences.map(\.paragraph) == [0, 0, 0, 0, 0, 1])
    }

    @Test("a country's abbreviation ends a sentence before a word that opens one, not before a name it begins")
    func abbreviationBeforeName() {
        let text = "Exports to the U.S. The rest went to Asia. The U.S. Census Bureau counts them. Few ship to the U.K. Its ports are full."
        let bytes = Array(text.utf8)
        let texts = SentenceSplitter().sentences(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(texts == ["Exports to the U.S.", "The rest went to Asia.", "The U.S. Census Bureau counts them.",
                          "Few ship to the U.K.", "Its ports are full."])
    }

    @Test("a heading line and each item of a bulleted list are sentences of their own")
    func bulletedList() {
        let text = "Imports climb 7 percent\n  • Imports rose 7 percent in May, a sign of demand\n  - Stocks fell\n* Prices held\n\nA line that wraps\ngoes on here."
        let bytes = Array(text.utf8)
        let texts = SentenceSplitter().sentences(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(texts == ["Imports climb 7 percent", "• Imports rose 7 percent in May, a sign of demand", "- Stocks fell", "* Prices held",
                          "A line that wraps\ngoes on here."])
    }

    @Test("the Hansun seed splits into sentences that keep each claim whole")
    func seedSentences() throws {
        let text = try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8)
        let bytes = Array(text.utf8)
        let texts = SentenceSplitter().sentences(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(texts.contains("The $350 billion we pledged to invest in the U.S. amounts to 20.4% of last year’s nominal GDP; including energy purchases, it reaches 25%, and that excludes corporate-level U.S. investments."))
        #expect(texts.contains("In 2020, 51% of Russia’s oil exports went to Europe; by the first half of 2025, that figure had fallen to 11%, and China is now the largest importer."))
    }

    static let finder: EntityFinder = {
        let catalog = try? ReferenceCatalog(directory: TestPaths.referenceData)
        let directory = catalog.flatMap { try? EntityDirectory(catalog: $0) }
        return EntityFinder(directory: directory!, subject: "KOR")
    }()

    @Test("entities by name, possessive, demonym, metonym and pronoun", arguments: [
        ("As of the July agreement, Japan's U.S.-bound investment stood at 13.1% of its GDP", ["JPN", "USA"]),
        ("tariffs of 145% on Chinese goods", ["CHN"]),
        ("Washington had already sent multiple signals", ["USA"]),
        ("The $350 billion we pledged to invest in the U.S.", ["KOR", "USA"]),
        ("and the EU's at 6.9%", ["EUU"]),
        ("51% of Russia's oil exports went to Europe", ["RUS"]),
        ("the Republic of Korea on its list", ["KOR"]),
    ])
    func entities(sentence: String, codes: [String]) {
        #expect(Self.finder.entities(in: sentence).map(\.code) == codes)
    }

    @Test("possessives and uncertain names are marked")
    func marks() {
        let found = Self.finder.entities(in: "Japan's pledge, our outlay, a plant in Georgia")
        #expect(found.map(\.code) == ["JPN", "KOR", "GEO"])
        #expect(found.map(\.possessive) == [true, true, false])
        #expect(found.map(\.uncertain) == [false, false, true])
    }

    static let hansunDate = CalendarDate(year: 2025, month: 10, day: 1)

    @Test("periods resolved against the document date", arguments: [
        ("amounts to 20.4% of last year’s nominal GDP", "2024"),
        ("this March the Department of Energy", "2025-03"),
        ("then reduced the number to 30% in April", "2025-04"),
        ("by the first half of 2025, that figure had fallen", "2025-H1"),
        ("In 2020, 51% of exports went to Europe", "2020"),
        ("As of the July agreement", "2025-07"),
        ("On the 25th of last month", "2025-09"),
        ("output in H1 2024 rose", "2024-H1"),
        ("the tariff took effect May 14, 2025", "2025-05-14"),
    ])
    func periods(sentence: String, period: String) {
        let resolver = PeriodResolver(documentDate: Self.hansunDate)
        #expect(resolver.periods(in: sentence).first?.period == period, "\(resolver.periods(in: sentence))")
    }

    @Test("with no period said, the latest full year before the document")
    func defaultYear() {
        #expect(PeriodResolver(documentDate: Self.hansunDate).defaultYear == 2024)
        #expect(PeriodResolver(documentDate: nil).defaultYear == nil)
        #expect(PeriodResolver(documentDate: nil).periods(in: "last year").isEmpty)
    }
}

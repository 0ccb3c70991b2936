import FigCheckData
import Foundation
import Testing
import TestSupport

@Suite("Entities and the indicator lexicon")
struct EntityDirectoryTests {
    let directory: EntityDirectory
    let lexicon: IndicatorLexicon

    init() throws {
        let catalog = try ReferenceCatalog(directory: TestPaths.referenceData)
        directory = try EntityDirectory(catalog: catalog)
        lexicon = try IndicatorLexicon(catalog: catalog)
    }

    @Test("names, abbreviations, demonyms and metonyms resolve to codes", arguments: [
        ("ROK", "KOR"), ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("Korean", "KOR"),
        ("South Korean", "KOR"), ("Seoul", "KOR"), ("U.S.", "USA"), ("US", "USA"), ("America", "USA"),
        ("United States of America", "USA"), ("Washington", "USA"), ("PRC", "CHN"), ("Chinese", "CHN"),
        ("Beijing", "CHN"), ("Japanese", "JPN"), ("Tokyo", "JPN"), ("Moscow", "RUS"), ("Iranian", "IRN"),
        ("Brussels", "EUU"), ("EU", "EUU"), ("European Union", "EUU"), ("Türkiye", "TUR"),
    ])
    func resolves(phrase: String, code: String) {
        #expect(directory.resolve(phrase).map(\.code).contains(code), "\(phrase)")
        // The finder's fast path gives what `resolve` gives first.
        #expect(directory.firstMatch(phrase, lowercased: phrase.lowercased()) == directory.resolve(phrase).first)
    }

    @Test("lower-case words that look like abbreviations are not entities")
    func pronounsAreNotCountries() {
        #expect(directory.resolve("us").isEmpty)
        #expect(directory.resolve("eu").isEmpty)
        #expect(directory.resolve("US").first?.code == "USA")
        #expect(directory.firstMatch("us", lowercased: "us") == nil)
        #expect(directory.firstMatch("US", lowercased: "us")?.code == "USA")
    }

    @Test("aggregates list their members; EU-27, G7 and OECD agree with an independent list")
    func aggregates() throws {
        #expect(directory.members(of: "EUU")?.count == 27)
        #expect(directory.members(of: "G7")?.count == 7)
        #expect(directory.members(of: "NATO")?.count == 32)
        // country-converter is GPL: the tests may read it, the product never ships it.
        let file = TestPaths.shared.appendingPathComponent("reference-sources/country-converter/country_data.tsv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines[0]
        let iso3 = try #require(header.firstIndex(of: "ISO3"))
        for (column, code) in [("EU27", "EUU"), ("G7", "G7"), ("OECD", "OED")] {
            let index = try #require(header.firstIndex(of: column))
            let independent = Set(lines.dropFirst().filter { $0.count > index && !$0[index].isEmpty && $0[index] != "nan" }
                .map { $0[iso3] })
            #expect(Set(directory.members(of: code) ?? []) == independent, "\(column)")
        }
    }

    @Test("the lexicon names indicators", arguments: [
        ("nominal GDP", "gdp_current_usd"), ("Gross Domestic Product", "gdp_current_usd"),
        ("defense spending", "military_expenditure_share_of_gdp"), ("tariffs", "us_additional_tariff_total"),
        ("crude exports", "crude_export_share_by_destination"), ("energy purchases", "energy_purchase_pledge_from_us"),
    ])
    func lexiconNames(phrase: String, indicator: String) {
        #expect(lexicon.indicators(named: phrase).contains(indicator))
    }
}

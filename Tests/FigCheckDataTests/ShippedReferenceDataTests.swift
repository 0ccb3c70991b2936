import FigCheckCore
import FigCheckData
import Foundation
import Testing
import TestSupport

/// The tables that ship in reference-data/: valid, complete, and holding the published figures.
@Suite("Shipped reference data")
struct ShippedReferenceDataTests {
    let catalog: ReferenceCatalog

    init() throws {
        catalog = try ReferenceCatalog(directory: TestPaths.referenceData)
    }

    @Test("validate finds no problem in the shipped data")
    func validates() {
        let problems = ReferenceDataValidator.validate(TestPaths.referenceData)
        #expect(problems.isEmpty, "\(problems.prefix(5).map(\.description))")
    }

    static let gdp: [(entity: String, period: String, vintage: String, billions: Double)] = [
        ("KOR", "2024", "2025-12-17", 1_875.39),
        ("KOR", "2023", "2024-09-19", 1_712.79),
        ("KOR", "2023", "2025-12-17", 1_844.80),
        ("JPN", "2024", "2025-12-17", 4_027.60),
        ("JPN", "2024", "2026-07-01", 4_190.01),
        ("JPN", "2023", "2024-09-19", 4_212.95),
        ("EUU", "2024", "2025-12-17", 19_497.12),
        ("EUU", "2024", "2026-07-01", 19_501.08),
    ]

    @Test("GDP in each vintage matches the published figure", arguments: gdp)
    func gdpVintages(entity: String, period: String, vintage: String, billions: Double) throws {
        let key = ObservationKey(indicator: "gdp_current_usd", entity: entity, period: period)
        let found = try #require(try catalog.value(at: key, vintage: .exactly(vintage)))
        #expect((found.observation.value / 1e9 * 100).rounded() / 100 == billions)
        #expect(found.table.attribution == "World Bank, World Development Indicators (CC BY 4.0), vintage \(vintage)")
    }

    @Test("the newest vintage is the default, and --as-of picks what was released by then")
    func vintageSelection() throws {
        let key = ObservationKey(indicator: "gdp_current_usd", entity: "KOR", period: "2023")
        #expect(try catalog.value(at: key)?.table.vintage == "2026-07-01")
        #expect(try catalog.value(at: key, vintage: .asOf(CalendarDate(year: 2025, month: 10, day: 1)!))?.table.vintage
            == "2024-09-19")
        #expect(try catalog.value(at: key, vintage: .asOf(CalendarDate(year: 2024, month: 1, day: 1)!)) == nil)
        #expect(try catalog.allVintages(at: key).map(\.table.vintage) == ["2024-09-19", "2025-12-17", "2026-07-01"])
    }

    @Test("the US tariff on Chinese goods in force on a date", arguments: [
        ("2025-02-03", nil), ("2025-02-04", 10.0), ("2025-03-10", 20), ("2025-04-07", 30), ("2025-04-09", 104),
        ("2025-04-20", 145), ("2025-05-13", 145), ("2025-05-20", 30), ("2025-11-10", 20),
    ])
    func tariffTimeline(date: String, percent: Double?) throws {
        let found = try catalog.valueInForce(indicator: "us_additional_tariff_total", entity: "CHN",
                                             on: CalendarDate(iso: date)!, partner: "USA")
        #expect(found?.observation.value == percent)
        if percent != nil {
            #expect(found?.observation.provenance?.url.hasPrefix("http") == true)
            #expect(found?.observation.provenance?.confidence == "high")
        }
    }

    @Test("curated rows carry the figures of topical-facts.csv, with their sources")
    func curatedRowsMatchTheirSource() throws {
        let source = try String(contentsOf: TestPaths.shared.appendingPathComponent(
            "reference-sources/curated/topical-facts.csv"), encoding: .utf8)
        let facts = try CSVReader.records(Array(source.utf8)).dropFirst()
        var values: [String: Double] = [:]
        for record in facts { if let value = Double(record.fields[4]) { values[record.fields[0]] = value } }
        var checked = 0
        for entry in catalog.entries where entry.metadata.kind == .facts || entry.metadata.kind == .timeline {
            let lines = try CSVReader.records([UInt8](Data(contentsOf: entry.dataURL)))
            for record in lines.dropFirst() {
                let rowID = record.fields[0]
                guard let expected = values[rowID], record.fields[1].hasSuffix("_total") == false,
                      record.fields[8] != "date" else { continue }
                #expect(Double(record.fields[7]) == expected, "\(entry.metadata.id) row \(rowID)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    @Test("every WDI table has as many rows as its source file")
    func wdiRowCounts() throws {
        let sources = TestPaths.shared.appendingPathComponent("reference-sources")
        for entry in catalog.entries where entry.metadata.kind == .series && entry.metadata.id.hasPrefix("wdi.") {
            let code = try #require(entry.metadata.seriesCode).lowercased()
            let file: URL
            switch entry.metadata.vintage {
            case "2024-09-19": file = sources.appendingPathComponent("datahub-gdp-2024-10/gdp.csv")
            case "2025-12-17": file = sources.appendingPathComponent("wdi-2025-12/\(code)/data.csv")
            default: file = sources.appendingPathComponent("wdi-2026-07/\(code)/data.csv")
            }
            let sourceRows = try CSVReader.records([UInt8](Data(contentsOf: file))).count - 1
            #expect(entry.metadata.coverage.rows == sourceRows, "\(entry.metadata.id)")
        }
    }

    @Test("the Fed exchange-rate tables hold every source row as written, all per US dollar")
    func fedExchangeRates() throws {
        let folder = TestPaths.shared.appendingPathComponent("reference-sources/fed-exchange-rates")
        for frequency in ["annual", "monthly"] {
            var shipped: [String: String] = [:]  // "name period" -> value as written
            for row in try catalog.observations(inTable: "fx.fed-h10-\(frequency)") {
                shipped["\(row.entityName ?? "") \(row.period)"] = row.valueText
            }
            let source = try CSVReader.records([UInt8](Data(contentsOf: folder.appendingPathComponent("\(frequency).csv"))))
            #expect(shipped.count == source.count - 1, "\(frequency)")
            for record in source.dropFirst() {
                let name = record.fields[1] == "Euro" ? "Euro area" : record.fields[1]
                let period = String(record.fields[0].prefix(frequency == "annual" ? 4 : 7))
                #expect(shipped["\(name) \(period)"] == record.fields[2], "\(frequency) \(name) \(period)")
            }
        }
        func monthly(_ entity: String, _ period: String) throws -> Double {
            let key = ObservationKey(indicator: "fed_exchange_rate_monthly_lcu_per_usd", entity: entity, period: period)
            return try #require(try catalog.value(at: key)).observation.value
        }
        // Figures SOURCE.md quotes.
        #expect((try monthly("KOR", "2025-07") * 100).rounded() / 100 == 1_379.30)
        #expect((try monthly("KOR", "2025-08") * 100).rounded() / 100 == 1_389.00)
        // The euro is per dollar like the rest: marks per dollar over the euro's value is the fixed
        // conversion rate, constant month to month through 1999–2001; their product is not.
        let months = (1999...2001).flatMap { year in (1...12).map { String(format: "%d-%02d", year, $0) } }
        let ratios = try months.map { try monthly("DEU", $0) / monthly("EMU", $0) }
        let products = try months.map { try monthly("DEU", $0) * monthly("EMU", $0) }
        func spread(_ values: [Double]) -> Double { (values.max()! - values.min()!) / values.min()! }
        #expect(spread(ratios) < 0.005, "\(ratios)")
        #expect(spread(products) > 0.2, "\(products)")
    }

    @Test("the WEO vintages and the Census trade tables hold the published figures, projections marked")
    func weoAndCensus() throws {
        let gdp2023 = try catalog.allVintages(at: ObservationKey(indicator: "imf_gdp_current_usd", entity: "KOR", period: "2023"))
        #expect(gdp2023.map(\.observation.valueText) == ["1712.793", "1839.058", "1839.058", "1844.801"])
        #expect(gdp2023.map(\.table.vintage) == ["2024-04-16", "2024-10-22", "2025-04-22", "2025-10-14"])
        #expect(gdp2023[0].observation.value == 1_712.793e9)
        let growth2025 = try catalog.allVintages(at: ObservationKey(indicator: "imf_gdp_growth", entity: "KOR", period: "2025"))
        #expect(growth2025.map(\.observation.valueText) == ["2.337", "2.166", "1.027", "0.896"])
        // 2025 was a projection in every vintage, 2023 an actual from April 2024 on.
        #expect(growth2025.allSatisfy { $0.observation.isProjection })
        let growth2023 = try catalog.allVintages(at: ObservationKey(indicator: "imf_gdp_growth", entity: "KOR", period: "2023"))
        #expect(growth2023.allSatisfy { !$0.observation.isProjection })
        let balance = try catalog.value(at: ObservationKey(indicator: "us_goods_balance_with_partner", entity: "KOR", period: "2024"))
        #expect(balance.map { ($0.observation.value / 1e6 * 10).rounded() / 10 } == -66_007.4)
        let deficit = try catalog.value(at: ObservationKey(indicator: "us_goods_deficit_with_partner", entity: "CHN", period: "2024"))
        #expect(deficit.map { ($0.observation.value / 1e6 * 10).rounded() / 10 } == 295_401.6)
        // Two-way trade is exports plus imports: Mexico 2024, $334,041.4 + $505,850.6 million.
        let trade = try catalog.value(at: ObservationKey(indicator: "us_goods_trade_with_partner", entity: "MEX", period: "2024"))
        #expect(trade.map { ($0.observation.value / 1e6 * 10).rounded() / 10 } == 839_892.0)
        // February 2025 is the file's last month: it has a monthly row, 2025 has no annual one.
        let february = try catalog.value(at: ObservationKey(indicator: "us_goods_exports_to_partner", entity: "KOR", period: "2025-02"))
        let year2025 = try catalog.value(at: ObservationKey(indicator: "us_goods_exports_to_partner", entity: "KOR", period: "2025"))
        #expect(february != nil)
        #expect(year2025 == nil)
    }

    @Test("every table names its licence and the attribution it requires; no GPL data ships")
    func licences() {
        #expect(catalog.entries.count >= 30)
        for entry in catalog.entries {
            #expect(!entry.metadata.attribution.isEmpty)
            #expect(["CC-BY-4.0", "PDDL-1.0", "ODbL-1.0", "MIT", "LicenseRef-IMF-Data-Terms",
                     "LicenseRef-US-Government-Public-Domain"].contains(entry.metadata.licence), "\(entry.metadata.id)")
            // The IMF's terms allow redistribution only with this credit (shared/reference-sources/README.md).
            if entry.metadata.publisher == "IMF" {
                #expect(entry.metadata.attribution.hasPrefix("Source: IMF, World Economic Outlook database, "), "\(entry.metadata.id)")
            }
        }
        let mledoze = catalog.entry(id: "entities.mledoze-names")
        #expect(mledoze?.metadata.attribution.contains("Open Database License") == true)
    }
}

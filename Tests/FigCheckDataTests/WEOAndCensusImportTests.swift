import FigCheckCore
import FigCheckData
import Foundation
import Testing
import TestSupport

/// The WEO and Census importers on small files of our own, into a copy of the mini reference data.
@Suite("Importing IMF WEO vintages and Census trade by partner")
struct WEOAndCensusImportTests {
    static let sources = TestPaths.dataFixture("import-sources")

    /// A copy of the mini data with the importers' configuration files from the shipped data.
    static func directory() throws -> URL {
        let copy = try TestPaths.copy(TestPaths.dataFixture("mini-data"))
        for file in ["weo/weo-concepts.csv", "weo/weo-areas.csv", "census/census-partners.csv"] {
            let target = copy.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("reference-data/\(file)"), to: target)
        }
        return copy
    }

    static let provenance = SeriesProvenance(vintage: "2024-04-16", retrieved: "2024-04-16", obtainedFrom: "test fixture")

    @Test("a WEO extract becomes one table per concept: areas crosswalked, projections marked, unknown areas counted")
    func weo() throws {
        let directory = try Self.directory()
        let outcome = try WEOImporter.importVintage(from: Self.sources.appendingPathComponent("weo-extract.csv"),
                                                    crosswalk: Self.sources.appendingPathComponent("weo-crosswalk.csv"),
                                                    provenance: Self.provenance, into: directory, replace: false)
        #expect(outcome.tables.map(\.id) == ["weo.ngdpd.2024-04-16", "weo.ngdp_rpch.2024-04-16"])
        #expect(outcome.skippedAreas == ["G110": 1])
        #expect(outcome.tables.allSatisfy { $0.attribution == "Source: IMF, World Economic Outlook database, April 2024" })
        let catalog = try ReferenceCatalog(directory: directory)
        let actual = try #require(try catalog.value(at: ObservationKey(indicator: "imf_gdp_growth", entity: "KOR", period: "2023")))
        let projected = try #require(try catalog.value(at: ObservationKey(indicator: "imf_gdp_growth", entity: "KOR", period: "2024")))
        #expect(!actual.observation.isProjection)
        #expect(projected.observation.isProjection)
        // No last actual year given: a year not over at the release date is a projection.
        let gdp = try #require(try catalog.value(at: ObservationKey(indicator: "imf_gdp_current_usd", entity: "KOR", period: "2025")))
        #expect(gdp.observation.isProjection)
        #expect(gdp.observation.value == 1_842.661e9)
        #expect(ReferenceDataValidator.validate(directory).isEmpty)
        // The same vintage again is refused unless replaced, and replacing it writes the same bytes.
        let file = directory.appendingPathComponent("weo/2024-04-16/ngdpd.csv")
        let before = try Data(contentsOf: file)
        #expect(throws: ReferenceDataError.self) {
            try WEOImporter.importVintage(from: Self.sources.appendingPathComponent("weo-extract.csv"),
                                          crosswalk: Self.sources.appendingPathComponent("weo-crosswalk.csv"),
                                          provenance: Self.provenance, into: directory, replace: false)
        }
        _ = try WEOImporter.importVintage(from: Self.sources.appendingPathComponent("weo-extract.csv"),
                                          crosswalk: Self.sources.appendingPathComponent("weo-crosswalk.csv"),
                                          provenance: Self.provenance, into: directory, replace: true)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("Census trade by country: partners by name or code, balance, deficit and two-way trade derived, ambiguous rows and unpublished months left out")
    func census() throws {
        let directory = try Self.directory()
        let provenance = SeriesProvenance(vintage: "2025-04-04", retrieved: "2025-04-04", obtainedFrom: "test fixture")
        let outcome = try CensusImporter.importFile(Self.sources.appendingPathComponent("census-country.csv"),
                                                    provenance: provenance, into: directory, replace: false)
        #expect(outcome.tables.count == 10)
        #expect(outcome.skippedPartners["Pacific Rim Countries"] == 1)
        #expect(outcome.skippedPartners.keys.filter { $0.hasPrefix("Japan") }.count == 2)
        let catalog = try ReferenceCatalog(directory: directory)
        func value(_ indicator: String, _ entity: String, _ period: String) throws -> Double? {
            try catalog.value(at: ObservationKey(indicator: indicator, entity: entity, period: period))?.observation.value
        }
        #expect(try value("us_goods_imports_from_partner", "KOR", "2024") == 120.5e6)
        #expect(try value("us_goods_exports_to_partner", "KOR", "2024") == 60.25e6)
        #expect(try value("us_goods_balance_with_partner", "KOR", "2024") == -60.25e6)
        #expect(try value("us_goods_deficit_with_partner", "KOR", "2024") == 60.25e6)
        #expect(try value("us_goods_trade_with_partner", "KOR", "2024") == 180.75e6)
        #expect(try value("us_goods_deficit_with_partner", "WLD", "2024") == 240e6)
        #expect(try value("us_goods_deficit_with_partner", "JPN", "2024") == nil)
        // 2025 has two months: they are rows, the part-year total is not.
        #expect(try value("us_goods_exports_to_partner", "KOR", "2025-02") == 7e6)
        #expect(try value("us_goods_exports_to_partner", "KOR", "2025-03") == nil)
        #expect(try value("us_goods_exports_to_partner", "KOR", "2025") == nil)
        #expect(ReferenceDataValidator.validate(directory).isEmpty)
    }

    @Test("a file with another header is refused with its path")
    func wrongHeader() throws {
        let directory = try Self.directory()
        let error = #expect(throws: ReferenceDataError.self) {
            try CensusImporter.importFile(Self.sources.appendingPathComponent("weo-extract.csv"),
                                          provenance: Self.provenance, into: directory, replace: false)
        }
        #expect(error?.localizedDescription.contains("weo-extract.csv") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("census/2024-04-16").path))
    }
}

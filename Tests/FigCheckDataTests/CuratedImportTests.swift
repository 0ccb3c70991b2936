import FigCheckCore
import FigCheckData
import Foundation
import Testing
import TestSupport

/// `figcheck data import curated`: a specification of our own, and the shipped specification,
/// which must rebuild the shipped tables byte for byte.
@Suite("Importing curated, entity and lexicon tables from a specification")
struct CuratedImportTests {
    static let fixture = TestPaths.dataFixture("curated-spec")

    @Test("a curated selection takes its evidence from the source row of its id: Markdown tables and CSV alike")
    func selectionFilledFromSources() throws {
        let directory = try TestPaths.temporaryDirectory()
        let written = try CuratedImporter.importTables(specification: Self.fixture.appendingPathComponent("tables.json"),
                                                       sources: Self.fixture.appendingPathComponent("sources"), into: directory)
        #expect(written.map(\.id) == ["curated.harbour-dues", "entities.test-aliases"])
        #expect(written[0].coverage == .init(rows: 3, entities: 1, firstPeriod: "2024", lastPeriod: "2024-06-01"))
        let csv = try String(contentsOf: directory.appendingPathComponent("curated/harbour-dues.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        // Extra columns of the selection follow the fact columns.
        #expect(lines[0] == (FactColumns.all + ["announced", "status"]).joined(separator: ","))
        // The first URL, the first quoted passage and the first confidence word of the Markdown row.
        #expect(lines[1] == "H1,harbour_dues,RUR,,,2024-03-03,2024-03-03,12,percent,Port Gazette,https://example.org/gazette/1,dues of 12% apply from March 3,high,first rate,2024-02-01,")
        // "same as H1" is H1's URL; the selection's own confidence wins over the source's.
        #expect(lines[2] == "H2,harbour_dues,RUR,,,2024-06-01,2024-06-01,8,percent,Port Gazette,https://example.org/gazette/1,cut to 8% on June 1,medium,,,")
        #expect(lines[3] == "F1,harbour_berths,RUR,,,2024,,40,count,Harbour Board annual report,https://example.org/report,forty berths,medium,,,")
        let aliases = try String(contentsOf: directory.appendingPathComponent("entities/test-aliases.csv"), encoding: .utf8)
        #expect(aliases == "alias,code,kind,note\nRuritanian,RUR,adjective,a country of fiction\n")
        let meta = try JSONDecoder().decode(TableMetadata.self, from: Data(contentsOf: directory.appendingPathComponent("curated/harbour-dues.meta.json")))
        #expect(meta.file == "harbour-dues.csv" && meta.vintage == "2024-07-01" && meta.kind == .timeline)
    }

    @Test("a selected row whose source gives no evidence is refused, naming the file, line and row")
    func missingEvidence() throws {
        let copy = try TestPaths.copy(Self.fixture)
        let rows = copy.appendingPathComponent("rows/dues.csv")
        var text = try String(contentsOf: rows, encoding: .utf8)
        text += "H7,harbour_dues,RUR,,,2024-09-01,2024-09-01,5,percent,,,,,,,\n"
        try text.write(to: rows, atomically: true, encoding: .utf8)
        let directory = try TestPaths.temporaryDirectory()
        do {
            _ = try CuratedImporter.importTables(specification: copy.appendingPathComponent("tables.json"),
                                                 sources: copy.appendingPathComponent("sources"), into: directory)
            Issue.record("expected the import to fail")
        } catch let error as ReferenceDataError {
            #expect(error.localizedDescription.hasSuffix("dues.csv:5: source_publisher is empty and no source row H7 gives it"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("curated/harbour-dues.csv").path))
    }

    @Test("the shipped specification rebuilds every shipped curated, entity, exchange-rate and lexicon table byte for byte")
    func shippedTablesRebuild() throws {
        let sources = TestPaths.shared.appendingPathComponent("reference-sources")
        let directory = try TestPaths.temporaryDirectory()
        let written = try CuratedImporter.importTables(
            specification: TestPaths.repository.appendingPathComponent("Scripts/curated/tables.json"), sources: sources, into: directory)
        #expect(written.count >= 20)
        for table in written {
            let folder = (table.id.split(separator: ".").first).map(String.init) ?? ""
            for file in [table.file, table.file.replacingOccurrences(of: ".csv", with: ".meta.json")] {
                let built = try Data(contentsOf: directory.appendingPathComponent("\(folder)/\(file)"))
                let shipped = try Data(contentsOf: TestPaths.referenceData.appendingPathComponent("\(folder)/\(file)"))
                #expect(built == shipped, "\(folder)/\(file) differs from the shipped table: run Scripts/import-reference-data")
            }
        }
    }

    @Test("figcheck data import curated writes the tables and exits 0; provenance options are refused for it")
    func binary() throws {
        let directory = try TestPaths.temporaryDirectory()
        let run = try FigCheckBinary.run(["data", "import", "curated", Self.fixture.appendingPathComponent("tables.json").path,
                                          "--sources", Self.fixture.appendingPathComponent("sources").path, "--data", directory.path])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput == "curated.harbour-dues: 3 rows\nentities.test-aliases: 1 rows\n")
        let noSources = try FigCheckBinary.run(["data", "import", "curated", "tables.json", "--data", directory.path])
        #expect(noSources.exitCode == 2 && noSources.standardError.contains("curated imports need --sources"))
        let withVintage = try FigCheckBinary.run(["data", "import", "curated", "tables.json", "--sources", ".", "--vintage", "2025-01-01"])
        #expect(withVintage.exitCode == 2 && withVintage.standardError.contains("take their provenance from the specification"))
    }
}

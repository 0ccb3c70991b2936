import FigCheckCore
import FigCheckData
import Foundation
import Testing
import TestSupport

/// Look-ups parse a table one entity at a time (a check of one article must not parse every row
/// of every GDP vintage): the rows found that way are the rows a whole parse finds, and a fault
/// in the rows read is still an error.
@Suite("Table look-ups by entity")
struct TableLookupTests {
    /// CSV a reader can get wrong: a BOM, quoted commas, doubled quotes, a line break inside a
    /// quoted field, CRLF line ends, blank lines, a quoted empty line and no final line end.
    static let awkward = "\u{FEFF}entity,entity_name,period,value\r\nKOR,\"Korea, Rep.\",2024,1.5\r\n\r\n"
        + "USA,\"The \"\"United\"\" States\",2024,2\n\"\"\nJPN,\"Japan\nline two\",2023,3\nCHN,China,2022,4"

    @Test("spans find the records a whole parse finds, each parsed alone to the same fields and lines")
    func spansMatchRecords() throws {
        let bytes = Array(Self.awkward.utf8)
        let records = try CSVReader.records(bytes)
        let spans = try CSVReader.spans(bytes, keyColumn: 0)
        #expect(spans.map(\.key) == ["entity", "KOR", "USA", "JPN", "CHN"])
        #expect(spans.count == records.count)
        for (span, record) in zip(spans, records) {
            let alone = try CSVReader.records(bytes, in: span.span)
            #expect(alone.count == 1)
            #expect(alone.first?.fields == record.fields && alone.first?.line == record.line)
        }
        #expect(records.map(\.line) == [1, 2, 4, 6, 8])
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) {
            try CSVReader.spans(Array("a,b\n\"open,1\n".utf8), keyColumn: 0)
        }
    }

    @Test("every shipped table: spans keyed by entity match the whole parse, row for row")
    func shippedTablesSplitAlike() throws {
        let catalog = try ReferenceCatalog(directory: TestPaths.referenceData)
        for entry in catalog.entries where entry.metadata.kind.holdsObservations {
            let bytes = [UInt8](try Data(contentsOf: entry.dataURL))
            let records = try CSVReader.records(bytes)
            let entityColumn = try #require(records.first?.fields.firstIndex(of: "entity"), "\(entry.metadata.id)")
            let spans = try CSVReader.spans(bytes, keyColumn: entityColumn)
            #expect(spans.count == records.count, "\(entry.metadata.id)")
            #expect(spans.map(\.key) == records.map { $0.fields.count > entityColumn ? $0.fields[entityColumn] : "" },
                    "\(entry.metadata.id)")
            #expect(spans.map(\.span.line) == records.map(\.line), "\(entry.metadata.id)")
        }
    }

    @Test("a look-up by key returns the row the whole table has, in every vintage")
    func lookupsMatchWholeTables() throws {
        let byEntity = try ReferenceCatalog(directory: TestPaths.referenceData)
        let whole = try ReferenceCatalog(directory: TestPaths.referenceData)
        for entry in byEntity.entries where entry.metadata.kind == .series {
            let rows = try whole.observations(inTable: entry.metadata.id)
            // Every 50th row, and the last: first and later rows of an entity, every entity block.
            for row in rows.enumerated().filter({ $0.offset % 50 == 0 || $0.offset == rows.count - 1 }).map(\.element) {
                let key = ObservationKey(indicator: row.indicator, entity: row.entity, period: row.period)
                let found = try byEntity.allVintages(at: key).first { $0.table.id == entry.metadata.id }
                #expect(found?.observation.value == row.value && found?.observation.line == row.line,
                        "\(entry.metadata.id) \(row.entity) \(row.period)")
            }
        }
    }

    /// A one-table catalog over `csv`, in a fresh directory.
    static func catalog(_ csv: String) throws -> ReferenceCatalog {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: directory.appendingPathComponent("gdp.csv"))
        // The metadata of the fixture GDP table, pointed at this file.
        let fixture = try #require(ReferenceCatalog(directory: TestPaths.repository
            .appendingPathComponent("Tests/FigCheckDataTests/Fixtures/mini-data")).entries.first { $0.metadata.kind == .series })
        var metadata = fixture.metadata
        metadata.file = "gdp.csv"
        try JSONEncoder().encode(metadata).write(to: directory.appendingPathComponent("gdp.meta.json"))
        return try ReferenceCatalog(directory: directory)
    }

    @Test("a fault in the rows of the entity looked up is an error naming the line; other entities still answer")
    func faultsInTheRowsRead() throws {
        let catalog = try Self.catalog("entity,entity_name,period,value\nKOR,Korea,2024,1.5\nUSA,United States,2024,lots\n"
                                       + "JPN,Japan,2024,4\nJPN,Japan,2024,5\n")
        let korea = try catalog.value(at: ObservationKey(indicator: "gdp_current_usd", entity: "KOR", period: "2024"))
        #expect(korea?.observation.value == 1.5)
        #expect(throws: ReferenceDataError.self) {
            try catalog.value(at: ObservationKey(indicator: "gdp_current_usd", entity: "USA", period: "2024"))
        }
        do {
            _ = try catalog.value(at: ObservationKey(indicator: "gdp_current_usd", entity: "JPN", period: "2024"))
            Issue.record("a repeated key was not refused")
        } catch ReferenceDataError.malformedTable(_, let line, let reason) {
            #expect(line == 5 && reason == "duplicate key JPN 2024 (first on line 4)")
        }
        // The whole table refuses the same faults.
        #expect(throws: ReferenceDataError.self) { try catalog.observations(inTable: catalog.entries[0].metadata.id) }
    }
}

import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation
import Testing
import TestSupport

@Suite("Importing and updating WDI vintages")
struct WDIImportAndUpdateTests {
    static let mini = TestPaths.dataFixture("mini-data")
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!

    static func page(_ number: Int) throws -> String {
        try String(contentsOf: TestPaths.dataFixture("worldbank-api/ny.gdp.mktp.cd-page\(number).json"), encoding: .utf8)
    }

    /// Every file under `directory` with its bytes, to show what an operation did or did not touch.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path) {
                files[String(url.path.dropFirst(directory.path.count))] = data
            }
        }
        return files
    }

    @Test("update writes the API's vintage beside the old one, which stays untouched")
    func updateWritesNewVintage() async throws {
        let copy = try TestPaths.copy(Self.mini)
        let before = try Self.snapshot(copy)
        let pages = [try Self.page(1), try Self.page(2)]
        let server = try LoopbackHTTPServer { path in
            path.hasSuffix("&page=2") ? .ok(pages[1], contentType: "application/json") : .ok(pages[0], contentType: "application/json")
        }
        defer { server.stop() }
        let updater = WDIUpdater(baseURL: "http://127.0.0.1:\(server.port)", directory: copy)
        let outcome = try await updater.update(seriesCode: "NY.GDP.MKTP.CD", today: Self.today)
        #expect(outcome.message == "wdi.ny.gdp.mktp.cd.2026-07-01: 8 rows written")
        #expect(server.requests.get().map(\.path) == [
            "/v2/country/all/indicator/NY.GDP.MKTP.CD?format=json&per_page=20000&page=1",
            "/v2/country/all/indicator/NY.GDP.MKTP.CD?format=json&per_page=20000&page=2",
        ])
        let after = try Self.snapshot(copy)
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
        let catalog = try ReferenceCatalog(directory: copy)
        let key = ObservationKey(indicator: "gdp_current_usd", entity: "JPN", period: "2024")
        let value = try #require(try catalog.value(at: key))
        #expect(value.table.vintage == "2026-07-01")
        #expect((value.observation.value / 1e7).rounded() / 100 == 4_190.01)
        #expect(value.table.retrieved == "2026-11-24")
        #expect(ReferenceDataValidator.validate(copy).isEmpty)
        let again = try await updater.update(seriesCode: "NY.GDP.MKTP.CD", today: Self.today)
        #expect(again.message == "wdi.ny.gdp.mktp.cd.2026-07-01: already present; nothing written")
    }

    @Test("a truncated response, an HTTP 500 or an API error writes nothing", arguments: ["truncated", "500", "api-error"])
    func failuresWriteNothing(kind: String) async throws {
        let copy = try TestPaths.copy(Self.mini)
        let before = try Self.snapshot(copy)
        let first = try Self.page(1)
        let server = try LoopbackHTTPServer { path in
            switch kind {
            case "truncated":
                // Page 1 arrives whole; page 2 is cut off mid-way.
                return path.hasSuffix("&page=2") ? .ok(String(first.prefix(300))) : .ok(first)
            case "500": return .init(status: 500, body: Array("Internal error".utf8))
            default:
                return .ok(#"[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]"#)
            }
        }
        defer { server.stop() }
        let updater = WDIUpdater(baseURL: "http://127.0.0.1:\(server.port)", directory: copy)
        do {
            _ = try await updater.update(seriesCode: "NY.GDP.MKTP.CD", today: Self.today)
            Issue.record("expected a failure")
        } catch {
            let message = error.localizedDescription
            #expect(!message.contains("\n"))
            switch kind {
            case "truncated": #expect(message.hasSuffix("not a World Bank API response (invalid or truncated JSON)"))
            case "500": #expect(message.hasSuffix("the server answered HTTP 500"))
            default: #expect(message.hasSuffix("the API answered: The provided parameter value is not valid"))
            }
        }
        #expect(try Self.snapshot(copy) == before)
    }

    @Test("a server that answers page 1 twice is caught, not written as duplicate rows")
    func wrongPage() async throws {
        let copy = try TestPaths.copy(Self.mini)
        let first = try Self.page(1)
        let server = try LoopbackHTTPServer { _ in .ok(first) }
        defer { server.stop() }
        let updater = WDIUpdater(baseURL: "http://127.0.0.1:\(server.port)", directory: copy)
        await #expect(throws: FigCheckError.self) {
            _ = try await updater.update(seriesCode: "NY.GDP.MKTP.CD", today: Self.today)
        }
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent("wdi/2026-07-01").path))
    }

    @Test("figcheck data update against a local server, end to end")
    func commandLine() throws {
        let copy = try TestPaths.copy(Self.mini)
        let pages = [try Self.page(1), try Self.page(2)]
        let server = try LoopbackHTTPServer { path in .ok(path.hasSuffix("&page=2") ? pages[1] : pages[0]) }
        defer { server.stop() }
        let result = try FigCheckBinary.run(["data", "update", "wdi", "--indicator", "NY.GDP.MKTP.CD",
                                             "--base-url", "http://127.0.0.1:\(server.port)", "--data", copy.path])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "wdi.ny.gdp.mktp.cd.2026-07-01: 8 rows written\n")
        let failing = try FigCheckBinary.run(["data", "update", "wdi", "--indicator", "NY.GDP.MKTP.CD",
                                              "--base-url", "http://127.0.0.1:1", "--data", copy.path])
        #expect(failing.exitCode == 2)
        #expect(failing.standardError.hasPrefix("figcheck: http://127.0.0.1:1/v2/country/all/indicator/NY.GDP.MKTP.CD"))
    }

    @Test("import writes a vintage from Datahub-style files and refuses to overwrite it unasked")
    func importSeries() throws {
        let copy = try TestPaths.copy(Self.mini)
        let source = try TestPaths.temporaryDirectory().appendingPathComponent("ny.gdp.mktp.cd")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let rows = "Country Name,Country Code,Year,Value\n\"Korea, Rep.\",KOR,2024,1875388209406.8\nJapan,JPN,2024,4027597523550.58\n"
        try rows.write(to: source.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let provenance = SeriesProvenance(vintage: "2025-12-17", retrieved: "2025-12-17", obtainedFrom: "test files")
        let written = try WDIImporter.importSeries(from: source.deletingLastPathComponent(), seriesCode: nil,
                                                   provenance: provenance, into: copy, replace: false)
        #expect(written.map(\.id) == ["wdi.ny.gdp.mktp.cd.2025-12-17"])
        let csv = try String(contentsOf: copy.appendingPathComponent("wdi/2025-12-17/ny.gdp.mktp.cd.csv"), encoding: .utf8)
        #expect(csv == "entity,entity_name,period,value\nJPN,Japan,2024,4027597523550.58\nKOR,\"Korea, Rep.\",2024,1875388209406.8\n")
        #expect(ReferenceDataValidator.validate(copy).isEmpty)
        #expect(throws: ReferenceDataError.self) {
            try WDIImporter.importSeries(from: source.deletingLastPathComponent(), seriesCode: nil,
                                         provenance: provenance, into: copy, replace: false)
        }
    }
}

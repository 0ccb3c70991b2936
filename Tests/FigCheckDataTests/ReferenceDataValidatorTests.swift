import FigCheckData
import Foundation
import Testing
import TestSupport

/// `validate` on copies of a small data folder, each broken in one way it must catch.
@Suite("Reference data validation")
struct ReferenceDataValidatorTests {
    static let mini = TestPaths.dataFixture("mini-data")
    static let gdp = "wdi/2024-09-19/ny.gdp.mktp.cd"
    static let tariffs = "curated/us-tariffs-china-2025"

    /// A way to break a copy, and the problem text validate must report for it.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var edit: @Sendable (String) -> String
        var expected: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "missing column", file: gdp + ".csv",
                 edit: { $0.replacingOccurrences(of: "entity,entity_name,period,value", with: "entity,entity_name,period,amount") },
                 expected: "ny.gdp.mktp.cd.csv:1: missing column value"),
        Breakage(name: "non-numeric value", file: gdp + ".csv",
                 edit: { replaceFirstValue($0, with: "n/a") }, expected: "value \"n/a\" is not a number"),
        Breakage(name: "duplicate key", file: gdp + ".csv",
                 edit: { $0 + $0.split(separator: "\n")[1] + "\n" }, expected: "duplicate key (EUU, 2022), first on line 2"),
        Breakage(name: "impossible value", file: gdp + ".csv",
                 edit: { replaceFirstValue($0, with: "-5") }, expected: "impossible value -5: below 0"),
        Breakage(name: "month 13 in a series", file: gdp + ".csv",
                 edit: { $0.replacingOccurrences(of: "EUU,European Union,2022,", with: "EUU,European Union,2022-13,") },
                 expected: "period 2022-13 is not a year or a YYYY-MM month"),
        Breakage(name: "short row", file: gdp + ".csv",
                 edit: { $0 + "KOR,Korea\n" }, expected: "2 fields where the header has 4"),
        Breakage(name: "missing attribution", file: gdp + ".meta.json",
                 edit: { replaceJSON($0, key: "attribution", with: "") }, expected: "missing provenance: attribution is empty"),
        Breakage(name: "bad vintage", file: gdp + ".meta.json",
                 edit: { replaceJSON($0, key: "vintage", with: "September 2024") },
                 expected: "vintage \"September 2024\" is not a YYYY-MM-DD date"),
        Breakage(name: "unknown unit", file: gdp + ".meta.json",
                 edit: { replaceJSON($0, key: "unit", with: "dollars") }, expected: "unknown unit dollars"),
        Breakage(name: "GPL licence", file: gdp + ".meta.json",
                 edit: { replaceJSON($0, key: "licence", with: "GPL-3.0") }, expected: "licence GPL-3.0 may not ship"),
        Breakage(name: "coverage out of date", file: gdp + ".csv",
                 edit: { String($0.split(separator: "\n").dropLast().joined(separator: "\n")) + "\n" },
                 expected: "coverage.rows is 6 but the table has 5 rows"),
        Breakage(name: "row without a source", file: tariffs + ".csv",
                 edit: { $0.replacingOccurrences(of: "https://theweek.com/world-news/united-states-china-trade-war-lower-tariffs", with: "") },
                 expected: "missing provenance: source_url is not an http(s) URL"),
        Breakage(name: "unknown confidence", file: tariffs + ".csv",
                 edit: { $0.replacingOccurrences(of: ",high,", with: ",certain,") }, expected: "confidence \"certain\" is not one of"),
        Breakage(name: "timeline row without a date", file: tariffs + ".csv",
                 edit: { $0.replacingOccurrences(of: ",2025-05-14,30,", with: ",,30,") }, expected: "timeline row without effective_date"),
        Breakage(name: "alias of an unknown entity", file: "entities/aliases.csv",
                 edit: { $0 + "Atlantis,ATL,name,\n" }, expected: "unknown entity ATL"),
        Breakage(name: "unparsable metadata", file: gdp + ".meta.json",
                 edit: { String($0.prefix(40)) }, expected: "unreadable table metadata: not valid JSON"),
    ]

    @Test("each kind of damage is reported in one clear line", arguments: breakages)
    func reportsDamage(_ breakage: Breakage) throws {
        let copy = try TestPaths.copy(Self.mini)
        let file = copy.appendingPathComponent(breakage.file)
        try breakage.edit(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        let problems = ReferenceDataValidator.validate(copy).map(\.description)
        #expect(problems.contains { $0.contains(breakage.expected) }, "\(problems)")
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }

    @Test("a table file without metadata, and metadata without its file, are reported")
    func missingFiles() throws {
        let copy = try TestPaths.copy(Self.mini)
        try FileManager.default.removeItem(at: copy.appendingPathComponent(Self.tariffs + ".meta.json"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("curated/pledges-2025.csv"))
        let problems = ReferenceDataValidator.validate(copy).map(\.description)
        #expect(problems.contains { $0.hasSuffix("us-tariffs-china-2025.csv: table file without metadata (expected us-tariffs-china-2025.meta.json beside it)") })
        #expect(problems.contains { $0.hasSuffix("pledges-2025.csv: table file is missing") })
    }

    @Test("the untouched copy is valid")
    func cleanCopy() throws {
        #expect(ReferenceDataValidator.validate(try TestPaths.copy(Self.mini)).isEmpty)
    }

    @Test("figcheck data validate exits 1 with one line per problem, 0 when clean")
    func commandLine() throws {
        let copy = try TestPaths.copy(Self.mini)
        let clean = try FigCheckBinary.run(["data", "validate", "--data", copy.path])
        #expect(clean.exitCode == 0)
        #expect(clean.standardOutput == "\(copy.path): 6 tables, no problems\n")
        let file = copy.appendingPathComponent(Self.gdp + ".csv")
        let broken = Self.replaceFirstValue(try String(contentsOf: file, encoding: .utf8), with: "abc")
        try (broken + "KOR,Korea,2023,1\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try FigCheckBinary.run(["data", "validate", "--data", copy.path])
        #expect(result.exitCode == 1)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3, "\(lines)")
        #expect(result.standardError.hasSuffix("3 problems in \(copy.path)\n"))
    }

    static func replaceFirstValue(_ csv: String, with value: String) -> String {
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[fields.count - 1] = value
        lines[1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    static func replaceJSON(_ json: String, key: String, with value: String) -> String {
        guard let data = json.data(using: .utf8),
              var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return json }
        object[key] = value
        guard let out = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation
import Testing
import TestSupport

/// The bad-input matrix, on the built binary: every row ends with exit 0/1 and findings, or exit 2
/// and one clear line naming the input and the cause — within a bound, with no crash — and a run
/// over all of them together loses none of the good documents.
@Suite("Bad-input matrix")
struct BadInputMatrixTests {
    /// Generous bounds that only a hang or a quadratic blow-up would cross (not speed targets).
    static let bound: TimeInterval = 120

    static func run(_ arguments: [String], in directory: URL = TestPaths.repository) throws -> (FigCheckBinary.Result, TimeInterval) {
        let start = Date()
        let result = try FigCheckBinary.run(arguments, in: directory)
        return (result, Date().timeIntervalSince(start))
    }

    /// Exit 2 with exactly one line on standard error that names `input` and says `cause`.
    static func expectRefused(_ result: FigCheckBinary.Result, input: String, cause: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 2, sourceLocation: sourceLocation)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("figcheck: \(input)") == true, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(cause), "\(result.standardError)", sourceLocation: sourceLocation)
    }

    /// Exit 0 or 1 with a report and nothing on standard error but warnings.
    static func expectChecked(_ result: FigCheckBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect([0, 1].contains(result.exitCode), "exit \(result.exitCode): \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.contains("\"schemaVersion\" : 1"), sourceLocation: sourceLocation)
    }

    @Test("empty, whitespace-only, invalid UTF-8, one 5 MB line, %%%% and $$$$: checked, no crash")
    func awkwardText() throws {
        let directory = try TestPaths.temporaryDirectory()
        var invalid = Array("Japan had 124 million people in 2024. ".utf8)
        invalid += [0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82]
        let cases: [(String, [UInt8])] = [
            ("empty.txt", []),
            ("blank.txt", Array(String(repeating: " \n\t\r\n", count: 10_000).utf8)),
            ("invalid.txt", invalid),
            ("long-line.txt", Array(String(repeating: "India had 1.45 billion people in 2024 and ", count: 120_000).utf8)),
            ("symbols.md", Array(String(repeating: "%%%% $$$$ %$%$ $%", count: 50_000).utf8)),
        ]
        for (name, bytes) in cases {
            let file = directory.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            // The debug build the tests run is several times slower than a release build: the
            // document budget is raised to the bound so the row is judged on its outcome.
            let (result, seconds) = try Self.run(["check", file.path, "--format", "json", "--date", "2025-06-01",
                                                  "--max-seconds", String(Int(Self.bound))])
            Self.expectChecked(result)
            #expect(seconds < Self.bound, "\(name) took \(seconds) s")
            if name == "invalid.txt" {
                #expect(result.standardOutput.contains("invalid UTF-8"), "the replaced bytes are reported")
            }
        }
    }

    @Test("50 MB of random bytes is refused as binary data")
    func randomBytes() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("random.dat")
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 50 * 1024 * 1024)
        for index in stride(from: 0, to: bytes.count, by: 8) {
            withUnsafeBytes(of: generator.next()) { word in
                for offset in 0..<8 where index + offset < bytes.count { bytes[index + offset] = word[offset] }
            }
        }
        try Data(bytes).write(to: file)
        let (result, seconds) = try Self.run(["check", file.path])
        Self.expectRefused(result, input: file.path, cause: "binary data")
        #expect(seconds < Self.bound)
    }

    @Test("100,000 nested HTML elements are read without recursion")
    func deepHTML() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("deep.html")
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "India had 1.45 billion people in 2024."
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        try Data(html.utf8).write(to: file)
        let (result, seconds) = try Self.run(["check", file.path, "--format", "json", "--date", "2025-06-01"])
        Self.expectChecked(result)
        #expect(result.standardOutput.contains("\"text\" : \"1.45 billion\""))
        #expect(seconds < Self.bound)
    }

    @Test("a DOCX zip bomb and a DOCX that is not a zip are refused in one line")
    func badDOCX() throws {
        let directory = try TestPaths.temporaryDirectory()
        let bomb = directory.appendingPathComponent("bomb.docx")
        try Data(ZIPWriter.bomb(size: 80 * 1024 * 1024)).write(to: bomb)
        let (bombResult, seconds) = try Self.run(["check", bomb.path])
        Self.expectRefused(bombResult, input: bomb.path, cause: "expands past the 67108864-byte limit")
        #expect(seconds < Self.bound)
        let fake = directory.appendingPathComponent("fake.docx")
        try Data("This is plain text pretending to be a Word file.".utf8).write(to: fake)
        let (fakeResult, _) = try Self.run(["check", fake.path])
        Self.expectRefused(fakeResult, input: fake.path, cause: "not a valid DOCX (ZIP) archive")
    }

    /// A copy of the bundled reference data with one table damaged.
    static func damagedData(_ damage: (URL) throws -> Void) throws -> URL {
        let copy = try TestPaths.copy(TestPaths.referenceData)
        try damage(copy)
        return copy
    }

    @Test("reference tables with a missing column, a non-numeric value or a duplicate key: exit 2 and one line",
          arguments: ["missing column", "non-numeric", "duplicate key"])
    func damagedTables(damage: String) throws {
        let data = try Self.damagedData { copy in
            let table = copy.appendingPathComponent("curated/pledges-2025.csv")
            var text = try String(contentsOf: table, encoding: .utf8)
            switch damage {
            case "missing column": text = text.replacingOccurrences(of: "row_id,indicator,entity,partner,scope,period,effective_date,value,",
                                                                  with: "row_id,indicator,entity,partner,scope,period,effective_date,amount,")
            case "non-numeric": text = text.replacingOccurrences(of: "350000000000.0", with: "three hundred fifty billion")
            default:
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                text = lines.joined(separator: "\n") + lines[2] + "\n"
            }
            try text.write(to: table, atomically: true, encoding: .utf8)
        }
        let (result, _) = try Self.run(["check", "examples/rok-us-alliance-2025.txt", "--subject", "KOR", "--data", data.path])
        #expect(result.exitCode == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("figcheck: reference data: \(data.path)/curated/pledges-2025.csv:"), "\(result.standardError)")
    }

    @Test("a table whose metadata file is missing is left out: its claims are unverifiable, nothing breaks")
    func missingMetadata() throws {
        let data = try Self.damagedData { copy in
            try FileManager.default.removeItem(at: copy.appendingPathComponent("curated/pledges-2025.meta.json"))
        }
        let (result, _) = try Self.run(["check", "examples/rok-us-alliance-2025.txt", "--subject", "KOR", "--data", data.path,
                                        "--format", "json"])
        Self.expectChecked(result)
        #expect(result.standardOutput.contains("\"text\" : \"$350 billion\""))
        #expect(result.standardOutput.contains("no table holds investment_pledge_to_us") || result.standardOutput.contains("unverifiable"))
    }

    @Test("URLs that time out, answer 404, loop redirects or send 1 GB: exit 2 and one line")
    func badURLs() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 2 * 1024 * 1024)
        let server = try LoopbackHTTPServer { path in
            switch path {
            case "/slow": return .init(body: Array("late".utf8), delay: 5)
            case "/loop": return .init(status: 302, headers: [("Location", "/loop")])
            case "/huge": return .init(headers: [("Content-Length", "1073741824")], body: Array("x".utf8), sendsContentLength: false)
            case "/unannounced": return .init(body: big, sendsContentLength: false)
            default: return .init(status: 404)
            }
        }
        defer { server.stop() }
        let cases: [(String, [String], String)] = [
            ("/slow", ["--fetch-timeout", "1"], "within 1 s"),
            ("/missing", [], "HTTP 404"),
            ("/loop", [], "more than 5 redirects"),
            ("/huge", [], "larger than"),
            ("/unannounced", ["--max-fetch-bytes", "1000000"], "larger than the 1000000-byte limit"),
        ]
        for (path, flags, cause) in cases {
            let url = server.url(path)
            let (result, seconds) = try Self.run(["check", url] + flags)
            Self.expectRefused(result, input: url, cause: cause)
            #expect(seconds < Self.bound)
        }
    }

    @Test("one run over good and bad inputs together reports every good document")
    func mixedRun() throws {
        let directory = try TestPaths.temporaryDirectory()
        let fake = directory.appendingPathComponent("fake.docx")
        try Data("not a zip".utf8).write(to: fake)
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let inputs = [TestPaths.hansunSeed.path, fake.path, "missing.md", empty.path, TestPaths.pacificCouncilSeed.path,
                      "examples/rok-us-alliance-2025.txt"]
        let (result, _) = try Self.run(["check"] + inputs + ["--format", "json", "--subject", "KOR"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.split(separator: "\n").count == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.count == inputs.count)
        for (index, document) in documents.enumerated() {
            let failed = !(document["errors"] as? [String] ?? []).isEmpty
            #expect(failed == [1, 2].contains(index), "\(inputs[index])")
            if [0, 4, 5].contains(index) {
                #expect(((document["claims"] as? [Any])?.count ?? 0) > 3, "\(inputs[index]) lost its claims")
            }
        }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The report formats on the built binary: golden files, the JSON Schema, SARIF's required
/// structure, JUnit as XML, escaping, and every format for both seeds.
@Suite("Report formats")
struct ReportFormatTests {
    static let examples = ["rok-us-alliance-2025.txt", "us-korea-alliance-at-70.md"]
    static let recording = ProcessInfo.processInfo.environment["FIGCHECK_RECORD"] == "1"

    /// The committed file for an example and format (the same commands as Scripts/regenerate-example-reports).
    static func golden(_ example: String, _ format: String) -> (path: URL, arguments: [String]) {
        let name = (example as NSString).deletingPathExtension
        var arguments = ["check", "examples/\(example)", "--subject", "KOR", "--format", format]
        let path: URL
        switch format {
        case "json", "markdown", "html":
            arguments += ["--fail-on", "never"]
            path = TestPaths.repository.appendingPathComponent("reports/examples/\(name).\(format == "markdown" ? "md" : format)")
        default:
            path = TestPaths.repository.appendingPathComponent("Tests/Golden/\(name).\(format)")
        }
        return (path, arguments)
    }

    @Test("every format of the example articles matches its committed file (FIGCHECK_RECORD=1 re-records)",
          arguments: examples, ["text", "markdown", "html", "json", "sarif", "junit", "github"])
    func goldenFiles(example: String, format: String) throws {
        let (path, arguments) = Self.golden(example, format)
        let result = try FigCheckBinary.run(arguments)
        #expect([0, 1].contains(result.exitCode))
        if Self.recording {
            try Data(result.standardOutput.utf8).write(to: path)
            return
        }
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(result.standardOutput == committed,
                "\(path.lastPathComponent) differs from the code's output: run Scripts/regenerate-example-reports and review the diff")
    }

    @Test("the JSON reports validate against schema/report-v1.schema.json")
    func jsonSchema() throws {
        var files: [URL] = []
        let directory = try TestPaths.temporaryDirectory()
        for (index, seed) in [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed].enumerated() {
            let result = try FigCheckBinary.run(["check", seed.path, "--subject", "KOR", "--format", "json"])
            let file = directory.appendingPathComponent("seed\(index).json")
            try Data(result.standardOutput.utf8).write(to: file)
            files.append(file)
        }
        files += Self.examples.map { Self.golden($0, "json").path }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            for path in sys.argv[2:]:
                jsonschema.validate(json.load(open(path)), schema, cls=jsonschema.Draft202012Validator)
            print("valid", len(sys.argv) - 2)
            """
        let (status, text) = try Self.run(["python3", "-c", script,
                                           TestPaths.repository.appendingPathComponent("schema/report-v1.schema.json").path]
                                          + files.map(\.path))
        #expect(status == 0, "\(text)")
        #expect(text.contains("valid 4"))
    }

    @Test("SARIF has the 2.1.0 required structure, rules for every result, lines from 1 and fingerprints")
    func sarif() throws {
        let result = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, "--subject", "KOR", "--format", "sarif"])
        #expect(result.exitCode == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "figcheck")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs.contains("ratio-of-gdp") && ruleIDs.contains("rate-in-force"))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count >= 5)
        var fingerprints: Set<String> = []
        for item in results {
            let ruleID = try #require(item["ruleId"] as? String)
            #expect(ruleIDs.contains(ruleID))
            #expect(ruleIDs[item["ruleIndex"] as? Int ?? -1] == ruleID)
            #expect(["error", "warning", "note"].contains(item["level"] as? String ?? ""))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == TestPaths.hansunSeed.path)
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
            let fingerprint = try #require((item["partialFingerprints"] as? [String: String])?["figcheckFinding/v1"])
            fingerprints.insert(fingerprint)
        }
        #expect(fingerprints.count == results.count)
    }

    /// Runs `command` and returns its exit status and everything it printed.
    static func run(_ command: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("JUnit validates against the schema Jenkins' xUnit plugin enforces, and SARIF against the OASIS schema (the consumers' own)")
    func consumerSchemas() throws {
        let directory = try TestPaths.temporaryDirectory()
        let formats = TestPaths.shared.appendingPathComponent("conformance/formats")
        let junit = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, TestPaths.pacificCouncilSeed.path, "missing.txt",
                                            "--subject", "KOR", "--format", "junit"])
        let junitFile = directory.appendingPathComponent("report.xml")
        try Data(junit.standardOutput.utf8).write(to: junitFile)
        // The reporters' canned rendering of a fixed report (escaping, an unreadable document) too.
        let canned = TestPaths.fixture("reporters")
        for file in [junitFile, canned.appendingPathComponent("fixed-report.junit")] {
            let xmllint = try Self.run(["xmllint", "--noout", "--schema", formats.appendingPathComponent("junit-10.xsd").path, file.path])
            #expect(xmllint.status == 0 && xmllint.output.contains("validates"), "\(xmllint.output)")
        }

        let sarif = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, "--subject", "KOR", "--format", "sarif"])
        let sarifFile = directory.appendingPathComponent("report.sarif")
        try Data(sarif.standardOutput.utf8).write(to: sarifFile)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[2])))
            print("valid")
            """
        for file in [sarifFile, canned.appendingPathComponent("fixed-report.sarif")] {
            let validated = try Self.run(["python3", "-c", script, formats.appendingPathComponent("sarif-schema-2.1.0.json").path, file.path])
            #expect(validated.status == 0 && validated.output.contains("valid"), "\(validated.output)")
        }
    }

    /// What the consumers must find, from the same check's JSON report: SARIF results per level
    /// (the findings that need attention) and JUnit cases, failures (severity error, the default
    /// --fail-on) and skips (unverifiable).
    static func expectedCounts(_ document: String) throws -> (levels: [String: Int], tests: Int, failures: Int, skipped: Int) {
        let result = try FigCheckBinary.run(["check", document, "--subject", "KOR", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let claims = ((report["documents"] as? [[String: Any]]) ?? []).flatMap { ($0["claims"] as? [[String: Any]]) ?? [] }
        var levels = ["error": 0, "warning": 0, "note": 0]
        for claim in claims where ["inconsistent", "needs_review"].contains(claim["verdict"] as? String ?? "") {
            let severity = claim["severity"] as? String ?? ""
            levels[severity == "info" ? "note" : severity, default: 0] += 1
        }
        return (levels, claims.count, claims.filter { $0["severity"] as? String == "error" }.count,
                claims.filter { $0["verdict"] as? String == "unverifiable" }.count)
    }

    @Test("SARIF is read by sarif-tools and JUnit by junitparser, with the report's own counts (seeds and examples)",
          arguments: [TestPaths.hansunSeed.path, TestPaths.pacificCouncilSeed.path] + examples.map { "examples/\($0)" })
    func consumersRead(document: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        let expected = try Self.expectedCounts(document)

        let sarif = try FigCheckBinary.run(["check", document, "--subject", "KOR", "--format", "sarif"])
        let sarifFile = directory.appendingPathComponent("report.sarif")
        try Data(sarif.standardOutput.utf8).write(to: sarifFile)
        // `sarif summary` prints "error: N", "warning: N" and "note: N", each followed by its rules.
        let summary = try Self.run(["sarif", "summary", sarifFile.path])
        #expect(summary.status == 0, "sarif-tools (Scripts/ensure-dependencies installs it): \(summary.output)")
        var levels: [String: Int] = [:]
        for line in summary.output.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2, ["error", "warning", "note"].contains(String(parts[0])),
               let count = Int(parts[1].trimmingCharacters(in: .whitespaces)) {
                levels[String(parts[0])] = count
            }
        }
        #expect(levels == expected.levels, "\(summary.output)")

        let junit = try FigCheckBinary.run(["check", document, "--subject", "KOR", "--format", "junit"])
        let junitFile = directory.appendingPathComponent("report.xml")
        try Data(junit.standardOutput.utf8).write(to: junitFile)
        let script = """
            import sys
            from junitparser import JUnitXml, Failure, Skipped, Error
            xml = JUnitXml.fromfile(sys.argv[1])
            cases = [case for suite in xml for case in suite]
            def count(kind): return sum(1 for case in cases if any(isinstance(r, kind) for r in case.result))
            print(len(cases), count(Failure), count(Skipped), count(Error))
            """
        let parsed = try Self.run(["python3", "-c", script, junitFile.path])
        #expect(parsed.status == 0, "junitparser (Scripts/ensure-dependencies installs it): \(parsed.output)")
        let numbers = parsed.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(numbers == [expected.tests, expected.failures, expected.skipped, 0], "\(parsed.output)")
    }

    @Test("JUnit parses as XML: a suite per document, a case per claim, failures for failing findings")
    func junit() throws {
        let result = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, TestPaths.pacificCouncilSeed.path, "missing.txt",
                                             "--subject", "KOR", "--format", "junit"])
        #expect(result.exitCode == 2)
        final class Counter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            var attributes: [[String: String]] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String]) {
                counts[name, default: 0] += 1
                if name == "testsuite" { self.attributes.append(attributes) }
            }
        }
        let parser = XMLParser(data: Data(result.standardOutput.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["testsuites"] == 1)
        #expect(counter.counts["testsuite"] == 3)
        #expect(counter.counts["failure"] == 3)
        #expect(counter.counts["error"] == 1)
        #expect(counter.attributes[0]["failures"] == "3")
        #expect(counter.attributes[1]["failures"] == "0")
    }

    @Test("GitHub annotations: one command per finding that needs attention, escaped")
    func github() throws {
        let result = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, "--subject", "KOR", "--format", "github"])
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error file=") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("::warning file=") && $0.contains(",line=") && $0.contains(",col=") })
        #expect(!lines.contains { $0.hasPrefix("::") && $0.dropFirst(2).contains("\n") })
        #expect(lines.contains { $0.contains("20.4%25") })
    }

    @Test("HTML escapes everything from the document and is self-contained")
    func htmlEscaping() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("hostile.txt")
        try Data("""
            Published May 1, 2025

            <script>alert(1)</script> India had 1.45 billion people in 2024 "onmouseover=alert(2) and <img src=x onerror=alert(3)>.
            """.utf8).write(to: file)
        let result = try FigCheckBinary.run(["check", file.path, "--format", "html"])
        let html = result.standardOutput
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"onmouseover="))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("&quot;onmouseover=alert("))
        #expect(html.contains("&lt;img src=x onerror=alert("))
        #expect(html.contains("<mark class=\"claim consistent\""))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link") && !html.contains(" src=\""))
    }

    @Test("both seeds in every format", arguments: ["text", "markdown", "html", "json", "sarif", "junit", "github"])
    func seedsInEveryFormat(format: String) throws {
        for seed in [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed] {
            let result = try FigCheckBinary.run(["check", seed.path, "--subject", "KOR", "--format", format])
            #expect(result.exitCode == (seed == TestPaths.hansunSeed ? 1 : 0))
            #expect(!result.standardOutput.isEmpty)
            #expect(result.standardError.isEmpty)
        }
    }
}

import Foundation
import Testing
import TestSupport

/// End-to-end: the built `figcheck` binary on real files, URLs and standard input.
@Suite("figcheck check, end to end")
struct CheckCommandTests {
    @Test("the binary exists (swift build --build-tests builds it)")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: FigCheckBinary.url.path),
                "build figcheck first: swift build --build-tests")
    }

    @Test("both seeds are checked and their dates printed; the seed with wrong figures exits 1",
          arguments: [(TestPaths.hansunSeed, "2025-10-01, from a dateline in the text (line 27, column 1)", Int32(1)),
                      (TestPaths.pacificCouncilSeed, "2023-05-01, from a dateline in the text (line 5, column 1)", Int32(0))])
    func seeds(seed: URL, dateLine: String, exitCode: Int32) throws {
        let result = try FigCheckBinary.run(["check", seed.path])
        #expect(result.exitCode == exitCode)
        #expect(result.standardOutput.contains("  date     \(dateLine)\n"))
        #expect(result.standardError.isEmpty)
    }

    @Test("the README's quick-start example runs")
    func quickStartExample() throws {
        let result = try FigCheckBinary.run(["check", "examples/rok-us-alliance-2025.txt", "--subject", "KOR", "--fail-on", "never"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("error: Stated 20.4%; 350 bn / KOR GDP 2024 = 18.66%"))
        #expect(result.standardOutput.contains("hint: 20.43% matches: 350 bn / KOR 2023 GDP in the WDI vintage of 2024-09-19"))
        #expect(result.standardOutput.contains("date     2025-10-01"))
        #expect(result.standardOutput.contains("subject  KOR, from --subject"))
    }

    @Test("bad inputs give exit 2 and one line naming the input and the cause",
          arguments: [
              ("missing.txt", "figcheck: missing.txt: no such file"),
              ("Sources", "figcheck: Sources: is a directory, not a document"),
              ("ftp://example.org/brief.txt", "figcheck: ftp://example.org/brief.txt: unsupported URL scheme (only http:// and https:// are fetched)"),
          ])
    func badInputs(input: String, message: String) throws {
        let result = try FigCheckBinary.run(["check", input])
        #expect(result.exitCode == 2)
        #expect(result.standardError == message + "\n")
    }

    @Test("a relation whose figures the text does not give is counted in the terminal report, not listed; the JSON lists it")
    func relationsWithoutFiguresAreCounted() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("unrelated.txt")
        try Data("Ferry traffic rose 4% on the year, the port said.\n".utf8).write(to: file)
        let text = try FigCheckBinary.run(["check", file.path, "--date", "2025-06-01"])
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("not checked: 1 relation"), "\(text.standardOutput)")
        #expect(!text.standardOutput.contains("the figures it relates were not found"), "\(text.standardOutput)")
        let json = try FigCheckBinary.run(["check", file.path, "--date", "2025-06-01", "--format", "json"])
        #expect(json.standardOutput.contains("the figures it relates were not found"), "\(json.standardOutput)")
    }

    @Test("a binary file is refused with exit 2")
    func binaryFile() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("random.bin")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file)
        let result = try FigCheckBinary.run(["check", file.path])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "figcheck: \(file.path): binary data, not a text, Markdown, HTML or DOCX document\n")
    }

    @Test("URLs: a 200 is checked and a 404 is exit 2")
    func urls() throws {
        let seed = try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8)
        let server = try LoopbackHTTPServer { path in
            path == "/seed.txt" ? .ok(seed) : .init(status: 404)
        }
        defer { server.stop() }
        let ok = try FigCheckBinary.run(["check", server.url("/seed.txt"), "--fail-on", "never"])
        #expect(ok.exitCode == 0)
        #expect(ok.standardOutput.contains("date     2025-10-01"))
        let missing = try FigCheckBinary.run(["check", server.url("/gone.txt")])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "figcheck: \(server.url("/gone.txt")): the server answered HTTP 404\n")
    }

    @Test("one bad input among several: exit 2, and the good ones are still reported")
    func mixedInputs() throws {
        let result = try FigCheckBinary.run(["check", "missing.txt", TestPaths.pacificCouncilSeed.path,
                                             "--format", "json"])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "figcheck: missing.txt: no such file\n")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let documents = try #require(report?["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        #expect((documents[0]["errors"] as? [String]) == ["missing.txt: no such file"])
        #expect(documents[1]["date"] as? String == "2023-05-01")
        #expect((documents[1]["errors"] as? [String])?.isEmpty == true)
    }

    @Test("standard input is read with -")
    func standardInput() throws {
        let result = try FigCheckBinary.run(["check", "-", "--format", "json"],
                                            input: try Data(contentsOf: TestPaths.pacificCouncilSeed))
        #expect(result.exitCode == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let document = try #require((report?["documents"] as? [[String: Any]])?.first)
        #expect(document["source"] as? String == "-")
        #expect(document["date"] as? String == "2023-05-01")
        #expect(document["dateSource"] as? String == "text")
    }

    @Test("the JSON report is the schema-1 envelope, deterministic across runs")
    func jsonEnvelope() throws {
        let arguments = ["check", TestPaths.hansunSeed.path, "--format", "json", "--subject", "kor"]
        let first = try FigCheckBinary.run(arguments)
        let second = try FigCheckBinary.run(arguments)
        #expect(first.exitCode == 1)
        #expect(first.standardOutput == second.standardOutput)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        #expect(report["schemaVersion"] as? Int == 1)
        #expect((report["tool"] as? [String: Any])?["name"] as? String == "figcheck")
        #expect(report["referenceData"] is [Any])
        let document = try #require((report["documents"] as? [[String: Any]])?.first)
        #expect(Set(document.keys) == ["source", "format", "date", "dateSource", "dateLocation", "subject", "claims",
                                       "mentions", "summary", "errors", "warnings"])
        #expect((document["mentions"] as? Int ?? 0) > 40)
        #expect(document["subject"] as? String == "KOR")
        #expect(document["date"] as? String == "2025-10-01")
        #expect((document["dateLocation"] as? [String: Any])?["line"] as? Int == 27)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect((summary["claims"] as? Int ?? 0) >= 14)
        #expect((summary["inconsistent"] as? Int ?? 0) >= 3)
        let claims = try #require(document["claims"] as? [[String: Any]])
        for claim in claims {
            #expect(Set(claim.keys) == ["id", "ruleId", "kind", "text", "sentence", "location", "stated", "about", "verdict",
                                        "severity", "computed", "message", "hints"])
        }
    }

    @Test("--date overrides the document's date and reports it as from the flag")
    func dateFlag() throws {
        let result = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, "--date", "2025-09-30", "--fail-on", "never"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("date     2025-09-30, from --date"))
    }

    @Test("bad options are exit 2 with one line",
          arguments: [
              (["check", "x.txt", "--format", "xml"], "figcheck: The value 'xml' is invalid for '--format <format>'. Please provide one of the following 'text', 'markdown', 'html', 'json', 'sarif', 'junit', 'github'."),
              (["check", "x.txt", "--date", "2025-02-30"], "figcheck: --date 2025-02-30: not a YYYY-MM-DD date"),
              (["check", "x.txt", "--subject", "Korea"], "figcheck: --subject Korea: expected an ISO 3166 alpha-3 code such as KOR or USA"),
              (["check", "x.txt", "--fail-on", "sometimes"], "figcheck: The value 'sometimes' is invalid for '--fail-on <fail-on>'. Please provide one of 'error', 'warning' or 'never'."),
          ])
    func badOptions(arguments: [String], message: String) throws {
        let result = try FigCheckBinary.run(arguments)
        #expect(result.exitCode == 2)
        #expect(result.standardError == message + "\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("figcheck text prints the analysed prose of a Markdown file")
    func textCommand() throws {
        let result = try FigCheckBinary.run(["text", "examples/us-korea-alliance-at-70.md"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("With this year marking the 70th anniversary of the alliance"))
        #expect(!result.standardOutput.contains("1953 + 70"))
        #expect(!result.standardOutput.contains("un.org"))
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try FigCheckBinary.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

@Suite("figcheck mentions, end to end")
struct MentionsCommandTests {
    @Test("JSON gives the ISO code of each currency, and flags a figure whose grouping nothing settles with both readings")
    func currenciesAndAmbiguity() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("prices.txt")
        try Data("""
            A taxi was 85 OMR, lunch 300 baht, a visa Rs 450 and a ticket 30 Egyptian pounds.
            Aid of T$5 million came with $2,450.00 NZD in fees.

            The deposit is €45.000 and a bowl of pho 45.000 ₫.
            """.utf8).write(to: file)
        let result = try FigCheckBinary.run(["mentions", file.path, "--format", "json"])
        #expect(result.exitCode == 0)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let mentions = try #require(body["mentions"] as? [[String: Any]])
        let codes = Dictionary(mentions.map { ($0["text"] as? String ?? "", $0["currency"] as? String ?? "") }) { first, _ in first }
        #expect(codes["85 OMR"] == "OMR" && codes["300 baht"] == "THB" && codes["Rs 450"] == "INR")
        #expect(codes["30 Egyptian pounds"] == "EGP" && codes["T$5 million"] == "TOP" && codes["$2,450.00 NZD"] == "NZD")
        // "$2,450.00" shows the document's decimal point: "€45.000" is 45 euros here.
        let deposit = try #require(mentions.first { $0["text"] as? String == "€45.000" })
        #expect(deposit["ambiguous"] as? Bool == false && deposit["value"] as? Double == 45)
        let pho = try #require(mentions.first { $0["text"] as? String == "45.000 ₫" })
        #expect(pho["ambiguous"] as? Bool == false && pho["value"] as? Double == 45_000)

        // Alone, nothing settles it: both readings, the likelier (45,000) first.
        let alone = try TestPaths.temporaryDirectory().appendingPathComponent("deposit.txt")
        try Data("The deposit is €45.000 in all.\n".utf8).write(to: alone)
        let second = try FigCheckBinary.run(["mentions", alone.path, "--format", "json"])
        let secondBody = try #require(try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any])
        let flagged = try #require((secondBody["mentions"] as? [[String: Any]])?.first)
        #expect(flagged["ambiguous"] as? Bool == true)
        #expect(flagged["readings"] as? [Double] == [45_000, 45])
    }

    @Test("JSON lists each mention with its location, value, interval, unit, scale, hedge and kind")
    func json() throws {
        let result = try FigCheckBinary.run(["mentions", TestPaths.hansunSeed.path, "--format", "json"])
        #expect(result.exitCode == 0)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let mentions = try #require(body["mentions"] as? [[String: Any]])
        let pledge = try #require(mentions.first { $0["text"] as? String == "$350 billion" })
        #expect(pledge["kind"] as? String == "currency")
        #expect(pledge["currency"] as? String == "USD")
        #expect(pledge["scale"] as? String == "billion")
        #expect(pledge["value"] as? Double == 350e9)
        #expect(pledge["low"] as? Double == 349.5e9)
        #expect(pledge["high"] as? Double == 350.5e9)
        #expect(pledge["hedge"] as? String == "none")
        let location = try #require(pledge["location"] as? [String: Any])
        #expect(location["line"] as? Int == 58)
        #expect(Set(pledge.keys) == ["text", "location", "kind", "value", "decimal", "low", "high", "rangeEnd", "unit",
                                     "currency", "scale", "hedge", "ambiguous", "readings"])
        #expect(pledge["ambiguous"] as? Bool == false)
        #expect(pledge["readings"] is NSNull)
        let over = try #require(mentions.first { $0["text"] as? String == "over 90%" })
        #expect(over["high"] is NSNull)
        #expect(over["hedge"] as? String == "over")
        let ignored = try #require(body["ignored"] as? [[String: Any]])
        #expect(ignored.contains { $0["reason"] as? String == "table_index" })
    }

    @Test("text output ends with a count line")
    func text() throws {
        let result = try FigCheckBinary.run(["mentions", "examples/us-korea-alliance-at-70.md"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("\"70th anniversary\"") == false)
        #expect(result.standardOutput.contains("\"36 years\"  duration  36  [35.5, 36.5]  years"))
        #expect(result.standardOutput.hasSuffix("numbers that are not quantities\n"))
    }

    @Test("a report that used an IMF WEO table carries the IMF's attribution, in every format",
          arguments: ["text", "json", "markdown", "html", "sarif", "junit"])
    func imfAttribution(_ format: String) throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("forecast.md")
        try Data("---\ndate: 2025-05-02\n---\n\nThe IMF projects that South Korea's economy will grow 1.0% in 2025.\n".utf8).write(to: file)
        let result = try FigCheckBinary.run(["check", file.path, "--format", format])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Source: IMF, World Economic Outlook database, April 2025"), "\(result.standardOutput)")
    }
}

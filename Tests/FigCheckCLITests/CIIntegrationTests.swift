import Foundation
import Testing
import TestSupport

/// What CI pipelines rely on, end to end on the built binary: exit codes, `.figcheck.yml`,
/// inline suppressions, baselines and `--output`.
@Suite("CI integration")
struct CIIntegrationTests {
    /// A draft with one wrong figure (Korea's 2023 military spending was 2.6% of GDP, not 2.9%)
    /// and one right one, in a folder of its own.
    static func draft(_ extra: String = "", name: String = "draft.md") throws -> (directory: URL, file: URL) {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try Data("""
            ---
            date: 2025-03-01
            ---

            India had 1.45 billion people in 2024.
            \(extra)
            Korea spent 2.9% of its GDP on its military in 2023.
            """.utf8).write(to: file)
        return (directory, file)
    }

    @Test("exit codes: 0 clean, 1 failing findings, 2 for a bad config file, an unknown format, an unreadable input")
    func exitCodes() throws {
        let (directory, file) = try Self.draft()
        #expect(try FigCheckBinary.run(["check", TestPaths.pacificCouncilSeed.path]).exitCode == 0)
        let failing = try FigCheckBinary.run(["check", file.path], in: directory)
        #expect(failing.exitCode == 1)
        #expect(failing.standardOutput.contains("error: Stated 2.9%"))
        #expect(try FigCheckBinary.run(["check", file.path, "--fail-on", "never"], in: directory).exitCode == 0)
        let unknownFormat = try FigCheckBinary.run(["check", file.path, "--format", "pdf"], in: directory)
        #expect(unknownFormat.exitCode == 2)
        #expect(unknownFormat.standardError.split(separator: "\n").count == 1)
        let unreadable = try FigCheckBinary.run(["check", "nowhere.md"], in: directory)
        #expect(unreadable.exitCode == 2)
        #expect(unreadable.standardError == "figcheck: nowhere.md: no such file\n")
        try Data("version: 1\nfail-on: sometimes\n".utf8).write(to: directory.appendingPathComponent(".figcheck.yml"))
        let badConfig = try FigCheckBinary.run(["check", file.path], in: directory)
        #expect(badConfig.exitCode == 2)
        #expect(badConfig.standardError == "figcheck: \(directory.path)/.figcheck.yml: fail-on 'sometimes' must be error, warning or never\n")
        #expect(badConfig.standardOutput.isEmpty)
        try Data("version: 1\nsubject: [KOR\n".utf8).write(to: directory.appendingPathComponent(".figcheck.yml"))
        let notYAML = try FigCheckBinary.run(["check", file.path], in: directory)
        #expect(notYAML.exitCode == 2)
        #expect(notYAML.standardError.hasPrefix("figcheck: \(directory.path)/.figcheck.yml: not valid YAML"))
    }

    @Test(".figcheck.yml in a parent folder: defaults for check, flags override, unknown keys warned, config dump")
    func configuration() throws {
        let (directory, file) = try Self.draft()
        let nested = directory.appendingPathComponent("drafts/2025")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("""
            version: 1
            fail-on: never
            format: markdown
            rules:
              disable: [rank]
            colour: blue
            """.utf8).write(to: directory.appendingPathComponent(".figcheck.yml"))
        let result = try FigCheckBinary.run(["check", file.path], in: nested)
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("# figcheck fact-check report"))
        #expect(result.standardError == "figcheck: \(directory.path)/.figcheck.yml: unknown key 'colour' (ignored)\n")
        let overridden = try FigCheckBinary.run(["check", file.path, "--fail-on", "error", "--format", "text"], in: nested)
        #expect(overridden.exitCode == 1)
        #expect(overridden.standardOutput.contains("error: Stated 2.9%"))
        let dump = try FigCheckBinary.run(["config", "dump"], in: nested)
        #expect(dump.exitCode == 0)
        #expect(dump.standardOutput.contains("# \(directory.path)/.figcheck.yml\nversion: 1\n"))
        #expect(dump.standardOutput.contains("fail-on: never\nformat: markdown\n"))
        #expect(dump.standardOutput.contains("  disable: [\"rank\"]\n"))
    }

    @Test("include and exclude globs choose the documents when no input is given")
    func includeExclude() throws {
        let (directory, _) = try Self.draft()
        let docs = directory.appendingPathComponent("docs/drafts")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("Japan had 124 million people in 2024.\n".utf8).write(to: directory.appendingPathComponent("docs/final.md"))
        try Data("Japan had 99 million people in 2024.\n".utf8).write(to: docs.appendingPathComponent("wip.md"))
        try Data("version: 1\ndate: 2025-03-01\ninclude: [\"docs/**/*.md\"]\nexclude: [\"docs/drafts/**\"]\n".utf8)
            .write(to: directory.appendingPathComponent(".figcheck.yml"))
        let result = try FigCheckBinary.run(["check", "--format", "json"], in: directory)
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("docs/final.md"))
        #expect(!result.standardOutput.contains("wip.md"))
        #expect(!result.standardOutput.contains("draft.md"))
    }

    @Test("configured tolerance and disabled rules change the findings")
    func toleranceAndRules() throws {
        let (directory, file) = try Self.draft("Japan's population was about 112 million in 2024.")
        // 124 million against "about 112 million": outside ±10%, inside ±15%.
        #expect(try FigCheckBinary.run(["check", file.path, "--format", "json"], in: directory).standardOutput
            .contains("\"text\" : \"about 112 million\",\n          \"verdict\" : \"inconsistent\""))
        try Data("version: 1\ntolerance:\n  value: 0.15\nrules:\n  disable: [value]\n".utf8)
            .write(to: directory.appendingPathComponent(".figcheck.yml"))
        let quiet = try FigCheckBinary.run(["check", file.path], in: directory)
        #expect(quiet.exitCode == 0)
        #expect(quiet.standardOutput.contains("claims   none found"))
        try Data("version: 1\ntolerance:\n  value: 0.15\n".utf8).write(to: directory.appendingPathComponent(".figcheck.yml"))
        let tolerant = try FigCheckBinary.run(["check", file.path, "--format", "json"], in: directory)
        #expect(tolerant.standardOutput.contains("\"text\" : \"about 112 million\",\n          \"verdict\" : \"consistent\""))
    }

    @Test("an inline suppression hides its finding; one that hides nothing is reported")
    func suppression() throws {
        let (directory, file) = try Self.draft("<!-- figcheck:disable-next-line value - the 2023 figure is intended -->")
        let result = try FigCheckBinary.run(["check", file.path], in: directory)
        #expect(result.exitCode == 0)
        #expect(!result.standardOutput.contains("2.9%"))
        let unused = try Self.draft("<!-- figcheck:disable-next-line rank - wrong rule -->", name: "other.md")
        let reported = try FigCheckBinary.run(["check", unused.file.path], in: unused.directory)
        #expect(reported.exitCode == 1)
        #expect(reported.standardOutput.contains("warning: This suppression (rank) hides no finding; remove it or fix its rule names. [unused-suppression]"))
        #expect(reported.standardOutput.contains("error: Stated 2.9%"))
        let block = try Self.draft("<!-- figcheck:disable -->", name: "block.md")
        try (try String(contentsOf: block.file, encoding: .utf8) + "\n<!-- figcheck:enable -->\n").write(to: block.file, atomically: true, encoding: .utf8)
        #expect(try FigCheckBinary.run(["check", block.file.path], in: block.directory).exitCode == 0)
    }

    @Test("a baseline hides the findings it records, still does after an edit elsewhere, and new ones show")
    func baseline() throws {
        let (directory, file) = try Self.draft()
        let baselineFile = directory.appendingPathComponent("figcheck-baseline.json")
        let write = try FigCheckBinary.run(["check", "draft.md", "--write-baseline", baselineFile.path], in: directory)
        #expect(write.exitCode == 0)
        #expect(write.standardError == "figcheck: \(baselineFile.path): recorded 1 findings\n")
        let recorded = try String(contentsOf: baselineFile, encoding: .utf8)
        #expect(recorded.contains("\"version\" : 1"))
        #expect(recorded.contains("\"sentence\" : \"Korea spent 2.9% of its GDP on its military in 2023.\""))
        #expect(try FigCheckBinary.run(["check", "draft.md", "--baseline", baselineFile.path], in: directory).exitCode == 0)
        // Lines added above move the finding; the baseline still matches it. A new error still fails.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "India had", with: "A new opening paragraph.\n\nIndia had")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try FigCheckBinary.run(["check", "draft.md", "--baseline", baselineFile.path], in: directory).exitCode == 0)
        try (text + "\nJapan had 98 million people in 2024.\n").write(to: file, atomically: true, encoding: .utf8)
        let fresh = try FigCheckBinary.run(["check", "draft.md", "--baseline", baselineFile.path], in: directory)
        #expect(fresh.exitCode == 1)
        #expect(fresh.standardOutput.contains("Stated 98 million"))
        #expect(!fresh.standardOutput.contains("Stated 2.9%"))
    }

    @Test("--output writes the report atomically and nothing to standard output")
    func output() throws {
        let (directory, file) = try Self.draft()
        let report = directory.appendingPathComponent("report.html")
        let result = try FigCheckBinary.run(["check", file.path, "--format", "html", "--output", report.path], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let nowhere = try FigCheckBinary.run(["check", file.path, "--output", "/nonexistent/dir/report.txt"], in: directory)
        #expect(nowhere.exitCode == 2)
        #expect(nowhere.standardError.hasPrefix("figcheck: /nonexistent/dir/report.txt: cannot write the report"))
    }
}

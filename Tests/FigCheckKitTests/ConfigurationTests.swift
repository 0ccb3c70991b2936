import FigCheckCore
@testable import FigCheckKit
import Foundation
import Testing
import TestSupport

/// `.figcheck.yml`: every key read with its type, a one-line error naming the file and the key
/// for each kind of mistake, and warnings (not errors) for keys figcheck does not know.
@Suite("configuration file")
struct ConfigurationTests {
    /// Writes `yaml` as a configuration file and loads it.
    static func load(_ yaml: String) throws -> Configuration {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent(".figcheck.yml")
        try Data(yaml.utf8).write(to: file)
        return try Configuration.load(from: file)
    }

    @Test("the documented example file reads every key")
    func example() throws {
        let file = TestPaths.repository.appendingPathComponent("docs/figcheck.example.yml")
        let config = try Configuration.load(from: file)
        #expect(config.subject == "KOR")
        #expect(config.failOn == .error)
        #expect(config.format == .text)
        #expect(config.tolerances == ["default": 0.10, "ratio": 0.05, "nearly": 0.05])
        #expect(config.nearMiss == 0.05)
        #expect(config.disabledRules == ["rank"] && config.enabledRules == nil)
        #expect(config.include == ["docs/**/*.md"] && config.exclude == ["docs/drafts/**"])
        #expect(config.baseline == ".figcheck-baseline.json")
        #expect(config.warnings.isEmpty)
    }

    @Test("scalars in their YAML forms: dates plain or quoted, whole numbers as fractions, one glob as a list")
    func scalarForms() throws {
        let config = try Self.load("""
            version: 1
            subject: kor
            date: 2025-10-01
            as-of: "2025-12-31"
            data: tables
            tolerance: {default: 0, ratio: 0.05}
            max-seconds: 5
            rules: {enable: ratio-of-gdp}
            include: docs/*.md
            """)
        #expect(config.subject == "KOR")
        #expect(config.date == CalendarDate(year: 2025, month: 10, day: 1))
        #expect(config.asOf == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(config.dataDirectory == "tables")
        #expect(config.tolerances == ["default": 0, "ratio": 0.05])
        #expect(config.maxSeconds == 5)
        #expect(config.enabledRules == ["ratio-of-gdp"])
        #expect(config.include == ["docs/*.md"])
    }

    @Test("unknown keys are warnings with their path, at the top, under rules and under tolerance")
    func unknownKeys() throws {
        let config = try Self.load("""
            version: 1
            colour: blue
            rules: {disable: [rank], skip: [x]}
            tolerance: {ratio: 0.05, fuzzy: 0.2, vague: big}
            """)
        let file = config.path ?? ""
        #expect(config.warnings.sorted() == [
            "\(file): unknown key 'colour' (ignored)",
            "\(file): unknown key 'rules.skip' (ignored)",
            "\(file): unknown tolerance key 'fuzzy' (ignored)",
            "\(file): unknown tolerance key 'vague' (ignored)",
        ])
        #expect(config.tolerances == ["ratio": 0.05])
        #expect(config.disabledRules == ["rank"])
    }

    @Test("each mistake is one line naming the file and the key", arguments: [
        ("subject: KOR", "missing 'version: 1'"),
        ("version: 2", "version 2 is not supported (expected 1)"),
        ("version: one\nsubject: [KOR]", "version one is not supported (expected 1)"),
        ("- version: 1", "expected a mapping of keys"),
        ("version: 1\nsubject: [KOR]", "'subject' must be a string"),
        ("version: 1\nsubject: KOREA", "subject 'KOREA' is not an ISO 3166 alpha-3 code"),
        ("version: 1\ndate: 2025-13-01", "'date' must be a YYYY-MM-DD date"),
        ("version: 1\nas-of: soon", "'as-of' must be a YYYY-MM-DD date"),
        ("version: 1\nfail-on: sometimes", "fail-on 'sometimes' must be error, warning or never"),
        ("version: 1\nformat: pdf", "format 'pdf' must be one of text, markdown, html, json, sarif, junit, github"),
        ("version: 1\ntolerance: 0.1", "'tolerance' must map claim kinds or hedges to numbers"),
        ("version: 1\ntolerance: {ratio: big}", "tolerance 'ratio' must be a fraction between 0 and 1, such as 0.1"),
        ("version: 1\ntolerance: {ratio: 1.5}", "tolerance 'ratio' must be a fraction between 0 and 1, such as 0.1"),
        ("version: 1\nnear-miss: -0.1", "'near-miss' must be a fraction between 0 and 1, such as 0.05"),
        ("version: 1\nmax-seconds: forever", "'max-seconds' must be a number of seconds between 0 and 86400, such as 30"),
        ("version: 1\nrules: [rank]", "'rules' must have 'enable' and/or 'disable' lists"),
        ("version: 1\nrules: {disable: [rank, [x]]}", "'rules.disable' must be a list of strings"),
        ("version: 1\ninclude: {a: b}", "'include' must be a list of strings"),
        ("version: 1\nbaseline: [a, b]", "'baseline' must be a string"),
        ("version: 1\nsubject: [unclosed", "not valid YAML"),
    ])
    func mistakes(yaml: String, reason: String) throws {
        do {
            let config = try Self.load(yaml)
            Issue.record("expected \(reason), read \(config)")
        } catch let error as ConfigurationError {
            #expect(error.path.hasSuffix("/.figcheck.yml"))
            #expect(error.reason == reason || (reason == "not valid YAML" && error.reason.hasPrefix("not valid YAML (")),
                    "\(error.reason)")
            #expect(!(error.errorDescription ?? "").contains("\n"))
        }
    }
}

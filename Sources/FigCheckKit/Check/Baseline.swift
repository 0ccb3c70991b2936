import FigCheckCore
import Foundation

/// Accepted findings, keyed by document, rule, figure and normalised sentence text (not line
/// numbers, so edits elsewhere in a file keep them matched). `--write-baseline` records the
/// failing findings of a run; `--baseline` hides those and reports only new ones.
public struct Baseline: Codable, Equatable, Sendable {
    /// One accepted finding: where it is and what it says, without line numbers.
    public struct Entry: Codable, Hashable, Sendable, Comparable {
        /// The document's path as the report names it.
        public var document: String
        /// The rule that found it.
        public var ruleId: String
        /// The figure as written.
        public var text: String
        /// The sentence, whitespace and case normalised.
        public var sentence: String

        /// Orders entries by document, rule, sentence and figure (the file's order).
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.document, lhs.ruleId, lhs.sentence, lhs.text) < (rhs.document, rhs.ruleId, rhs.sentence, rhs.text)
        }
    }

    /// The file format's version (1).
    public var version: Int
    /// The accepted findings, sorted.
    public var findings: [Entry]

    /// A baseline of `findings`, sorted so the file is stable.
    public init(findings: [Entry]) {
        version = 1
        self.findings = findings.sorted()
    }

    package static func entry(_ finding: Finding, document: String) -> Entry {
        Entry(
            document: document, ruleId: finding.ruleId, text: finding.text,
            sentence: ReportText.normalised(finding.sentence))
    }

    /// The failing findings of a report (at or above `failOn`, or warnings and errors when it is never).
    public init(report: Report, failOn: Severity?) {
        let threshold = failOn ?? .warning
        self.init(
            findings: report.documents.flatMap { document in
                document.claims.filter { $0.severity >= threshold }.map { Self.entry($0, document: document.source) }
            })
    }

    /// Reads a baseline file; an unreadable or foreign file is a one-line `ConfigurationError`.
    public static func load(from url: URL) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(path: url.path, reason: "baseline cannot be read")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw ConfigurationError(
                    path: url.path, reason: "baseline version \(baseline.version) is not supported")
            }
            return baseline
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(
                path: url.path, reason: "not a figcheck baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
    }

    /// The file's bytes: pretty-printed JSON with sorted keys.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// The findings of `document` not in the baseline (each entry hides one finding), and how many were hidden.
    public func filter(_ findings: [Finding], document: String) -> (kept: [Finding], hidden: Int) {
        var remaining: [Entry: Int] = [:]
        for entry in self.findings { remaining[entry, default: 0] += 1 }
        var kept: [Finding] = []
        for finding in findings {
            let entry = Self.entry(finding, document: document)
            if let count = remaining[entry], count > 0 {
                remaining[entry] = count - 1
            } else {
                kept.append(finding)
            }
        }
        return (kept, findings.count - kept.count)
    }
}

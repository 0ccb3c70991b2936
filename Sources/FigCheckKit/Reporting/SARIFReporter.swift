import FigCheckCore
import FigCheckVerification
import Foundation

/// SARIF 2.1.0 for code-scanning tools: the rules from the registry, one result per finding that
/// needs attention, physical locations, and partial fingerprints that survive edits elsewhere.
struct SARIFReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log(for: report)) else {
            // Every field of the log is a string, a number or a Boolean; this would be a programming error.
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The whole log: one run with the rule registry, the findings that need attention and the
    /// documents that could not be read as notifications.
    static func log(for report: Report) -> SARIFLog {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        var results: [SARIFLog.Result] = []
        for document in report.documents {
            for finding in document.claims where finding.verdict == .inconsistent || finding.verdict == .needsReview {
                let hints = finding.hints.isEmpty ? "" : " Hints: " + finding.hints.joined(separator: " ")
                let region = SARIFLog.Region(
                    startLine: max(1, finding.location.line), startColumn: max(1, finding.location.column),
                    charLength: finding.text.count, snippet: .init(text: finding.text))
                results.append(
                    SARIFLog.Result(
                        ruleId: finding.ruleId, ruleIndex: ruleIndex[finding.ruleId], level: level(finding.severity),
                        message: .init(text: finding.message + hints),
                        locations: [
                            .init(
                                physicalLocation: .init(
                                    artifactLocation: .init(uri: uri(document.source)), region: region))
                        ],
                        partialFingerprints: [
                            "figcheckFinding/v1": ReportText.fingerprint(finding, source: document.source)
                        ],
                        properties: .init(verdict: finding.verdict.rawValue, kind: finding.kind)))
            }
        }
        let notifications = report.documents.flatMap { document in
            document.errors.map { SARIFLog.Notification(level: "error", message: .init(text: $0)) }
        }
        let driver = SARIFLog.Driver(
            name: "figcheck", version: report.tool.version, semanticVersion: report.tool.version,
            informationUri: "https://github.com/figcheck/figcheck",
            rules: rules.map { rule in
                SARIFLog.Rule(
                    id: rule.id, name: rule.id, shortDescription: .init(text: rule.summary),
                    defaultConfiguration: .init(level: "error"))
            })
        let run = SARIFLog.Run(
            tool: .init(driver: driver), results: results,
            invocations: [.init(executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications)],
            columnKind: "unicodeCodePoints",
            // The credits the tables' licences require, in the run's property bag.
            properties: report.attributions.isEmpty ? nil : .init(attributions: report.attributions))
        return SARIFLog(runs: [run])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path stays relative (code scanning resolves it against the checkout); URLs stay as they are.
    private static func uri(_ source: String) -> String {
        if source.contains("://") { return source }
        return source.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
        }.joined(separator: "/")
    }
}

/// The part of the SARIF 2.1.0 object model figcheck writes, with the OASIS schema's property
/// names. Optional properties left `nil` are omitted.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var invocations: [Invocation]
        var columnKind: String
        var properties: RunProperties?
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [Rule]
    }

    /// A `reportingDescriptor`: one of figcheck's rules.
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var verdict: String
        var kind: String
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var charLength: Int
        var snippet: Snippet
    }

    struct Snippet: Encodable {
        var text: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
    }

    struct RunProperties: Encodable {
        var attributions: [String]
    }
}

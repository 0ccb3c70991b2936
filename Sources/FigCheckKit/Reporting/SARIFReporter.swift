import FigCheckCore
import FigCheckVerification
import Foundation

/// SARIF 2.1.0 for code-scanning tools: the rules from the registry, one result per finding that
/// needs attention, physical locations, and partial fingerprints that survive edits elsewhere.
struct SARIFReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        var results: [[String: Any]] = []
        for document in report.documents {
            for finding in document.claims where finding.verdict == .inconsistent || finding.verdict == .needsReview {
                var region: [String: Any] = ["startLine": max(1, finding.location.line), "startColumn": max(1, finding.location.column),
                                             "charLength": finding.text.count]
                region["snippet"] = ["text": finding.text]
                var result: [String: Any] = [
                    "ruleId": finding.ruleId,
                    "level": level(finding.severity),
                    "message": ["text": finding.message + (finding.hints.isEmpty ? "" : " Hints: " + finding.hints.joined(separator: " "))],
                    "locations": [["physicalLocation": ["artifactLocation": ["uri": uri(document.source)], "region": region]]],
                    "partialFingerprints": ["figcheckFinding/v1": ReportText.fingerprint(finding, source: document.source)],
                    "properties": ["verdict": finding.verdict.rawValue, "kind": finding.kind],
                ]
                if let index = ruleIndex[finding.ruleId] { result["ruleIndex"] = index }
                results.append(result)
            }
        }
        let notifications: [[String: Any]] = report.documents.flatMap { document in
            document.errors.map { ["level": "error", "message": ["text": $0]] as [String: Any] }
        }
        var run: [String: Any] = [
            "tool": ["driver": [
                "name": "figcheck", "version": report.tool.version, "semanticVersion": report.tool.version,
                "informationUri": "https://github.com/figcheck/figcheck",
                "rules": rules.map { rule in
                    ["id": rule.id, "name": rule.id, "shortDescription": ["text": rule.summary],
                     "defaultConfiguration": ["level": "error"]] as [String: Any]
                },
            ] as [String: Any]],
            "results": results,
            "invocations": [["executionSuccessful": notifications.isEmpty, "toolExecutionNotifications": notifications]],
            "columnKind": "unicodeCodePoints",
        ]
        // The credits the tables' licences require, in the run's property bag.
        if !report.attributions.isEmpty { run["properties"] = ["attributions": report.attributions] }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
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

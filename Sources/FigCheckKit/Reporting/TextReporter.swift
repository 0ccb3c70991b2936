import FigCheckCore

/// The terminal report: per document its metadata, then each finding as
/// `path:line:col: severity: message [rule]`, and a closing summary line.
struct TextReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        var output = ""
        for document in report.documents {
            output += section(for: document, color: options.color)
            output += "\n"
        }
        // The credits the tables' licences require (IMF WEO, World Bank CC BY, ODbL).
        if !report.attributions.isEmpty {
            output += "data: " + report.attributions.joined(separator: "; ") + "\n"
        }
        output += summary(report)
        return output
    }

    private static func section(for document: DocumentReport, color: Bool) -> String {
        var lines = [paint(document.source, .bold, color)]
        if !document.errors.isEmpty {
            lines += document.errors.map { "  " + paint("error", .red, color) + "    \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("  format   \(document.format?.rawValue ?? "unknown")")
        lines.append("  date     \(dateLine(document))")
        lines.append(
            "  subject  \(document.subject.map { "\($0), from --subject" } ?? "not set (--subject names the country of \"we\" and \"our\")")"
        )
        lines += document.warnings.map { "  " + paint("warning", .yellow, color) + "  \($0)" }
        lines.append("  numbers  \(document.mentions) (figcheck mentions lists them)")
        if document.claims.isEmpty {
            lines.append("  claims   none found")
        } else {
            let summary = document.summary
            lines.append(
                "  claims   \(summary.claims): \(summary.consistent) consistent, "
                    + "\(summary.inconsistent) inconsistent, \(summary.needsReview) to review, "
                    + "\(summary.unverifiable) unverifiable")
            // Grouped by verdict: what needs attention first, each group in document order. A
            // relation whose figures the text does not give judged nothing: counted, not listed.
            let unrelated = document.claims.filter(\.operandsNotFound).count
            for finding in ReportText.ordered(document.claims) where !finding.operandsNotFound {
                let location = "\(document.source):\(finding.location.line):\(finding.location.column)"
                let severity: String
                switch finding.severity {
                case .error: severity = paint("error", .red, color)
                case .warning: severity = paint("warning", .yellow, color)
                case .info: severity = "info"
                }
                lines.append("\(location): \(severity): \(finding.message) [\(finding.ruleId)]")
                // The recomputation and its sources for what needs a look; consistent claims stay one line.
                guard finding.verdict == .inconsistent || finding.verdict == .needsReview else { continue }
                if let computed = finding.computed {
                    lines.append("    = \(computed.formula)")
                    for input in computed.inputs {
                        lines.append(
                            "    source: \(input.table) \(input.key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")), vintage \(input.vintage) (\(input.source))"
                        )
                    }
                }
                lines += finding.hints.map { "    hint: \($0)" }
            }
            if unrelated > 0 {
                lines.append(
                    "  not checked: \(unrelated) relation\(unrelated == 1 ? "" : "s") (\"a rise of 4%\") whose figures the text does not give; the json and markdown reports list \(unrelated == 1 ? "it" : "them")"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dateLine(_ document: DocumentReport) -> String {
        guard let date = document.date else { return "not found (--date YYYY-MM-DD sets it)" }
        let place = document.dateLocation.map { " (line \($0.line), column \($0.column))" } ?? ""
        switch document.dateSource {
        case .text: return "\(date), from a dateline in the text\(place)"
        case .meta: return "\(date), from the document's metadata\(place)"
        case .flag: return "\(date), from --date"
        case .none: return "\(date)"
        }
    }

    private static func summary(_ report: Report) -> String {
        let failed = report.documents.filter { !$0.errors.isEmpty }.count
        let claims = report.documents.reduce(0) { $0 + $1.summary.claims }
        let documents = report.documents.count
        var parts = ["\(documents) document\(documents == 1 ? "" : "s")"]
        if failed > 0 { parts.append("\(failed) could not be checked") }
        parts.append("\(claims) claim\(claims == 1 ? "" : "s")")
        return parts.joined(separator: ", ") + "\n"
    }

    private enum Style: String {
        case bold = "1"
        case red = "31"
        case yellow = "33"
    }

    private static func paint(_ text: String, _ style: Style, _ enabled: Bool) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

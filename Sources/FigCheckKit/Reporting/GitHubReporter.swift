import FigCheckCore

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` for each
/// finding that needs attention, so they appear on the pull request's lines.
struct GitHubReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        var lines: [String] = []
        for document in report.documents {
            for error in document.errors {
                lines.append("::error file=\(property(document.source)),title=figcheck::\(data(error))")
            }
            for finding in document.claims where finding.verdict == .inconsistent || finding.verdict == .needsReview {
                let command =
                    finding.severity == .error ? "error" : (finding.severity == .warning ? "warning" : "notice")
                let message = ([finding.message] + finding.hints.map { "Hint: \($0)" }).joined(separator: "\n")
                lines.append(
                    "::\(command) file=\(property(document.source)),line=\(finding.location.line),col=\(finding.location.column),"
                        + "title=\(property("figcheck \(finding.ruleId)"))::\(data(message))")
            }
        }
        let summary = report.documents.reduce(VerdictSummary([])) { total, document in
            var sum = total
            sum.claims += document.summary.claims
            sum.inconsistent += document.summary.inconsistent
            sum.needsReview += document.summary.needsReview
            return sum
        }
        lines.append(
            "figcheck: \(summary.claims) claims, \(summary.inconsistent) inconsistent, \(summary.needsReview) to review"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// Workflow-command escaping of the message part.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Workflow-command escaping of a property value (also ":" and ",").
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import FigCheckCore

/// JUnit XML for CI dashboards: a test suite per document, a test case per claim; findings at or
/// above `--fail-on` are failures, unverifiable claims are skipped, unreadable documents are errors.
struct JUnitReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        var suites: [String] = []
        // The skipped count is on each <testsuite> only: the schema Jenkins' xUnit plugin enforces
        // (junit-10.xsd) allows no `skipped` attribute on <testsuites>.
        var totals = (tests: 0, failures: 0, errors: 0)
        for document in report.documents {
            let name = ReportText.escapeMarkup(document.source)
            if !document.errors.isEmpty {
                totals.tests += 1
                totals.errors += 1
                let message = ReportText.escapeMarkup(document.errors.joined(separator: "; "))
                suites.append(
                    """
                      <testsuite name="\(name)" tests="1" failures="0" errors="1" skipped="0">
                        <testcase classname="\(name)" name="load"><error message="\(message)" type="load">\(message)</error></testcase>
                      </testsuite>
                    """)
                continue
            }
            var cases: [String] = []
            var failures = 0
            var skipped = 0
            for finding in document.claims {
                let caseName = ReportText.escapeMarkup(
                    "\(finding.location.line):\(finding.location.column) \(finding.ruleId) \(finding.text)")
                let failing = options.failOn.map { finding.severity >= $0 } ?? false
                var body = ""
                if failing {
                    failures += 1
                    var details = [finding.message]
                    if let computed = finding.computed {
                        details.append("= \(computed.formula)")
                        details += computed.inputs.map { "source: " + ReportText.inputLine($0) }
                    }
                    details += finding.hints.map { "hint: \($0)" }
                    body =
                        "<failure message=\"\(ReportText.escapeMarkup(finding.message))\" type=\"\(finding.verdict.rawValue)\">"
                        + ReportText.escapeMarkup(details.joined(separator: "\n")) + "</failure>"
                } else if finding.verdict == .unverifiable {
                    skipped += 1
                    body = "<skipped message=\"\(ReportText.escapeMarkup(finding.message))\"/>"
                }
                cases.append("    <testcase classname=\"\(name)\" name=\"\(caseName)\">\(body)</testcase>")
            }
            totals.tests += document.claims.count
            totals.failures += failures
            // The credits the tables' licences require, as suite properties.
            let credits =
                report.attributions.isEmpty
                ? ""
                : "    <properties>\n"
                    + report.attributions.map {
                        "      <property name=\"data-attribution\" value=\"\(ReportText.escapeMarkup($0))\"/>\n"
                    }.joined()
                    + "    </properties>\n"
            suites.append(
                "  <testsuite name=\"\(name)\" tests=\"\(document.claims.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
                    + credits + cases.joined(separator: "\n") + (cases.isEmpty ? "" : "\n") + "  </testsuite>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="figcheck" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }
}

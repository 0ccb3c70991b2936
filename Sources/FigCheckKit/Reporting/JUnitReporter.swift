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
            let cases = document.claims.map { testCase($0, suite: name, options: options) }
            let failures = cases.filter(\.failing).count
            let skipped = cases.filter(\.skipped).count
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
                    + credits + cases.map(\.xml).joined(separator: "\n") + (cases.isEmpty ? "" : "\n")
                    + "  </testsuite>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="figcheck" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    /// One claim's `<testcase>`: a failure at or above `--fail-on` with the recomputation and its
    /// sources, a skip when unverifiable, else passed.
    private static func testCase(_ finding: Finding, suite name: String, options: CheckOptions)
        -> (xml: String, failing: Bool, skipped: Bool)
    {
        let caseName = ReportText.escapeMarkup(
            "\(finding.location.line):\(finding.location.column) \(finding.ruleId) \(finding.text)")
        let failing = options.failOn.map { finding.severity >= $0 } ?? false
        let skipped = !failing && finding.verdict == .unverifiable
        var body = ""
        if failing {
            var details = [finding.message]
            if let computed = finding.computed {
                details.append("= \(computed.formula)")
                details += computed.inputs.map { "source: " + ReportText.inputLine($0) }
            }
            details += finding.hints.map { "hint: \($0)" }
            body =
                "<failure message=\"\(ReportText.escapeMarkup(finding.message))\" type=\"\(finding.verdict.rawValue)\">"
                + ReportText.escapeMarkup(details.joined(separator: "\n")) + "</failure>"
        } else if skipped {
            body = "<skipped message=\"\(ReportText.escapeMarkup(finding.message))\"/>"
        }
        return ("    <testcase classname=\"\(name)\" name=\"\(caseName)\">\(body)</testcase>", failing, skipped)
    }
}

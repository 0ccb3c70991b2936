import FigCheckCore
import Foundation

/// The JSON report, schema 1: sorted keys, no timestamps, the same bytes for the same input.
/// Written by `JSONStreamWriter` in `JSONEncoder`'s layout (the tests compare the two on the
/// goldens and on a fixed report), without building the encoder's tree: on a long report the tree
/// cost a tenth of the whole check.
struct JSONReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        JSONStreamWriter.string { json in json.report(report) }
    }
}

extension JSONStreamWriter {
    /// A whole report; each object's keys in sorted (UTF-8 byte) order, as `.sortedKeys` gives.
    mutating func report(_ report: Report) {
        beginObject()
        key("documents")
        beginArray()
        for document in report.documents { self.document(document) }
        endArray()
        key("referenceData")
        beginArray()
        for use in report.referenceData {
            beginObject()
            // Optional and nil: left out, as the synthesised encoding leaves it.
            if let attribution = use.attribution {
                key("attribution")
                string(attribution)
            }
            key("table")
            string(use.table)
            key("vintage")
            string(use.vintage)
            endObject()
        }
        endArray()
        key("schemaVersion")
        integer(report.schemaVersion)
        key("tool")
        beginObject()
        key("name")
        string(report.tool.name)
        key("version")
        string(report.tool.version)
        endObject()
        endObject()
    }

    private mutating func document(_ document: DocumentReport) {
        beginObject()
        key("claims")
        beginArray()
        for finding in document.claims { self.finding(finding) }
        endArray()
        key("date")
        string(document.date?.description)
        key("dateLocation")
        if let location = document.dateLocation { self.location(location) } else { null() }
        key("dateSource")
        string(document.dateSource.rawValue)
        key("errors")
        strings(document.errors)
        key("format")
        string(document.format?.rawValue)
        key("mentions")
        integer(document.mentions)
        key("source")
        string(document.source)
        key("subject")
        string(document.subject)
        key("summary")
        beginObject()
        key("claims")
        integer(document.summary.claims)
        key("consistent")
        integer(document.summary.consistent)
        key("inconsistent")
        integer(document.summary.inconsistent)
        key("needs_review")
        integer(document.summary.needsReview)
        key("unverifiable")
        integer(document.summary.unverifiable)
        endObject()
        key("warnings")
        strings(document.warnings)
        endObject()
    }

    private mutating func finding(_ finding: Finding) {
        beginObject()
        key("about")
        beginObject()
        key("entity")
        string(finding.about.entity)
        key("indicator")
        string(finding.about.indicator)
        key("period")
        string(finding.about.period)
        key("scope")
        string(finding.about.scope)
        endObject()
        key("computed")
        if let computed = finding.computed { self.computation(computed) } else { null() }
        key("hints")
        strings(finding.hints)
        key("id")
        string(finding.id)
        key("kind")
        string(finding.kind)
        key("location")
        location(finding.location)
        key("message")
        string(finding.message)
        key("ruleId")
        string(finding.ruleId)
        key("sentence")
        string(finding.sentence)
        key("severity")
        string(finding.severity.rawValue)
        key("stated")
        beginObject()
        key("hedge")
        string(finding.stated.hedge)
        key("high")
        number(finding.stated.high)
        key("low")
        number(finding.stated.low)
        key("unit")
        string(finding.stated.unit)
        key("value")
        number(finding.stated.value)
        endObject()
        key("text")
        string(finding.text)
        key("verdict")
        string(finding.verdict.rawValue)
        endObject()
    }

    private mutating func computation(_ computed: Computation) {
        beginObject()
        key("formula")
        string(computed.formula)
        key("high")
        number(computed.high)
        key("inputs")
        beginArray()
        for input in computed.inputs {
            beginObject()
            key("key")
            beginObject()
            for (name, value) in input.key.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
                key(name)
                string(value)
            }
            endObject()
            key("source")
            string(input.source)
            key("table")
            string(input.table)
            key("value")
            number(input.value)
            key("vintage")
            string(input.vintage)
            endObject()
        }
        endArray()
        key("low")
        number(computed.low)
        key("value")
        number(computed.value)
        endObject()
    }

    /// A line, column, offset and length.
    mutating func location(_ location: TextLocation) {
        beginObject()
        key("column")
        integer(location.column)
        key("length")
        integer(location.length)
        key("line")
        integer(location.line)
        key("offset")
        integer(location.offset)
        endObject()
    }

    private mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}

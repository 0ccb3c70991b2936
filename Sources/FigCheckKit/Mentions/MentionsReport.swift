import FigCheckCore
import FigCheckVerification
import Foundation

/// What `figcheck mentions` prints: every number of a document with its kind, value, interval,
/// unit, scale and hedge, and the numbers recognised as not quantities.
package enum MentionsReport {
    /// The analysis of `document` as the JSON of `figcheck mentions --format json`.
    package static func json(_ analysis: DocumentAnalysis) -> String {
        JSONStreamWriter.string { write(analysis, to: &$0) }
    }

    /// The same JSON, handed to `sink` in chunks as it is written (a 20 MB document has 100,000
    /// numbers: no tree of them and no whole string is built).
    package static func writeJSON(_ analysis: DocumentAnalysis, to sink: @escaping ([UInt8]) -> Void) {
        var writer = JSONStreamWriter(sink: sink)
        write(analysis, to: &writer)
        writer.finish()
    }

    /// Every key is written, unknowns as null, so consumers see one shape; keys in sorted order.
    // Long: one mention's JSON object, its fields written in schema order by the streaming writer.
    private static func write(_ analysis: DocumentAnalysis, to json: inout JSONStreamWriter) {
        let document = analysis.document
        json.beginObject()
        json.key("ignored")
        json.beginArray()
        for number in analysis.ignoredNumbers {
            json.beginObject()
            json.key("location")
            json.location(document.location(of: number.range))
            json.key("reason")
            json.string(number.reason.rawValue)
            json.key("text")
            json.string(number.text)
            json.endObject()
        }
        json.endArray()
        json.key("mentions")
        json.beginArray()
        for mention in analysis.mentions {
            json.beginObject()
            // The digits can be read two ways ("45.000 €"): `readings` gives both, the likelier first.
            json.key("ambiguous")
            json.bool(mention.ambiguous)
            json.key("currency")
            json.string(mention.currency)
            json.key("decimal")
            json.string(mention.decimalText)
            json.key("hedge")
            json.string(mention.hedge.rawValue)
            json.key("high")
            json.number(mention.high)
            json.key("kind")
            json.string(mention.kind.rawValue)
            json.key("location")
            json.location(document.location(of: mention.range))
            json.key("low")
            json.number(mention.low)
            json.key("rangeEnd")
            json.number(mention.rangeEnd)
            json.key("readings")
            if let other = mention.otherReading {
                json.beginArray()
                json.number(mention.value)
                json.number(other)
                json.endArray()
            } else {
                json.null()
            }
            json.key("scale")
            json.string(mention.scale)
            json.key("text")
            json.string(mention.text)
            json.key("unit")
            json.string(mention.unit)
            json.key("value")
            json.number(mention.value)
            json.endObject()
        }
        json.endArray()
        json.key("source")
        json.string(document.source)
        json.endObject()
    }

    /// One line per mention: `line:col  text  kind  value [low, high]  unit  hedge`.
    package static func text(_ analysis: DocumentAnalysis) -> String {
        let document = analysis.document
        var lines: [String] = []
        for mention in analysis.mentions {
            let location = document.location(of: mention.range)
            var parts = [
                "\(location.line):\(location.column)", "\"\(mention.text)\"", mention.kind.rawValue,
                formatDecimal(mention.value), "[\(bound(mention.low)), \(bound(mention.high))]",
            ]
            if let unit = mention.unit { parts.append(unit) }
            if let scale = mention.scale { parts.append("scale \(scale)") }
            if mention.hedge != .none { parts.append("hedge \(mention.hedge.rawValue) (\(mention.hedgeText ?? ""))") }
            if let other = mention.otherReading {
                parts.append("ambiguous: \(formatDecimal(mention.value)) or \(formatDecimal(other))")
            }
            lines.append(parts.joined(separator: "  "))
        }
        for number in analysis.ignoredNumbers {
            let location = document.location(of: number.range)
            lines.append(
                "\(location.line):\(location.column)  \"\(number.text)\"  not a quantity: \(number.reason.rawValue)")
        }
        lines.append(
            "\(analysis.mentions.count) mentions, \(analysis.ignoredNumbers.count) numbers that are not quantities")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func bound(_ value: Double?) -> String {
        guard let value else { return "∞" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}

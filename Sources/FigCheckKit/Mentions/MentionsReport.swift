import FigCheckCore
import FigCheckVerification
import Foundation

/// What `figcheck mentions` prints: every number of a document with its kind, value, interval,
/// unit, scale and hedge, and the numbers recognised as not quantities.
public enum MentionsReport {
    /// One mention as JSON.
    struct Entry: Encodable {
        var text: String
        var location: TextLocation
        var kind: String
        var value: Double
        var decimal: String
        var low: Double?
        var high: Double?
        var rangeEnd: Double?
        var unit: String?
        var currency: String?
        var scale: String?
        var hedge: String
        /// The digits can be read two ways ("45.000 €"); `readings` gives both, the likelier first.
        var ambiguous: Bool
        var readings: [Double]?

        func encode(to encoder: Encoder) throws {
            // Every key is written, unknowns as null, so consumers see one shape.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(location, forKey: .location)
            try container.encode(kind, forKey: .kind)
            try container.encode(value, forKey: .value)
            try container.encode(decimal, forKey: .decimal)
            try container.encode(low, forKey: .low)
            try container.encode(high, forKey: .high)
            try container.encode(rangeEnd, forKey: .rangeEnd)
            try container.encode(unit, forKey: .unit)
            try container.encode(currency, forKey: .currency)
            try container.encode(scale, forKey: .scale)
            try container.encode(hedge, forKey: .hedge)
            try container.encode(ambiguous, forKey: .ambiguous)
            try container.encode(readings, forKey: .readings)
        }

        enum CodingKeys: String, CodingKey {
            case text, location, kind, value, decimal, low, high, rangeEnd, unit, currency, scale, hedge, ambiguous, readings
        }
    }

    struct Ignored: Encodable {
        var text: String
        var location: TextLocation
        var reason: String
    }

    struct Body: Encodable {
        var source: String
        var mentions: [Entry]
        var ignored: [Ignored]
    }

    /// The analysis of `document` as the JSON of `figcheck mentions --format json`.
    public static func json(_ analysis: DocumentAnalysis) -> String {
        let document = analysis.document
        let body = Body(
            source: document.source,
            mentions: analysis.mentions.map { mention in
                Entry(text: mention.text, location: document.location(of: mention.range), kind: mention.kind.rawValue,
                      value: mention.value, decimal: mention.decimalText, low: mention.low, high: mention.high,
                      rangeEnd: mention.rangeEnd, unit: mention.unit, currency: mention.currency, scale: mention.scale,
                      hedge: mention.hedge.rawValue, ambiguous: mention.ambiguous,
                      readings: mention.otherReading.map { [mention.value, $0] })
            },
            ignored: analysis.ignoredNumbers.map {
                Ignored(text: $0.text, location: document.location(of: $0.range), reason: $0.reason.rawValue)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(body) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One line per mention: `line:col  text  kind  value [low, high]  unit  hedge`.
    public static func text(_ analysis: DocumentAnalysis) -> String {
        let document = analysis.document
        var lines: [String] = []
        for mention in analysis.mentions {
            let location = document.location(of: mention.range)
            var parts = ["\(location.line):\(location.column)", "\"\(mention.text)\"", mention.kind.rawValue,
                         formatDecimal(mention.value), "[\(bound(mention.low)), \(bound(mention.high))]"]
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
            lines.append("\(location.line):\(location.column)  \"\(number.text)\"  not a quantity: \(number.reason.rawValue)")
        }
        lines.append("\(analysis.mentions.count) mentions, \(analysis.ignoredNumbers.count) numbers that are not quantities")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func bound(_ value: Double?) -> String {
        guard let value else { return "∞" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}

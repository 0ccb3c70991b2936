import FigCheckCore
import FigCheckVerification
import Foundation

/// What each suite would extract from our scan, in its own terms: which of our mentions it
/// counts, over which span, with which value and unit name. This is where conventions differ, so
/// it is written out here rather than bent into the scanner.
enum SuiteViews {
    static func actual(file: String, input: String, scan: MentionScanner.Result) -> [ExpectedItem] {
        let offsets = ScalarOffsets(input)
        let bytes = Array(input.utf8)
        func span(_ range: Range<Int>) -> Range<Int> { offsets.range(range) }
        func withoutHedge(_ mention: Mention) -> Range<Int> {
            guard let hedge = mention.hedgeText, mention.hedge != .none,
                  mention.text.lowercased().hasPrefix(hedge.lowercased()) else { return mention.range }
            var start = mention.range.lowerBound + hedge.utf8.count
            while start < mention.range.upperBound, bytes[start] == 0x20 { start += 1 }
            return start..<mention.range.upperBound
        }
        switch file {
        case "PercentModel":
            return scan.mentions.filter { $0.kind == .percent || $0.kind == .percentagePoints }.map {
                ExpectedItem(span: span(withoutHedge($0)), surface: $0.text, value: $0.value, unit: nil, interval: nil)
            }
        case "NumberModel":
            // A number glued to its unit ("180ml", "29km") is a dimension, not a number, to this suite.
            return scan.mentions.filter {
                ![.ordinal, .date].contains($0.kind) && !isMultiplierWord($0)
                    && !($0.kind == .measure && !$0.text.contains(where: \.isWhitespace))
            }.map {
                let start = $0.value < 0 && $0.hedge == .none && $0.currency == nil ? $0.range.lowerBound : $0.numberRange.lowerBound
                return ExpectedItem(span: span(start..<$0.numberRange.upperBound), surface: $0.text,
                                    value: $0.kind == .currency ? $0.value : $0.value, unit: nil, interval: nil)
            }
        case "OrdinalModel":
            return scan.mentions.filter { $0.kind == .ordinal }.map {
                ExpectedItem(span: span($0.numberRange), surface: $0.text, value: $0.value, unit: nil, interval: nil)
            }
        case "NumberRangeModel":
            return scan.mentions.compactMap { mention in
                guard let interval = intervalNotation(mention) else { return nil }
                // The suite's span ends at the number or at a trailing "or more", never at a unit.
                var end = mention.range.upperBound
                let trailingHedge = mention.hedgeText.map { $0.hasPrefix("or") || $0.hasPrefix("and") || $0.contains("…") } ?? false
                if mention.rangeEnd == nil && !trailingHedge { end = mention.numberRange.upperBound }
                return ExpectedItem(span: span(withoutHedge(mention).lowerBound == mention.range.lowerBound || mention.hedge != .approximately
                                               ? mention.range.lowerBound..<end : withoutHedge(mention).lowerBound..<end),
                                    surface: mention.text, value: nil, unit: nil, interval: interval)
            }
        case "CurrencyModel":
            return scan.mentions.filter { $0.kind == .currency }.map {
                ExpectedItem(span: span(withoutHedge($0)), surface: $0.text, value: $0.value,
                             unit: recognizersUnit($0), interval: nil)
            }
        default:
            // quantulum3 reads neither dates, ordinals nor fiscal-year spans as quantities.
            return scan.mentions.filter { $0.kind != .date && $0.kind != .ordinal && !($0.kind == .year && $0.rangeEnd != nil) }.map { mention in
                var interval: String?
                var value = mention.value
                if let end = mention.rangeEnd, mention.kind != .year {
                    interval = "[\(mention.value),\(end)]"
                    value = min(mention.value, end)
                }
                var range = withoutHedge(mention)
                if mention.text.lowercased().hasPrefix("from ") { range = (range.lowerBound + 5)..<range.upperBound }
                return ExpectedItem(span: span(range), surface: mention.text, value: value,
                                    unit: quantulumUnit(mention), interval: interval)
            }
        }
    }

    static func isMultiplierWord(_ mention: Mention) -> Bool {
        mention.kind == .multiplier && mention.range == mention.numberRange
    }

    /// Recognizers-Text interval notation for our hedged and range mentions.
    static func intervalNotation(_ mention: Mention) -> String? {
        func number(_ value: Double) -> String { formatDecimal(value) }
        if let end = mention.rangeEnd {
            if mention.hedge == .none, mention.hedgeText != nil {
                // A two-sided comparison: its own bounds.
                return (mention.lowInclusive ? "[" : "(") + "\(number(mention.value)),\(number(end))"
                    + (mention.highInclusive ? "]" : ")")
            }
            return "[\(number(mention.value)),\(number(end)))"
        }
        switch mention.hedge {
        case .over: return "(\(number(mention.value)),)"
        case .under: return "(,\(number(mention.value)))"
        case .atLeast: return "[\(number(mention.value)),)"
        case .atMost: return "(,\(number(mention.value))]"
        case .exactly: return "[\(number(mention.value)),\(number(mention.value))]"
        default: return nil
        }
    }

    /// Recognizers-Text's unit names: a bare "$" is "Dollar", an explicit US dollar is "United
    /// States dollar", and so on.
    static func recognizersUnit(_ mention: Mention) -> String {
        let text = mention.text.lowercased()
        let words = Set(text.split(whereSeparator: { !$0.isLetter && $0 != "." }).map(String.init))
        let explicitUS = !words.isDisjoint(with: ["us", "u.s", "u.s.", "usd"]) || text.hasPrefix("usd")
            || text.contains("usd") || text.contains("u.s")
        switch (mention.currency ?? "", mention.unit ?? "") {
        case (_, "cents"): return "Cent"
        case (_, "pence"): return text.contains("penny") ? "Penny" : "Pence"
        case ("USD", _): return explicitUS ? "United States dollar" : "Dollar"
        case ("EUR", _): return "Euro"
        case ("GBP", _): return text.contains("gbp") ? "British pound" : "Pound"
        case ("JPY", _): return "Japanese yen"
        case ("CNY", _): return "Chinese yuan"
        case ("CAD", _): return "Canadian dollar"
        case ("HKD", _): return "Hong Kong dollar"
        case ("AUD", _): return "Australian dollar"
        case ("NZD", _): return "New Zealand dollar"
        case ("MXN", _): return "Mexican peso"
        case ("CHF", _): return text.contains("swiss") ? "Swiss franc" : "Franc"
        case ("FRF", _): return "Franc"
        case ("INR", _): return "Rupee"
        case ("TRY", _): return "Turkish lira"
        case ("XBT", _): return text.contains("satoshi") ? "Satoshi" : "Bitcoin"
        case ("SEN", _): return "Sen"
        case ("FIM", _): return "Finnish markka"
        case ("ESP", _): return "Peseta"
        case ("NLG", _): return "Netherlands guilder"
        case ("CRC", _): return "Costa Rican colón"
        case ("GEL", _): return "Georgian lari"
        case ("LAK", _): return "Lao kip"
        case (let code, _): return code
        }
    }

    /// quantulum3's unit names for what we read; other units are not ours to name.
    static func quantulumUnit(_ mention: Mention) -> String? {
        switch mention.kind {
        case .percent: return "percentage"
        case .currency:
            switch mention.currency {
            case "USD": return mention.unit == "cents" ? "cent" : "dollar"
            case "EUR": return "euro"
            case "GBP": return mention.unit == "pence" ? "penny" : "pound sterling"
            default: return mention.currency
            }
        case .duration:
            return mention.unit.map { String($0.dropLast()) }
        case .measure:
            return mention.unit
        default:
            return "dimensionless"
        }
    }
}

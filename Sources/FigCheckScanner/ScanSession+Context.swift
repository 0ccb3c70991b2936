import FigCheckCore

/// The decimal mark a document's numbers use.
enum DecimalMark { case point, comma, unknown }

/// What surrounds a number: sign, currency, hedge and range words before it; scale, unit and
/// range end after it. Decides the mention's kind and its interval.
extension ScanSession {
    struct Prefix {
        var start: Int
        var sign = 1.0
        var currency: String?
        var hedge = Hedge.none
        var hedgeText: String?
        var accountingNegative = false
        /// "between" or "from" opens a range.
        var rangeOpener: String?
        var openerIndex: Int?
    }

    struct Suffix {
        var end: Int
        var scale: Double = 1
        var scaleText: String?
        var kind: MentionKind?
        var unit: String?
        var currency: String?
        var hedge: Hedge?
        var hedgeText: String?
        /// "2 pm", "10.30 am": the figure is a time of day.
        var timeOfDay = false
        /// "$2,450.00 NZD": the code after the figure says which dollar the "$" before it is.
        var namesTheDollar = false
    }

    /// Builds the mention for `number` and returns the token after it.
    // Long: one step of the scanner's grammar (the words that give a number its kind and unit); its guards are the
    // alternatives in order.
    mutating func attachContext(to parsed: ParsedNumber) -> Int {
        var number = parsed
        var prefix = readPrefix(before: number.first)
        var suffix = readSuffix(after: number.last, number: number)
        if suffix.timeOfDay {
            return recordIgnored(number.first, suffix.end, .timeOfDay)
        }
        if prefix.accountingNegative, isSymbol(suffix.end + 1, ")"), adjacent(suffix.end, suffix.end + 1) {
            prefix.sign = -1
            prefix.start -= 1
            suffix.end += 1
        }
        var upper: (ParsedNumber, Suffix)?
        if let (second, secondSuffix) = readRangeEnd(after: suffix.end, number: number, prefix: prefix) {
            upper = (second, secondSuffix)
            // "10–15%", "$2-3 billion": the second end's unit and scale apply to both.
            if suffix.kind == nil { suffix.kind = secondSuffix.kind; suffix.unit = secondSuffix.unit }
            if suffix.currency == nil && prefix.currency == nil { suffix.currency = secondSuffix.currency }
            if suffix.scaleText == nil && number.scaleText == nil {
                suffix.scale = secondSuffix.scale
                suffix.scaleText = secondSuffix.scaleText
            }
            suffix.end = secondSuffix.end
        } else {
            // "from 200" without "to …" is no range; the opener stays out of the text.
            prefix.rangeOpener = nil
        }
        if prefix.rangeOpener == "between" && lastRangeJoiner != "and" && lastRangeJoiner != "-" {
            prefix.rangeOpener = nil
        }
        if prefix.rangeOpener != nil, let opener = prefix.openerIndex { prefix.start = opener }
        if let hedge = suffix.hedge {
            combineHedges(&prefix, suffixHedge: hedge, suffixText: suffix.hedgeText, numberStart: number.first)
        }
        var currency = suffix.namesTheDollar ? suffix.currency : prefix.currency ?? suffix.currency
        var millions = false
        if let code = currency, code.hasPrefix("M:") {
            currency = String(code.dropFirst(2))
            millions = true
        }
        // "45.000 ₫", "€45.000": a dot before three digits groups thousands or marks decimals; the
        // currency and the document's other numbers decide, and when they do not, the mention
        // carries both readings.
        var otherReading: Double?
        // With a scale word ("5.009 million yen") the dot is always the decimal mark.
        if number.dotMayGroupThousands, number.scaleText == nil, suffix.scaleText == nil, let code = currency {
            let grouping = Self.groupingReading(of: number)
            switch thousandsDecision(currency: String(code.prefix(3))) {
            case .grouping: number = grouping
            case .decimal: break
            case .undecided:
                otherReading = number.value
                number = grouping
            }
        }
        var minor = 0.0
        if currency != nil, upper == nil, suffix.kind == nil, !number.isFraction, suffix.unit == nil,
            let (cents, end) = minorUnits(after: suffix.end, wordCurrency: suffix.currency != nil)
        {
            minor = cents
            suffix.end = end
        }
        let kind = decideKind(number, suffix: suffix, currency: currency, hedged: prefix.hedge != .none)
        var scale = number.scale != 1 ? number.scale : suffix.scale
        if millions { scale *= 1e6 }
        let scaleText = number.scaleText ?? suffix.scaleText
        let value = prefix.sign * (number.value * scale + minor)
        var (low, high) = interval(number, kind: kind, scale: scale, sign: prefix.sign)
        if minor != 0 { (low, high) = (low.map { $0 + minor }, high.map { $0 + minor }) }
        var rangeEnd: Double?
        if let (second, secondSuffix) = upper {
            let secondScale =
                second.scale != 1 ? second.scale : (secondSuffix.scaleText != nil ? secondSuffix.scale : scale)
            let secondSign = second.decimalText.hasPrefix("-") ? -1.0 : 1.0
            let bounds = interval(second, kind: kind, scale: second.spelled ? 1 : secondScale, sign: secondSign)
            rangeEnd = second.value * (second.spelled ? 1 : secondScale)
            high = bounds.high
            if let l = low, let h = high, h < l { swap(&low, &high) }
        }
        (low, high) = applyHedge(prefix.hedge, value: value, low: low, high: high)
        let startToken = min(prefix.start, number.first)
        let range = tokens[startToken].start..<tokens[suffix.end].end
        // The number includes its scale word ("350 billion"), as a reader says it.
        var numberEnd = tokens[number.last].end
        if number.scaleText == nil, suffix.scaleText != nil, let scaleToken = scaleToken(after: number.last) {
            numberEnd = tokens[scaleToken].end
        }
        let numberRange = tokens[number.first].start..<numberEnd
        var unit = suffix.unit
        if currency != nil && unit == nil { unit = currency }
        mentions.append(
            Mention(
                range: range, numberRange: numberRange, text: text(range), kind: kind, value: value,
                decimalText: (prefix.sign < 0 ? "-" : "") + number.decimalText, low: low, high: high,
                unit: unit, currency: currency.map { $0.hasSuffix("¢") ? String($0.dropLast()) : $0 },
                scale: scaleText, hedge: prefix.hedge, hedgeText: prefix.hedgeText,
                rangeEnd: rangeEnd))
        if let otherReading {
            mentions[mentions.count - 1].ambiguous = true
            mentions[mentions.count - 1].otherReading = prefix.sign * otherReading * scale
        }
        return suffix.end + 1
    }

    // MARK: - Thousands or decimals

    enum ThousandsDecision { case grouping, decimal, undecided }

    /// How to read a dot before three digits in an amount of `currency`.
    mutating func thousandsDecision(currency: String) -> ThousandsDecision {
        if CurrencyNames.withoutMinorUnit.contains(currency) { return .grouping }
        switch documentDecimalMark() {
        case .comma: return .grouping
        case .point: return .decimal
        case .unknown: return .undecided
        }
    }

    /// "45.000" read as 45,000.
    static func groupingReading(of number: ParsedNumber) -> ParsedNumber {
        var grouped = number
        let digits = String(number.decimalText.filter { $0 != "." })
        grouped.value = Double(digits) ?? number.value * 1000
        grouped.decimalText = digits
        grouped.fractionDigits = nil
        grouped.trailingZeros = digits.utf8.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        grouped.dotMayGroupThousands = false
        return grouped
    }

    /// The decimal mark the document's numbers show: a point ("1,234", "2.5", "0.25") or a comma
    /// ("2,5", "1.234.567", "1.234,5"), or unknown when they show neither or both. Read once.
    mutating func documentDecimalMark() -> DecimalMark {
        if let decimalMark { return decimalMark }
        var point = 0
        var comma = 0
        var index = 0
        while index + 2 < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind == .digits, isDigits(index + 2), adjacent(index, index + 1),
                adjacent(index + 1, index + 2),
                !isDigits(index - 2) || !(isSymbol(index - 1, ",") || isSymbol(index - 1, "."))
            else { continue }
            let after = tokens[index + 2].length
            let continues =
                (isSymbol(index + 3, ",") || isSymbol(index + 3, ".")) && isDigits(index + 4)
                && adjacent(index + 2, index + 3)
            if isSymbol(index + 1, ",") {
                if after == 3, tokens[index].length <= 3 { point += 1 } else if after <= 2, !continues { comma += 1 }
            } else if isSymbol(index + 1, ".") {
                if after == 3, continues, isSymbol(index + 3, ".") {
                    comma += 1
                } else if after != 3, !continues {
                    point += 1
                }
            }
        }
        let mark: DecimalMark = point > 0 && comma == 0 ? .point : comma > 0 && point == 0 ? .comma : .unknown
        decimalMark = mark
        return mark
    }

    // MARK: - Hedges on both sides

    /// A hedge after the number meets the one before it: "about 500 or more" is at least 500,
    /// "equal to 5000 or less" at most 5000, "more than 5000 or equal to" at least 5000.
    func combineHedges(_ prefix: inout Prefix, suffixHedge: Hedge, suffixText: String?, numberStart: Int) {
        switch (prefix.hedge, suffixHedge) {
        case (.none, .atLeast), (.none, .atMost):
            prefix.hedge = suffixHedge
            prefix.hedgeText = suffixText
        case (.approximately, .atLeast), (.approximately, .atMost):
            prefix.hedge = suffixHedge
            prefix.hedgeText = suffixText
            if prefix.currency == nil && prefix.sign > 0 { prefix.start = numberStart }
        case (.exactly, .atLeast), (.exactly, .atMost):
            prefix.hedge = suffixHedge
            prefix.hedgeText = (prefix.hedgeText ?? "") + " … " + (suffixText ?? "")
        case (.over, .exactly), (.over, .atLeast):
            prefix.hedge = .atLeast
            prefix.hedgeText = (prefix.hedgeText ?? "") + " … " + (suffixText ?? "")
        case (.under, .exactly), (.under, .atMost):
            prefix.hedge = .atMost
            prefix.hedgeText = (prefix.hedgeText ?? "") + " … " + (suffixText ?? "")
        default:
            break
        }
    }

    // MARK: - Kind and interval

    /// The kind of a mention: its unit first, then its form (ordinal, fraction), then a year or a
    /// count by shape ("1997" alone is a year; "300 workers" is a count).
    func decideKind(_ number: ParsedNumber, suffix: Suffix, currency: String?, hedged: Bool) -> MentionKind {
        if let kind = suffix.kind { return kind }
        if currency != nil { return .currency }
        if number.isOrdinal { return .ordinal }
        if number.isFraction { return .fraction }
        if number.plainInteger, number.integerDigits == 4, (1000...2199).contains(number.value), number.scale == 1,
            suffix.scaleText == nil, !hedged
        {
            return .year
        }
        if let next = next(after: suffix.end), let word = word(next), !number.isFraction,
            number.fractionDigits == nil, !ScannerLexicon.wordsAfterPlainNumber.contains(word)
        {
            return .count
        }
        return .number
    }

    /// The interval a written figure stands for (PRODUCT.md, "Tolerance"): half a unit of its last
    /// significant digit. Integers ending in two or more zeros are read as rounded ("300" is
    /// [250, 350)); "350" and "145" keep their units digit. Years, dates, ordinals and spelled-out
    /// numbers are exact.
    func interval(_ number: ParsedNumber, kind: MentionKind, scale: Double, sign: Double) -> (
        low: Double?, high: Double?
    ) {
        let value = sign * number.value * scale
        if number.spelled || number.isFraction || [.year, .date, .ordinal].contains(kind) {
            return (value, value)
        }
        let half: Double
        if let digits = number.fractionDigits {
            half = 0.5 * pow10(-Double(digits))
        } else if number.trailingZeros >= 2 && [.count, .number, .currency, .duration].contains(kind) {
            half = 0.5 * pow10(Double(number.trailingZeros))
        } else {
            half = 0.5
        }
        let low = value - half * scale
        let high = value + half * scale
        return (min(low, high), max(low, high))
    }

    /// Widens or opens the written interval by the hedge (PRODUCT.md, "Tolerance").
    func applyHedge(_ hedge: Hedge, value: Double, low: Double?, high: Double?) -> (Double?, Double?) {
        let tolerance = abs(value) * options.approximateTolerance
        switch hedge {
        case .none, .exactly: return (low, high)
        case .approximately: return (min(low ?? value, value - tolerance), max(high ?? value, value + tolerance))
        case .nearly: return (min(low ?? value, value - tolerance), high.map { max($0, value) } ?? value)
        case .over: return (value, nil)
        case .under: return (nil, value)
        case .atLeast: return (value, nil)
        case .atMost: return (nil, value)
        }
    }
}

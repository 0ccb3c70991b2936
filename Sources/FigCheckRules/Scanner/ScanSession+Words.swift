import FigCheckCore

/// Numbers written in words: "twenty-five", "three hundred and two thousand", "1.5 trillion" is
/// digits, but "one and a half", "two thirds", "a dozen", "twenty-first", "one in five",
/// "minus five point five" are here.
extension ScanSession {
    /// A word that starts a spelled-out number.
    func startsNumber(_ index: Int) -> Bool {
        guard let word = word(index) else { return false }
        if ScannerLexicon.cardinals[word] != nil || ScannerLexicon.ordinals[word] != nil { return true }
        if word == "half" || word == "quarter" { return true }
        if word == "a" || word == "an", let next = next(after: index), let following = self.word(next) {
            if case .digit = ScannerLexicon.cardinals[following] { return false }
            if case .teen = ScannerLexicon.cardinals[following] { return false }
            if case .ten = ScannerLexicon.cardinals[following] { return false }
            return ScannerLexicon.cardinals[following] != nil || following == "half" || following == "quarter"
                || (ScannerLexicon.ordinals[following].map { $0.value > 2 } ?? false)
        }
        return false
    }

    /// Reads a spelled-out number (cardinal, ordinal or fraction) starting at `index`.
    mutating func parseWords(at index: Int) -> ParsedNumber? {
        guard startsNumber(index) else { return nil }
        var parser = SpelledNumberParser()
        var cursor = index
        var lastAccepted: Int?
        while cursor < tokens.count, let word = word(cursor) {
            guard parser.accept(word) else { break }
            if parser.isComplete { lastAccepted = cursor }
            // Separators inside a number: spaces, one hyphen.
            var next = cursor + 1
            while next < tokens.count, tokens[next].kind == .space || isSymbol(next, "-") { next += 1 }
            if next - cursor > 4 { break }
            cursor = next
        }
        guard let end = lastAccepted, let result = parser.result(upTo: end) else { return nil }
        _ = result
        let outcome = parser.finished
        guard let value = outcome.value else { return nil }
        let text = formatDecimal(value)
        var number = ParsedNumber(value: value, decimalText: text, first: index, last: end, fractionDigits: nil)
        number.spelled = true
        number.isOrdinal = outcome.ordinal
        number.isFraction = outcome.fraction
        number.scaleText = outcome.scaleText
        if outcome.articleOnly { return nil }
        return number
    }

    /// "doubled", "tripled", "tenfold", "twice": multipliers written as one word.
    mutating func multiplierWord(at index: Int) -> Int? {
        guard let word = word(index), let factor = ScannerLexicon.multiplierWords[word] else { return nil }
        // "double" and "triple" are multipliers as verbs or in "double the …"; skip "a double".
        if word == "double" || word == "triple" || word == "halves", let previous = previous(before: index),
           let before = self.word(previous), ["a", "the", "two", "in"].contains(before) {
            return nil
        }
        let range = tokens[index].start..<tokens[index].end
        mentions.append(Mention(range: range, numberRange: range, text: text(range), kind: .multiplier, value: factor,
                                decimalText: formatDecimal(factor), low: factor, high: factor, unit: "times",
                                currency: nil, scale: nil, hedge: .none, hedgeText: nil, rangeEnd: nil))
        return index + 1
    }
}

/// The grammar of English number words, fed one word at a time.
struct SpelledNumberParser {
    struct Outcome {
        var value: Double?
        var ordinal = false
        var fraction = false
        var articleOnly = false
        var scaleText: String?
    }

    private enum Last {
        case start, article, digit, teen, ten, hundred, scale, and, point, ordinal, fraction, half, dozen
    }

    private var total = 0.0
    private var current = 0.0
    private var last = Last.start
    private var lastScale = Double.infinity
    private var decimals: String?
    private var ordinal = false
    private var fraction: Double?
    private var numeratorBeforeFraction = 0.0
    private var sawNumber = false
    private var accepted: [(Last, Double, Double, String?, Bool, Double?)] = []
    private(set) var isComplete = false
    private(set) var finished = Outcome()
    private var scaleText: String?

    /// Takes the next word; false when it cannot continue the number.
    mutating func accept(_ word: String) -> Bool {
        if last == .ordinal || last == .fraction {
            // Nothing follows an ordinal except a fraction's "and a half" style tail, handled below.
            if word == "and" { return false }
            return false
        }
        if last == .point {
            switch ScannerLexicon.cardinals[word] {
            case .digit(let digit):
                decimals = (decimals ?? "") + String(digit)
                return commit(.point)
            case .teen(let teen) where decimals == nil:
                decimals = String(teen)
                return commit(.point)
            case .ten(let ten) where decimals == nil:
                decimals = String(ten / 10)
                pendingTenDecimal = true
                return commit(.point)
            default:
                if pendingTenDecimal, case .digit(let digit) = ScannerLexicon.cardinals[word], var text = decimals {
                    text.removeLast()
                    decimals = text + String(digit)
                    return commit(.point)
                }
                return false
            }
        }
        if word == "and" {
            guard [.hundred, .scale, .digit, .teen, .ten, .dozen].contains(last) else { return false }
            last = .and
            isComplete = false
            return true
        }
        if word == "point" {
            guard sawNumber, decimals == nil, last != .and else { return false }
            last = .point
            isComplete = false
            return true
        }
        if word == "a" || word == "an" || word == "one" && last == .and {
            if word != "one" {
                guard last == .start || last == .and else { return false }
                articlePending = true
                if last == .start { last = .article }
                isComplete = false
                return true
            }
        }
        if word == "half" || word == "halves" {
            return acceptFraction(2, plural: word == "halves")
        }
        if word == "quarter" || word == "quarters" {
            if last == .start && !articlePending { return false }
            return acceptFraction(4, plural: word == "quarters")
        }
        if let cardinal = ScannerLexicon.cardinals[word] {
            return acceptCardinal(cardinal, word: word)
        }
        if let (value, plural) = ScannerLexicon.ordinals[word] {
            return acceptOrdinal(value, plural: plural)
        }
        return false
    }

    private var articlePending = false
    private var pendingTenDecimal = false

    private mutating func acceptCardinal(_ cardinal: ScannerLexicon.Cardinal, word: String) -> Bool {
        if articlePending {
            // "a" counts as one only before hundred, thousand, dozen, million …
            switch cardinal {
            case .hundred, .scale, .dozen: current = max(current, 1)
            default: return false
            }
            articlePending = false
        }
        switch cardinal {
        case .digit(let value):
            guard [.start, .ten, .hundred, .scale, .and, .article].contains(last) else { return false }
            if last == .ten && current.truncatingRemainder(dividingBy: 10) != 0 { return false }
            current += Double(value)
            return commit(.digit)
        case .teen(let value):
            guard [.start, .hundred, .scale, .and, .article].contains(last) else { return false }
            current += Double(value)
            return commit(.teen)
        case .ten(let value):
            guard [.start, .hundred, .scale, .and, .article].contains(last) else { return false }
            current += Double(value)
            return commit(.ten)
        case .hundred:
            guard [.digit, .teen, .ten, .article, .start].contains(last), last != .start || !sawNumber else { return false }
            if last == .start { return false }
            current = max(current, 1) * 100
            return commit(.hundred)
        case .scale(let scale):
            guard [.digit, .teen, .ten, .hundred, .article, .scale, .half, .fraction].contains(last) else { return false }
            if last == .scale {
                // "three lakh crore": scales multiply.
                total *= scale
            } else if scale < lastScale || lastScale == .infinity {
                total += max(current, last == .article ? 1 : current) * scale
                current = 0
                lastScale = scale
            } else {
                total = (total + current) * scale
                current = 0
                lastScale = scale
            }
            scaleText = word
            return commit(.scale)
        case .dozen:
            guard [.digit, .teen, .ten, .hundred, .article, .half].contains(last) else { return false }
            if last == .half {
                current = 6
            } else {
                current = max(current, 1) * 12
            }
            return commit(.dozen)
        }
    }

    private mutating func acceptFraction(_ denominator: Double, plural: Bool) -> Bool {
        if articlePending || last == .start || last == .article {
            // "a half", "half", "a quarter": numerator one; "half a dozen" continues.
            articlePending = false
            numeratorBeforeFraction = total
            current = 1.0 / denominator
            fraction = 1.0 / denominator
            last = .half
            sawNumber = true
            isComplete = true
            snapshot()
            return true
        }
        guard [.digit, .teen, .ten, .hundred, .scale].contains(last) else { return false }
        // "three quarters", "one half".
        let numerator = current
        current = 0
        fraction = numerator / denominator
        total += numerator / denominator
        last = .fraction
        sawNumber = true
        isComplete = true
        _ = plural
        snapshot()
        return true
    }

    private mutating func acceptOrdinal(_ value: Double, plural: Bool) -> Bool {
        if articlePending {
            // "a third", "a twenty-first", "a hundredth": one over the ordinal.
            articlePending = false
            guard value > 2 else { return false }
            current = 1.0 / value
            fraction = current
            last = .fraction
            sawNumber = true
            isComplete = true
            snapshot()
            return true
        }
        switch last {
        case .start:
            current = value
            ordinal = true
            last = .ordinal
            sawNumber = true
            isComplete = true
            snapshot()
            return true
        case .ten where value < 10 && !plural:
            current += value
            ordinal = true
            last = .ordinal
            isComplete = true
            snapshot()
            return true
        case .hundred where value < 100 && !plural, .scale where value < 100 && !plural:
            current += value
            ordinal = true
            last = .ordinal
            isComplete = true
            snapshot()
            return true
        case .digit, .teen, .ten, .hundred, .scale:
            guard plural || current == 1 else {
                if value >= 100 {
                    // "two hundredth", "three trillionth": an ordinal of the whole.
                    current = max(current, 1) * value
                    ordinal = true
                    last = .ordinal
                    isComplete = true
                    snapshot()
                    return true
                }
                return false
            }
            // "two thirds", "one fifth": a fraction.
            let numerator = total + current
            total = 0
            current = numerator / value
            fraction = current
            last = .fraction
            isComplete = true
            snapshot()
            return true
        case .and:
            // "one and a half" is handled by half; "twenty and three fifths" needs a numerator.
            return false
        default:
            return false
        }
    }

    private mutating func commit(_ kind: Last) -> Bool {
        last = kind
        sawNumber = true
        isComplete = true
        snapshot()
        return true
    }

    private mutating func snapshot() {
        var value = total + current
        if let decimals, let fractional = Double("0." + decimals) { value += fractional }
        finished = Outcome(value: value, ordinal: ordinal, fraction: fraction != nil && !ordinal,
                           articleOnly: false, scaleText: scaleText)
    }

    /// The value as of the last complete word (tokens past it are not part of the number).
    func result(upTo _: Int) -> Double? { finished.value }
}

/// A plain decimal string without a trailing ".0" ("25", "0.5").
public func formatDecimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
    return String(value)
}

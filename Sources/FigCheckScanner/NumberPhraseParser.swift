/// The grammar of numbers said in words, with digits allowed where a reader would say them:
/// "twenty-five", "3 hundred and 21", "one and a half", "five and a half million", "two thirds of a
/// million", "one hundred thirty fifths" (100/35), "one over three", "twenty-first".
///
/// The scanner turns the tokens after a number's first word into atoms (at most `maxAtoms`, so
/// the work per number is bounded) and asks for the longest phrase.
struct NumberPhraseParser {
    enum Atom: Equatable {
        /// A cardinal: a digit, teen or ten word, or digits (with their value).
        case value(Double, Size)
        case hundred
        case scale(Double)
        case dozen
        case and
        case point
        case article
        case half(plural: Bool)
        case quarter(plural: Bool)
        case ordinal(Double, plural: Bool)
        case over
        case outOf
        case per
        case of
        case other
    }

    /// How a cardinal combines with the next: "twenty" takes a "one" after it, "one" does not.
    enum Size: Equatable {
        case digit  // 0–9
        case teen  // 10–19, or any other complete number under 100 written in digits (21, 45)
        case ten  // 20, 30 … 90
        case large  // written in digits, 100 or more, or with decimals
    }

    /// The phrase read: its value, how many atoms it used, and what it is.
    struct Phrase: Equatable {
        var value: Double
        var length: Int
        var ordinal = false
        var fraction = false
        var scaleWord = false
    }

    static let maxAtoms = 24

    let atoms: [Atom]

    /// The longest phrase at the start of the atoms, or nil.
    func parse() -> Phrase? {
        guard let first = atoms.first else { return nil }
        var phrase: Phrase?
        switch first {
        case .value, .article:
            phrase = cardinalPhrase(from: 0)
        case .half(let plural), .quarter(let plural):
            guard !plural else { return nil }
            phrase = leadingFraction(from: 0)
        case .ordinal(let value, let plural):
            guard !plural else { return nil }
            phrase = Phrase(value: value, length: 1, ordinal: true)
        case .point:
            phrase = leadingPoint()
        default:
            return nil
        }
        return phrase
    }

    /// "point 45", "point four five": a decimal fraction said without its zero.
    func leadingPoint() -> Phrase? {
        var decimals = ""
        var index = 1
        while index < atoms.count, case .value(let value, .digit) = atoms[index] {
            decimals += String(Int(value))
            index += 1
        }
        guard !decimals.isEmpty, let value = Double("0." + decimals) else { return nil }
        return Phrase(value: value, length: index)
    }

    // MARK: - Cardinals

    struct Cardinal {
        var value: Double
        var length: Int
        var lastSize: Size?
        var lastWasHundred = false
        var lastScale: Double?
        /// The value before a final ten word ("one hundred thirty" → 100), for compound ordinals.
        var beforeFinalTen: Double?
        /// The groups closed by a scale word, and the group after them ("four million two hundred
        /// fifty-six": 4,000,000 and 256), so an ordinal scale applies to the last group only.
        var closedGroups = 0.0
        var openGroup = 0.0
    }

    /// A plain cardinal: "three hundred and two thousand", "4 thousand 3 hundred and 21".
    // Long: the cardinal-number grammar over word atoms, one loop whose cases share the running total.
    func cardinal(from start: Int) -> Cardinal? {
        var total = 0.0
        var current = 0.0
        var index = start
        var lastSize: Size?
        var lastWasHundred = false
        var lastWasScale = false
        var lastScale: Double?
        var sawValue = false
        var beforeFinalTen: Double?
        var accepted = start
        var result: Cardinal?
        var articleOne = false
        var andBase: Double?
        var beforeAnd: Cardinal?
        var hundredInGroup = false
        if index < atoms.count, atoms[index] == .article {
            guard index + 1 < atoms.count else { return nil }
            switch atoms[index + 1] {
            case .hundred, .scale, .dozen: articleOne = true
            default: return nil
            }
            index += 1
        }
        while index < atoms.count {
            let atom = atoms[index]
            switch atom {
            case .value(let value, let size):
                if andBase != nil && value == 0 { return beforeAnd }
                if sawValue && !(lastWasHundred || lastWasScale) {
                    // "twenty one": a ten takes a digit; anything else ends the number.
                    guard lastSize == .ten, size == .digit, current.truncatingRemainder(dividingBy: 10) == 0 else {
                        return result
                    }
                }
                if size == .ten { beforeFinalTen = total + current } else { beforeFinalTen = nil }
                if size == .large && sawValue { return result }
                current += value
                lastSize = size
                lastWasHundred = false
                lastWasScale = false
                sawValue = true
            case .hundred:
                guard sawValue || articleOne, !lastWasHundred, !lastWasScale || articleOne else { return result }
                // "3 hundred and 2 hundred" is two numbers.
                if hundredInGroup { return beforeAnd ?? result }
                hundredInGroup = true
                current = max(current, articleOne && !sawValue ? 1 : current) * 100
                if current == 0 { current = 100 }
                lastWasHundred = true
                lastWasScale = false
                sawValue = true
                beforeFinalTen = nil
            case .scale(let scale):
                guard sawValue || articleOne else { return result }
                if lastWasScale, let previous = lastScale, scale > previous {
                    // "three lakh crore": a larger scale right after a smaller one multiplies.
                    total *= scale
                } else {
                    total += (current == 0 ? 1 : current) * scale
                }
                current = 0
                lastScale = scale
                lastWasScale = true
                lastWasHundred = false
                sawValue = true
                beforeFinalTen = nil
                hundredInGroup = false
                andBase = nil
            case .dozen:
                guard sawValue || articleOne else { return result }
                // "three hundred and two dozens": the dozens multiply what follows "and".
                let base = andBase ?? 0
                current = base + (current - base == 0 ? 1 : current - base) * 12
                lastWasHundred = false
                lastWasScale = false
                sawValue = true
                beforeFinalTen = nil
            case .and:
                // "and" joins only when a cardinal follows ("three hundred and two"), and not when
                // that cardinal is the numerator of a fraction ("one hundred and three quarters"),
                // except a lone ten ("one hundred and thirty fifths" is 130/5).
                guard sawValue, lastWasHundred || lastWasScale || current >= 100 || total > 0,
                    index + 1 < atoms.count, case .value = atoms[index + 1]
                else { return result }
                var ahead = index + 1
                var values: [Size] = []
                while ahead < atoms.count, case .value(_, let size) = atoms[ahead] {
                    values.append(size)
                    ahead += 1
                }
                if ahead < atoms.count {
                    switch atoms[ahead] {
                    case .half, .quarter, .ordinal:
                        if !(values.count == 1 && values[0] == .ten) { return result }
                    default: break
                    }
                }
                beforeAnd = result
                andBase = current
                index += 1
                continue
            default:
                return result
            }
            articleOne = false
            index += 1
            accepted = index
            result = Cardinal(
                value: total + current, length: accepted - start, lastSize: lastSize,
                lastWasHundred: lastWasHundred, lastScale: lastWasScale ? lastScale : nil,
                beforeFinalTen: beforeFinalTen, closedGroups: total, openGroup: current)
        }
        return result
    }

    /// A cardinal and what may follow it: decimals, fractions, "and a half", a scale after a
    /// fraction, "over"/"out of" ratios, ordinals.
    // Long: the cardinal-phrase grammar (scales, "and", fractions) over word atoms, one loop whose cases share the
    // running total.
    func cardinalPhrase(from start: Int) -> Phrase? {
        if atoms[start] == .article, start + 1 < atoms.count {
            switch atoms[start + 1] {
            case .half, .quarter: return leadingFraction(from: start)
            case .ordinal(let value, _):
                // "a third", "a twenty-first", "a hundredth".
                guard value > 2 else { return nil }
                return withScaleAfter(Phrase(value: 1 / value, length: 2, fraction: true), start: start)
            case .value(_, let size) where size == .ten:
                if let (denominator, length) = compoundOrdinal(from: start + 1) {
                    return Phrase(value: 1 / denominator, length: 1 + length, fraction: true)
                }
                return nil
            default: break
            }
        }
        guard let lead = cardinal(from: start) else { return nil }
        let end = start + lead.length
        var phrase = Phrase(value: lead.value, length: lead.length, scaleWord: lead.lastScale != nil)
        guard end < atoms.count else { return phrase }
        switch atoms[end] {
        case .point:
            var decimals = ""
            var index = end + 1
            while index < atoms.count, case .value(let value, let size) = atoms[index], size != .large {
                if size == .digit {
                    decimals += String(Int(value))
                } else if decimals.isEmpty {
                    // "point seventy-one", "point eleven".
                    var text = String(Int(value))
                    if size == .ten, index + 1 < atoms.count, case .value(let digit, .digit) = atoms[index + 1] {
                        text = String(Int(value) + Int(digit))
                        index += 1
                    }
                    decimals = text
                    index += 1
                    break
                } else {
                    break
                }
                index += 1
            }
            guard !decimals.isEmpty, let fractional = Double("0." + decimals) else { return phrase }
            phrase.value += fractional
            // "three point four million".
            if lead.lastScale == nil, index < atoms.count, case .scale(let scale) = atoms[index] {
                phrase.value *= scale
                phrase.scaleWord = true
                index += 1
            }
            phrase.length = index - start
            return phrase
        case .ordinal(let value, let plural):
            // "two thirds", "twenty fifths", "one hundred thirty fifths" (100/35), "one hundred
            // twenty fifth" (125th), "three trillionth" (3e12th).
            if value < 10, let beforeTen = lead.beforeFinalTen, beforeTen > 0, lead.lastSize == .ten {
                let tens = lead.value - beforeTen
                if plural {
                    return Phrase(value: beforeTen / (tens + value), length: lead.length + 1, fraction: true)
                }
                return Phrase(value: lead.value + value, length: lead.length + 1, ordinal: true)
            }
            if !plural, value < 10, lead.lastSize == .ten, lead.beforeFinalTen == 0 {
                // "twenty-fifth".
                return Phrase(value: lead.value + value, length: lead.length + 1, ordinal: true)
            }
            // "four quarters" and more are a span of time, not an improper fraction.
            if plural && !(value == 4 && lead.value >= 4) || lead.value == 1 {
                return withScaleAfter(
                    Phrase(value: lead.value / value, length: lead.length + 1, fraction: true), start: start)
            }
            if value >= 100 {
                // "three trillionth", "two hundred thousandth"; "four million two hundred fifty-six
                // thousandth" is 4,256,000th: the scale multiplies the group after the last scale.
                let value = lead.openGroup > 0 ? lead.closedGroups + lead.openGroup * value : lead.value * value
                return Phrase(value: value, length: lead.length + 1, ordinal: true)
            }
            if lead.lastWasHundred || lead.lastScale != nil, value < 100 {
                return Phrase(value: lead.value + value, length: lead.length + 1, ordinal: true)
            }
            return phrase
        case .value, .article:
            // "one twenty-fifth", "three twenty firsts", "one one hundred fifth": a numerator and
            // a compound ordinal denominator.
            if let (denominator, length) = compoundOrdinal(from: end) {
                return Phrase(value: lead.value / denominator, length: lead.length + length, fraction: true)
            }
            return phrase
        case .half, .quarter:
            // "three quarters", "one half"; "four quarters" and more are a span of time, not an
            // improper fraction.
            if case .quarter(let plural) = atoms[end], plural && lead.value < 4 || lead.value == 1 {
                phrase = Phrase(value: lead.value / 4, length: lead.length + 1, fraction: true)
                return withScaleAfter(phrase, start: start)
            }
            if case .half = atoms[end], lead.value == 1 {
                return Phrase(value: 0.5, length: lead.length + 1, fraction: true)
            }
            return phrase
        case .and:
            if let (tail, length) = fractionTail(from: end + 1) {
                // "one and a half", "twenty and three fifths", "3 million and a half" (of the scale),
                // "one billion and three quarters million".
                var value = lead.value
                var total = length
                if end + 1 + length < atoms.count, case .scale(let scale) = atoms[end + 1 + length] {
                    if lead.lastScale != nil {
                        value += tail * scale
                    } else {
                        value = (value + tail) * scale
                    }
                    total += 1
                } else if let scale = lead.lastScale {
                    value += tail * scale
                } else {
                    value += tail
                }
                return Phrase(value: value, length: lead.length + 1 + total, fraction: false, scaleWord: true)
            }
            if end + 1 < atoms.count, let rest = cardinal(from: end + 1), case .value = atoms[end + 1] {
                // "twenty and three and three fifths": keep adding while a fraction ends it.
                if let next = cardinalPhrase(from: end + 1), next.fraction || next.length > rest.length {
                    return Phrase(
                        value: lead.value + next.value, length: lead.length + 1 + next.length,
                        fraction: next.fraction)
                }
            }
            return phrase
        case .over, .outOf:
            guard end + 1 < atoms.count, let denominator = cardinal(from: end + 1), denominator.value > 0 else {
                return phrase
            }
            if atoms[end] == .outOf, lead.value > denominator.value { return phrase }
            return Phrase(
                value: lead.value / denominator.value, length: lead.length + 1 + denominator.length,
                fraction: true)
        case .of:
            return phrase
        default:
            return phrase
        }
    }

    /// "a half", "half", "a quarter", "half a dozen", "half million", "quarter million".
    func leadingFraction(from start: Int) -> Phrase? {
        var index = start
        if atoms[index] == .article { index += 1 }
        guard index < atoms.count else { return nil }
        let unit: Double
        switch atoms[index] {
        case .half: unit = 0.5
        case .quarter: unit = 0.25
        default: return nil
        }
        index += 1
        if index + 1 < atoms.count, atoms[index] == .article, atoms[index + 1] == .dozen {
            return Phrase(value: unit * 12, length: index + 2 - start)
        }
        if index < atoms.count, case .scale(let scale) = atoms[index] {
            return Phrase(value: unit * scale, length: index + 1 - start, scaleWord: true)
        }
        if atoms[start] != .article, unit == 0.25 { return nil }  // a bare "quarter" is a period
        return Phrase(value: unit, length: index - start, fraction: true)
    }

    /// After "and": "a half", "one half", "a quarter", "three quarters", "three fifths", "a third".
    func fractionTail(from start: Int) -> (Double, Int)? {
        guard start < atoms.count else { return nil }
        var numerator = 1.0
        var index = start
        switch atoms[index] {
        case .article: index += 1
        case .value:
            guard let numeratorCardinal = cardinal(from: index) else { return nil }
            numerator = numeratorCardinal.value
            index += numeratorCardinal.length
        default: return nil
        }
        guard index < atoms.count else { return nil }
        switch atoms[index] {
        case .half: return (numerator / 2, index + 1 - start)
        case .quarter: return (numerator / 4, index + 1 - start)
        case .ordinal(let value, let plural) where plural || numerator == 1:
            return (numerator / value, index + 1 - start)
        case .value(_, .ten):
            if let (denominator, length) = compoundOrdinal(from: index), numerator == 1 {
                return (1 / denominator, index + length - start)
            }
            return nil
        default: return nil
        }
    }

    /// A compound ordinal used as a denominator: "twenty-fifth", "twenty firsts", "one hundred fifth".
    func compoundOrdinal(from start: Int) -> (Double, Int)? {
        guard let head = cardinal(from: start) else { return nil }
        let index = start + head.length
        guard index < atoms.count, case .ordinal(let value, _) = atoms[index], value < 10 || head.lastWasHundred else {
            return nil
        }
        guard head.lastSize == .ten || head.lastWasHundred else { return nil }
        return (head.value + value, head.length + 1)
    }

    /// "two thirds of a million", "three quarters billion": a fraction of a scale.
    func withScaleAfter(_ phrase: Phrase, start: Int = 0) -> Phrase {
        var end = start + phrase.length
        if end + 1 < atoms.count, atoms[end] == .of, atoms[end + 1] == .article { end += 2 }
        if end < atoms.count, case .scale(let scale) = atoms[end] {
            return Phrase(value: phrase.value * scale, length: end + 1 - start, scaleWord: true)
        }
        return phrase
    }
}

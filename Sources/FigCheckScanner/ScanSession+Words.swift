import FigCheckCore

/// Numbers written in words: "twenty-five", "three hundred and two thousand", "1.5 trillion" is
/// digits, but "one and a half", "two thirds", "a dozen", "twenty-first", "one in five",
/// "minus five point five" are here.
extension ScanSession {
    /// Reads a number said in words (or digits continued in words: "3 hundred and 21") starting
    /// at `index`; `lead` is the digits number already read there, if any.
    mutating func parseWords(at index: Int, lead: ParsedNumber? = nil) -> ParsedNumber? {
        let (atoms, ends) = phraseAtoms(from: index, lead: lead)
        guard let phrase = NumberPhraseParser(atoms: atoms).parse(), phrase.length > 0 else { return nil }
        let last = ends[phrase.length - 1]
        if let lead, phrase.length == 1 { return lead }
        // "68.6 million and the UK": digits and a scale word keep their written precision (the
        // digits reading takes the scale), however the words after them parse.
        if let lead, phrase.length == 2, case .scale = atoms[1] { return lead }
        // "one" after a determiner is a pronoun: "the one you mentioned", "which one".
        if lead == nil, phrase.length == 1, word(index) == "one", let previous = previous(before: index),
            let before = word(previous), ScannerLexicon.determinersBeforeOne.contains(before)
        {
            return nil
        }
        if lead == nil, phrase.length == 1, case .article = atoms[0] { return nil }
        var number = ParsedNumber(
            value: phrase.value, decimalText: formatDecimal(phrase.value), first: index,
            last: last, fractionDigits: nil)
        number.spelled = lead == nil || phrase.length > 1
        number.isOrdinal = phrase.ordinal
        number.isFraction = phrase.fraction
        if let lead, phrase.length > 1 {
            number.first = lead.first
            number.spelled = true
        }
        return number
    }

    /// The atoms of the phrase starting at `index`, and the last token of each.
    // Long: one step of the scanner's grammar (number words into atoms); its guards are the alternatives in order.
    mutating func phraseAtoms(from index: Int, lead: ParsedNumber?) -> ([NumberPhraseParser.Atom], [Int]) {
        var atoms: [NumberPhraseParser.Atom] = []
        var ends: [Int] = []
        var cursor = index
        if let lead {
            atoms.append(.value(lead.value, size(of: lead.value)))
            ends.append(lead.last)
            cursor = lead.last + 1
        }
        while atoms.count < NumberPhraseParser.maxAtoms {
            if atoms.count > 0 {
                // Between atoms: spaces, or one hyphen ("twenty-one", "fifty - two").
                var next = cursor
                var hyphens = 0
                while next < tokens.count, tokens[next].kind == .space || (isSymbol(next, "-") && hyphens == 0) {
                    if isSymbol(next, "-") { hyphens += 1 }
                    next += 1
                }
                if next - cursor > 3 { break }
                cursor = next
            }
            guard cursor < tokens.count else { break }
            if tokens[cursor].kind == .digits {
                // Digits continue a phrase only after a connector or "and" ("3 hundred and 21",
                // "1 over 3", "4 thousand 3 hundred").
                guard let previousAtom = atoms.last else { break }
                if case .value = previousAtom { break }
                // "point 05": digits after "point" are decimal places, one atom each, zeros kept.
                let continuesInDigits =
                    (isSymbol(cursor + 1, ".") || isSymbol(cursor + 1, ",")) && isDigits(cursor + 2)
                    && adjacent(cursor, cursor + 1) && adjacent(cursor + 1, cursor + 2)
                if previousAtom == .point, !continuesInDigits,
                    tokens[cursor].length <= NumberPhraseParser.maxAtoms - atoms.count
                {
                    for offset in tokens[cursor].start..<tokens[cursor].end {
                        atoms.append(.value(Double(bytes[offset] &- 0x30), .digit))
                        ends.append(cursor)
                    }
                    cursor += 1
                    continue
                }
                guard case .number(let digits) = peekDigits(at: cursor) else { break }
                atoms.append(.value(digits.value, size(of: digits.value)))
                ends.append(digits.last)
                cursor = digits.last + 1
                continue
            }
            guard let word = word(cursor) else { break }
            let atom: NumberPhraseParser.Atom
            var last = cursor
            if let cardinal = ScannerLexicon.cardinals[word] {
                switch cardinal {
                case .digit(let value): atom = .value(Double(value), .digit)
                case .teen(let value): atom = .value(Double(value), .teen)
                case .ten(let value): atom = .value(Double(value), .ten)
                case .hundred: atom = .hundred
                case .scale(let scale): atom = .scale(scale)
                case .dozen: atom = .dozen
                }
            } else if let (value, plural) = ScannerLexicon.ordinals[word] {
                atom = .ordinal(value, plural: plural)
            } else {
                switch word {
                case "and": atom = .and
                case "point": atom = .point
                case "a", "an": atom = .article
                case "half": atom = .half(plural: false)
                case "halves": atom = .half(plural: true)
                case "quarter": atom = .quarter(plural: false)
                case "quarters": atom = .quarter(plural: true)
                case "over": atom = .over
                case "of": atom = .of
                case "out" where self.word(cursor + 2) == "of" || self.word(next(after: cursor) ?? cursor) == "of":
                    atom = .outOf
                    last = next(after: cursor) ?? cursor
                case "in" where atoms.count == 1 && atoms.last == .value(1, .digit) && !yearFollows(cursor):
                    // "one in five"; but "just one in 2019" and "thirty-one in 2022" are a count
                    // and a year: a year is never the denominator.
                    atom = .outOf
                case "k", "bn", "bln", "mn", "mln", "tn", "tln", "trn":
                    // Abbreviated scales only right after digits: "2.33 k", "10 bn".
                    atom = lead != nil && atoms.count == 1 ? .scale(ScannerLexicon.scaleWords[word] ?? 1) : .other
                default:
                    atom = .other
                }
            }
            if atom == .other { break }
            atoms.append(atom)
            ends.append(last)
            cursor = last + 1
        }
        // Trailing connectors are not part of the phrase.
        return (atoms, ends)
    }

    /// Whether the token after `index` is a year in digits (four digits, 1000–2199, not the start
    /// of a grouped number such as "2,500").
    func yearFollows(_ index: Int) -> Bool {
        guard let next = next(after: index), isDigits(next), tokens[next].length == 4 else { return false }
        if isSymbol(next + 1, ","), isDigits(next + 2), adjacent(next, next + 1) { return false }
        return (1000...2199).contains(digitsValue(next))
    }

    /// How a number in digits combines with number words after it ("3 hundred", "21").
    func size(of value: Double) -> NumberPhraseParser.Size {
        guard value == value.rounded(), value >= 0 else { return .large }
        switch value {
        case 0..<10: return .digit
        case 10..<20: return .teen
        case 20..<100 where value.truncatingRemainder(dividingBy: 10) == 0: return .ten
        case 20..<100: return .teen
        default: return .large
        }
    }

    /// The number (in digits or words) at token `index`, read without recording anything: for the
    /// second end of a range, minor currency units, "percent of 10".
    mutating func peekNumber(at index: Int) -> ParsedNumber? {
        switch tokens[index].kind {
        case .digits:
            if case .number(let number) = peekDigits(at: index) { return number }
            return nil
        case .word:
            let saved = (mentions.count, ignored.count)
            let number = parseWords(at: index)
            mentions.removeSubrange(saved.0...)
            ignored.removeSubrange(saved.1...)
            return number
        default:
            return nil
        }
    }

    /// A digits number read without recording anything (for the middle of a phrase).
    mutating func peekDigits(at index: Int) -> DigitOutcome {
        let savedMentions = mentions.count
        let savedIgnored = ignored.count
        let outcome = parseDigits(at: index)
        mentions.removeSubrange(savedMentions...)
        ignored.removeSubrange(savedIgnored...)
        if case .number(let number) = outcome, number.isOrdinal || number.isFraction { return .consumed(index) }
        return outcome
    }

    /// "percent of 10", "per cent of twenty-two": the percent word before the number.
    mutating func percentOf(at index: Int) -> Int? {
        guard let word = word(index) else { return nil }
        var cursor = index
        if word == "per", let next = next(after: index), self.word(next) == "cent" {
            cursor = next
        } else if !ScannerLexicon.percentWords.contains(word) {
            return nil
        }
        guard let of = next(after: cursor), self.word(of) == "of", let start = next(after: of) else { return nil }
        guard let number = peekNumber(at: start), !number.isOrdinal else { return nil }
        let range = tokens[index].start..<tokens[number.last].end
        let numberRange = tokens[number.first].start..<tokens[number.last].end
        let bounds = interval(number, kind: .percent, scale: 1, sign: 1)
        mentions.append(
            Mention(
                range: range, numberRange: numberRange, text: text(range), kind: .percent,
                value: number.value, decimalText: number.decimalText, low: bounds.low, high: bounds.high,
                unit: "percent", currency: nil, scale: nil, hedge: .none, hedgeText: nil, rangeEnd: nil))
        return number.last + 1
    }

    /// "doubled", "tripled", "tenfold", "twice": multipliers written as one word.
    mutating func multiplierWord(at index: Int) -> Int? {
        guard let word = word(index), let factor = ScannerLexicon.multiplierWords[word] else { return nil }
        // "double" and "triple" are multipliers as verbs or in "double the …"; skip "a double".
        if word == "double" || word == "triple" || word == "halves", let previous = previous(before: index),
            let before = self.word(previous), ScannerLexicon.wordsBeforeNounDouble.contains(before)
        {
            return nil
        }
        // "double-digit growth", "triple-digit inflation": a figure of two (three) digits, [10, 100).
        if word == "double" || word == "triple", let digit = digitWord(after: index) {
            let low = word == "double" ? 10.0 : 100.0
            let range = tokens[index].start..<tokens[digit].end
            var mention = Mention(
                range: range, numberRange: range, text: text(range), kind: .number, value: low,
                decimalText: formatDecimal(low), low: low, high: low * 10, unit: "digits", currency: nil, scale: nil,
                hedge: .none, hedgeText: nil, rangeEnd: nil)
            mention.highInclusive = false
            mentions.append(mention)
            return digit + 1
        }
        let range = tokens[index].start..<tokens[index].end
        mentions.append(
            Mention(
                range: range, numberRange: range, text: text(range), kind: .multiplier, value: factor,
                decimalText: formatDecimal(factor), low: factor, high: factor, unit: "times",
                currency: nil, scale: nil, hedge: .none, hedgeText: nil, rangeEnd: nil))
        return index + 1
    }
}

extension ScanSession {
    /// The token of "digit(s)" right after `index`, joined by a hyphen or a space ("double-digit").
    func digitWord(after index: Int) -> Int? {
        guard var cursor = next(after: index) else { return nil }
        if tokens[cursor].kind != .word, tokens[cursor].length == 1, bytes[tokens[cursor].start] == UInt8(ascii: "-"),
            tokens[cursor].start == tokens[index].end, let after = next(after: cursor)
        {
            cursor = after
        }
        guard let word = word(cursor), word == "digit" || word == "digits" else { return nil }
        return cursor
    }
}

/// A plain decimal string without a trailing ".0" ("25", "0.5").
package func formatDecimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
    return String(value)
}

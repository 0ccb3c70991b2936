import FigCheckCore

/// Numbers written in digits: grouping (1,234,567; 1 234 567; 12,34,567), decimals (.08, 1,3),
/// exponents (1e10, 1.1^23, 1.3x10^6), fractions (3/4, 2 1/4), attached scales (10k, $2.1bn),
/// ordinals (70th), and the digit patterns that are dates, times, phone numbers or identifiers.
extension ScanSession {
    enum DigitOutcome {
        case number(ParsedNumber)
        /// The digits were something else (a date, a time, an identifier), already recorded.
        case consumed(Int)
    }

    /// Reads the number written in digits starting at `index`, or records what the digits are
    /// instead (a date, a time, a phone number, an identifier).
    // Long: one step of the scanner's grammar (digits, separators, decimals, exponents); its guards are the
    // alternatives in order, and pieces would pass the cursor and the partial number between them.
    mutating func parseDigits(at index: Int) -> DigitOutcome {
        if let next = identifierOrPattern(at: index) { return .consumed(next) }
        var integerText = text(of: index)
        var last = index
        var fractionText = ""
        var fractionDigits: Int?
        var grouped = false

        // Thousands groups: commas (western or Indian) or single spaces before 3-digit groups.
        var commaGroups: [Int] = []
        var cursor = index
        while isSymbol(cursor + 1, ","), isDigits(cursor + 2), adjacent(cursor, cursor + 1),
            adjacent(cursor + 1, cursor + 2)
        {
            commaGroups.append(cursor + 2)
            cursor += 2
        }
        // More groups than any figure has ("1,2,3,…" data): one identifier, consumed whole so
        // the scan stays linear rather than re-reading the run from every number in it.
        if commaGroups.count > Self.maximumCommaGroups {
            return .consumed(recordIgnored(index, cursor, .identifier))
        }
        if !commaGroups.isEmpty {
            let lengths = commaGroups.map { tokens[$0].length }
            let western = tokens[index].length <= 3 && lengths.allSatisfy { $0 == 3 }
            let indian =
                tokens[index].length <= 2 && lengths.count >= 2 && lengths.last == 3
                && lengths.dropLast().allSatisfy { $0 == 2 }
            if western || indian {
                for group in commaGroups { integerText += text(of: group) }
                last = commaGroups.last ?? index
                grouped = true
            } else if commaGroups.count == 1, (1...2).contains(lengths[0]),
                !(isSymbol(index - 1, ",") && adjacent(index - 1, index)),
                !(isSymbol(commaGroups[0] + 1, ".") && isDigits(commaGroups[0] + 2)),
                !(isSymbol(commaGroups[0] + 1, ",") && isDigits(commaGroups[0] + 2))
            {
                // "1,3", "5,00": a decimal comma.
                fractionText = text(of: commaGroups[0])
                fractionDigits = fractionText.utf8.count
                last = commaGroups[0]
            }
        } else if tokens[index].length <= 3 {
            var group = index
            while isSpace(group + 1), isSingleSpace(group + 1), isDigits(group + 2), tokens[group + 2].length == 3 {
                integerText += text(of: group + 2)
                group += 2
                grouped = true
            }
            // "CHF 2'375.40": the Swiss apostrophe groups thousands, never decimals.
            if !grouped {
                while isSymbol(group + 1, "'") || isSymbol(group + 1, "’"), isDigits(group + 2),
                    tokens[group + 2].length == 3,
                    adjacent(group, group + 1), adjacent(group + 1, group + 2)
                {
                    integerText += text(of: group + 2)
                    group += 2
                    grouped = true
                }
            }
            // "€ 3.275.000": two or more dot groups of three are thousands, never decimals.
            if !grouped {
                var dots = group
                var groups: [Int] = []
                while isSymbol(dots + 1, "."), isDigits(dots + 2), tokens[dots + 2].length == 3,
                    adjacent(dots, dots + 1),
                    adjacent(dots + 1, dots + 2)
                {
                    groups.append(dots + 2)
                    dots += 2
                }
                if groups.count >= 2, !(isSymbol(dots + 1, ".") && isDigits(dots + 2) && adjacent(dots + 1, dots + 2)) {
                    for token in groups { integerText += text(of: token) }
                    group = dots
                    grouped = true
                }
            }
            last = group
            // "2 480,50 €", "3.275.000,25": after space or dot groups, a comma and one or two digits
            // are the decimals.
            if grouped, isSymbol(last + 1, ","), isDigits(last + 2), (1...2).contains(tokens[last + 2].length),
                adjacent(last, last + 1), adjacent(last + 1, last + 2),
                !(isSymbol(last + 3, ",") && isDigits(last + 4))
            {
                fractionText = text(of: last + 2)
                fractionDigits = fractionText.utf8.count
                last += 2
            }
        }
        // European grouping "1.111,11".
        if !grouped, fractionDigits == nil, tokens[index].length <= 3, isSymbol(last + 1, "."), isDigits(last + 2),
            tokens[last + 2].length == 3, isSymbol(last + 3, ","), isDigits(last + 4), adjacent(last, last + 1),
            adjacent(last + 3, last + 4)
        {
            integerText += text(of: last + 2)
            fractionText = text(of: last + 4)
            fractionDigits = fractionText.utf8.count
            last += 4
            grouped = true
        }
        // Decimals.
        if fractionDigits == nil, isSymbol(last + 1, "."), isDigits(last + 2), adjacent(last, last + 1),
            adjacent(last + 1, last + 2)
        {
            if isSymbol(last + 3, "."), isDigits(last + 4), adjacent(last + 2, last + 3), adjacent(last + 3, last + 4) {
                return .consumed(ignore(from: index, reason: .version))  // 1.2.3, 192.168.1.2
            }
            fractionText = text(of: last + 2)
            fractionDigits = fractionText.utf8.count
            last += 2
        }
        let dotMayGroupThousands =
            !grouped && tokens[index].length <= 3 && fractionDigits == 3 && last == index + 2
            && bytes[tokens[index].start] != UInt8(ascii: "0") && isSymbol(index + 1, ".")
            && !(isSymbol(last + 1, ",") && isDigits(last + 2))
        // A leading decimal point: ".08".
        var start = index
        if fractionDigits == nil, !grouped, isSymbol(index - 1, "."), adjacent(index - 1, index),
            !isDigits(index - 2), !(index >= 2 && tokens[index - 2].kind == .word && adjacent(index - 2, index - 1))
        {
            fractionText = integerText
            fractionDigits = fractionText.utf8.count
            integerText = "0"
            start = index - 1
        }
        // Digits only (ASCII), so work on the UTF-8 view rather than on characters.
        let integerBytes = integerText.utf8
        let leadingZeros = integerBytes.prefix { $0 == UInt8(ascii: "0") }.count
        let integerPart =
            leadingZeros == integerBytes.count
            ? "0"
            : (leadingZeros == 0 ? integerText : String(decoding: integerBytes.dropFirst(leadingZeros), as: UTF8.self))
        let decimal = fractionDigits == nil ? integerPart : integerPart + "." + fractionText
        var number = ParsedNumber(
            value: Double(decimal) ?? 0, decimalText: decimal, first: start, last: last,
            fractionDigits: fractionDigits)
        number.integerDigits = integerBytes.count
        number.plainInteger = fractionDigits == nil && !grouped
        number.dotMayGroupThousands = dotMayGroupThousands
        if fractionDigits == nil {
            number.trailingZeros =
                integerPart == "0" ? 0 : integerPart.utf8.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        }
        applyExponent(&number)
        applyFraction(&number)
        // "1/0", or hundreds of digits in a row: no quantity anyone states.
        if !number.value.isFinite || number.integerDigits > 30 {
            return .consumed(recordIgnored(start, number.last, .identifier))
        }
        applyAttachedSuffix(&number)
        // Letters still glued after the number are a unit figcheck does not read ("180.25ml").
        let after = number.last + 1
        if after < tokens.count, tokens[after].kind == .word, adjacent(number.last, after), let suffix = word(after),
            suffix != "s", physicalUnit(startingAt: after, glued: true) == nil, !isCurrencyCode(suffix.uppercased()),
            !isMUnit(suffix),
            ScannerLexicon.currencyWords[suffix] == nil, ScannerLexicon.percentWords.contains(suffix) == false,
            !(text(of: after) == "c" && followsDollarAmountOnItsLine(start))
        {
            return .consumed(ignore(from: start, reason: .identifier))
        }
        return .number(number)
    }

    /// Whether the token at `index` is one plain or no-break space (not a run, not a tab).
    func isSingleSpace(_ index: Int) -> Bool {
        let token = tokens[index]
        if token.length == 1 { return bytes[token.start] == 0x20 }
        let scalar = Tokenizer.decode(bytes, at: token.start)
        return scalar.1 == token.length && (scalar.0 == 0xA0 || scalar.0 == 0x202F || scalar.0 == 0x2009)
    }

    /// "1e10", "12.32e+14", "1.1^23", "2.5^-1", "1.3x10^6".
    mutating func applyExponent(_ number: inout ParsedNumber) {
        let after = number.last + 1
        if let word = word(after), word == "e", adjacent(number.last, after) {
            var cursor = after + 1
            var sign = 1.0
            if isSymbol(cursor, "+") || isSymbol(cursor, "-") {
                sign = isSymbol(cursor, "-") ? -1 : 1
                cursor += 1
            }
            if isDigits(cursor), adjacent(cursor - 1, cursor) {
                number.value *= pow10(sign * Double(digitsValue(cursor)))
                number.last = cursor
                number.fractionDigits = nil
                number.plainInteger = false
            }
            return
        }
        if let word = word(after), word == "x", adjacent(number.last, after), isDigits(after + 1),
            text(of: after + 1) == "10", isSymbol(after + 2, "^"), let (exponent, end) = signedExponent(from: after + 3)
        {
            number.value *= pow10(exponent)
            number.last = end
            number.plainInteger = false
            return
        }
        // "2.48×10−5": times ten to a signed power, with or without "^".
        if isSymbol(after, "×"), isDigits(after + 1), text(of: after + 1) == "10", adjacent(after, after + 1) {
            let powerStart = isSymbol(after + 2, "^") ? after + 3 : after + 2
            if let (exponent, end) = signedExponent(from: powerStart, unicodeMinus: true),
                powerStart == after + 3 || end > powerStart
            {
                number.value *= pow10(exponent)
                number.last = end
                number.plainInteger = false
                number.fractionDigits = nil
            }
            return
        }
        if isSymbol(after, "^"), adjacent(number.last, after), let (exponent, end) = signedExponent(from: after + 1) {
            number.value = pow(number.value, exponent)
            number.last = end
            number.plainInteger = false
        }
    }

    /// Signs (each "-" flips, "+" keeps) and digits after "^".
    func signedExponent(from start: Int, unicodeMinus: Bool = false) -> (Double, Int)? {
        var cursor = start
        var sign = 1.0
        while isSymbol(cursor, "-") || isSymbol(cursor, "+") || (unicodeMinus && isSymbol(cursor, "−")) {
            if !isSymbol(cursor, "+") { sign = -sign }
            cursor += 1
        }
        guard isDigits(cursor), adjacent(cursor - 1, cursor) else { return nil }
        return (sign * Double(digitsValue(cursor)), cursor)
    }

    /// "3/4", "-4/5", "2 1/4", "1 over 3" (digits), leaving dates (5/17/2018) to the pattern rules.
    mutating func applyFraction(_ number: inout ParsedNumber) {
        guard number.fractionDigits == nil, number.plainInteger else { return }
        let slash = number.last + 1
        if isSymbol(slash, "/"), isDigits(slash + 1), adjacent(number.last, slash), adjacent(slash, slash + 1),
            !isSymbol(slash + 2, "/")
        {
            let denominator = Double(digitsValue(slash + 1))
            guard denominator > 0 else {
                number.last = slash + 1
                number.isFraction = true
                number.value = .nan
                return
            }
            number.value /= denominator
            number.last = slash + 1
            number.isFraction = true
            number.plainInteger = false
            number.decimalText = String(number.value)
            return
        }
        // A mixed number: "2 1/4".
        let whole = number.value
        if isSpace(number.last + 1), isDigits(number.last + 2),
            isSymbol(number.last + 3, "/"), isDigits(number.last + 4), adjacent(number.last + 2, number.last + 3),
            adjacent(number.last + 3, number.last + 4), !isSymbol(number.last + 5, "/")
        {
            let numerator = Double(digitsValue(number.last + 2))
            let denominator = Double(digitsValue(number.last + 4))
            guard denominator > 0, numerator < denominator else { return }
            number.value = whole + numerator / denominator
            number.last += 4
            number.isFraction = true
            number.plainInteger = false
            number.decimalText = String(number.value)
        }
    }

    /// Letters glued to the digits: ordinal suffixes (70th), scales (10k, 2.1bn, 10M), codes (115USD).
    mutating func applyAttachedSuffix(_ number: inout ParsedNumber) {
        let after = number.last + 1
        guard after < tokens.count, tokens[after].kind == .word, adjacent(number.last, after) else { return }
        let raw = text(of: after)
        guard let lower = word(after) else { return }
        if ScannerLexicon.ordinalSuffixes.contains(lower), number.fractionDigits == nil {
            number.isOrdinal = true
            number.last = after
            number.plainInteger = false
            return
        }
        if lower.count == 1, let letter = lower.utf8.first, let scale = ScannerLexicon.attachedScaleLetters[letter] {
            let isUpper = raw != lower
            if isUpper || scale.lowerCaseToo {
                number.scale = scale.scale
                number.scaleText = raw
                number.last = after
                number.plainInteger = false
            }
            return
        }
        if let scale = ScannerLexicon.scaleWords[lower], lower.count <= 4, lower != "m" {
            number.scale = scale
            number.scaleText = raw
            number.last = after
            number.plainInteger = false
        }
    }

    /// Dates (2025-10-01, 25-10-01, 5/17/2018), times (16:48, 10:30:15), phone numbers
    /// (+1-222-2222), fiscal years (2012–13) and identifiers (B-2, G7, 250930_brief, 29km).
    mutating func identifierOrPattern(at index: Int) -> Int? {
        // Letters glued in front: G7, L2, USD115 is a currency, not an identifier.
        if index > 0, tokens[index - 1].kind == .word, adjacent(index - 1, index) {
            if let prefix = word(index - 1), isCurrencyCode(prefix.uppercased()) || prefix == "usd" {
                return nil
            }
            return ignore(from: index, reason: .identifier)
        }
        // "B-2", "O-157", "COVID-19": a short word, a hyphen, digits.
        if index > 1, isSymbol(index - 1, "-"), adjacent(index - 2, index - 1), adjacent(index - 1, index),
            tokens[index - 2].kind == .word, tokens[index - 2].length <= 6,
            text(of: index - 2).uppercased() == text(of: index - 2)
        {
            return ignore(from: index, reason: .identifier)
        }
        if let next = datePattern(at: index) { return next }
        // Times of day: 16:48, 16:48:15.
        if isSymbol(index + 1, ":"), isDigits(index + 2), adjacent(index, index + 1), adjacent(index + 1, index + 2),
            tokens[index + 2].length == 2, tokens[index].length <= 2
        {
            var end = index + 2
            if isSymbol(end + 1, ":"), isDigits(end + 2), adjacent(end, end + 1) { end += 2 }
            return recordIgnored(index, end, .timeOfDay)
        }
        if let next = phonePattern(at: index) { return next }
        // Digits glued to an underscore or to letters that are no unit we read: identifiers, units.
        let after = index + 1
        if after < tokens.count, adjacent(index, after) {
            if isSymbol(after, "_") { return ignore(from: index, reason: .identifier) }
            if tokens[after].kind == .word, let suffix = word(after) {
                let raw = text(of: after)
                let letterScale =
                    suffix.count == 1 ? suffix.utf8.first.flatMap { ScannerLexicon.attachedScaleLetters[$0] } : nil
                let known =
                    ScannerLexicon.knownGluedSuffixes.contains(suffix)
                    || physicalUnit(startingAt: after, glued: true) != nil
                    || (suffix.count > 1 && ScannerLexicon.scaleWords[suffix] != nil)
                    || (letterScale.map { $0.lowerCaseToo || raw != suffix } ?? false)
                    || isCurrencyCode(suffix.uppercased()) || isMUnit(suffix)
                    || ScannerLexicon.currencyWords[suffix] != nil
                    || (raw == "c" && followsDollarAmountOnItsLine(index))
                if !known { return ignore(from: index, reason: .identifier) }
            }
        }
        return nil
    }

    /// Whether `code` (capitals) is an ISO 4217 code the scanner reads.
    func isCurrencyCode(_ code: String) -> Bool {
        ScannerLexicon.isoCodes.contains(code) || CurrencyNames.isoCodes.contains(code)
    }

    /// "MUSD", "MEUR": million of a currency.
    func isMUnit(_ word: String) -> Bool {
        word.utf8.count == 4 && word.utf8.first == UInt8(ascii: "m")
            && isCurrencyCode(String(word.dropFirst()).uppercased())
    }

    /// ISO and short dates, and slash dates.
    mutating func datePattern(at index: Int) -> Int? {
        let first = tokens[index]
        for separator in ["-", "/", "."] as [Unicode.Scalar] {
            guard isSymbol(index + 1, separator), isDigits(index + 2), isSymbol(index + 3, separator),
                isDigits(index + 4),
                adjacent(index, index + 1), adjacent(index + 1, index + 2), adjacent(index + 2, index + 3),
                adjacent(index + 3, index + 4)
            else { continue }
            let a = digitsValue(index), b = digitsValue(index + 2), c = digitsValue(index + 4)
            let lengths = (first.length, tokens[index + 2].length, tokens[index + 4].length)
            var date: CalendarDate?
            if lengths.0 == 4 && lengths.1 <= 2 && lengths.2 <= 2 {
                date = CalendarDate(year: a, month: b, day: c)
            } else if lengths == (2, 2, 2) && separator == "-" {
                date = CalendarDate(year: 2000 + a, month: b, day: c)
            } else if lengths.2 == 4 && lengths.0 <= 2 && lengths.1 <= 2 {
                date = CalendarDate(year: c, month: a, day: b) ?? CalendarDate(year: c, month: b, day: a)
            }
            guard let date else { continue }
            recordDate(date, first: index, last: index + 4)
            return index + 5
        }
        // A fiscal-year span: 2012–13, 2013-14.
        if first.length == 4, (isSymbol(index + 1, "-") || isSymbol(index + 1, "–") || isSymbol(index + 1, "/")),
            isDigits(index + 2), tokens[index + 2].length == 2, adjacent(index, index + 1),
            adjacent(index + 1, index + 2)
        {
            let year = digitsValue(index)
            let second = digitsValue(index + 2)
            if (1800...2200).contains(year), (year + 1) % 100 == second {
                let range = first.start..<tokens[index + 2].end
                mentions.append(
                    Mention(
                        range: range, numberRange: range, text: text(range), kind: .year,
                        value: Double(year), decimalText: "\(year)", low: Double(year),
                        high: Double(year + 1), unit: "fiscal_year", currency: nil, scale: nil,
                        hedge: .none, hedgeText: nil, rangeEnd: Double(year + 1)))
                return index + 3
            }
        }
        return nil
    }

    /// Records a date mention (value yyyymmdd).
    mutating func recordDate(_ date: CalendarDate, first: Int, last: Int) {
        let range = tokens[first].start..<tokens[last].end
        let value = Double(date.year * 10_000 + date.month * 100 + date.day)
        mentions.append(
            Mention(
                range: range, numberRange: range, text: text(range), kind: .date, value: value,
                decimalText: date.description, low: value, high: value, unit: "date", currency: nil,
                scale: nil, hedge: .none, hedgeText: nil, rangeEnd: nil))
    }

    /// "+1-222-2222/2222", "(555) 010-0100", "555-0100": three or more digit groups, seven or
    /// more digits, or a plus sign in front.
    mutating func phonePattern(at index: Int) -> Int? {
        let plus = isSymbol(index - 1, "+") && adjacent(index - 1, index) && !isDigits(index - 2)
        var groups = [index]
        var cursor = index
        while (isSymbol(cursor + 1, "-") || isSymbol(cursor + 1, "/") || isSymbol(cursor + 1, ".")),
            isDigits(cursor + 2), adjacent(cursor, cursor + 1), adjacent(cursor + 1, cursor + 2)
        {
            groups.append(cursor + 2)
            cursor += 2
        }
        let digits = groups.reduce(0) { $0 + tokens[$1].length }
        let leadingZeroGroup = groups.dropFirst().contains { bytes[tokens[$0].start] == 0x30 && tokens[$0].length >= 3 }
        let isPhone =
            (plus && groups.count >= 2) || (groups.count >= 3 && digits >= 7)
            || (groups.count == 2 && tokens[groups[0]].length == 3 && tokens[groups[1]].length == 4 && leadingZeroGroup)
        guard isPhone else { return nil }
        // "€ 3.275.000", "3.275.000 €": dot groups of three beside a currency are an amount.
        if !plus, tokens[index].length <= 3,
            groups.dropFirst().allSatisfy({ tokens[$0].length == 3 && isSymbol($0 - 1, ".") }),
            currencyBefore(index - 1, number: index) != nil
                || currencySignOrCode(after: isSymbol(cursor + 1, ",") && isDigits(cursor + 2) ? cursor + 2 : cursor)
        {
            return nil
        }
        let start = plus ? index - 1 : index
        let range = tokens[start].start..<tokens[cursor].end
        ignored.append(IgnoredNumber(range: range, text: text(range), reason: .phoneNumber))
        return cursor + 1
    }

    /// Whether a currency sign, code or word follows token `index`.
    func currencySignOrCode(after index: Int) -> Bool {
        guard let next = next(after: index) else { return false }
        if tokens[next].kind == .symbol { return ScannerLexicon.currencySigns[tokens[next].scalar] != nil }
        return isoCode(next) != nil || currencyWordAfter(next) != nil
    }

    /// Records tokens `first`…`last` as a number that is not a quantity; returns the next token.
    mutating func recordIgnored(_ first: Int, _ last: Int, _ reason: NotQuantityReason) -> Int {
        let range = tokens[first].start..<tokens[last].end
        ignored.append(IgnoredNumber(range: range, text: text(range), reason: reason))
        return last + 1
    }

    /// Comma groups in the longest figure read: 30 digits (the identifier limit) in Indian
    /// grouping of two.
    static let maximumCommaGroups = 15

    /// ½, ⅓, ¾ …
    static let vulgarFractions: [UInt32: Double] = [
        0xBD: 0.5, 0xBC: 0.25, 0xBE: 0.75, 0x2153: 1.0 / 3, 0x2154: 2.0 / 3, 0x2155: 0.2, 0x2156: 0.4,
        0x2157: 0.6, 0x2158: 0.8, 0x2159: 1.0 / 6, 0x215A: 5.0 / 6, 0x215B: 0.125, 0x215C: 0.375,
        0x215D: 0.625, 0x215E: 0.875,
    ]

    /// "½", "⅔" written as one character.
    mutating func parseVulgarFraction(at index: Int) -> ParsedNumber? {
        let scalar = tokens[index].scalar
        guard scalar >= 0xBC, let value = Self.vulgarFractions[scalar] else { return nil }
        var number = ParsedNumber(
            value: value, decimalText: String(value), first: index, last: index, fractionDigits: nil)
        number.isFraction = true
        if isDigits(index - 1), adjacent(index - 1, index) { return nil }
        return number
    }
}

@inline(__always) func pow10(_ exponent: Double) -> Double {
    pow(10, exponent)
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

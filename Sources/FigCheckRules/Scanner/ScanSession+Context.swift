import FigCheckCore

/// What surrounds a number: sign, currency, hedge and range words before it; scale, unit and
/// range end after it. Decides the mention's kind and its interval.
extension ScanSession {
    struct Prefix {
        var start: Int
        var sign = 1.0
        var currency: String?
        var hedge = Hedge.none
        var hedgeText: String?
        var hedgeStart: Int?
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
    }

    /// Builds the mention for `number` and returns the token after it.
    mutating func attachContext(to number: ParsedNumber) -> Int {
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
        if prefix.rangeOpener == "between" && lastRangeJoiner != "and" && lastRangeJoiner != "-" { prefix.rangeOpener = nil }
        if prefix.rangeOpener != nil, let opener = prefix.openerIndex { prefix.start = opener }
        if let hedge = suffix.hedge {
            combineHedges(&prefix, suffixHedge: hedge, suffixText: suffix.hedgeText, numberStart: number.first)
        }
        var currency = prefix.currency ?? suffix.currency
        var millions = false
        if let code = currency, code.hasPrefix("M:") {
            currency = String(code.dropFirst(2))
            millions = true
        }
        var minor = 0.0
        if currency != nil, upper == nil, suffix.kind == nil, !number.isFraction, suffix.unit == nil,
           let (cents, end) = minorUnits(after: suffix.end, wordCurrency: suffix.currency != nil) {
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
            let secondScale = second.scale != 1 ? second.scale : (secondSuffix.scaleText != nil ? secondSuffix.scale : scale)
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
        mentions.append(Mention(range: range, numberRange: numberRange, text: text(range), kind: kind, value: value,
                                decimalText: (prefix.sign < 0 ? "-" : "") + number.decimalText, low: low, high: high,
                                unit: unit, currency: currency.map { $0.hasSuffix("¢") ? String($0.dropLast()) : $0 },
                                scale: scaleText, hedge: prefix.hedge, hedgeText: prefix.hedgeText,
                                rangeEnd: rangeEnd))
        return suffix.end + 1
    }

    // MARK: - Before the number

    func readPrefix(before first: Int) -> Prefix {
        var prefix = Prefix(start: first)
        var cursor = first - 1
        // "- 1 4/5": one space between the sign and the number.
        if isSpace(cursor), tokens[cursor].length == 1, isSymbol(cursor - 1, "-"),
           cursor - 1 == 0 || tokens[cursor - 2].kind == .newline || (cursor >= 2 && isSpaceStart(cursor - 2)) {
            cursor -= 1
        }
        // A sign glued to the number, or one space away ("- 1 4/5"), with no digits before it.
        if isSymbol(cursor, "-") || isSymbol(cursor, "−") || isSymbol(cursor, "–") {
            let before = cursor - 1
            let spaced = cursor + 1 != first
            let glued = before < 0 || tokens[before].kind == .space || tokens[before].kind == .newline
                || (isSymbol(before, "(") || isSymbol(before, "$") || isSymbol(before, "<") || isSymbol(before, ">")
                    || isSymbol(before, "=") || isSymbol(before, "~"))
            if glued && (!spaced || before < 0 || tokens[before].kind == .newline || (before == 0 && spaced)
                         || isSpaceStart(before)) {
                prefix.sign = -1
                prefix.start = cursor
                cursor -= 1
            }
        }
        // Currency: "$", "US$", "us $", "HK$", "€", "£", "USD", "rmb".
        if let (currency, start) = currencyBefore(cursor >= 0 ? cursor : first - 1, number: first) {
            prefix.currency = currency
            prefix.start = start
            cursor = start - 1
        }
        if prefix.sign > 0, let previous = previous(before: prefix.start), previous >= consumedUpTo, let word = word(previous),
           word == "minus" || word == "negative" {
            prefix.sign = -1
            prefix.start = previous
            cursor = previous - 1
        }
        if prefix.sign > 0, isSymbol(prefix.start - 1, "-"), adjacent(prefix.start - 1, prefix.start),
           prefix.currency != nil, !isDigits(prefix.start - 2) {
            // "-$5": a sign before the currency.
            prefix.sign = -1
            prefix.start -= 1
        }
        // "($99.99)": an accounting negative.
        if prefix.currency != nil, prefix.sign > 0, isSymbol(prefix.start - 1, "("), adjacent(prefix.start - 1, prefix.start) {
            prefix.accountingNegative = true
        }
        if let (hedge, text, start) = hedgeBefore(prefix.start) {
            prefix.hedge = hedge
            prefix.hedgeText = text
            prefix.hedgeStart = start
            prefix.start = start
        }
        var openerCursor = prefix.start
        if let previous = previous(before: openerCursor), word(previous) == "the", let number = word(first),
           ScannerLexicon.ordinals[number] != nil {
            openerCursor = previous
        }
        if let previous = previous(before: openerCursor), previous >= consumedUpTo, let word = word(previous),
           word == "between" || word == "from" {
            prefix.rangeOpener = word
            prefix.openerIndex = previous
        }
        _ = cursor
        return prefix
    }

    /// Whether the space token at `index` begins the line or follows an opening bracket.
    func isSpaceStart(_ index: Int) -> Bool {
        index == 0 || tokens[index - 1].kind == .newline || isSymbol(index - 1, "(")
    }

    /// The currency written just before the number (and the token it starts at).
    func currencyBefore(_ index: Int, number: Int) -> (String, Int)? {
        var cursor = index
        if cursor >= 0, tokens[cursor].kind == .space, tokens[cursor].length <= 2 { cursor -= 1 }
        guard cursor >= 0, cursor >= consumedUpTo else { return nil }
        let token = tokens[cursor]
        if token.kind == .symbol, let code = ScannerLexicon.currencySigns[token.scalar] {
            guard token.scalar == 0x24 else { return (code, cursor) }
            // Letters in front of "$": "US$", "us $", "u.s $", "HK$", "C$", "usd$", "Mex$".
            var letters = cursor - 1
            if letters >= 0, tokens[letters].kind == .space, tokens[letters].length == 1 { letters -= 1 }
            if letters >= 0 {
                var start = letters
                var written = word(letters) ?? ""
                if isSymbol(letters, "."), letters >= 3, word(letters - 1) == "s", isSymbol(letters - 2, "."),
                   word(letters - 3) == "u" {
                    start = letters - 3
                    written = "u.s."
                } else if letters >= 2, word(letters) == "s", isSymbol(letters - 1, "."), word(letters - 2) == "u" {
                    start = letters - 2
                    written = "u.s"
                }
                // One-letter prefixes count only glued to the sign ("C$", "A$"): "a $4 billion" is an article.
                let glued = adjacent(letters, cursor)
                if let code = ScannerLexicon.dollarPrefixes[written], start == 0 || tokens[start - 1].kind != .word,
                   written.count > 1 || glued || written == "c" {
                    return (code, start)
                }
            }
            return ("USD", cursor)
        }
        if token.kind == .word, let word = word(cursor) {
            if let code = isoCode(cursor) { return (code == "RMB" ? "CNY" : code, cursor) }
            if ScannerLexicon.currencyWordsBeforeAmount.contains(word),
               !adjacent(cursor, number) || word == "usd" {
                return (ScannerLexicon.currencyWords[word] ?? word.uppercased(), cursor)
            }
            if isMUnit(word) {
                return ("M:" + String(word.dropFirst()).uppercased(), cursor)
            }
        }
        return nil
    }

    /// A hedge ending just before token `index`: the longest match of the hedge table, or a
    /// comparison sign (">", ">=", "< =", "≤").
    func hedgeBefore(_ index: Int) -> (Hedge, String, Int)? {
        if let sign = comparisonBefore(index) { return sign }
        return wordHedgeBefore(index)
    }

    private func comparisonBefore(_ index: Int) -> (Hedge, String, Int)? {
        guard var cursor = previous(before: index), cursor >= consumedUpTo, tokens[cursor].kind == .symbol else { return nil }
        var hedge: Hedge?
        switch tokens[cursor].scalar {
        case 0x2265: hedge = .atLeast
        case 0x2264: hedge = .atMost
        case 0x3D:
            // ">=", "> =", "<=", "< =": look one further back; "=>" and "<>" are not comparisons.
            if let before = previous(before: cursor), before >= consumedUpTo, isSymbol(before, ">") || isSymbol(before, "<") {
                if let earlier = previous(before: before), tokens[earlier].kind == .symbol,
                   [0x3C, 0x3E, 0x3D].contains(tokens[earlier].scalar) { return nil }
                hedge = isSymbol(before, ">") ? .atLeast : .atMost
                cursor = before
            }
        case 0x3E, 0x3C:
            if let before = previous(before: cursor), tokens[before].kind == .symbol,
               [0x3C, 0x3E, 0x3D].contains(tokens[before].scalar) { return nil }
            hedge = tokens[cursor].scalar == 0x3E ? .over : .under
        default:
            return nil
        }
        guard let hedge else { return nil }
        return (hedge, text(tokens[cursor].start..<tokens[index - 1].end).trimmingWhitespace(), cursor)
    }

    private func wordHedgeBefore(_ index: Int) -> (Hedge, String, Int)? {
        var cursor = index
        // "higher than the tenth": an article between the hedge and an ordinal.
        if let previous = previous(before: index), word(previous) == "the", let number = self.word(index),
           ScannerLexicon.ordinals[number] != nil {
            cursor = previous
        }
        guard let lastIndex = previous(before: cursor), lastIndex >= consumedUpTo, let lastWord = word(lastIndex),
              let candidates = ScannerLexicon.hedgesByLastWord[lastWord] else { return nil }
        var words: [(String, Int)] = [(lastWord, lastIndex)]
        let longest = candidates.first?.words.count ?? 1
        var back = lastIndex
        while words.count < longest, let previous = previous(before: back), previous >= consumedUpTo, let word = word(previous) {
            words.insert((word, previous), at: 0)
            back = previous
        }
        for (phrase, hedge) in candidates where phrase.count <= words.count {
            let tail = words.suffix(phrase.count)
            if zip(tail, phrase).allSatisfy({ $0.0 == $1 }), let start = tail.first?.1 {
                return (hedge, text(tokens[start].start..<tokens[lastIndex].end), start)
            }
        }
        return nil
    }

    private func lastWord(before index: Int) -> Int {
        previous(before: index) ?? index - 1
    }

    // MARK: - After the number

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

    /// The ISO 4217 code written in capitals at token `index` ("USD", "EUR"), if it is one; three
    /// capital letters are checked on the bytes before any string is made.
    func isoCode(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, tokens[index].length == 3 else { return nil }
        let start = tokens[index].start
        for offset in 0..<3 where bytes[start + offset] &- 0x41 >= 26 { return nil }
        let code = text(of: index)
        return ScannerLexicon.isoCodes.contains(code) ? code : nil
    }

    /// Whether a currency is written before the number (then none is read after it).
    func hasPrefixCurrency(_ number: ParsedNumber) -> Bool {
        guard number.first > 0 else { return false }
        // Cheap test first: a currency sign, or a word, within two tokens before the number.
        let before = number.first - 1
        let candidate = tokens[before].kind == .space && before > 0 ? before - 1 : before
        guard tokens[candidate].kind == .symbol || tokens[candidate].kind == .word else { return false }
        return currencyBefore(before, number: number.first) != nil
    }

    /// The scale word right after the number, if any.
    func scaleToken(after last: Int) -> Int? {
        guard let next = next(after: last), let word = word(next), ScannerLexicon.scaleWords[word] != nil else { return nil }
        return next
    }

    func readSuffix(after last: Int, number: ParsedNumber) -> Suffix {
        var suffix = Suffix(end: last)
        var cursor = last
        // Scale words: "350 billion", "$1.2 bn", "10 bln".
        if !number.spelled, number.scale == 1, let next = next(after: cursor), let word = word(next),
           let scale = ScannerLexicon.scaleWords[word], word.count > 1 || word == "k" || text(of: next) == "M"
            || text(of: next) == "B" || text(of: next) == "G" || text(of: next) == "T" {
            if !(word == "m" || word == "t" || word == "g" || word == "b") || next == cursor + 2 {
                suffix.scale = scale
                suffix.scaleText = text(of: next)
                cursor = next
                suffix.end = next
            }
        }
        // "30 MUSD", "120 MEUR": millions of a currency.
        if let next = next(after: cursor), let word = word(next), isMUnit(word), number.scale == 1 {
            suffix.currency = String(word.dropFirst()).uppercased()
            suffix.scale = 1e6
            suffix.scaleText = "M"
            suffix.end = next
            return suffix
        }
        // "75 USD million": a code, then the scale.
        if let next = next(after: cursor), let code = isoCode(next),
           !hasPrefixCurrency(number), !(isDigits(next + 1) && adjacent(next, next + 1)) {
            suffix.currency = code == "RMB" ? "CNY" : code
            cursor = next
            suffix.end = next
            if suffix.scaleText == nil, number.scale == 1, let after = self.next(after: cursor), let word = word(after),
               let scale = ScannerLexicon.scaleWords[word], word.count > 2 {
                suffix.scale = scale
                suffix.scaleText = text(of: after)
                suffix.end = after
            }
            return suffix
        }
        guard let next = next(after: cursor) else { return suffix }
        let glued = adjacent(cursor, next)
        if isSymbol(next, "%") || isSymbol(next, "％") {
            suffix.kind = .percent
            suffix.unit = "percent"
            suffix.end = next
            return percentagePoints(&suffix)
        }
        if tokens[next].kind == .symbol, !number.isOrdinal, !hasPrefixCurrency(number),
           let code = ScannerLexicon.currencySigns[tokens[next].scalar], tokens[next].scalar != 0xA2,
           !(isDigits(next + 1) && adjacent(next, next + 1)) {
            // "10 $", "100 ₡", "5 €".
            suffix.currency = code
            suffix.end = next
            return suffix
        }
        if isSymbol(next, "-"), glued, let after = self.next(after: next), adjacent(next, after), let word = word(after) {
            // "36-year", "12-cent", "3-fold".
            if let duration = ScannerLexicon.durationUnits[word], word != "quarter" {
                suffix.kind = .duration
                suffix.unit = duration
                suffix.end = after
            } else if let unit = PhysicalUnits.byName[word] {
                suffix.kind = .measure
                suffix.unit = unit.name
                suffix.end = after
            } else if word == "fold" {
                suffix.kind = .multiplier
                suffix.unit = "times"
                suffix.end = after
            } else if let code = ScannerLexicon.currencyWords[word] {
                suffix.currency = code
                suffix.unit = word.hasPrefix("cent") ? "cents" : nil
                suffix.end = after
            }
            return suffix
        }
        if tokens[next].kind == .symbol, let (unit, end) = physicalUnit(startingAt: next, glued: glued) {
            // "-18 °C", "12 ″".
            suffix.kind = .measure
            suffix.unit = unit.name
            suffix.end = end
            return suffix
        }
        guard let word = word(next) else { return suffix }
        if word == "per", let after = self.next(after: next), self.word(after) == "cent" {
            suffix.kind = .percent
            suffix.unit = "percent"
            suffix.end = after
            return percentagePoints(&suffix)
        }
        if ScannerLexicon.percentWords.contains(word) {
            suffix.kind = .percent
            suffix.unit = "percent"
            suffix.end = next
            if word == "percentage", let after = self.next(after: next), let point = self.word(after),
               point == "point" || point == "points" {
                suffix.kind = .percentagePoints
                suffix.unit = "percentage_point"
                suffix.end = after
                return suffix
            }
            return percentagePoints(&suffix)
        }
        if ScannerLexicon.percentagePointAbbreviations.contains(word) {
            suffix.kind = .percentagePoints
            suffix.unit = "percentage_point"
            suffix.end = next
            return suffix
        }
        if !hasPrefixCurrency(number), !(isDigits(next + 1) && adjacent(next, next + 1)),
           let (currency, end) = currencyWordAfter(next) {
            suffix.currency = currency
            suffix.end = end
            if currency.hasSuffix("¢") { suffix.unit = word.hasPrefix("pen") ? "pence" : "cents" }
            return suffix
        }
        if word == "times" || word == "x" && glued {
            suffix.kind = .multiplier
            suffix.unit = "times"
            suffix.end = next
            return suffix
        }
        if word == "fold" && glued {
            suffix.kind = .multiplier
            suffix.unit = "times"
            suffix.end = next
            return suffix
        }
        if ScannerLexicon.timeOfDayWords.contains(word) || (word == "a" || word == "p") && isSymbol(next + 1, "."),
           isTimeOfDayFigure(number) {
            suffix.timeOfDay = true
            suffix.end = word.count == 1 ? min(next + 3, tokens.count - 1) : next
            return suffix
        }
        if let (unit, end) = physicalUnit(startingAt: next, glued: glued) {
            suffix.kind = .measure
            suffix.unit = unit.name
            suffix.end = end
            return suffix
        }
        if let duration = ScannerLexicon.durationUnits[word], !number.isOrdinal, !(word.hasPrefix("quarter") && number.isFraction) {
            suffix.kind = .duration
            suffix.unit = duration
            suffix.end = next
            return suffix
        }
        readSuffixHedge(after: suffix.end, into: &suffix)
        return suffix
    }

    /// "500 or more", "200 or greater (than)", "5000 or less", "65 and over", "5000 or equal (to)".
    func readSuffixHedge(after end: Int, into suffix: inout Suffix) {
        guard let joiner = next(after: end), let word = word(joiner), word == "or" || word == "and",
              let after = self.next(after: joiner), let following = self.word(after) else { return }
        var last = after
        if ScannerLexicon.greaterWords.contains(following) {
            suffix.hedge = .atLeast
        } else if word == "or", ScannerLexicon.lesserWords.contains(following) {
            suffix.hedge = .atMost
        } else if word == "or", following == "equal" {
            suffix.hedge = .exactly  // resolved against the prefix: "more than 5000 or equal"
        } else {
            return
        }
        // "or greater than" with no number after it; "or equal to" with nothing after it.
        if let than = self.next(after: last), let thanWord = self.word(than), thanWord == "than" || thanWord == "to" {
            // "or greater than" ends the phrase; "and greater than 50" starts the next comparison.
            if let following = self.next(after: than), tokens[following].kind == .word || tokens[following].kind == .digits,
               self.word(following) != "it" {
                suffix.hedge = nil
                return
            }
            last = than
        }
        suffix.hedgeText = text(tokens[joiner].start..<tokens[last].end)
        suffix.end = last
    }

    /// "2 pm", "10.30 am": an hour (1–12) with at most two digits of minutes.
    func isTimeOfDayFigure(_ number: ParsedNumber) -> Bool {
        guard !number.spelled, number.scale == 1, (0...12).contains(number.value.rounded(.down)) else { return false }
        return number.fractionDigits == nil || number.fractionDigits == 2
    }

    /// A unit of measure starting at token `start`: a symbol written against the figure or after
    /// it ("4,000 km", "10kg", "32 °C", "2.1 mb/d") or a name ("two meters", "32 degrees Celsius",
    /// "200 kilometres per hour"). Symbols that are also words ("in", "t", "L") count only when no
    /// word follows them.
    func physicalUnit(startingAt start: Int, glued: Bool) -> (PhysicalUnits.Unit, Int)? {
        guard start < tokens.count, tokens[start].kind == .word || tokens[start].kind == .symbol else { return nil }
        let lead = bytes[tokens[start].start]
        guard PhysicalUnits.firstLetters.contains(lead < 0x80 ? lead | 0x20 : lead) else { return nil }
        if tokens[start].kind == .word, !(word(start) == "sq"),
           !PhysicalUnits.mayStartUnit(length: tokens[start].length, first: lead, last: bytes[tokens[start].end - 1]) {
            return nil
        }
        // Symbols: adjacent tokens joined as written, longest first.
        var raw = ""
        var candidates: [(String, Int)] = []
        var cursor = start
        while cursor < tokens.count, cursor - start < 5, tokens[cursor].kind != .space, tokens[cursor].kind != .newline {
            if cursor > start && !adjacent(cursor - 1, cursor) { break }
            raw += text(of: cursor)
            candidates.append((raw, cursor))
            cursor += 1
        }
        // "sq km", "sq mi": two symbols with a space.
        if let first = word(start), first == "sq", let second = next(after: start) {
            candidates.append(("sq " + text(of: second), second))
        }
        var symbolMatch: (PhysicalUnits.Unit, Int)?
        for (candidate, end) in candidates.reversed() {
            guard let unit = PhysicalUnits.bySymbol[candidate] else { continue }
            if candidate.last == "." { continue }
            // A glued "s" makes a decade or a plural ("1990s", "20s"), not seconds.
            if candidate == "s" { continue }
            if PhysicalUnits.wordLikeSymbols.contains(candidate) && !glued {
                guard symbolStandsAlone(after: end, symbol: candidate) else { continue }
            }
            symbolMatch = (unit, end)
            break
        }
        // Names: words separated by single spaces, longest first.
        var words: [String] = []
        var ends: [Int] = []
        cursor = start
        while words.count < 4, let word = word(cursor) {
            words.append(word)
            ends.append(cursor)
            guard let following = next(after: cursor), tokens[following].kind == .word else { break }
            cursor = following
        }
        while !words.isEmpty {
            if let unit = PhysicalUnits.byName[words.joined(separator: " ")] {
                let end = ends[words.count - 1]
                if let symbolMatch, symbolMatch.1 >= end { return symbolMatch }
                return (unit, end)
            }
            words.removeLast()
        }
        return symbolMatch
    }

    /// A word-like symbol ("in", "L", "t") is a unit when the sentence ends after it, when a
    /// non-word follows, before "of" ("3 L of wine"), or before a dimension word ("2 in thick").
    func symbolStandsAlone(after end: Int, symbol: String) -> Bool {
        guard let following = next(after: end) else { return true }
        if tokens[following].kind != .word {
            // "2 in." ends the sentence; "at 5 t, the" too.
            return !(isDigits(following))
        }
        let word = self.word(following) ?? ""
        if word == "of" && symbol != "in" { return true }
        return ScannerLexicon.dimensionWords.contains(word)
    }

    /// "percent points", "% points": percentage points.
    func percentagePoints(_ suffix: inout Suffix) -> Suffix {
        if let next = next(after: suffix.end), let word = word(next), word == "points" || word == "point" || word == "pts" {
            suffix.kind = .percentagePoints
            suffix.unit = "percentage_point"
            suffix.end = next
        }
        return suffix
    }

    /// "dollars", "US dollars", "Hong Kong dollars", "swiss francs", "yen", "won" after a figure.
    func currencyWordAfter(_ index: Int) -> (String, Int)? {
        guard let word = word(index) else { return nil }
        if let qualified = ScannerLexicon.currencyQualifiers[word], let next = next(after: index),
           let currencyWord = self.word(next), let code = qualified[currencyWord] {
            return (code, next)
        }
        if word == "hong", let kong = next(after: index), self.word(kong) == "kong", let next = next(after: kong),
           let currencyWord = self.word(next), currencyWord.hasPrefix("dollar") {
            return ("HKD", next)
        }
        if word == "new", let zealand = next(after: index), self.word(zealand) == "zealand", let next = next(after: zealand),
           let currencyWord = self.word(next), currencyWord.hasPrefix("dollar") {
            return ("NZD", next)
        }
        if word == "won" {
            // "won" is the Korean currency after a figure, but "he won 3 seats" has it before.
            return ("KRW", index)
        }
        guard let code = ScannerLexicon.currencyWords[word] else { return nil }
        if ScannerLexicon.ambiguousCurrencyWords.contains(word) { return nil }
        if word == "pound" || word == "pounds", let next = next(after: index), self.word(next) == "sterling" {
            return ("GBP", next)
        }
        return (code, index)
    }

    /// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.": the minor
    /// units after a currency, as a fraction of the major unit. A bare number counts only when
    /// nothing but punctuation follows it (or "and" joined it).
    mutating func minorUnits(after end: Int, wordCurrency: Bool) -> (Double, Int)? {
        guard var cursor = next(after: end) else { return nil }
        var joined = false
        if word(cursor) == "and", let after = next(after: cursor) {
            joined = true
            cursor = after
        }
        guard let cents = peekNumber(at: cursor), cents.value < 100, cents.value == cents.value.rounded(), !cents.isOrdinal,
              !cents.isFraction, cents.scale == 1 else { return nil }
        if let after = next(after: cents.last), let unit = word(after), ScannerLexicon.minorCurrencyUnits.contains(unit) {
            return (cents.value / 100, after)
        }
        guard wordCurrency || joined else { return nil }
        guard let after = next(after: cents.last) else { return (cents.value / 100, cents.last) }
        let endsHere = tokens[after].kind == .symbol && ![0x24, 0x25].contains(tokens[after].scalar)
        return endsHere ? (cents.value / 100, cents.last) : nil
    }

    // MARK: - Ranges

    /// The upper end of "10–15%", "$2-3 billion", "between 10% and 15%", "from 200 to 300",
    /// "10 to 15 percent".
    mutating func readRangeEnd(after end: Int, number: ParsedNumber, prefix: Prefix)
        -> (ParsedNumber, Suffix)? {
        guard let joiner = next(after: end) else { return nil }
        let dash = isSymbol(joiner, "-") || isSymbol(joiner, "–") || isSymbol(joiner, "—") || isSymbol(joiner, "~")
        let word = word(joiner)
        // "between … and", "from … to"; a mismatched pair ("between 44 mg to 50 mg") keeps no opener.
        let joined = dash || word == "to" || word == "through" || (word == "and" && prefix.rangeOpener == "between")
        lastRangeJoiner = dash ? "-" : word
        if prefix.rangeOpener == "from" && word == "and" { return nil }
        guard joined, !number.isOrdinal || prefix.rangeOpener != nil else { return nil }
        if word == "to" && prefix.rangeOpener == nil && number.spelled { return nil }
        if dash && number.spelled { return nil }
        guard var start = self.next(after: joiner) else { return nil }
        var negative = false
        if isSymbol(start, "-") || isSymbol(start, "−"), isDigits(start + 1), adjacent(start, start + 1) {
            negative = true
            start += 1
        }
        if self.word(start) == "the", number.isOrdinal, let afterArticle = self.next(after: start) { start = afterArticle }
        var secondCurrency: String?
        if let (currency, currencyStart) = currencyBefore(start, number: start + 1), currencyStart == start,
           tokens[start].kind == .symbol, let afterSign = self.next(after: start) {
            secondCurrency = currency
            start = afterSign
        }
        guard var second = peekNumber(at: start), !second.isOrdinal || number.isOrdinal else { return nil }
        if negative {
            second.value = -second.value
            second.decimalText = "-" + second.decimalText
        }
        // A dash between years, or before a smaller number, is no range ("1998-2001" is a period,
        // kept as a range of years; "25-10" with a larger first end is not).
        if dash, !number.spelled, !second.spelled, second.value * second.scale < number.value * number.scale,
           number.scale == 1, second.scale == 1 {
            return nil
        }
        var suffix = readSuffix(after: second.last, number: second)
        if suffix.currency == nil { suffix.currency = secondCurrency }
        // Both ends measure the same thing: "6.2% to $1.45 billion" is a change, not a range.
        let firstSuffix = readSuffix(after: number.last, number: number)
        let firstCurrency = firstSuffix.currency ?? prefix.currency
        if let firstKind = firstSuffix.kind, let secondKind = suffix.kind, firstKind != secondKind { return nil }
        if let firstUnit = firstSuffix.unit, let secondUnit = suffix.unit, firstUnit != secondUnit { return nil }
        if firstSuffix.kind != nil && suffix.currency != nil { return nil }
        if firstCurrency != nil && suffix.kind != nil { return nil }
        if let a = firstCurrency, let b = suffix.currency, a != b { return nil }
        if firstSuffix.kind == .percent && suffix.kind == nil && suffix.currency == nil && word == "to" {
            // "rose 5% to 30": the second figure is a level in another unit.
            return nil
        }
        return (second, suffix)
    }

    // MARK: - Comparisons that bound both sides

    /// "more than 10 and less than 20", "at most 100 and at least 20": two one-sided mentions
    /// joined by "and", "but" or a comma become one two-sided interval, when the bounds agree.
    mutating func mergeComparisonPairs() {
        guard mentions.count >= 2 else { return }
        // Most texts have no such pair: look before rebuilding the array.
        var candidate = false
        for index in 1..<mentions.count where mentions[index].hedge != .none && mentions[index - 1].hedge != .none {
            candidate = true
            break
        }
        guard candidate else { return }
        var merged: [Mention] = []
        var index = 0
        let lower: Set<Hedge> = [.over, .atLeast]
        let upper: Set<Hedge> = [.under, .atMost]
        while index < mentions.count {
            let first = mentions[index]
            if index + 1 < mentions.count, first.hedge != .none, mentions[index + 1].hedge != .none,
               mentions[index + 1].range.lowerBound - first.range.upperBound <= 12 {
                let second = mentions[index + 1]
                let between = text(first.range.upperBound..<max(first.range.upperBound, second.range.lowerBound))
                    .trimmingWhitespace().lowercased()
                let joined = ScannerLexicon.pairJoiners.contains(between)
                let countLike: Set<MentionKind> = [.count, .number]
                let sameKind = first.kind == second.kind || (countLike.contains(first.kind) && countLike.contains(second.kind))
                if joined, sameKind, first.rangeEnd == nil, second.rangeEnd == nil {
                    var pair: (low: Mention, high: Mention)?
                    if lower.contains(first.hedge), upper.contains(second.hedge), first.value < second.value {
                        pair = (first, second)
                    } else if upper.contains(first.hedge), lower.contains(second.hedge), second.value < first.value {
                        pair = (second, first)
                    }
                    if let (low, high) = pair {
                        let range = first.range.lowerBound..<second.range.upperBound
                        var mention = Mention(range: range, numberRange: first.numberRange, text: text(range),
                                              kind: first.kind, value: low.value, decimalText: low.decimalText,
                                              low: low.low, high: high.high, unit: first.unit ?? second.unit,
                                              currency: first.currency ?? second.currency, scale: first.scale,
                                              hedge: .none, hedgeText: text(range), rangeEnd: high.value)
                        mention.lowInclusive = low.hedge == .atLeast
                        mention.highInclusive = high.hedge == .atMost
                        merged.append(mention)
                        index += 2
                        continue
                    }
                }
            }
            merged.append(first)
            index += 1
        }
        mentions = merged
    }

    // MARK: - Kind and interval

    func decideKind(_ number: ParsedNumber, suffix: Suffix, currency: String?, hedged: Bool) -> MentionKind {
        if let kind = suffix.kind { return kind }
        if currency != nil { return .currency }
        if number.isOrdinal { return .ordinal }
        if number.isFraction { return .fraction }
        if number.plainInteger, number.integerDigits == 4, (1000...2199).contains(number.value), number.scale == 1,
           suffix.scaleText == nil, !hedged {
            return .year
        }
        if let next = next(after: suffix.end), let word = word(next), !number.isFraction,
           number.fractionDigits == nil, !ScannerLexicon.wordsAfterPlainNumber.contains(word) {
            return .count
        }
        return .number
    }

    /// The interval a written figure stands for (PRODUCT.md, "Tolerance"): half a unit of its last
    /// significant digit. Integers ending in two or more zeros are read as rounded ("300" is
    /// [250, 350)); "350" and "145" keep their units digit. Years, dates, ordinals and spelled-out
    /// numbers are exact.
    func interval(_ number: ParsedNumber, kind: MentionKind, scale: Double, sign: Double) -> (low: Double?, high: Double?) {
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

import FigCheckCore

/// What stands after a number: its scale, percent, currency, unit of measure, duration and a
/// trailing hedge ("or more").
extension ScanSession {
    /// The ISO 4217 code written in capitals at token `index` ("USD", "EUR"), if it is one; three
    /// capital letters are checked on the bytes before any string is made.
    func isoCode(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, tokens[index].length == 3 else {
            return nil
        }
        let start = tokens[index].start
        for offset in 0..<3 where bytes[start + offset] &- 0x41 >= 26 { return nil }
        let code = text(of: index)
        return ScannerLexicon.isoCodes.contains(code) || CurrencyNames.isoCodes.contains(code) ? code : nil
    }

    /// Whether the last mention, in the same sentence and at most 200 bytes before token `first`, is an
    /// amount in a dollar currency (so a glued "c" after the number means cents, not a grade).
    func followsDollarAmountOnItsLine(_ first: Int) -> Bool {
        guard let last = mentions.last, let code = last.currency, code.hasSuffix("D"),
            tokens[first].start - last.range.upperBound < 200
        else { return false }
        var cursor = first - 1
        while cursor >= 0, tokens[cursor].start >= last.range.upperBound {
            if tokens[cursor].kind == .newline { return false }
            // A sentence ends between them.
            if isSymbol(cursor, ".") || isSymbol(cursor, "!") || isSymbol(cursor, "?"), isSpace(cursor + 1) {
                return false
            }
            cursor -= 1
        }
        return true
    }

    /// Whether the currency before the number is a "$" with no letters naming which dollar.
    func prefixIsBareDollar(_ number: ParsedNumber) -> Bool {
        guard number.first > 0, let (code, start) = currencyBefore(number.first - 1, number: number.first) else {
            return false
        }
        return code == "USD" && isSymbol(start, "$")
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
        guard let next = next(after: last), let word = word(next), ScannerLexicon.scaleWords[word] != nil else {
            return nil
        }
        return next
    }

    /// Everything written after the number that belongs to it; `end` is its last token.
    // Long: one step of the scanner's grammar over the tokens after a number; its guards are the alternatives in
    // order, and pieces would pass the cursor and the partial number between them.
    func readSuffix(after last: Int, number: ParsedNumber) -> Suffix {
        var suffix = Suffix(end: last)
        var cursor = last
        // Scale words: "350 billion", "$1.2 bn", "10 bln".
        if !number.spelled, number.scale == 1, let next = next(after: cursor), let word = word(next),
            let scale = ScannerLexicon.scaleWords[word],
            word.count > 1 || word == "k" || text(of: next) == "M"
                || text(of: next) == "B" || text(of: next) == "G" || text(of: next) == "T"
        {
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
        // "75 USD million": a code, then the scale. After a bare "$", a dollar's code says which
        // dollar ("$2,450.00 NZD").
        if let next = next(after: cursor), let code = isoCode(next),
            !hasPrefixCurrency(number) || (code.hasSuffix("D") && prefixIsBareDollar(number)),
            !(isDigits(next + 1) && adjacent(next, next + 1))
        {
            suffix.namesTheDollar = hasPrefixCurrency(number)
            suffix.currency = code == "RMB" ? "CNY" : code
            cursor = next
            suffix.end = next
            if suffix.scaleText == nil, number.scale == 1, let after = self.next(after: cursor), let word = word(after),
                let scale = ScannerLexicon.scaleWords[word], word.count > 2
            {
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
            let code = ScannerLexicon.currencySigns[tokens[next].scalar],
            tokens[next].scalar != 0xA2 || glued || !(number.fractionDigits ?? 0 > 0),
            !(isDigits(next + 1) && adjacent(next, next + 1))
        {
            // "10 $", "100 ₡", "5 €", "25¢".
            suffix.currency = code
            if code.hasSuffix("¢") { suffix.unit = "cents" }
            suffix.end = next
            return suffix
        }
        // "8 R$", "50 HK$": a dollar's letters and the sign after the figure.
        if tokens[next].kind == .word, isSymbol(next + 1, "$"), adjacent(next, next + 1),
            let letters = word(next), let code = ScannerLexicon.dollarPrefixes[letters],
            !(isDigits(next + 2) && adjacent(next + 1, next + 2)), !hasPrefixCurrency(number)
        {
            suffix.currency = code
            suffix.end = next + 1
            return suffix
        }
        if isSymbol(next, "-"), glued, let after = self.next(after: next), adjacent(next, after), let word = word(after)
        {
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
                point == "point" || point == "points"
            {
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
            let (currency, end) = currencyWordAfter(next)
        {
            suffix.currency = currency
            suffix.end = end
            if currency.hasSuffix("¢") { suffix.unit = Self.minorUnitName(word) }
            return suffix
        }
        if word == "c", glued, text(of: next) == "c", !hasPrefixCurrency(number),
            followsDollarAmountOnItsLine(number.first)
        {
            // "$1.49, or 99c on sale": cents, where a dollar amount came just before.
            suffix.currency = "USD¢"
            suffix.unit = "cents"
            suffix.end = next
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
            isTimeOfDayFigure(number)
        {
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
        if let duration = ScannerLexicon.durationUnits[word], !number.isOrdinal,
            !(word.hasPrefix("quarter") && number.isFraction)
        {
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
            let after = self.next(after: joiner), let following = self.word(after)
        else { return }
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
            if let following = self.next(after: than),
                tokens[following].kind == .word || tokens[following].kind == .digits,
                self.word(following) != "it"
            {
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
            !PhysicalUnits.mayStartUnit(length: tokens[start].length, first: lead, last: bytes[tokens[start].end - 1])
        {
            return nil
        }
        // Symbols: adjacent tokens joined as written, longest first.
        var raw = ""
        var candidates: [(String, Int)] = []
        var cursor = start
        while cursor < tokens.count, cursor - start < 5, tokens[cursor].kind != .space, tokens[cursor].kind != .newline
        {
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
        if let next = next(after: suffix.end), let word = word(next),
            word == "points" || word == "point" || word == "pts"
        {
            suffix.kind = .percentagePoints
            suffix.unit = "percentage_point"
            suffix.end = next
        }
        return suffix
    }

    /// "dollars", "US dollars", "Hong Kong dollars", "swiss francs", "yen", "won", "30 Egyptian
    /// pounds", "forty rand", "25 dirhams" after a figure.
    func currencyWordAfter(_ index: Int) -> (String, Int)? {
        guard let word = word(index) else { return nil }
        // "45 kr", "45 kr.", "120 TL": as written, and not glued to a word after it.
        if tokens[index].length == 2,
            ScannerLexicon.regionalAbbreviationFirstBytes.contains(bytes[tokens[index].start]),
            ScannerLexicon.regionalAbbreviationsAfterTheFigure.contains(text(of: index)),
            let code = ScannerLexicon.regionalAbbreviations[text(of: index)],
            !(index + 1 < tokens.count && tokens[index + 1].kind == .word)
        {
            return (code, isSymbol(index + 1, ".") && text(of: index) == "kr" ? index + 1 : index)
        }
        if let named = currencyNameOfSeveralWords(at: index) { return named }
        if let qualified = ScannerLexicon.currencyQualifiers[word], let next = next(after: index),
            let currencyWord = self.word(next), let code = qualified[currencyWord]
        {
            return (code, next)
        }
        if word == "hong", let kong = next(after: index), self.word(kong) == "kong", let next = next(after: kong),
            let currencyWord = self.word(next), currencyWord.hasPrefix("dollar")
        {
            return ("HKD", next)
        }
        if word == "new", let zealand = next(after: index), self.word(zealand) == "zealand",
            let next = next(after: zealand),
            let currencyWord = self.word(next), currencyWord.hasPrefix("dollar")
        {
            return ("NZD", next)
        }
        if word == "won" {
            // "won" is the Korean currency after a figure, but "he won 3 seats" has it before.
            return ("KRW", index)
        }
        guard let code = ScannerLexicon.currencyWords[word] ?? CurrencyNames.names[word] else { return nil }
        if ScannerLexicon.ambiguousCurrencyWords.contains(word) { return nil }
        if word == "pound" || word == "pounds", let next = next(after: index), self.word(next) == "sterling" {
            return ("GBP", next)
        }
        return (code, index)
    }

    /// The unit a minor currency word names: pence, cents, kopecks, paise.
    static func minorUnitName(_ word: String) -> String {
        if word.hasPrefix("pen") { return "pence" }
        if word.hasPrefix("kope") { return "kopecks" }
        if word.hasPrefix("pais") { return "paise" }
        return "cents"
    }

    /// A currency name of two to four words starting at `index` ("egyptian pounds", "united arab
    /// emirates dirhams"), longest first, and its last token.
    func currencyNameOfSeveralWords(at index: Int) -> (String, Int)? {
        guard let first = word(index), CurrencyNames.firstWordsOfLongerNames.contains(first) else { return nil }
        var words: [String] = []
        var ends: [Int] = []
        var cursor = index
        while words.count < CurrencyNames.longestName, let word = word(cursor) {
            words.append(word)
            ends.append(cursor)
            guard let following = next(after: cursor), tokens[following].kind == .word,
                following == cursor + 2, tokens[cursor + 1].length == 1
            else { break }
            cursor = following
        }
        while words.count > 1 {
            if let code = CurrencyNames.names[words.joined(separator: " ")] { return (code, ends[words.count - 1]) }
            words.removeLast()
        }
        return nil
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
        guard let cents = peekNumber(at: cursor), cents.value < 100, cents.value == cents.value.rounded(),
            !cents.isOrdinal,
            !cents.isFraction, cents.scale == 1
        else { return nil }
        if let after = next(after: cents.last), let unit = word(after), ScannerLexicon.minorCurrencyUnits.contains(unit)
        {
            return (cents.value / 100, after)
        }
        guard wordCurrency || joined else { return nil }
        guard let after = next(after: cents.last) else { return (cents.value / 100, cents.last) }
        let endsHere = tokens[after].kind == .symbol && ![0x24, 0x25].contains(tokens[after].scalar)
        return endsHere ? (cents.value / 100, cents.last) : nil
    }
}

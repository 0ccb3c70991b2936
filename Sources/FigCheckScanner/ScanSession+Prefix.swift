import FigCheckCore

/// What stands before a number: its sign, currency, hedge and range opener.
extension ScanSession {
    /// Everything written before the number that belongs to it: sign, currency, hedge, and the
    /// "between" or "from" of a range (used only if the range's other end is found).
    // Long: one step of the scanner's grammar (currency signs, hedges and signs before a number); its guards are
    // the alternatives in order.
    func readPrefix(before first: Int) -> Prefix {
        var prefix = Prefix(start: first)
        var cursor = first - 1
        // "- 1 4/5": one space between the sign and the number.
        if isSpace(cursor), tokens[cursor].length == 1, isSymbol(cursor - 1, "-"),
            cursor - 1 == 0 || tokens[cursor - 2].kind == .newline || (cursor >= 2 && isSpaceStart(cursor - 2))
        {
            cursor -= 1
        }
        // A sign glued to the number, or one space away ("- 1 4/5"), with no digits before it.
        if isSymbol(cursor, "-") || isSymbol(cursor, "−") || isSymbol(cursor, "–") {
            let before = cursor - 1
            let spaced = cursor + 1 != first
            let glued =
                before < 0 || tokens[before].kind == .space || tokens[before].kind == .newline
                || (isSymbol(before, "(") || isSymbol(before, "$") || isSymbol(before, "<") || isSymbol(before, ">")
                    || isSymbol(before, "=") || isSymbol(before, "~"))
            if glued
                && (!spaced || before < 0 || tokens[before].kind == .newline || (before == 0 && spaced)
                    || isSpaceStart(before))
            {
                prefix.sign = -1
                prefix.start = cursor
                cursor -= 1  // a currency may stand before the sign: "$-99.99"
            }
        }
        // Currency: "$", "US$", "us $", "HK$", "€", "£", "USD", "rmb".
        if let (currency, start) = currencyBefore(cursor >= 0 ? cursor : first - 1, number: first) {
            prefix.currency = currency
            prefix.start = start
        }
        if prefix.sign > 0, let previous = previous(before: prefix.start), previous >= consumedUpTo,
            let word = word(previous),
            word == "minus" || word == "negative"
        {
            prefix.sign = -1
            prefix.start = previous
        }
        if prefix.sign > 0, isSymbol(prefix.start - 1, "-"), adjacent(prefix.start - 1, prefix.start),
            prefix.currency != nil, !isDigits(prefix.start - 2)
        {
            // "-$5": a sign before the currency.
            prefix.sign = -1
            prefix.start -= 1
        }
        // "($99.99)": an accounting negative; but "130 trillion yuan ($17.7 trillion)" glosses the
        // figure before it, in another currency.
        if prefix.currency != nil, prefix.sign > 0, isSymbol(prefix.start - 1, "("),
            adjacent(prefix.start - 1, prefix.start),
            !followsFigure(prefix.start - 1)
        {
            prefix.accountingNegative = true
        }
        if let (hedge, text, start) = hedgeBefore(prefix.start) {
            prefix.hedge = hedge
            prefix.hedgeText = text
            prefix.start = start
        }
        var openerCursor = prefix.start
        if let previous = previous(before: openerCursor), word(previous) == "the", let number = word(first),
            ScannerLexicon.ordinals[number] != nil
        {
            openerCursor = previous
        }
        if let previous = previous(before: openerCursor), previous >= consumedUpTo, let word = word(previous),
            word == "between" || word == "from"
        {
            prefix.rangeOpener = word
            prefix.openerIndex = previous
        }
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
        if let (code, start) = regionalAbbreviation(endingAt: cursor, before: number) { return (code, start) }
        if token.kind == .symbol, let code = ScannerLexicon.currencySigns[token.scalar] {
            guard token.scalar == 0x24 else { return (code, cursor) }
            // Letters in front of "$": "US$", "us $", "u.s $", "HK$", "C$", "usd$", "Mex$".
            var letters = cursor - 1
            if letters >= 0, tokens[letters].kind == .space, tokens[letters].length == 1 { letters -= 1 }
            if letters >= 0 {
                var start = letters
                var written = word(letters) ?? ""
                if isSymbol(letters, "."), letters >= 3, word(letters - 1) == "s", isSymbol(letters - 2, "."),
                    word(letters - 3) == "u"
                {
                    start = letters - 3
                    written = "u.s."
                } else if letters >= 2, word(letters) == "s", isSymbol(letters - 1, "."), word(letters - 2) == "u" {
                    start = letters - 2
                    written = "u.s"
                }
                // One-letter prefixes count only glued to the sign ("C$", "A$"): "a $4 billion" is an article.
                let glued = adjacent(letters, cursor)
                if let code = ScannerLexicon.dollarPrefixes[written], start == 0 || tokens[start - 1].kind != .word,
                    written.count > 1 || glued || written == "c"
                {
                    return (code, start)
                }
            }
            return ("USD", cursor)
        }
        if token.kind == .word, let word = word(cursor) {
            if let code = isoCode(cursor) { return (code == "RMB" ? "CNY" : code, cursor) }
            if ScannerLexicon.currencyWordsBeforeAmount.contains(word),
                !adjacent(cursor, number) || word == "usd"
            {
                return (ScannerLexicon.currencyWords[word] ?? word.uppercased(), cursor)
            }
            if isMUnit(word) {
                return ("M:" + String(word.dropFirst()).uppercased(), cursor)
            }
        }
        return nil
    }

    /// "Rs 450", "Rs. 450", "RM12": a regional abbreviation (as written) ending at token `index`,
    /// when what follows the number does not make it something else ("RM 3 days ago").
    func regionalAbbreviation(endingAt index: Int, before number: Int) -> (String, Int)? {
        var start = index
        if isSymbol(index, "."), index > 0, adjacent(index - 1, index) { start = index - 1 }
        // Cheap tests first: this runs for every number after a short word ("in 2024").
        guard tokens[start].kind == .word, tokens[start].length == 2,
            ScannerLexicon.regionalAbbreviationFirstBytes.contains(bytes[tokens[start].start]),
            case let written = text(of: start), let code = ScannerLexicon.regionalAbbreviations[written],
            !ScannerLexicon.regionalAbbreviationsAfterTheFigure.contains(written),
            start == 0 || tokens[start - 1].kind != .word
        else { return nil }
        if start != index, written != "Rs" { return nil }
        // "Mr Rs 3", "Ashok Rs": after a capitalised word inside a sentence it is part of a name.
        if let before = previous(before: start), tokens[before].kind == .word,
            bytes[tokens[before].start] &- 0x41 < 26, let earlier = previous(before: before),
            !(isSymbol(earlier, ".") || isSymbol(earlier, "!") || isSymbol(earlier, "?"))
        {
            return nil
        }
        if let after = next(after: number), let word = word(after),
            ScannerLexicon.durationUnits[word] != nil || ScannerLexicon.percentWords.contains(word)
        {
            return nil
        }
        return (code, start)
    }

    /// A hedge ending just before token `index`: the longest match of the hedge table, or a
    /// comparison sign (">", ">=", "< =", "≤").
    func hedgeBefore(_ index: Int) -> (Hedge, String, Int)? {
        if let sign = comparisonBefore(index) { return sign }
        return wordHedgeBefore(index)
    }

    private func comparisonBefore(_ index: Int) -> (Hedge, String, Int)? {
        guard var cursor = previous(before: index), cursor >= consumedUpTo, tokens[cursor].kind == .symbol else {
            return nil
        }
        var hedge: Hedge?
        switch tokens[cursor].scalar {
        case 0x2265: hedge = .atLeast
        case 0x2264: hedge = .atMost
        case 0x3D:
            // ">=", "> =", "<=", "< =": look one further back; "=>" and "<>" are not comparisons.
            if let before = previous(before: cursor), before >= consumedUpTo,
                isSymbol(before, ">") || isSymbol(before, "<")
            {
                if let earlier = previous(before: before), tokens[earlier].kind == .symbol,
                    [0x3C, 0x3E, 0x3D].contains(tokens[earlier].scalar)
                {
                    return nil
                }
                hedge = isSymbol(before, ">") ? .atLeast : .atMost
                cursor = before
            }
        case 0x3E, 0x3C:
            if let before = previous(before: cursor), tokens[before].kind == .symbol,
                [0x3C, 0x3E, 0x3D].contains(tokens[before].scalar)
            {
                return nil
            }
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
            ScannerLexicon.ordinals[number] != nil
        {
            cursor = previous
        }
        guard let lastIndex = previous(before: cursor), lastIndex >= consumedUpTo, let lastWord = word(lastIndex),
            let candidates = ScannerLexicon.hedgesByLastWord[lastWord]
        else { return nil }
        var words: [(String, Int)] = [(lastWord, lastIndex)]
        let longest = candidates.first?.words.count ?? 1
        var back = lastIndex
        while words.count < longest, let previous = previous(before: back), previous >= consumedUpTo,
            let word = word(previous)
        {
            words.insert((word, previous), at: 0)
            back = previous
        }
        for (phrase, hedge) in candidates where phrase.count <= words.count {
            let tail = words.suffix(phrase.count)
            if zip(tail, phrase).allSatisfy({ $0.0 == $1 }), let start = tail.first?.1 {
                // "four times more than $18 billion", "twice as large as": a comparison, not a hedge.
                if hedge == .over || hedge == .under, let before = previous(before: start),
                    let multiple = word(before), multiple == "times" || multiple == "twice"
                {
                    return nil
                }
                return (hedge, text(tokens[start].start..<tokens[lastIndex].end), start)
            }
        }
        return nil
    }
}

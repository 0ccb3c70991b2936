import FigCheckCore

/// Two ends of one figure: ranges ("10–15%", "between 20 and 30") and two-sided comparisons
/// ("more than 10 and less than 20").
extension ScanSession {
    // MARK: - Ranges

    /// The upper end of "10–15%", "$2-3 billion", "between 10% and 15%", "from 200 to 300",
    /// "10 to 15 percent".
    // Long: one step of the scanner's grammar (a range's second end); its guards are the alternatives in order.
    mutating func readRangeEnd(after end: Int, number: ParsedNumber, prefix: Prefix)
        -> (ParsedNumber, Suffix)?
    {
        guard let joiner = next(after: end) else { return nil }
        // A range never spans a line break: "10\n- 15" is two list items.
        for between in (end + 1)..<joiner where tokens[between].kind == .newline { return nil }
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
        if self.word(start) == "the", number.isOrdinal, let afterArticle = self.next(after: start) {
            start = afterArticle
        }
        var secondCurrency: String?
        if let (currency, currencyStart) = currencyBefore(start, number: start + 1), currencyStart == start,
            tokens[start].kind == .symbol, let afterSign = self.next(after: start)
        {
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
            number.scale == 1, second.scale == 1
        {
            return nil
        }
        var suffix = readSuffix(after: second.last, number: second)
        if suffix.currency == nil { suffix.currency = secondCurrency }
        // "in 2013 to 134.9 trillion yuan": a bare year, then an amount with its own scale or
        // currency, is a period and a figure, not a range.
        if word == "to", number.plainInteger, number.integerDigits == 4, number.scale == 1, prefix.currency == nil,
            (1800...2100).contains(number.value), second.scale != 1 || suffix.currency != nil || secondCurrency != nil
        {
            return nil
        }
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
                mentions[index + 1].range.lowerBound - first.range.upperBound <= 12
            {
                let second = mentions[index + 1]
                let between = text(first.range.upperBound..<max(first.range.upperBound, second.range.lowerBound))
                    .trimmingWhitespace().lowercased()
                let joined = ScannerLexicon.pairJoiners.contains(between)
                let countLike: Set<MentionKind> = [.count, .number]
                let sameKind =
                    first.kind == second.kind || (countLike.contains(first.kind) && countLike.contains(second.kind))
                if joined, sameKind, first.rangeEnd == nil, second.rangeEnd == nil {
                    var pair: (low: Mention, high: Mention)?
                    if lower.contains(first.hedge), upper.contains(second.hedge), first.value < second.value {
                        pair = (first, second)
                    } else if upper.contains(first.hedge), lower.contains(second.hedge), second.value < first.value {
                        pair = (second, first)
                    }
                    if let (low, high) = pair {
                        let range = first.range.lowerBound..<second.range.upperBound
                        var mention = Mention(
                            range: range, numberRange: first.numberRange, text: text(range),
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
}

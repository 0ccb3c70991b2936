import FigCheckCore

/// One scan of one text: the tokens, the spans that hold no quantities (URLs, e-mail addresses),
/// and the mentions found so far. Split over several files by concern:
/// ScanSession+Digits (numbers in digits), +Words (spelled-out numbers), +Dates (month names),
/// +Context (kind and interval), +Prefix and +Suffix (what surrounds a number), +Ranges, and
/// +Labels (numbers that are not quantities).
struct ScanSession {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let options: MentionScanner.Options
    /// Byte ranges of URLs and e-mail addresses, sorted.
    var opaqueSpans: [(range: Range<Int>, reason: NotQuantityReason)] = []
    var mentions: [Mention] = []
    var ignored: [IgnoredNumber] = []
    /// Tokens before this index belong to a mention already; no prefix may reach back into them.
    var consumedUpTo = 0
    /// The word (or "-") that joined the two ends of the last range read.
    var lastRangeJoiner: String?
    /// Which decimal mark the document's other numbers use, worked out when first needed.
    var decimalMark: DecimalMark?

    init(bytes: UnsafeBufferPointer<UInt8>, options: MentionScanner.Options) {
        self.bytes = bytes
        self.tokens = Tokenizer.tokens(bytes)
        self.options = options
    }

    mutating func run() {
        findOpaqueSpans()
        var index = 0
        var opaque = 0
        while index < tokens.count {
            let token = tokens[index]
            while opaque < opaqueSpans.count && opaqueSpans[opaque].range.upperBound <= token.start { opaque += 1 }
            if opaque < opaqueSpans.count && opaqueSpans[opaque].range.contains(token.start) {
                if token.kind == .digits {
                    let span = opaqueSpans[opaque]
                    if ignored.last?.range != span.range {
                        ignored.append(IgnoredNumber(range: span.range, text: text(span.range), reason: span.reason))
                    }
                }
                index += 1
                continue
            }
            // Most tokens are spaces or words that cannot start a mention: reject them here, inline,
            // before calling into the rules.
            switch token.kind {
            case .space, .newline:
                index += 1
                continue
            case .word
            where !ScannerLexicon.mayStartMention(
                length: token.length, first: bytes[token.start],
                last: bytes[token.end - 1]):
                index += 1
                continue
            case .symbol where token.scalar < 0xBC:
                index += 1
                continue
            default:
                break
            }
            if let next = scanNumber(at: index) {
                index = max(next, index + 1)
                consumedUpTo = index
            } else {
                index += 1
            }
        }
    }

    /// Reads a number starting at token `index`, with its context; returns the token after it.
    // Long: the scanner's driver for one number: prefix, digits or words, suffix, range, context, in order over one
    // cursor.
    mutating func scanNumber(at index: Int) -> Int? {
        let token = tokens[index]
        var parsed: ParsedNumber?
        switch token.kind {
        case .digits:
            if let next = dayMonthDate(at: index) { return next }
            if let label = labelReason(beforeDigitsAt: index) {
                return ignore(from: index, reason: label)
            }
            switch parseDigits(at: index) {
            case .number(let number):
                parsed = number
                // Digits continued in words: "3 hundred and 21", "1 over 3", "3 dozens".
                if !number.isOrdinal, !number.isFraction, number.scale == 1, continuesAsPhrase(number),
                    !followedOnlyByScale(number),
                    let phrase = parseWords(at: index, lead: number), phrase.last > number.last,
                    !(currencyBefore(index - 1, number: index) != nil && phrase.isFraction)
                {
                    parsed = phrase
                }
            case .consumed(let next): return next
            }
        case .word:
            guard
                ScannerLexicon.mayStartMention(
                    length: token.length, first: bytes[token.start], last: bytes[token.end - 1])
            else {
                return nil
            }
            // "a dollar", "a penny": one of a currency.
            if token.length <= 2, bytes[token.start] | 0x20 == UInt8(ascii: "a"), let next = next(after: index),
                tokens[next].kind == .word, tokens[next].length <= ScannerLexicon.longestSingularCurrencyWord,
                ScannerLexicon.singularCurrencyFirstBytes.contains(bytes[tokens[next].start] | 0x20),
                let following = word(next), ScannerLexicon.singularCurrencyWords.contains(following),
                let article = word(index), article == "a" || article == "an"
            {
                var one = ParsedNumber(value: 1, decimalText: "1", first: index, last: index, fractionDigits: nil)
                one.spelled = true
                return attachContext(to: one)
            }
            // "a", "an": most are followed by a word that cannot start a number; tell by its shape.
            if token.length <= 2, bytes[token.start] | 0x20 == UInt8(ascii: "a"), let next = next(after: index),
                tokens[next].kind == .word,
                !ScannerLexicon.mayStartMention(
                    length: tokens[next].length, first: bytes[tokens[next].start],
                    last: bytes[tokens[next].end - 1])
            {
                return nil
            }
            guard let word = word(index),
                ScannerLexicon.mentionStarters.contains(word)
            else { return nil }
            // "a", "an" and "per" start a mention only before a number word or "cent".
            if word == "a" || word == "an" || word == "per" {
                guard let next = next(after: index), let following = self.word(next),
                    following == "cent"
                        || (following != "a" && following != "an"
                            && ScannerLexicon.mentionStarters.contains(following))
                else { return nil }
            }
            if let next = monthDate(at: index) { return next }
            if let next = percentOf(at: index) { return next }
            if let multiplier = multiplierWord(at: index) { return multiplier }
            parsed = parseWords(at: index)
        case .symbol:
            parsed = parseVulgarFraction(at: index)
        default:
            return nil
        }
        guard let number = parsed else { return nil }
        return attachContext(to: number)
    }

    /// Whether the word after a digits number could continue it as a phrase.
    func continuesAsPhrase(_ number: ParsedNumber) -> Bool {
        guard let next = next(after: number.last), let word = word(next) else { return false }
        return ScannerLexicon.phraseContinuers.contains(word)
    }

    /// "350 billion", "2.33 k": a digits number whose phrase would add only a scale word, which
    /// the suffix reading handles while keeping the written precision.
    func followedOnlyByScale(_ number: ParsedNumber) -> Bool {
        guard let next = next(after: number.last), let word = word(next),
            ScannerLexicon.scaleWords[word] != nil || ScannerLexicon.cardinals[word] != nil
        else { return false }
        if case .scale = ScannerLexicon.cardinals[word] {
            // "4 thousand 3 hundred": more follows the scale.
            if let after = self.next(after: next),
                isDigits(after) || self.word(after).map({ ScannerLexicon.cardinals[$0] != nil || $0 == "and" }) ?? false
            {
                return false
            }
            return true
        }
        return ScannerLexicon.scaleWords[word] != nil && ScannerLexicon.cardinals[word] == nil
    }

    // MARK: - Token helpers

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func text(of index: Int) -> String {
        text(tokens[index].start..<tokens[index].end)
    }

    /// The lower-cased text of a word token (no allocation for words under 16 bytes).
    func word(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return nil }
        let token = tokens[index]
        let slice = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        var hasUpper = false
        for byte in slice where byte &- 0x41 < 26 {
            hasUpper = true
            break
        }
        if !hasUpper { return String(decoding: slice, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() {
                buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return slice.count
        }
    }

    func isSymbol(_ index: Int, _ scalar: Unicode.Scalar) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol && tokens[index].scalar == scalar.value
    }

    func isSpace(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .space
    }

    func isDigits(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .digits
    }

    /// The next token that is not a space (line breaks stop the search).
    /// A single line break inside a paragraph is a soft wrap ("roughly three times\nlarger"): the
    /// search goes on across it. A blank line, or a line that starts a list item, stops it.
    func next(after index: Int) -> Int? {
        var cursor = index + 1
        var crossedBreak = false
        while cursor < tokens.count {
            switch tokens[cursor].kind {
            case .space: cursor += 1
            case .newline:
                if crossedBreak { return nil }
                crossedBreak = true
                cursor += 1
            default:
                if crossedBreak && startsListItem(cursor) { return nil }
                return cursor
            }
        }
        return nil
    }

    /// The previous token that is not a space, across a soft line wrap but not a blank line.
    func previous(before index: Int) -> Int? {
        var cursor = index - 1
        var crossedBreak = false
        while cursor >= 0 {
            switch tokens[cursor].kind {
            case .space: cursor -= 1
            case .newline:
                if crossedBreak || startsListItem(index) { return nil }
                crossedBreak = true
                cursor -= 1
            default: return cursor
            }
        }
        return nil
    }

    /// Whether token `index`, the first on its line, begins a list item ("- ", "* ", "1. ").
    func startsListItem(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        if token.kind == .symbol, token.scalar == 0x2D || token.scalar == 0x2A || token.scalar == 0x2022 {
            return index + 1 < tokens.count && tokens[index + 1].kind == .space
        }
        if token.kind == .digits, index + 2 < tokens.count, isSymbol(index + 1, ".") || isSymbol(index + 1, ")") {
            return tokens[index + 2].kind == .space
        }
        return false
    }

    /// Whether tokens `a` and `b` touch (no space between).
    /// Whether the token at `index` comes right after a recorded figure (at most a space between).
    func followsFigure(_ index: Int) -> Bool {
        guard let last = mentions.last, index > 0 else { return false }
        var before = index - 1
        if isSpace(before) { before -= 1 }
        return before >= 0 && tokens[before].end == last.range.upperBound
    }

    func adjacent(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b < tokens.count && tokens[a].end == tokens[b].start
    }

    func digitsValue(_ index: Int) -> Int {
        var value = 0
        for offset in tokens[index].start..<tokens[index].end {
            value = value &* 10 &+ Int(bytes[offset] &- 0x30)
        }
        return value
    }

    /// Marks the number at `index` (and the tokens glued to it) as not a quantity.
    mutating func ignore(from index: Int, reason: NotQuantityReason) -> Int {
        var end = index
        while end + 1 < tokens.count, adjacent(end, end + 1),
            tokens[end + 1].kind == .digits || tokens[end + 1].kind == .word
                || (tokens[end + 1].kind == .symbol && end + 2 < tokens.count && adjacent(end + 1, end + 2)
                    && tokens[end + 2].kind == .digits
                    && [0x2E, 0x2D, 0x2F, 0x3A, 0x2B].contains(tokens[end + 1].scalar))
        {
            end += 1
        }
        let range = tokens[index].start..<tokens[end].end
        ignored.append(IgnoredNumber(range: range, text: text(range), reason: reason))
        return end + 1
    }
}

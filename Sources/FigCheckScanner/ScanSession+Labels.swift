import FigCheckCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers that are not quantities: labels ("Section 232", "Article 5", "page 3"), URLs and
/// e-mail addresses, list markers, footnote markers, and page furniture (pagination lines, the
/// index column of a list of articles).
extension ScanSession {
    /// Why the digits at `index` are a label, from the word in front of them.
    func labelReason(beforeDigitsAt index: Int) -> NotQuantityReason? {
        var cursor = index - 1
        if isSymbol(cursor, "§") || isSymbol(cursor, "#") || isSymbol(cursor, "¶") { return .sectionNumber }
        while cursor >= 0, tokens[cursor].kind == .space { cursor -= 1 }
        if isSymbol(cursor, "."), cursor > 0, adjacent(cursor - 1, cursor) { cursor -= 1 }
        if isSymbol(cursor, "§") { return .sectionNumber }
        guard let word = word(cursor), let reason = ScannerLexicon.labelWords[word] else { return nil }
        // "No 5 in the world" vs "No. 5": bare "no" only with the dot or a capital.
        if word == "no" || word == "nos" || word == "nr" {
            let raw = text(of: cursor)
            guard isSymbol(cursor + 1, ".") || raw == "No" || raw == "NO" else { return nil }
        }
        if word == "v" { return adjacent(cursor, index) || isSymbol(cursor + 1, ".") ? .version : nil }
        if word == "p" || word == "pp" { return isSymbol(cursor + 1, ".") ? .pageNumber : nil }
        if word == "part" || word == "title" || word == "note" || word == "issue" || word == "rule" || word == "box" {
            // Labels only when capitalised ("Part 2", "Title 42"), not "part 2 of the deal".
            guard let first = text(of: cursor).first, first.isUppercase else { return nil }
        }
        return reason
    }

    /// URLs (scheme:// or www.) and e-mail addresses, found once before scanning with memchr and
    /// memmem, so text without them costs next to nothing.
    // Long: one pass over the tokens marking labels, versions and identifiers, each shape a guard over the same
    // cursor.
    mutating func findOpaqueSpans() {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var spans: [(range: Range<Int>, reason: NotQuantityReason)] = []
        // scheme://
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: ":")), bytes.count - from) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = index + 1
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
            else {
                continue
            }
            var start = index
            while start > 0, Tokenizer.isLetter(bytes[start - 1]) { start -= 1 }
            let end = urlEnd(from: index + 3)
            spans.append((start..<end, .url))
            from = end
        }
        // www. (found from its dot, which is rarer than a "w")
        from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: ".")), bytes.count - from) {
            let dot = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = dot + 1
            guard dot >= 3, bytes[dot - 1] | 0x20 == UInt8(ascii: "w"), bytes[dot - 2] | 0x20 == UInt8(ascii: "w"),
                bytes[dot - 3] | 0x20 == UInt8(ascii: "w"), dot + 1 < bytes.count, Tokenizer.isLetter(bytes[dot + 1])
            else {
                continue
            }
            let index = dot - 3
            guard index == 0 || !Tokenizer.isLetter(bytes[index - 1]) && bytes[index - 1] != UInt8(ascii: "/") else {
                continue
            }
            let end = urlEnd(from: index + 4)
            spans.append((index..<end, .url))
            from = end
        }
        // user@host.tld
        from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "@")), bytes.count - from) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = index + 1
            guard index > 0, index + 1 < bytes.count, isAddressByte(bytes[index - 1]),
                Tokenizer.isLetter(bytes[index + 1]) || Tokenizer.isDigit(bytes[index + 1])
            else { continue }
            var start = index
            while start > 0, isAddressByte(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            if start < index, bytes[(index + 1)..<end].contains(UInt8(ascii: ".")) {
                spans.append((start..<end, .email))
            }
            from = end
        }
        guard !spans.isEmpty else { return }
        // Sorted, and an address inside a URL belongs to the URL.
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        for span in spans {
            if let last = opaqueSpans.last, last.range.overlaps(span.range) {
                if span.reason == .email && last.reason == .url { continue }
                opaqueSpans[opaqueSpans.count - 1].range =
                    last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
                continue
            }
            opaqueSpans.append(span)
        }
    }

    private func urlEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") {
                break
            }
            end += 1
        }
        // Trailing punctuation ends the sentence, not the URL.
        while end > start,
            [
                UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ";"),
                UInt8(ascii: ":"),
            ].contains(bytes[end - 1])
        { end -= 1 }
        return end
    }

    private func isAddressByte(_ byte: UInt8) -> Bool {
        Tokenizer.isLetter(byte) || Tokenizer.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    }

    /// Line-level furniture, decided once every mention is known: a line of small integers is
    /// pagination; an integer that starts a line which ends in a date is the index of a list of
    /// articles; "1." or "2)" starting a line is a list marker; "[3]" is a footnote marker.
    mutating func markLineFurniture() {
        // One pass: mentions are sorted, so each line takes the next run of them.
        var demoted: Set<Int> = []
        var position = 0
        var lineStart = 0
        while lineStart < bytes.count && position < mentions.count {
            // Skip straight to the line of the next mention.
            let nextMention = mentions[position].range.lowerBound
            var lineEnd = lineStart
            if let base = bytes.baseAddress {
                while true {
                    let searchFrom = lineEnd
                    guard let hit = memchr(base + searchFrom, Int32(UInt8(ascii: "\n")), bytes.count - searchFrom)
                    else {
                        lineEnd = bytes.count
                        break
                    }
                    let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if newline < nextMention {
                        lineStart = newline + 1
                        lineEnd = newline + 1
                        continue
                    }
                    lineEnd = newline
                    break
                }
            }
            let first = position
            while position < mentions.count, mentions[position].range.lowerBound < lineEnd + 1 { position += 1 }
            if position > first {
                for index in furniture(in: lineStart..<lineEnd, onLine: Array(first..<position)) {
                    demoted.insert(index)
                }
            }
            lineStart = lineEnd + 1
        }
        guard !demoted.isEmpty else { return }
        mentions = mentions.enumerated().filter { !demoted.contains($0.offset) }.map(\.element)
    }

    /// Indices of `mentions` on this line that are furniture (recorded as ignored).
    private mutating func furniture(in line: Range<Int>, onLine: [Int]) -> [Int] {
        guard !onLine.isEmpty else { return [] }
        // Pagination: a short line of nothing but small integers and spaces ("1 2 3 4").
        if onLine.count >= 2, line.count <= 120, isPagination(line) {
            for position in onLine { demote(position, .pageNumber) }
            return onLine
        }
        guard let first = onLine.first else { return [] }
        let mention = mentions[first]
        // A mention may run past the line's end (a date written across a line break, "Aug.\n 1950"):
        // ranges within the line are clamped to it.
        guard onlySpaces(line.lowerBound..<max(line.lowerBound, mention.range.lowerBound)),
            mention.kind == .number || mention.kind == .count || mention.kind == .year
        else { return [] }
        let after = mention.range.upperBound
        let next = after < bytes.count ? bytes[after] : 0
        let following = after + 1 < bytes.count ? bytes[after + 1] : 0
        // "1. " and "2) " list markers.
        if (next == UInt8(ascii: ".") || next == UInt8(ascii: ")")) && following == UInt8(ascii: " ")
            && mention.value < 1000 && mention.decimalText.utf8.allSatisfy(Tokenizer.isDigit)
        {
            demote(first, .listMarker)
            return [first]
        }
        // The index column of a list of dated articles: "62 [ISSUE] Title … 25-10-01".
        if let lastOnLine = onLine.last, lastOnLine != first, mentions[lastOnLine].kind == .date,
            onlySpaces(min(mentions[lastOnLine].range.upperBound, line.upperBound)..<line.upperBound)
        {
            demote(first, .tableIndex)
            for position in onLine.dropFirst() { demote(position, .pageFurniture) }
            return onLine
        }
        return []
    }

    /// Only spaces, tabs, carriage returns and no-break spaces in `range`.
    private func onlySpaces(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0xC2, index + 1 < range.upperBound, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Digits in groups of at most three separated by spaces, and nothing else.
    private func isPagination(_ line: Range<Int>) -> Bool {
        var run = 0
        var groups = 0
        var index = line.lowerBound
        while index < line.upperBound {
            let byte = bytes[index]
            if Tokenizer.isDigit(byte) {
                run += 1
                if run > 3 { return false }
                index += 1
                continue
            }
            if run > 0 { groups += 1 }
            run = 0
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0xC2, index + 1 < line.upperBound, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return false
            }
        }
        if run > 0 { groups += 1 }
        return groups >= 2
    }

    private mutating func demote(_ position: Int, _ reason: NotQuantityReason) {
        let mention = mentions[position]
        ignored.append(IgnoredNumber(range: mention.range, text: mention.text, reason: reason))
    }
}

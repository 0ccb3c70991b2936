import FigCheckCore

/// Markdown: the prose of the file, with front matter read as metadata, code blocks and code spans,
/// HTML comments and tags, link targets, images and block markers (`#`, `>`, list bullets and
/// numbers) left out. Line breaks stay where they were, so offsets map straight back.
public struct MarkdownLoader: DocumentLoader {
    /// Creates the loader.
    public init() {}

    /// The prose of the file; front matter gives the date and title.
    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        var start = ByteOrderMark.contentStart(bytes)
        let frontMatter = FrontMatter(bytes, start: start)
        if let frontMatter { start = frontMatter.range.upperBound }
        var walker = MarkdownWalker(bytes: bytes)
        guard walker.walk(from: start, budget: budget) else {
            throw FigCheckError.gaveUpLoading(source, budget)
        }
        var loaded = LoadedText(builder: walker.builder, original: bytes)
        if let date = frontMatter?.date {
            loaded.metadataDate = (date.value, loaded.sourceMap.location(ofOriginal: date.offset))
        }
        loaded.title = frontMatter?.title
        return loaded
    }
}

/// One pass over the Markdown lines.
private struct MarkdownWalker {
    let bytes: [UInt8]
    var builder = AnalysedTextBuilder()
    var reader: HTMLTagReader
    /// The fence (character and length) of the code block we are in.
    var fence: (byte: UInt8, count: Int)?
    var inIndentedCode = false
    /// Inside a table row, whose pipes are kept as written.
    var inTableRow = false
    var inComment = false
    var previousBlank = true

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.reader = HTMLTagReader(bytes)
    }

    /// Walks every line; false when `budget` ran out first.
    mutating func walk(from start: Int, budget: WorkBudget) -> Bool {
        var lineStart = start
        var lines = 0
        while lineStart < bytes.count {
            lines += 1
            if lines % 1_024 == 0, budget.isSpent { return false }
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            line(lineStart..<contentEnd)
            if lineEnd < bytes.count { builder.copy(bytes, contentEnd..<(lineEnd + 1)) }
            lineStart = lineEnd + 1
        }
        return true
    }

    mutating func line(_ range: Range<Int>) {
        var start = range.lowerBound
        if inComment {
            guard let close = HTMLTagReader.find("-->", in: bytes, from: start), close < range.upperBound else {
                return
            }
            inComment = false
            start = close + 3
        }
        let indent = indentation(from: start, end: range.upperBound)
        let content = start + indent.bytes
        let blank = content >= range.upperBound
        defer { previousBlank = blank }
        if let open = fence {
            if indent.columns < 4, run(of: open.byte, at: content, end: range.upperBound) >= open.count,
                onlySpaces(
                    from: content + run(of: open.byte, at: content, end: range.upperBound), end: range.upperBound)
            {
                fence = nil
            }
            return
        }
        if blank { return }
        if indent.columns < 4,
            let byte = [UInt8(ascii: "`"), UInt8(ascii: "~")].first(where: { $0 == bytes[content] }),
            run(of: byte, at: content, end: range.upperBound) >= 3
        {
            fence = (byte, run(of: byte, at: content, end: range.upperBound))
            return
        }
        if indent.columns >= 4 && (previousBlank || inIndentedCode) {
            inIndentedCode = true
            return
        }
        inIndentedCode = false
        indexBrackets(content..<range.upperBound)
        // A table's rows keep their pipes and its delimiter row stays: the claim reader takes a
        // figure's measure from its column header, as in a plain-text table.
        if isTableDelimiter(content, end: range.upperBound) {
            builder.copy(bytes, content..<range.upperBound)
            return
        }
        if isReferenceDefinition(content, end: range.upperBound) || isRuleOrUnderline(content, end: range.upperBound) {
            return
        }
        if bytes[content] == UInt8(ascii: "|") {
            inTableRow = true
            defer { inTableRow = false }
            inline(content..<range.upperBound)
            return
        }
        inline(blockContent(from: content, end: range.upperBound)..<range.upperBound)
    }

    /// Skips block markers: blockquote `>`, heading `#`, list bullets and numbers.
    func blockContent(from start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: ">") {
            index += 1
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        let hashes = run(of: UInt8(ascii: "#"), at: index, end: end)
        if (1...6).contains(hashes), index + hashes == end || bytes[index + hashes] == UInt8(ascii: " ") {
            return min(end, index + hashes + 1)
        }
        if index + 1 < end, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]),
            bytes[index + 1] == UInt8(ascii: " ")
        {
            return index + 2
        }
        var digits = index
        while digits < end, digits - index < 9, isDigit(bytes[digits]) { digits += 1 }
        if digits > index, digits + 1 < end, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
            bytes[digits + 1] == UInt8(ascii: " ")
        {
            return digits + 2
        }
        return index
    }

    /// Copies inline content, leaving out code spans, link targets, images, tags and emphasis marks.
    // Long: the inline markup state machine (code spans, links, images, emphasis, tags) over one line's bytes.
    mutating func inline(_ range: Range<Int>, depth: Int = 0) {
        var index = range.lowerBound
        var runStart = index
        func flush(_ upTo: Int) { builder.copy(bytes, runStart..<upTo) }
        while index < range.upperBound {
            let byte = bytes[index]
            var skipTo: Int?
            switch byte {
            case UInt8(ascii: "`"):
                let ticks = run(of: byte, at: index, end: range.upperBound)
                if let close = closingRun(of: byte, count: ticks, from: index + ticks, end: range.upperBound) {
                    skipTo = close + ticks
                }
            case UInt8(ascii: "!") where index + 1 < range.upperBound && bytes[index + 1] == UInt8(ascii: "["):
                if let label = matching(UInt8(ascii: "["), UInt8(ascii: "]"), from: index + 1, end: range.upperBound),
                    let target = linkTargetEnd(after: label, end: range.upperBound)
                {
                    skipTo = target
                }
            case UInt8(ascii: "["):
                if let label = matching(UInt8(ascii: "["), UInt8(ascii: "]"), from: index, end: range.upperBound) {
                    if index + 1 < label, bytes[index + 1] == UInt8(ascii: "^") {
                        skipTo = label + 1
                    } else if depth < 8, let target = linkTargetEnd(after: label, end: range.upperBound) {
                        flush(index)
                        inline((index + 1)..<label, depth: depth + 1)
                        index = target
                        runStart = index
                        continue
                    }
                }
            case UInt8(ascii: "<"):
                skipTo = inlineMarkupEnd(at: index, end: range.upperBound)
            case UInt8(ascii: "\\") where index + 1 < range.upperBound && isPunctuation(bytes[index + 1]):
                flush(index)
                index += 1
                runStart = index
                index += 1
                continue
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                let count = run(of: byte, at: index, end: range.upperBound)
                if isEmphasisDelimiter(byte, at: index, count: count, range: range) {
                    // Emphasis marks vanish without a separator: "**20.4%** of" reads "20.4% of".
                    flush(index)
                    index += count
                    runStart = index
                    continue
                }
                index += count - 1
            case UInt8(ascii: "|") where !inTableRow:
                flush(index)
                builder.separate(at: index)
                index += 1
                runStart = index
                continue
            default:
                break
            }
            if let skipTo {
                flush(index)
                builder.separate(at: index)
                index = skipTo
                runStart = index
            } else {
                index += 1
            }
        }
        flush(range.upperBound)
    }

    /// The end of `(target)` or `[reference]` right after a link label closing at `label`.
    func linkTargetEnd(after label: Int, end: Int) -> Int? {
        let next = label + 1
        guard next < end else { return nil }
        if bytes[next] == UInt8(ascii: "(") {
            return matching(UInt8(ascii: "("), UInt8(ascii: ")"), from: next, end: end).map { $0 + 1 }
        }
        if bytes[next] == UInt8(ascii: "[") {
            return matching(UInt8(ascii: "["), UInt8(ascii: "]"), from: next, end: end).map { $0 + 1 }
        }
        return nil
    }

    /// The end of an autolink, an inline HTML tag or an HTML comment starting at `index`.
    mutating func inlineMarkupEnd(at index: Int, end: Int) -> Int? {
        if bytes[index...].starts(with: Array("<!--".utf8)) {
            if let close = HTMLTagReader.find("-->", in: bytes, from: index + 4), close + 3 <= end { return close + 3 }
            inComment = true
            return end
        }
        if let tag = reader.tag(at: index), tag.range.upperBound <= end { return tag.range.upperBound }
        var cursor = index + 1
        while cursor < end, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: " ") { cursor += 1 }
        let inner = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
        if cursor < end, bytes[cursor] == UInt8(ascii: ">"), inner.contains(":") || inner.contains("@") {
            return cursor + 1
        }
        return nil
    }

    /// Emphasis marks touch a word on one side; a lone `*` between spaces, or `_` inside a word
    /// (snake_case), is text.
    func isEmphasisDelimiter(_ byte: UInt8, at index: Int, count: Int, range: Range<Int>) -> Bool {
        if byte == UInt8(ascii: "~") && count < 2 { return false }
        let before = index > range.lowerBound ? bytes[index - 1] : UInt8(ascii: " ")
        let after = index + count < range.upperBound ? bytes[index + count] : UInt8(ascii: " ")
        let spaceBefore = before == UInt8(ascii: " ") || before == UInt8(ascii: "\t")
        let spaceAfter = after == UInt8(ascii: " ") || after == UInt8(ascii: "\t")
        if spaceBefore && spaceAfter { return false }
        if byte == UInt8(ascii: "_") && isWordByte(before) && isWordByte(after) { return false }
        return true
    }

    func isReferenceDefinition(_ start: Int, end: Int) -> Bool {
        guard start < end, bytes[start] == UInt8(ascii: "["),
            let close = matching(UInt8(ascii: "["), UInt8(ascii: "]"), from: start, end: end),
            close + 1 < end, bytes[close + 1] == UInt8(ascii: ":")
        else { return false }
        return !(start + 1 < close && bytes[start + 1] == UInt8(ascii: "^"))
    }

    /// `---`, `***`, `___` rules and `===`/`---` setext underlines.
    func isRuleOrUnderline(_ start: Int, end: Int) -> Bool {
        let body = bytes[start..<end].filter { $0 != UInt8(ascii: " ") }
        guard let first = body.first,
            [
                UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                UInt8(ascii: "="),
            ].contains(first)
        else { return false }
        return body.count >= 3 && body.allSatisfy { $0 == first }
    }

    /// A table's delimiter row: `| --- | :---: |`.
    func isTableDelimiter(_ start: Int, end: Int) -> Bool {
        let body = bytes[start..<end]
        return body.contains(UInt8(ascii: "-")) && body.contains(UInt8(ascii: "|"))
            && body.allSatisfy {
                [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: " ")].contains($0)
            }
    }

    /// The closing `]` or `)` of each opening one on the current line, found once per line with a
    /// stack (escaped brackets ignored), so a line of ten thousand `[` stays linear.
    var closers: [Int: Int] = [:]
    /// Start offsets of backtick runs on the current line, by run length, in order.
    var backtickRuns: [Int: [Int]] = [:]

    mutating func indexBrackets(_ range: Range<Int>) {
        closers.removeAll(keepingCapacity: true)
        backtickRuns.removeAll(keepingCapacity: true)
        var squares: [Int] = []
        var parentheses: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "["): squares.append(index)
            case UInt8(ascii: "("): parentheses.append(index)
            case UInt8(ascii: "]"): if let open = squares.popLast() { closers[open] = index }
            case UInt8(ascii: ")"): if let open = parentheses.popLast() { closers[open] = index }
            case UInt8(ascii: "`"):
                let length = run(of: UInt8(ascii: "`"), at: index, end: range.upperBound)
                backtickRuns[length, default: []].append(index)
                index += length - 1
            default: break
            }
            index += 1
        }
    }

    /// The closing bracket of the one at `start`, if it closes before `end`.
    func matching(_ open: UInt8, _ close: UInt8, from start: Int, end: Int) -> Int? {
        guard start < end, bytes[start] == open, let closer = closers[start], closer < end else { return nil }
        return closer
    }

    /// The next backtick run of exactly `count` at or after `start`, before `end`.
    func closingRun(of byte: UInt8, count: Int, from start: Int, end: Int) -> Int? {
        guard let runs = backtickRuns[count] else { return nil }
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < runs.count && runs[low] < end ? runs[low] : nil
    }

    func run(of byte: UInt8, at start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == byte { index += 1 }
        return index - start
    }

    func onlySpaces(from start: Int, end: Int) -> Bool {
        bytes[start..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Leading whitespace: its length in bytes and in columns (a tab counts to the next multiple of 4).
    func indentation(from start: Int, end: Int) -> (bytes: Int, columns: Int) {
        var index = start
        var columns = 0
        while index < end {
            if bytes[index] == UInt8(ascii: " ") {
                columns += 1
            } else if bytes[index] == UInt8(ascii: "\t") {
                columns += 4 - columns % 4
            } else {
                break
            }
            index += 1
        }
        return (index - start, columns)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0x80
    }

    func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}

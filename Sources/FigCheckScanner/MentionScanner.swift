import FigCheckCore

/// Finds every numeric mention in a text: its value, kind, unit, scale, written precision and
/// hedge as an interval, and the numbers that are not quantities (PRODUCT.md, "Mentions").
///
/// It works on the UTF-8 bytes in one pass of tokens, allocates per mention rather than per byte,
/// and is linear in the input (every lookahead is bounded).
package struct MentionScanner: Sendable {
    /// Tolerances applied to hedged figures.
    package struct Options: Sendable, Equatable {
        /// The relative tolerance of "about", "roughly", "nearly" (default 10%).
        package var approximateTolerance: Double

        package init(approximateTolerance: Double = 0.10) {
            self.approximateTolerance = approximateTolerance
        }
    }

    /// The mentions of a text and the numbers that were recognised as not quantities.
    package struct Result: Sendable {
        package var mentions: [Mention]
        package var ignored: [IgnoredNumber]
    }

    package let options: Options

    /// Creates a scanner.
    package init(options: Options = Options()) {
        self.options = options
    }

    /// Scans `text`; byte ranges in the result are UTF-8 offsets into it.
    ///
    /// The text is scanned in chunks that end at line breaks (no mention spans a line break), so
    /// the token buffer stays small and in cache however long the document is. Between chunks the
    /// scan stops early when `budget` is spent (the caller then gives the document up).
    package func scan(_ text: String, budget: WorkBudget = .unlimited) -> Result {
        var copy = text
        return copy.withUTF8 { bytes in
            var mentions: [Mention] = []
            var ignored: [IgnoredNumber] = []
            var start = 0
            while start < bytes.count, !budget.isSpent {
                let end = chunkEnd(bytes, from: min(bytes.count, start + Self.chunkSize))
                let chunk = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var result = scanChunk(chunk)
                if start == 0 {
                    mentions = result.mentions
                    ignored = result.ignored
                } else {
                    // Shift in place (the arrays are uniquely held), then append once.
                    for index in result.mentions.indices { result.mentions[index].shift(by: start) }
                    for index in result.ignored.indices { result.ignored[index].shift(by: start) }
                    mentions.append(contentsOf: result.mentions)
                    ignored.append(contentsOf: result.ignored)
                }
                start = end
            }
            return Result(mentions: mentions, ignored: ignored)
        }
    }

    /// Bytes per chunk (extended to the end of the paragraph or line).
    static let chunkSize = 64 * 1024

    /// Where a chunk that reaches `limit` ends: after the next blank line (mentions can cross a
    /// soft line wrap, never a paragraph break) when one comes within 16 KiB, else after the next
    /// line break.
    private func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, from limit: Int) -> Int {
        guard limit < bytes.count else { return bytes.count }
        var index = limit
        var lastBreak: Int?
        let horizon = min(bytes.count, limit + 16 * 1024)
        while index < horizon {
            if bytes[index] == UInt8(ascii: "\n") {
                if lastBreak == nil { lastBreak = index + 1 }
                var next = index + 1
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\r") {
                    next += 1
                }
                if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { return next + 1 }
            }
            index += 1
        }
        if let lastBreak { return lastBreak }
        while index < bytes.count, bytes[index - 1] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    private func scanChunk(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var session = ScanSession(bytes: bytes, options: options)
        session.run()
        // Mentions come out in text order but for the few recorded out of turn; sort only then.
        let inOrder: (Mention, Mention) -> Bool = { $0.range.lowerBound < $1.range.lowerBound }
        if !session.mentions.isSorted(by: inOrder) { session.mentions.sort(by: inOrder) }
        session.mergeComparisonPairs()
        session.markLineFurniture()
        let ignoredInOrder: (IgnoredNumber, IgnoredNumber) -> Bool = { $0.range.lowerBound < $1.range.lowerBound }
        if !session.ignored.isSorted(by: ignoredInOrder) { session.ignored.sort(by: ignoredInOrder) }
        return Result(mentions: session.mentions, ignored: session.ignored)
    }
}

extension Mention {
    /// Moves the mention's byte ranges by `offset`.
    mutating func shift(by offset: Int) {
        range = (range.lowerBound + offset)..<(range.upperBound + offset)
        numberRange = (numberRange.lowerBound + offset)..<(numberRange.upperBound + offset)
    }
}

extension IgnoredNumber {
    /// Moves the byte range by `offset`.
    mutating func shift(by offset: Int) {
        range = (range.lowerBound + offset)..<(range.upperBound + offset)
    }
}

extension Array {
    /// Whether the elements are already in the order `areInIncreasingOrder` gives.
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var index = 1
        while index < count {
            if areInIncreasingOrder(self[index], self[index - 1]) { return false }
            index += 1
        }
        return true
    }
}

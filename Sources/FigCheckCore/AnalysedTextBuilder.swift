/// Builds the analysed text of a document together with its `SourceMap`.
///
/// Loaders call `copy` for original bytes kept as they are and `insert` for text they synthesise
/// (a decoded entity, a paragraph break), so every analysed byte can be traced to the original.
package struct AnalysedTextBuilder: Sendable {
    package private(set) var bytes: [UInt8] = []
    private var segments: [SourceMap.Segment] = []

    /// Creates an empty builder.
    package init() {}

    /// Number of invalid UTF-8 sequences replaced by U+FFFD so far.
    package private(set) var invalidSequencesReplaced = 0

    /// Appends original bytes `original[range]` verbatim, replacing each invalid UTF-8 sequence
    /// with U+FFFD (so the analysed text is always valid UTF-8 and offsets still map back).
    package mutating func copy(_ original: [UInt8], _ range: Range<Int>) {
        var runStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if original[index] < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Validation.sequenceLength(original, at: index, end: range.upperBound)
            if length > 0 {
                index += length
                continue
            }
            copyValid(original, runStart..<index)
            insert("\u{FFFD}", replacing: index..<(index + 1))
            invalidSequencesReplaced += 1
            index += 1
            runStart = index
        }
        copyValid(original, runStart..<range.upperBound)
    }

    private mutating func copyValid(_ original: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = segments.last, last.verbatim,
            last.originalStart + last.originalLength == range.lowerBound,
            last.analysedStart + last.length == bytes.count
        {
            segments[segments.count - 1].length += range.count
            segments[segments.count - 1].originalLength += range.count
        } else {
            segments.append(
                .init(
                    analysedStart: bytes.count, length: range.count,
                    originalStart: range.lowerBound, originalLength: range.count, verbatim: true))
        }
        bytes.append(contentsOf: original[range])
    }

    /// Appends synthesised `text` standing for the original span `replacing`.
    package mutating func insert(_ text: String, replacing: Range<Int>) {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return }
        segments.append(
            .init(
                analysedStart: bytes.count, length: utf8.count, originalStart: replacing.lowerBound,
                originalLength: replacing.count, verbatim: false))
        bytes.append(contentsOf: utf8)
    }

    /// The last analysed byte, if any (loaders use it to avoid doubled separators).
    package var lastByte: UInt8? { bytes.last }

    /// Appends a line break standing at `originalOffset`, unless the text already ends with one
    /// (or is empty).
    package mutating func breakLine(at originalOffset: Int) {
        guard let last = bytes.last, last != UInt8(ascii: "\n") else { return }
        insert("\n", replacing: originalOffset..<originalOffset)
    }

    /// Appends a space standing at `originalOffset`, unless the text already ends with whitespace.
    package mutating func separate(at originalOffset: Int) {
        guard let last = bytes.last, last != UInt8(ascii: " "), last != UInt8(ascii: "\n"),
            last != UInt8(ascii: "\t")
        else { return }
        insert(" ", replacing: originalOffset..<originalOffset)
    }

    /// Finishes: the analysed text and its map over `original`.
    package func build(original: [UInt8]) -> (text: String, map: SourceMap) {
        (String(decoding: bytes, as: UTF8.self), SourceMap(original: original, segments: segments))
    }
}

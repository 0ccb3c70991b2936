/// A position in the original input: 1-based line and column, 0-based UTF-8 byte offset, and length
/// in bytes. Columns count Unicode scalars from the start of the line, so they match what an editor
/// shows for non-ASCII text.
public struct TextLocation: Codable, Hashable, Sendable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int
    /// The byte offset in the original input.
    public var offset: Int
    /// The length in the original input, in bytes.
    public var length: Int

    /// Creates a location.
    public init(line: Int, column: Int, offset: Int, length: Int) {
        self.line = line
        self.column = column
        self.offset = offset
        self.length = length
    }
}

/// Maps byte offsets in the analysed text (what the scanner reads) back to the original input.
///
/// Loaders build the analysed text piece by piece. Each piece is either copied verbatim from the
/// original (offsets map one to one) or synthesised, such as a decoded entity or an inserted line
/// break (every byte of it maps to the start of the original span it replaces).
public struct SourceMap: Sendable {
    /// One piece of the analysed text and where it came from.
    public struct Segment: Sendable, Equatable {
        /// Where the piece starts in the analysed text, in bytes.
        public var analysedStart: Int
        /// Its length in the analysed text, in bytes.
        public var length: Int
        /// Where its source starts in the original input, in bytes.
        public var originalStart: Int
        /// Its source's length in the original input, in bytes.
        public var originalLength: Int
        /// True when the bytes were copied verbatim, so offsets inside map one to one.
        public var verbatim: Bool
    }

    /// The bytes of the original input that lines and columns are counted in.
    public let original: [UInt8]
    /// The pieces, in analysed-text order.
    public private(set) var segments: [Segment]
    private let lineStarts: [Int]
    /// Unicode scalars before every `scalarCheckpointStride`-th byte, so a column costs at most one
    /// stride of counting however long the line (a document can be one multi-megabyte line).
    /// A stride of 128 bytes keeps locating 100,000 figures cheap, for checkpoints of 1/16 of the
    /// text's size.
    private let scalarCheckpoints: [Int]
    private static let scalarCheckpointStride = 128

    /// Creates a map over `original` with the given segments (sorted by `analysedStart`).
    public init(original: [UInt8], segments: [Segment]) {
        self.original = original
        self.segments = segments
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(original.count / Self.scalarCheckpointStride + 1)
        var scalars = 0
        for (index, byte) in original.enumerated() {
            if index % Self.scalarCheckpointStride == 0 { checkpoints.append(scalars) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        // The end offset needs a checkpoint of its own when it falls on a stride boundary.
        if original.count % Self.scalarCheckpointStride == 0 { checkpoints.append(scalars) }
        self.lineStarts = starts
        self.scalarCheckpoints = checkpoints
    }

    /// An identity map: the analysed text is the original.
    public static func identity(_ original: [UInt8]) -> SourceMap {
        SourceMap(
            original: original,
            segments: [
                Segment(
                    analysedStart: 0, length: original.count, originalStart: 0,
                    originalLength: original.count, verbatim: true)
            ])
    }

    /// The original offset of an analysed-text offset (an offset at the very end maps past the
    /// last segment).
    public func originalOffset(ofAnalysed offset: Int) -> Int {
        guard let segment = segment(containing: offset) else {
            guard let last = segments.last else { return offset }
            return last.originalStart + last.originalLength
        }
        let inside = offset - segment.analysedStart
        return segment.verbatim ? segment.originalStart + inside : segment.originalStart
    }

    /// The location in the original input of an analysed-text byte range.
    public func location(ofAnalysed range: Range<Int>) -> TextLocation {
        let start = originalOffset(ofAnalysed: range.lowerBound)
        let end: Int
        if range.isEmpty {
            end = start
        } else if let last = segment(containing: range.upperBound - 1) {
            let inside = range.upperBound - 1 - last.analysedStart
            end = last.verbatim ? last.originalStart + inside + 1 : last.originalStart + last.originalLength
        } else {
            end = start
        }
        return location(ofOriginal: start, length: max(0, end - start))
    }

    /// The line and column of an original byte offset.
    public func location(ofOriginal offset: Int, length: Int = 0) -> TextLocation {
        let clamped = min(max(0, offset), original.count)
        let lineIndex = Self.lastIndex(in: lineStarts, notAfter: clamped)
        let column = scalars(before: clamped) - scalars(before: lineStarts[lineIndex]) + 1
        return TextLocation(line: lineIndex + 1, column: column, offset: clamped, length: length)
    }

    /// Unicode scalars (bytes that are not UTF-8 continuation bytes) in `original[..<offset]`.
    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.scalarCheckpointStride
        var count = scalarCheckpoints[checkpoint]
        var index = checkpoint * Self.scalarCheckpointStride
        while index < offset {
            if original[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Number of lines in the original input.
    public var lineCount: Int {
        original.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count
    }

    private func segment(containing offset: Int) -> Segment? {
        var low = 0
        var high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = segments[middle]
            if offset < candidate.analysedStart {
                high = middle - 1
            } else if offset >= candidate.analysedStart + candidate.length {
                low = middle + 1
            } else {
                return candidate
            }
        }
        return nil
    }

    private static func lastIndex(in sorted: [Int], notAfter value: Int) -> Int {
        var low = 0
        var high = sorted.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sorted[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

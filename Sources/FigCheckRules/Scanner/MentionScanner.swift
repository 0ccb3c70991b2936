import FigCheckCore

/// Finds every numeric mention in a text: its value, kind, unit, scale, written precision and
/// hedge as an interval, and the numbers that are not quantities (PRODUCT.md, "Mentions").
///
/// It works on the UTF-8 bytes in one pass of tokens, allocates per mention rather than per byte,
/// and is linear in the input (every lookahead is bounded).
public struct MentionScanner: Sendable {
    /// Tolerances applied to hedged figures.
    public struct Options: Sendable, Equatable {
        /// The relative tolerance of "about", "roughly", "nearly" (default 10%).
        public var approximateTolerance: Double

        public init(approximateTolerance: Double = 0.10) {
            self.approximateTolerance = approximateTolerance
        }
    }

    /// The mentions of a text and the numbers that were recognised as not quantities.
    public struct Result: Sendable {
        public var mentions: [Mention]
        public var ignored: [IgnoredNumber]
    }

    public let options: Options

    /// Creates a scanner.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Scans `text`; byte ranges in the result are UTF-8 offsets into it.
    public func scan(_ text: String) -> Result {
        var copy = text
        return copy.withUTF8 { bytes in
            var session = ScanSession(bytes: bytes, options: options)
            session.run()
            session.mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            session.mergeComparisonPairs()
            session.markLineFurniture()
            return Result(mentions: session.mentions.sorted { $0.range.lowerBound < $1.range.lowerBound },
                          ignored: session.ignored.sorted { $0.range.lowerBound < $1.range.lowerBound })
        }
    }
}

import FigCheckCore

/// Plain UTF-8 text: kept as it is (CR LF included, so offsets are the file's), with a byte-order
/// mark skipped and invalid bytes replaced.
public struct PlainTextLoader: DocumentLoader {
    /// Creates the loader.
    public init() {}

    /// The text as it is, without a byte-order mark, invalid UTF-8 replaced.
    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        var builder = AnalysedTextBuilder()
        builder.copy(bytes, ByteOrderMark.contentStart(bytes)..<bytes.count)
        return LoadedText(builder: builder, original: bytes)
    }
}

/// The UTF-8 byte-order mark some editors write at the start of a file.
enum ByteOrderMark {
    /// The offset where content starts: 3 after a UTF-8 BOM, else 0.
    static func contentStart(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}

import FigCheckCore

/// What a loader makes of an input's bytes: the analysed text with its source map, and whatever
/// metadata the format itself carries.
public struct LoadedText: Sendable {
    /// The prose to analyse, with markup and code left out.
    public var text: String
    /// Maps offsets in `text` back to lines and columns of the original bytes.
    public var sourceMap: SourceMap
    /// A publication date from the format's metadata (front matter, meta tags), with its location.
    public var metadataDate: (date: CalendarDate, location: TextLocation)?
    /// The document's title from its metadata, when the format has one.
    public var title: String?
    /// What the loader skipped or repaired, one line each.
    public var warnings: [String]

    /// Creates a result from a finished builder over `original`.
    init(builder: AnalysedTextBuilder, original: [UInt8]) {
        let built = builder.build(original: original)
        text = built.text
        sourceMap = built.map
        metadataDate = nil
        title = nil
        warnings = []
        if builder.invalidSequencesReplaced > 0 {
            let count = builder.invalidSequencesReplaced
            warnings.append("\(count) invalid UTF-8 byte\(count == 1 ? "" : "s") replaced with U+FFFD")
        }
    }
}

/// Size limits that keep a hostile input from exhausting memory or time.
public struct LoaderLimits: Sendable, Equatable {
    /// Largest input accepted, in bytes (files, standard input, the DOCX itself).
    public var maxInputBytes: Int
    /// Largest total uncompressed size of the DOCX parts read.
    public var maxUncompressedBytes: Int
    /// Most entries a DOCX archive may have.
    public var maxArchiveEntries: Int

    /// Creates limits; the defaults are far above any real article.
    public init(
        maxInputBytes: Int = 64 * 1024 * 1024, maxUncompressedBytes: Int = 64 * 1024 * 1024,
        maxArchiveEntries: Int = 2_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxArchiveEntries = maxArchiveEntries
    }
}

/// Turns the bytes of one format into analysed text.
public protocol DocumentLoader: Sendable {
    /// Loads `bytes`; `source` names the input in errors. A loader whose work grows with the
    /// input checks `budget` as it goes and throws ``FigCheckError/gaveUp(source:seconds:stage:)``
    /// when it is spent.
    func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText
}

extension DocumentLoader {
    /// Loads `bytes` without a time limit.
    public func load(_ bytes: [UInt8], source: String) throws -> LoadedText {
        try load(bytes, source: source, budget: .unlimited)
    }
}

extension DocumentFormat {
    /// The loader for this format.
    func loader(limits: LoaderLimits) -> any DocumentLoader {
        switch self {
        case .text: return PlainTextLoader()
        case .markdown: return MarkdownLoader()
        case .html: return HTMLLoader()
        case .docx: return DOCXLoader(limits: limits)
        case .pdf: return PDFLoader()
        }
    }
}

/// The formats figcheck reads.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case docx
    case pdf
}

/// Where a document's publication date came from (the JSON report's `dateSource`).
public enum DateSource: String, Codable, Sendable {
    /// A dateline in the text near the top ("Published May 1, 2023", "2025-10-01 16:48:15").
    case text
    /// Document metadata: YAML front matter, an HTML meta tag, DOCX core properties.
    case meta
    /// The `--date` flag (or the configuration file).
    case flag
    /// Not found.
    case none
}

/// What a document says about itself, plus what the user told us about it.
public struct DocumentMetadata: Sendable {
    /// The publication date, against which "last year" and "this March" are resolved.
    public var date: CalendarDate?
    /// Where `date` came from.
    public var dateSource: DateSource
    /// Where in the original the date was read, when it came from the document.
    public var dateEvidence: TextLocation?
    /// The country "we", "our" and "us" stand for (ISO 3166 alpha-3), if known.
    public var subject: String?
    /// The document's title, when the format carries one.
    public var title: String?

    /// Creates metadata; everything unknown by default.
    public init(
        date: CalendarDate? = nil, dateSource: DateSource = .none, dateEvidence: TextLocation? = nil,
        subject: String? = nil, title: String? = nil
    ) {
        self.date = date
        self.dateSource = dateSource
        self.dateEvidence = dateEvidence
        self.subject = subject
        self.title = title
    }
}

/// A loaded document: the prose figcheck analyses, the map back to the original, and metadata.
public struct Document: Sendable {
    /// The path, URL or `-` the document was read from, as the user gave it.
    public var source: String
    /// The format the bytes were read as.
    public var format: DocumentFormat
    /// The analysed text: prose only (markup, code blocks, scripts and link targets removed).
    public var text: String
    /// Maps offsets in `text` back to lines and columns of the original.
    public var sourceMap: SourceMap
    /// The publication date, subject and title.
    public var metadata: DocumentMetadata
    /// Problems that did not stop loading (replaced invalid bytes, skipped parts).
    public var warnings: [String]

    /// Creates a document.
    public init(
        source: String, format: DocumentFormat, text: String, sourceMap: SourceMap,
        metadata: DocumentMetadata = DocumentMetadata(), warnings: [String] = []
    ) {
        self.source = source
        self.format = format
        self.text = text
        self.sourceMap = sourceMap
        self.metadata = metadata
        self.warnings = warnings
    }

    /// The original location of a byte range of the analysed text.
    public func location(of analysedRange: Range<Int>) -> TextLocation {
        sourceMap.location(ofAnalysed: analysedRange)
    }
}

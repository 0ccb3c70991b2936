import CurlClient
import FigCheckCore
import FigCheckVerification
import Foundation

/// What the user says about the documents, which wins over what the documents say.
public struct ReadingOptions: Sendable {
    /// The publication date from `--date`.
    public var date: CalendarDate?
    /// The subject country from `--subject` (ISO 3166 alpha-3).
    public var subject: String?
    /// Size limits for files, standard input and DOCX archives.
    public var limits: LoaderLimits
    /// Time and size limits for fetching an http(s) input.
    public var httpLimits: HTTPLimits

    /// Creates options; nothing overridden by default.
    public init(
        date: CalendarDate? = nil, subject: String? = nil, limits: LoaderLimits = LoaderLimits(),
        httpLimits: HTTPLimits = HTTPLimits()
    ) {
        self.date = date
        self.subject = subject
        self.limits = limits
        self.httpLimits = httpLimits
    }
}

/// Reads one input (a path, an http(s) URL or `-` for standard input) into a `Document`:
/// fetches or reads the bytes, picks the loader, and settles the metadata.
public struct DocumentReader: Sendable {
    /// The user's date, subject and limits, applied to every input this reader reads.
    public let options: ReadingOptions
    let http: HTTPClient
    let dateDetector = PublicationDateDetector()

    /// The User-Agent figcheck sends when it fetches a URL.
    public static let userAgent = "figcheck/\(FigCheckVersion.current) (statistical figure checker)"

    /// Creates a reader.
    public init(options: ReadingOptions = ReadingOptions()) {
        self.options = options
        self.http = HTTPClient(userAgent: Self.userAgent)
    }

    /// Reads and loads `source` without a time limit; throws `FigCheckError` naming the input when
    /// it cannot. (A check fetches, then loads within the document's budget.)
    public func read(_ source: String) async throws -> Document {
        let (bytes, declared) = try await fetch(source)
        return try load(bytes, source: source, declared: declared)
    }

    /// Loads bytes that are already in memory (the web page's uploads, tests) within `budget`.
    public func load(
        _ bytes: [UInt8], source: String, declared: DocumentFormat? = nil,
        budget: WorkBudget = .unlimited
    ) throws -> Document {
        let format = try FormatDetector.detect(bytes, declared: declared, source: source)
        let loaded = try format.loader(limits: options.limits).load(bytes, source: source, budget: budget)
        return document(from: loaded, source: source, format: format)
    }

    private func document(from loaded: LoadedText, source: String, format: DocumentFormat) -> Document {
        var metadata = DocumentMetadata(subject: options.subject, title: loaded.title)
        if let date = options.date {
            metadata.date = date
            metadata.dateSource = .flag
        } else if let (date, location) = loaded.metadataDate {
            metadata.date = date
            metadata.dateSource = .meta
            metadata.dateEvidence = location
        } else if let match = dateDetector.detect(in: loaded.text) {
            metadata.date = match.date
            metadata.dateSource = .text
            metadata.dateEvidence = loaded.sourceMap.location(ofAnalysed: match.range)
        }
        return Document(
            source: source, format: format, text: loaded.text, sourceMap: loaded.sourceMap,
            metadata: metadata, warnings: loaded.warnings)
    }

    /// The input's bytes and the format its name or content type declares (a batch hashes them
    /// before deciding whether to check the document again).
    public func fetch(_ source: String) async throws -> ([UInt8], DocumentFormat?) {
        if source == "-" {
            return (try readStandardInput(), nil)
        }
        let lowered = source.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return try await fetchURL(source)
        }
        if let schemeEnd = source.range(of: "://"),
            source[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
        {
            throw FigCheckError.unsupportedScheme(source: source)
        }
        return (try readFile(source), FormatDetector.format(forExtension: (source as NSString).pathExtension))
    }

    private func fetchURL(_ url: String) async throws -> ([UInt8], DocumentFormat?) {
        do {
            let response = try await http.get(url, limits: options.httpLimits)
            let byType = response.contentType.flatMap(FormatDetector.format(forContentType:))
            let path = URL(string: response.effectiveURL)?.path ?? ""
            let byExtension = FormatDetector.format(forExtension: (path as NSString).pathExtension)
            return ([UInt8](response.body), byType ?? byExtension)
        } catch let error as HTTPError {
            if case .unsupportedScheme = error { throw FigCheckError.unsupportedScheme(source: url) }
            throw FigCheckError.fetchFailed(source: url, reason: error.localizedDescription)
        }
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FigCheckError.fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw FigCheckError.isDirectory(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "cannot be opened" : "permission denied"
            throw FigCheckError.unreadableInput(source: path, reason: reason)
        }
        defer { try? handle.close() }
        return try readAll(handle, source: path)
    }

    private func readStandardInput() throws -> [UInt8] {
        try readAll(FileHandle.standardInput, source: "-")
    }

    /// Reads to the end, refusing more than the input limit without reading it all first.
    private func readAll(_ handle: FileHandle, source: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let limit = options.limits.maxInputBytes
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw FigCheckError.unreadableInput(source: source, reason: (error as NSError).localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            if bytes.count + chunk.count > limit { throw FigCheckError.inputTooLarge(source: source, limit: limit) }
            bytes.append(contentsOf: chunk)
        }
    }
}

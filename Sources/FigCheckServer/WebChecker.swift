import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Synchronization

/// What the server may do, and how much of it.
public struct ServerOptions: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Whether `POST /api/check` may fetch a URL it is given (off: the server fetches nothing).
    public var allowFetch = false
    /// The largest request body accepted (a document upload or pasted text).
    public var maxBodyBytes = 10 * 1024 * 1024
    /// The longest a check may take before the request is answered 504.
    public var requestTimeout: TimeInterval = 30
    /// Checks running at once; more requests are answered 503 at once rather than queued.
    public var maxConcurrentChecks = 4
    /// The reference-data folder (nil: the bundled one).
    public var dataDirectory: String?

    /// Default options: loopback, port 8080, no fetching, 10 MiB, 30 s, 4 checks at once.
    public init() {}
}

/// One request to check a document: its bytes (or a URL to fetch) and what the editor set.
public struct CheckRequest: Sendable {
    public var bytes: [UInt8]
    /// The file name the upload had; its extension picks the loader (default: plain text).
    public var filename: String
    public var url: String?
    public var subject: String?
    public var date: CalendarDate?
    public var asOf: CalendarDate?
    public var format: OutputFormat

    public init(bytes: [UInt8], filename: String = "pasted.txt", url: String? = nil, subject: String? = nil,
                date: CalendarDate? = nil, asOf: CalendarDate? = nil, format: OutputFormat = .json) {
        self.bytes = bytes
        self.filename = filename
        self.url = url
        self.subject = subject
        self.date = date
        self.asOf = asOf
        self.format = format
    }
}

/// Why a request was not answered with a report; each maps to one HTTP status.
public enum WebCheckError: Error, Equatable, Sendable {
    case badRequest(String)
    case unreadableDocument(String)
    case fetchNotAllowed
    case busy(limit: Int)
    case timedOut(seconds: TimeInterval)

    /// A one-line message for the response body.
    public var message: String {
        switch self {
        case let .badRequest(reason): return reason
        case let .unreadableDocument(reason): return reason
        case .fetchNotAllowed: return "this server does not fetch URLs (start it with --allow-fetch)"
        case let .busy(limit): return "\(limit) checks are running; try again in a moment"
        case let .timedOut(seconds): return "the check took longer than \(Int(seconds)) s"
        }
    }
}

/// The checked report of one request, rendered, with its verdict counts.
public struct CheckResponse: Sendable {
    public var body: String
    public var contentType: String
    public var summary: VerdictSummary
}

/// Checks documents for the web server: the reference tables are loaded once and shared, checks
/// run off the server's threads, at most `maxConcurrentChecks` at once, each within the time limit.
public final class WebChecker: Sendable {
    let options: ServerOptions
    let knowledge: ClaimKnowledge
    let pipeline: Pipeline
    let catalog: ReferenceCatalog
    let gate: CheckGate

    /// Loads the reference data; throws when it cannot be read (the server does not start).
    public init(options: ServerOptions) throws {
        self.options = options
        let checkOptions = CheckOptions(inputs: [], dataDirectory: options.dataDirectory)
        knowledge = try Check.loadKnowledge(checkOptions)
        catalog = knowledge.catalog
        pipeline = Pipeline.standard(knowledge: knowledge)
        gate = CheckGate(limit: options.maxConcurrentChecks)
    }

    /// How many tables the server checks against (for `/healthz`).
    public var tableCount: Int { catalog.entries.count }

    /// Checks one request and renders the report in the format asked for.
    public func check(_ request: CheckRequest) async throws(WebCheckError) -> CheckResponse {
        if request.url != nil, !options.allowFetch { throw .fetchNotAllowed }
        if let subject = request.subject, !CountryCode.isAlpha3(subject) {
            throw .badRequest("subject \(subject): expected an ISO 3166 alpha-3 code such as KOR or USA")
        }
        guard gate.enter() else { throw .busy(limit: options.maxConcurrentChecks) }
        // A check of the newest vintage uses the shared pipeline; --as-of needs its own settings.
        let pipeline = request.asOf.map { Pipeline.standard(knowledge: knowledge, settings: VerificationSettings(vintage: .asOf($0))) }
            ?? self.pipeline
        let timeout = options.requestTimeout
        // The check's own budget is the request's time limit: its loops stop at the deadline, so a
        // request answered 504 does not go on holding a core.
        let budget = WorkBudget(seconds: timeout)
        let work = Task { [catalog, gate, options] () throws -> CheckResponse in
            defer { gate.leave() }
            return try await Self.run(request, pipeline: pipeline, catalog: catalog, dataDirectory: options.dataDirectory,
                                      budget: budget)
        }
        // The first of the check and the time limit answers; the check stops itself within moments
        // of the limit and leaves the gate then.
        let outcome: Result<CheckResponse, any Error> = await withCheckedContinuation { continuation in
            let answer = OneAnswer(continuation)
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
                if !Task.isCancelled { answer.give(.failure(WebCheckError.timedOut(seconds: timeout))) }
            }
            Task {
                answer.give(await work.result)
                timer.cancel()
            }
        }
        switch outcome {
        case let .success(response): return response
        case let .failure(error as WebCheckError): throw error
        case let .failure(error): throw .unreadableDocument(error.localizedDescription)
        }
    }

    /// Loads and checks off the cooperative pool: the analysis is CPU work that never yields, and
    /// two of them would otherwise hold both threads of a 2-core machine.
    static func run(_ request: CheckRequest, pipeline: Pipeline, catalog: ReferenceCatalog,
                    dataDirectory: String?, budget: WorkBudget) async throws -> CheckResponse {
        let reading = ReadingOptions(date: request.date, subject: request.subject?.uppercased())
        let checkOptions = CheckOptions(inputs: [], format: request.format, reading: reading, dataDirectory: dataDirectory,
                                        asOf: request.asOf)
        let reader = DocumentReader(options: reading)
        let source: String
        let bytes: [UInt8]
        let declared: DocumentFormat?
        if let url = request.url {
            do {
                (bytes, declared) = try await reader.fetch(url)
            } catch {
                throw WebCheckError.unreadableDocument(error.localizedDescription)
            }
            source = url
        } else {
            source = request.filename
            bytes = request.bytes
            declared = FormatDetector.format(forExtension: (request.filename as NSString).pathExtension) ?? .text
        }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let document = try reader.load(bytes, source: source, declared: declared, budget: budget)
                    let analysed = try Check.analyse(document, pipeline: pipeline, options: checkOptions, budget: budget)
                    if let problem = analysed.report.errors.first { throw WebCheckError.unreadableDocument(problem) }
                    let report = Check.assemble([analysed.report], catalog: catalog)
                    let body = request.format.render(report, options: checkOptions)
                    continuation.resume(returning: CheckResponse(body: body, contentType: request.format.contentType,
                                                                 summary: analysed.report.summary))
                } catch let error as WebCheckError {
                    continuation.resume(throwing: error)
                } catch FigCheckError.gaveUp {
                    continuation.resume(throwing: WebCheckError.timedOut(seconds: budget.seconds ?? 0))
                } catch {
                    continuation.resume(throwing: WebCheckError.unreadableDocument(error.localizedDescription))
                }
            }
        }
    }
}

/// Counts the checks running and refuses one past the limit.
final class CheckGate: Sendable {
    let limit: Int
    private let running = Mutex(0)

    init(limit: Int) { self.limit = limit }

    func enter() -> Bool {
        running.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { running.withLock { $0 -= 1 } }
}

/// Resumes a continuation with the first result given and ignores the rest.
final class OneAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<Result<CheckResponse, any Error>, Never>?>

    init(_ continuation: CheckedContinuation<Result<CheckResponse, any Error>, Never>) {
        self.continuation = Mutex(continuation)
    }

    func give(_ result: Result<CheckResponse, any Error>) {
        let waiting = continuation.withLock { value in
            defer { value = nil }
            return value
        }
        waiting?.resume(returning: result)
    }
}

extension OutputFormat {
    /// The HTTP content type of a rendered report.
    var contentType: String {
        switch self {
        case .json, .sarif: return "application/json; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .junit: return "application/xml; charset=utf-8"
        case .text, .github: return "text/plain; charset=utf-8"
        }
    }
}

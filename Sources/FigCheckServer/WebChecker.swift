import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Synchronization

/// What the server may do, and how much of it.
package struct ServerOptions: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    package var host: String = "127.0.0.1"
    package var port: Int = 8080
    /// Whether `POST /api/check` may fetch a URL it is given (off: the server fetches nothing).
    package var allowFetch = false
    /// The largest request body accepted (a document upload or pasted text).
    package var maxBodyBytes = 10 * 1024 * 1024
    /// The longest a check may take before the request is answered 504.
    package var requestTimeout: TimeInterval = 30
    /// Checks running at once; more wait in the queue.
    package var maxConcurrentChecks = 4
    /// Checks that may wait for a free slot; one more is answered 503 with `Retry-After`.
    package var queueLength = 16
    /// The longest a check waits in the queue before it is answered 503.
    package var queueWait: TimeInterval = 10
    /// The time a new connection has to send its request head, and a kept-alive one to send its
    /// next, before it is closed (slow clients, idle keep-alive).
    package var headTimeout: TimeInterval = 5
    /// The time a request's body has to arrive once its head has.
    package var bodyTimeout: TimeInterval = 30
    /// How long a kept-alive connection may sit idle after a response.
    package var idleTimeout: TimeInterval = 5
    /// Connections open at once. A new one past it closes the connection that has waited longest
    /// for its request head; when every connection is busy, it is answered 503 and closed.
    package var maxConnections = 512
    /// After SIGTERM or SIGINT, the time running checks have to finish before the rest are closed.
    package var shutdownGrace: TimeInterval = 10
    /// The reference-data folder (nil: the bundled one).
    package var dataDirectory: String?

    /// Default options: loopback, port 8080, no fetching, 10 MiB, 30 s, 4 checks at once and 16
    /// waiting up to 10 s, 512 connections, a head within 5 s, a body within 30 s, 5 s idle, 10 s grace.
    package init() {}
}

/// One request to check a document: its bytes (or a URL to fetch) and what the editor set.
package struct CheckRequest: Sendable {
    package var bytes: [UInt8]
    /// The file name the upload had; its extension picks the loader (default: plain text).
    package var filename: String
    package var url: String?
    package var subject: String?
    package var date: CalendarDate?
    package var asOf: CalendarDate?
    package var format: OutputFormat

    package init(
        bytes: [UInt8], filename: String = "pasted.txt", url: String? = nil, subject: String? = nil,
        date: CalendarDate? = nil, asOf: CalendarDate? = nil, format: OutputFormat = .json
    ) {
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
package enum WebCheckError: Error, Equatable, Sendable {
    case badRequest(String)
    case unreadableDocument(String)
    case fetchNotAllowed
    /// Every slot was taken and the queue full, or the wait too long; try again in `retryAfter` s.
    case busy(limit: Int, retryAfter: Int)
    case timedOut(seconds: TimeInterval)
    case shuttingDown

    /// A one-line message for the response body.
    package var message: String {
        switch self {
        case let .badRequest(reason): return reason
        case let .unreadableDocument(reason): return reason
        case .fetchNotAllowed: return "this server does not fetch URLs (start it with --allow-fetch)"
        case let .busy(limit, retryAfter):
            return "\(limit) checks are running and the queue is full; try again in \(retryAfter) s"
        case let .timedOut(seconds): return "the check took longer than \(Int(seconds)) s"
        case .shuttingDown: return "the server is shutting down"
        }
    }
}

/// The checked report of one request, rendered, with its verdict counts.
package struct CheckResponse: Sendable {
    package var body: String
    package var contentType: String
    package var summary: VerdictSummary
}

/// Checks documents for the web server: the reference tables are loaded once and shared, checks
/// run off the server's threads, at most `maxConcurrentChecks` at once (a bounded queue waits for a
/// slot), each within the time limit.
package final class WebChecker: Sendable {
    let options: ServerOptions
    let knowledge: ClaimKnowledge
    let pipeline: Pipeline
    let catalog: ReferenceCatalog
    let queue: CheckQueue

    /// Loads the reference data; throws when it cannot be read (the server does not start).
    package init(options: ServerOptions) throws {
        self.options = options
        let checkOptions = CheckOptions(inputs: [], dataDirectory: options.dataDirectory)
        knowledge = try Check.loadKnowledge(checkOptions)
        catalog = knowledge.catalog
        pipeline = Pipeline.standard(knowledge: knowledge)
        queue = CheckQueue(
            limit: options.maxConcurrentChecks, queueLength: options.queueLength, maximumWait: options.queueWait)
    }

    /// How many tables the server checks against (for `/healthz`).
    package var tableCount: Int { catalog.entries.count }

    /// Checks running and waiting for a slot.
    package var load: (running: Int, waiting: Int) { queue.load }

    /// The server is stopping: requests waiting for a slot are answered 503 now and no new check
    /// starts; the checks already running finish.
    package func beginShutdown() { queue.shutDown() }

    /// Whether `beginShutdown` was called.
    package var isShuttingDown: Bool { queue.isShuttingDown }

    /// Checks one request and renders the report in the format asked for.
    package func check(_ request: CheckRequest) async throws(WebCheckError) -> CheckResponse {
        if request.url != nil, !options.allowFetch { throw .fetchNotAllowed }
        if let subject = request.subject, !CountryCode.isAlpha3(subject) {
            throw .badRequest("subject \(subject): expected an ISO 3166 alpha-3 code such as KOR or USA")
        }
        switch await queue.enter() {
        case .admitted: break
        case .queueFull, .waitedTooLong:
            throw .busy(limit: options.maxConcurrentChecks, retryAfter: queue.retryAfterSeconds)
        case .shuttingDown: throw .shuttingDown
        }
        // A check of the newest vintage uses the shared pipeline; --as-of needs its own settings.
        let pipeline =
            request.asOf.map {
                Pipeline.standard(knowledge: knowledge, settings: VerificationSettings(vintage: .asOf($0)))
            }
            ?? self.pipeline
        let timeout = options.requestTimeout
        // The check's own budget is the request's time limit: its loops stop at the deadline, so a
        // request answered 504 does not go on holding a core.
        let budget = WorkBudget(seconds: timeout)
        let started = ContinuousClock.now
        let work = Task { [catalog, queue, options] () throws -> CheckResponse in
            defer {
                let took = started.duration(to: .now).components
                queue.leave(afterSeconds: Double(took.seconds) + Double(took.attoseconds) * 1e-18)
            }
            return try await Self.run(
                request, pipeline: pipeline, catalog: catalog, dataDirectory: options.dataDirectory,
                budget: budget)
        }
        // The first of the check and the time limit answers; the check stops itself within moments
        // of the limit and leaves its queue slot then.
        // A request cancelled while its check runs (the server's shutdown grace has run out) is
        // answered at once; the check stops at its own deadline.
        let answer = OneAnswer()
        let outcome: Result<CheckResponse, any Error> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                answer.wait(continuation)
                let timer = Task {
                    try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
                    if !Task.isCancelled { answer.give(.failure(WebCheckError.timedOut(seconds: timeout))) }
                }
                Task {
                    answer.give(await work.result)
                    timer.cancel()
                }
            }
        } onCancel: {
            answer.give(.failure(WebCheckError.shuttingDown))
        }
        switch outcome {
        case let .success(response): return response
        case let .failure(error as WebCheckError): throw error
        case let .failure(error): throw .unreadableDocument(error.localizedDescription)
        }
    }

    /// Loads and checks off the cooperative pool: the analysis is CPU work that never yields, and
    /// two of them would otherwise hold both threads of a 2-core machine.
    static func run(
        _ request: CheckRequest, pipeline: Pipeline, catalog: ReferenceCatalog,
        dataDirectory: String?, budget: WorkBudget
    ) async throws -> CheckResponse {
        let reading = ReadingOptions(date: request.date, subject: request.subject?.uppercased())
        let checkOptions = CheckOptions(
            inputs: [], format: request.format, reading: reading, dataDirectory: dataDirectory,
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
                    let analysed = try Check.analyse(
                        document, pipeline: pipeline, options: checkOptions, budget: budget)
                    if let problem = analysed.report.errors.first { throw WebCheckError.unreadableDocument(problem) }
                    let report = Check.assemble([analysed.report], catalog: catalog)
                    let body = request.format.render(report, options: checkOptions)
                    continuation.resume(
                        returning: CheckResponse(
                            body: body, contentType: request.format.contentType,
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

/// Resumes a continuation with the first result given and ignores the rest; a result given before
/// the continuation arrives is kept for it.
final class OneAnswer: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Result<CheckResponse, any Error>, Never>)
        case answered(Result<CheckResponse, any Error>)
        case done
    }

    private let state = Mutex(State.empty)

    func wait(_ continuation: CheckedContinuation<Result<CheckResponse, any Error>, Never>) {
        let early: Result<CheckResponse, any Error>? = state.withLock { state in
            if case let .answered(result) = state {
                state = .done
                return result
            }
            state = .waiting(continuation)
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func give(_ result: Result<CheckResponse, any Error>) {
        let waiting: CheckedContinuation<Result<CheckResponse, any Error>, Never>? = state.withLock { state in
            switch state {
            case .empty:
                state = .answered(result)
                return nil
            case let .waiting(continuation):
                state = .done
                return continuation
            case .answered, .done:
                return nil
            }
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

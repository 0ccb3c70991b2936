import FigCheckCore
import FigCheckKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `figcheck serve`: the editors' page, the check API and a health check.
///
///     GET  /             the page: paste text or upload a file, set subject and date, see the report
///     POST /api/check    the document as the body (or JSON {"text", "url", …}); the report back
///     POST /check        the page's form without JavaScript (text, subject, date); the HTML report
///     GET  /healthz      {"status": "ok", …}
///
/// Connections live by deadlines of their own (`ConnectionGuard`), checks wait in a bounded queue
/// (`CheckQueue`), and SIGTERM or SIGINT stop it gracefully (`serve`).
package enum ServerApplication {
    /// The router with every route, over a checker with loaded tables (tests call it in process).
    package static func router(
        checker: WebChecker, options: ServerOptions,
        connections: ConnectionRegistry? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in
            html(EditorPage.html(maxBodyBytes: options.maxBodyBytes, allowFetch: options.allowFetch))
        }
        router.get("/healthz") { _, _ in
            let load = checker.load
            return json(
                status: .ok,
                Health(
                    status: "ok", version: FigCheckVersion.current, tables: checker.tableCount,
                    checksRunning: load.running, checksWaiting: load.waiting,
                    connections: connections?.counts.open))
        }
        router.post("/api/check") { request, _ in
            do {
                let body = try await collect(request, limit: options.maxBodyBytes)
                let checkRequest = try APIRequest.parse(request, body: body)
                return respond(try await checker.check(checkRequest))
            } catch {
                return failure(error, asHTML: false)
            }
        }
        router.post("/check") { request, _ in
            do {
                let body = try await collect(request, limit: options.maxBodyBytes)
                var checkRequest = try APIRequest.parseForm(body)
                checkRequest.format = .html
                return respond(try await checker.check(checkRequest))
            } catch {
                return failure(error, asHTML: true)
            }
        }
        return router
    }

    /// The application listening where the options say, and its checker.
    package static func application(options: ServerOptions) throws -> (some ApplicationProtocol, WebChecker) {
        let checker = try WebChecker(options: options)
        let limits = ConnectionLimits(options)
        let connections = ConnectionRegistry(maxConnections: limits.maxConnections)
        let application = Application(
            router: router(checker: checker, options: options, connections: connections),
            server: .http1(
                configuration: .init(additionalChannelHandlers: [ConnectionGuard(limits: limits, registry: connections)]
                )),
            configuration: .init(
                address: .hostname(options.host, port: options.port), serverName: "figcheck/\(FigCheckVersion.current)"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                FileHandle.standardError.write(
                    Data(
                        "figcheck serve: listening on http://\(host):\(port)/ (fetching URLs \(options.allowFetch ? "allowed" : "off"))\n"
                            .utf8))
            }
        )
        return (application, checker)
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: the listening socket closes,
    /// connections without a running check close at once, requests waiting for a slot are
    /// answered 503, and running checks have `shutdownGrace` seconds to finish before the rest
    /// are cancelled. Returns normally after a signal (the process exits 0).
    package static func serve(options: ServerOptions) async throws {
        let built: (application: any ApplicationProtocol, checker: WebChecker)
        do {
            built = try self.application(options: options)
        } catch {
            throw StartError(message: error.localizedDescription)
        }
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: built.application),
                .init(service: ShutdownNotice(checker: built.checker), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "figcheck-serve")
        )
        configuration.maximumGracefulShutdownDuration = Duration.nanoseconds(Int64(max(0, options.shutdownGrace) * 1e9))
        configuration.maximumCancellationDuration = Duration.seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// The reference data could not be loaded, so the server did not start.
    package struct StartError: Error {
        package var message: String
    }

    /// Tells the checker when the graceful shutdown begins, so queued requests are answered.
    struct ShutdownNotice: Service {
        let checker: WebChecker

        func run() async {
            try? await gracefulShutdown()
            checker.beginShutdown()
        }
    }

    /// The body, refusing one past the limit before reading it all.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw TooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw TooLarge(limit: limit)
        }
    }

    struct TooLarge: Error { var limit: Int }

    static func respond(_ response: CheckResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = response.contentType
        headers[.cacheControl] = "no-store"
        headers.setExtension("X-Content-Type-Options", "nosniff")
        headers.setExtension("X-Figcheck-Claims", String(response.summary.claims))
        headers.setExtension("X-Figcheck-Inconsistent", String(response.summary.inconsistent))
        headers.setExtension("X-Figcheck-Needs-Review", String(response.summary.needsReview))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: response.body)))
    }

    /// An error as JSON {"error": "…"} (or an escaped HTML page for the form), with its status.
    static func failure(_ error: any Error, asHTML: Bool) -> Response {
        let status: HTTPResponse.Status
        let message: String
        switch error {
        case let error as WebCheckError:
            message = error.message
            switch error {
            case .badRequest: status = .badRequest
            case .unreadableDocument: status = .unprocessableContent
            case .fetchNotAllowed: status = .forbidden
            case .busy, .shuttingDown: status = .serviceUnavailable
            case .timedOut: status = .gatewayTimeout
            }
        case let error as TooLarge:
            status = .contentTooLarge
            message = "body over the \(error.limit)-byte limit"
        default:
            status = .badRequest
            message = "\(error)"
        }
        var response: Response
        if asHTML {
            response = html(EditorPage.errorPage(message))
            response.status = status
        } else {
            response = json(status: status, ["error": message])
        }
        switch error as? WebCheckError {
        case let .busy(_, retryAfter)?:
            response.headers[.retryAfter] = String(retryAfter)
        case .shuttingDown?:
            response.headers[.retryAfter] = "5"
            response.headers[.connection] = "close"
        default:
            break
        }
        return response
    }

    struct Health: Encodable {
        var status: String
        var version: String
        var tables: Int
        var checksRunning: Int
        var checksWaiting: Int
        /// Open connections (nil in tests that route requests without sockets).
        var connections: Int?
    }

    static func json(status: HTTPResponse.Status, _ object: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ page: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers.setExtension("X-Content-Type-Options", "nosniff")
        // The page's own script and style only; reports render in a sandboxed frame.
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "connect-src 'self'; frame-src 'self'; img-src data:; form-action 'self'; base-uri 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

extension HTTPFields {
    /// Sets a header that HTTPTypes has no constant for (the names here are literals, always valid).
    mutating func setExtension(_ name: String, _ value: String) {
        if let field = Element.Name(name) { self[field] = value }
    }
}

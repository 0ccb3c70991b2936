import FigCheckKit
import FigCheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The web server in process: its routes, its limits, and the escaping of what it echoes.
@Suite("figcheck serve")
struct ServerRouteTests {
    static func application(_ change: (inout ServerOptions) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var options = ServerOptions()
        options.port = 0
        change(&options)
        let checker = try WebChecker(options: options)
        return Application(router: ServerApplication.router(checker: checker, options: options),
                           configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    static func claims(_ report: [String: Any]) -> [[String: Any]] {
        ((report["documents"] as? [[String: Any]])?.first?["claims"] as? [[String: Any]]) ?? []
    }

    static let seed = { () -> String in (try? String(contentsOf: TestPaths.hansunSeed, encoding: .utf8)) ?? "" }()

    @Test("GET /healthz answers ok with the tables loaded; GET / is the self-contained page with its security headers")
    func healthAndPage() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let health = try Self.json(response.body)
                #expect(health["status"] as? String == "ok")
                #expect((health["tables"] as? Int ?? 0) > 30)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<textarea id=\"text\" name=\"text\""))
                #expect(page.contains("<iframe id=\"report\" title=\"Report\" sandbox>"))
                #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("POST /api/check with a seed as the body returns schema-1 JSON with the seed's verdicts")
    func checkSeedAsJSON() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/check?subject=KOR&filename=hansun.txt", method: .post,
                                     body: ByteBuffer(string: Self.seed)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let report = try Self.json(response.body)
                #expect(report["schemaVersion"] as? Int == 1)
                let claims = Self.claims(report)
                #expect(claims.contains { $0["text"] as? String == "20.4%" && $0["verdict"] as? String == "inconsistent" })
                #expect(claims.contains { ($0["text"] as? String)?.contains("145%") == true && $0["verdict"] as? String == "consistent" })
                let inconsistent = claims.filter { $0["verdict"] as? String == "inconsistent" }.count
                #expect(response.headers[.init("X-Figcheck-Inconsistent")!] == String(inconsistent))
                #expect((report["documents"] as? [[String: Any]])?.first?["source"] as? String == "hansun.txt")
            }
        }
    }

    @Test("a JSON body with text, subject and date; the HTML format highlights claims and escapes the text")
    func jsonBodyAndEscaping() async throws {
        try await Self.application().test(.router) { client in
            let text = "Korea pledged $350 billion, or 20.4% of GDP. <script>alert('x')</script> & more."
            let body = try JSONSerialization.data(withJSONObject: ["text": text, "subject": "KOR", "date": "2025-10-01", "format": "html"])
            try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<mark class=\"claim inconsistent\""))
                #expect(html.contains("&lt;script&gt;alert("))
                #expect(!html.contains("<script>alert"))
            }
        }
    }

    @Test("uploads: a DOCX and a PDF are read by their file name's extension; a broken DOCX is 422")
    func uploads() async throws {
        let docx = try Data(contentsOf: TestPaths.fixture("briefing-draft.docx"))
        let pdf = try Data(contentsOf: TestPaths.fixture("population-note.pdf"))
        try await Self.application().test(.router) { client in
            for (name, data) in [("briefing-draft.docx", docx), ("population-note.pdf", pdf)] {
                try await client.execute(uri: "/api/check?filename=\(name)", method: .post, body: ByteBuffer(bytes: data)) { response in
                    #expect(response.status == .ok, "\(name): \(String(buffer: response.body))")
                    let report = try Self.json(response.body)
                    #expect(!Self.claims(report).isEmpty, "\(name)")
                    #expect((report["documents"] as? [[String: Any]])?.first?["format"] as? String == (name.hasSuffix("pdf") ? "pdf" : "docx"))
                }
            }
            try await client.execute(uri: "/api/check?filename=broken.docx", method: .post, body: ByteBuffer(string: "not a zip")) { response in
                #expect(response.status == .unprocessableContent)
                let decoded = try Self.json(response.body)
                #expect((decoded["error"] as? String)?.contains("broken.docx") == true)
            }
        }
    }

    @Test("bad requests are 400 with a one-line JSON error", arguments: [
        ("/api/check?format=pdf", "format pdf"),
        ("/api/check?date=2025-13-01", "date 2025-13-01"),
        ("/api/check?subject=KOREA", "subject KOREA"),
    ])
    func badRequests(uri: String, expected: String) async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { response in
                #expect(response.status == .badRequest)
                let message = try #require(try Self.json(response.body)["error"] as? String)
                #expect(message.hasPrefix(expected) && !message.contains("\n"))
            }
            for (body, expected) in [
                ("[1, 2]", "the body is not a JSON object"),
                ("{\"text\": ", "the body is not a JSON object"),
                ("{\"text\": \"Inflation was 3%.\", \"subject\": 410}", "subject: expected a string"),
                ("{\"subject\": \"KOR\"}", "expected \"text\" or \"url\""),
            ] {
                try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest)
                    let message = try Self.json(response.body)["error"] as? String
                    #expect(message == expected, "\(body)")
                }
            }
        }
    }

    @Test("the page's form without JavaScript: pasted text gives the HTML report; an empty one an escaped error page")
    func formPost() async throws {
        try await Self.application().test(.router) { client in
            let form = "text=" + "Korea pledged $350 billion, or 20.4% of GDP.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                + "&subject=kor&date=2025-10-01"
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<mark class=\"claim inconsistent\""))
            }
            // Spaces as '+', a literal '+' as %2B; a url field is never fetched from the form.
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "text=Growth+was+3%25+or+%2B0.5+points.&url=http%3A%2F%2F127.0.0.1%3A9%2F")) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Growth was <") && page.contains(">3%</mark></a> or +0.5 points."))
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "text=&date=%3Cb%3E")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("Not checked"))
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "text=3%25&date=%3Cb%3Ex")) { response in
                #expect(response.status == .badRequest)
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;b&gt;x") && !page.contains("<b>x"))
            }
        }
    }

    @Test("a body over the limit is 413, by its Content-Length or while it streams")
    func bodyLimit() async throws {
        try await Self.application { $0.maxBodyBytes = 1000 }.test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: String(repeating: "3% ", count: 1000))) { response in
                #expect(response.status == .contentTooLarge)
                let decoded = try Self.json(response.body)
                #expect((decoded["error"] as? String)?.contains("1000-byte limit") == true)
            }
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: String(repeating: "3% ", count: 300))) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// A long document of figures: seconds of checking in a debug build.
    static let slowDocument = String(repeating: Self.seed + "\n\n", count: 60)

    @Test("a check past the time limit is 504")
    func timeLimit() async throws {
        try await Self.application { $0.requestTimeout = 0.05 }.test(.router) { client in
            try await client.execute(uri: "/api/check?subject=KOR", method: .post, body: ByteBuffer(string: Self.slowDocument)) { response in
                #expect(response.status == .gatewayTimeout)
                let decoded = try Self.json(response.body)
                #expect((decoded["error"] as? String)?.contains("longer than") == true)
            }
        }
    }

    @Test("with no queue, past the concurrent-check limit a request is 503 at once with Retry-After, and served again once the slot is free")
    func concurrencyLimit() async throws {
        let held = try HeldCheck()
        defer { held.stop() }
        try await Self.application { $0.maxConcurrentChecks = 1; $0.queueLength = 0; $0.allowFetch = true }.test(.router) { client in
            async let slow = client.execute(uri: "/api/check", method: .post, headers: Self.jsonBody, body: held.body) { $0.status }
            try await Self.waitUntilRunning(client, checks: 1)
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                let message = try Self.json(response.body)["error"] as? String
                #expect(message?.contains("queue is full") == true)
            }
            held.release()
            #expect(try await slow == .ok)
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Polls /healthz until `checks` checks are running (and `waiting` wait), or records an issue
    /// after 3,000 polls. Counted, not timed: in a full test run the cooperative threads can all be
    /// held by other suites' blocking work for many seconds, and a wall-clock bound then fails a
    /// check that is simply not scheduled yet (the held check waits for the test to release it).
    static func waitUntilRunning(_ client: some TestClientProtocol, checks: Int, waiting: Int = 0) async throws {
        for _ in 0..<3000 {
            let health = try await client.execute(uri: "/healthz", method: .get) { try Self.json($0.body) }
            if health["checksRunning"] as? Int == checks, health["checksWaiting"] as? Int ?? 0 >= waiting { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        Issue.record("\(checks) checks were not running (and \(waiting) waiting) after 3,000 looks")
    }

    /// A check that holds its slot until `release()`, without using a core (the application needs
    /// `allowFetch`).
    struct HeldCheck {
        let server: HeldResponseServer
        let body: ByteBuffer

        init() throws {
            server = try HeldResponseServer(answering: "Inflation was 3% in 2024.")
            body = ByteBuffer(bytes: try server.checkRequestBody())
        }

        func release() { server.release() }
        func stop() { server.stop() }
    }

    static let jsonBody: HTTPFields = [.contentType: "application/json"]

    /// A document that takes a good fraction of a second to check.
    static let mediumDocument = String(repeating: Self.seed + "\n\n", count: 8)

    @Test("a burst of 4 × --max-checks is answered 200 in full when the queue holds it; past the queue, 503 with Retry-After; /healthz answers meanwhile")
    func burstQueue() async throws {
        try await Self.application { $0.maxConcurrentChecks = 2; $0.queueLength = 6 }.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await client.execute(uri: "/api/check?subject=KOR", method: .post,
                                                 body: ByteBuffer(string: Self.mediumDocument)) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 8 && statuses.allSatisfy { $0 == .ok }, "\(statuses)")
        }
        let held = try HeldCheck()
        defer { held.stop() }
        try await Self.application { $0.maxConcurrentChecks = 1; $0.queueLength = 1; $0.allowFetch = true }.test(.router) { client in
            async let first = client.execute(uri: "/api/check", method: .post, headers: Self.jsonBody, body: held.body) { $0.status }
            try await Self.waitUntilRunning(client, checks: 1)
            async let queued = client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { $0.status }
            try await Self.waitUntilRunning(client, checks: 1, waiting: 1)
            for _ in 0..<2 {
                try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            held.release()
            #expect(try await first == .ok)
            #expect(try await queued == .ok)
        }
    }

    @Test("a check that waits past --queue-wait is answered 503 with Retry-After")
    func queueWait() async throws {
        let held = try HeldCheck()
        defer { held.stop() }
        try await Self.application { $0.maxConcurrentChecks = 1; $0.queueWait = 0.2; $0.allowFetch = true }.test(.router) { client in
            async let slow = client.execute(uri: "/api/check", method: .post, headers: Self.jsonBody, body: held.body) { $0.status }
            try await Self.waitUntilRunning(client, checks: 1)
            let started = Date()
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: "Inflation was 3%.")) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
            }
            #expect(Date().timeIntervalSince(started) >= 0.2)
            held.release()
            #expect(try await slow == .ok)
        }
    }

    @Test("URLs are fetched only with --allow-fetch")
    func fetching() async throws {
        let server = try LoopbackHTTPServer { _ in .ok("Korea pledged $350 billion, or 20.4% of GDP, on October 1, 2025.") }
        defer { server.stop() }
        let body = try JSONSerialization.data(withJSONObject: ["url": server.url("/draft.txt"), "subject": "KOR"])
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(server.requests.get().isEmpty)
        try await Self.application { $0.allowFetch = true }.test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let decoded = try Self.json(response.body)
                #expect(Self.claims(decoded).contains { $0["text"] as? String == "20.4%" })
            }
        }
        #expect(server.requests.get().count == 1)
    }

    @Test("over a real socket on loopback: the default options bind 127.0.0.1, and the API answers")
    func live() async throws {
        #expect(ServerOptions().host == "127.0.0.1")
        #expect(ServerOptions().allowFetch == false)
        try await Self.application().test(.live) { client in
            try await client.execute(uri: "/api/check?subject=KOR", method: .post, body: ByteBuffer(string: Self.seed)) { response in
                #expect(response.status == .ok)
                let decoded = try Self.json(response.body)
                #expect(!Self.claims(decoded).isEmpty)
            }
        }
    }
}

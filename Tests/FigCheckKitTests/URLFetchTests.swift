import CurlClient
import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// Fetching documents over HTTP from a server this test starts on 127.0.0.1.
@Suite("URL fetching")
struct URLFetchTests {
    static let page = """
        <html><head><meta name="date" content="2025-06-01"></head>
        <body><nav>Menu 1%</nav><p>The tariff was 30% on May 14.</p></body></html>
        """

    static func makeServer() throws -> LoopbackHTTPServer {
        let seed = try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8)
        return try LoopbackHTTPServer { path in
            switch path {
            case "/seed.txt": return .ok(seed)
            case "/article": return .ok(page, contentType: "text/html; charset=utf-8")
            case "/notes.md": return .ok("# Notes\n\nSee [x](http://a.example/9).\n", contentType: "text/plain")
            case "/moved": return .init(status: 302, headers: [("Location", "/seed.txt")])
            case "/loop": return .init(status: 302, headers: [("Location", "/loop")])
            case "/slow": return .init(body: Array("late".utf8), delay: 3)
            case "/large": return .init(body: [UInt8](repeating: UInt8(ascii: "a"), count: 300_000))
            case "/large-unannounced":
                return .init(body: [UInt8](repeating: UInt8(ascii: "a"), count: 300_000), sendsContentLength: false)
            case "/error": return .init(status: 500, body: Array("oops".utf8))
            default: return .init(status: 404, body: Array("not here".utf8))
            }
        }
    }

    let limits = HTTPLimits(connectTimeout: 2, totalTimeout: 1, maxRedirects: 5, maxBodyBytes: 100_000)

    func reader() -> DocumentReader {
        DocumentReader(options: ReadingOptions(httpLimits: limits))
    }

    @Test("a 200 response is loaded, dated and sent with figcheck's User-Agent")
    func ok() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let document = try await reader().read(server.url("/seed.txt"))
        #expect(document.source == server.url("/seed.txt"))
        #expect(document.format == .text)
        #expect(document.metadata.date == CalendarDate(year: 2025, month: 10, day: 1))
        #expect(document.text.contains("$350 billion we pledged"))
    }

    @Test("the content type chooses the loader; the URL's extension is the fallback")
    func contentTypeChoosesLoader() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let page = try await reader().read(server.url("/article"))
        #expect(page.format == .html)
        #expect(page.text.contains("The tariff was 30% on May 14.") && !page.text.contains("Menu"))
        #expect(page.metadata.date == CalendarDate(year: 2025, month: 6, day: 1))
        let notes = try await reader().read(server.url("/notes.md"))
        #expect(notes.format == .markdown)
        #expect(!notes.text.contains("a.example"))
    }

    @Test("redirects are followed")
    func redirect() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let document = try await reader().read(server.url("/moved"))
        #expect(document.text.contains("$350 billion we pledged"))
        #expect(server.requests.get().map(\.path) == ["/moved", "/seed.txt"])
    }

    @Test("HTTP errors, redirect loops, slow and oversized responses are one-line errors naming the URL",
          arguments: [
              ("/missing", "the server answered HTTP 404"),
              ("/error", "the server answered HTTP 500"),
              ("/loop", "more than 5 redirects"),
              ("/slow", "no complete response within 1 s"),
              ("/large", "response larger than the 100000-byte limit"),
              ("/large-unannounced", "response larger than the 100000-byte limit"),
          ])
    func failures(path: String, reason: String) async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let url = server.url(path)
        await #expect(throws: FigCheckError.fetchFailed(source: url, reason: "\(url): \(reason)")) {
            try await reader().read(url)
        }
        if path == "/loop" { #expect(server.requests.get().count == 6) }
    }

    @Test("a closed port is a clear transport error")
    func connectionRefused() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let url = server.url("/seed.txt")
        server.stop()
        do {
            _ = try await reader().read(url)
            Issue.record("expected an error")
        } catch let error as FigCheckError {
            let message = error.localizedDescription
            #expect(message.hasPrefix(url + ": "))
            #expect(!message.contains("\n"))
        }
    }

    @Test("only http and https are fetched")
    func schemes() async throws {
        for url in ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/"] {
            await #expect(throws: FigCheckError.unsupportedScheme(source: url)) { try await reader().read(url) }
        }
    }

    @Test("the User-Agent names figcheck")
    func userAgent() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        _ = try await reader().read(server.url("/seed.txt"))
        #expect(server.requests.get().map(\.userAgent) == [DocumentReader.userAgent])
        #expect(DocumentReader.userAgent.hasPrefix("figcheck/"))
    }
}

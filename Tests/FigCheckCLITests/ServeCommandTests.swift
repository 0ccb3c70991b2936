import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `figcheck serve` on the built binaries: it starts figcheck-server, which listens on loopback
/// and answers; bad flags and a port in use end with exit 2 and one line.
@Suite("figcheck serve (binary)", .serialized)
struct ServeCommandTests {
    /// Starts `figcheck serve --port 0` and returns the process and the URL it announced.
    static func start(_ extra: [String] = []) throws -> (Process, URL, Pipe) {
        let process = Process()
        process.executableURL = FigCheckBinary.url
        process.arguments = ["serve", "--port", "0"] + extra
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var announced = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !announced.contains("figcheck serve: listening on ") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        let line = try #require(announced.split(separator: "\n").first { $0.hasPrefix("figcheck serve: listening on ") }, "\(announced)")
        let address = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") })
        return (process, try #require(URL(string: String(address))), errors)
    }

    static func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("figcheck serve listens on 127.0.0.1 and answers /healthz and the page")
    func servesOnLoopback() async throws {
        let (process, base, _) = try Self.start()
        defer { process.terminate(); process.waitUntilExit() }
        #expect(base.host == "127.0.0.1")
        let (status, body) = try await Self.get(base.appendingPathComponent("healthz"))
        #expect(status == 200)
        #expect(body.contains("\"status\":\"ok\""))
        let (pageStatus, page) = try await Self.get(base)
        #expect(pageStatus == 200 && page.contains("Check figures"))
    }

    @Test("a port in use and bad flags: exit 2 with one line")
    func failures() throws {
        let (process, base, _) = try Self.start()
        defer { process.terminate(); process.waitUntilExit() }
        let inUse = try FigCheckBinary.run(["serve", "--port", String(try #require(base.port))])
        #expect(inUse.exitCode == 2)
        #expect(inUse.standardError.hasPrefix("figcheck serve: 127.0.0.1:") && inUse.standardError.contains("in use"))
        #expect(inUse.standardError.split(separator: "\n").count == 1)
        for (flags, expected) in [(["--port", "70000"], "--port 70000"), (["--bogus"], "'--bogus'"), (["--max-checks", "0"], "--max-checks 0")] {
            let result = try FigCheckBinary.run(["serve"] + flags)
            #expect(result.exitCode == 2)
            #expect(result.standardError.contains(expected) && result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        }
        let noData = try FigCheckBinary.run(["serve", "--port", "0", "--data", "/nonexistent-figcheck-data"])
        #expect(noData.exitCode == 2)
        #expect(noData.standardError.hasPrefix("figcheck serve: reference data: "))
    }

    /// POSTs `body` to `/api/check?filename=NAME` and returns the status and the seconds it took.
    static func post(_ body: Data, filename: String, to base: URL) async throws -> (status: Int, seconds: Double) {
        var request = URLRequest(url: try #require(URL(string: "\(base.absoluteString)api/check?filename=\(filename)")))
        request.httpMethod = "POST"
        request.httpBody = body
        // Only a hang would reach this; the bounds the test cares about are checked below.
        request.timeoutInterval = 120
        let start = Date()
        let (_, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Date().timeIntervalSince(start))
    }

    @Test("ten uploads of the endless-read DOCX are each answered, a check past --timeout stops, and a normal check is served right after")
    func hostileUploads() async throws {
        let timeout = 3.0
        let (process, base, _) = try Self.start(["--timeout", String(timeout), "--max-checks", "1"])
        defer { process.terminate(); process.waitUntilExit() }
        let docx = try Data(contentsOf: BoundedWorkTests.endlessRead)
        for _ in 0..<10 {
            let (status, seconds) = try await Self.post(docx, filename: "d.docx", to: base)
            #expect([422, 504].contains(status))
            #expect(seconds < timeout + 1, "answered after \(seconds) s")
        }
        let article = Data("Exports rose 4.2% in 2024, to $12.5 billion, from $12.0 billion in 2023.".utf8)
        let (normal, normalSeconds) = try await Self.post(article, filename: "note.txt", to: base)
        #expect(normal == 200)
        #expect(normalSeconds < 1, "answered after \(normalSeconds) s")
        // A document that outlasts the limit: 504, and its work stops with it, so the only check
        // slot (--max-checks 1) is free again at once instead of held until the work would end.
        // (Its time includes sending and reading the 1 MB body, so only the status is asserted.)
        let long = try Data(contentsOf: BoundedWorkTests.longText(in: try TestPaths.temporaryDirectory(), copies: 60))
        let (slow, slowSeconds) = try await Self.post(long, filename: "long.txt", to: base)
        #expect(slow == 504, "answered \(slow) after \(slowSeconds) s")
        var status = 0
        let deadline = Date().addingTimeInterval(1)
        repeat {
            status = try await Self.post(article, filename: "note.txt", to: base).status
        } while status == 503 && Date() < deadline
        #expect(status == 200, "the slot was still held a second after the 504")
    }
}

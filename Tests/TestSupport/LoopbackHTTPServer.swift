import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: each connection gets one canned response,
/// chosen by the request path. It can delay, omit Content-Length, or send large bodies, so the
/// client's timeouts, redirect limit and size cap can be exercised for real.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// A canned response.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Seconds to wait before sending anything.
        public var delay: Double
        /// When false, the body is sent without Content-Length and the connection closed after it.
        public var sendsContentLength: Bool

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [],
                    delay: Double = 0, sendsContentLength: Bool = true) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.sendsContentLength = sendsContentLength
        }

        /// A 200 response with `text` and a content type.
        public static func ok(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
            Response(headers: [("Content-Type", contentType)], body: Array(text.utf8))
        }
    }

    /// The port the server listens on.
    public let port: Int
    /// A request the server received.
    public struct Request: Sendable, Equatable {
        public var path: String
        public var userAgent: String?
    }

    /// The requests received so far, in order.
    public let requests = Locked<[Request]>([])
    private let socketDescriptor: Int32
    private let handler: @Sendable (String) -> Response

    /// Starts listening on an ephemeral loopback port; `handler` maps a request path to a response.
    public init(handler: @escaping @Sendable (String) -> Response) throws {
        self.handler = handler
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ServerError.socket("socket") }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw ServerError.socket("bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socketDescriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The URL of `path` on this server.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private let stopped = Locked(false)

    /// Stops accepting connections (once; later calls do nothing).
    public func stop() {
        var first = false
        stopped.update { wasStopped in
            first = !wasStopped
            wasStopped = true
        }
        guard first else { return }
        // Only wake the accept loop here; it closes the socket itself when it ends. Closing it here
        // would free the descriptor number while accept() still waits on it, and a server started
        // next could get that number and have its connections accepted by this server's thread.
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(socketDescriptor) }
        while true {
            let client = accept(socketDescriptor, nil, nil)
            guard client >= 0, !stopped.get() else {
                if client >= 0 { close(client) }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains(subsequence: Array("\r\n\r\n".utf8)) && request.count < 65536 {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            request.append(contentsOf: buffer[0..<count])
        }
        let head = String(decoding: request, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = (head.first ?? "").split(separator: " ")
        let path = parts.count > 1 ? String(parts[1]) : "/"
        let userAgent = head.first { $0.lowercased().hasPrefix("user-agent:") }
            .map { String($0.dropFirst("user-agent:".count)).trimmingCharacters(in: .whitespaces) }
        requests.update { $0.append(Request(path: path, userAgent: userAgent)) }
        let response = handler(path)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var reply = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { reply += "\(name): \(value)\r\n" }
        if response.sendsContentLength { reply += "Content-Length: \(response.body.count)\r\n" }
        reply += "Connection: close\r\n\r\n"
        guard sendAll(client, Array(reply.utf8)) else { return }
        _ = sendAll(client, response.body)
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let count = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, flags) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }

    enum ServerError: Error {
        case socket(String)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard count >= subsequence.count else { return false }
        for start in 0...(count - subsequence.count) where self[start..<(start + subsequence.count)].elementsEqual(subsequence) {
            return true
        }
        return false
    }
}

/// A loopback server whose every answer waits until the test calls `release()` (or a minute has
/// passed): a server test points a check's URL at it to hold a check slot for as long as it needs,
/// without using a core, and however slowly a loaded test run schedules it.
public final class HeldResponseServer: Sendable {
    public let server: LoopbackHTTPServer
    private let gate = DispatchSemaphore(value: 0)

    /// Starts the server; each request is answered `text` once released.
    public init(answering text: String) throws {
        let gate = gate
        server = try LoopbackHTTPServer { _ in
            _ = gate.wait(timeout: .now() + 60)
            return .ok(text)
        }
    }

    /// The JSON body of a check request that fetches its document from this server.
    public func checkRequestBody() throws -> Data {
        try JSONSerialization.data(withJSONObject: ["url": server.url("/held.txt")])
    }

    /// Lets one waiting answer go.
    public func release() { gate.signal() }

    /// Releases an answer and stops listening.
    public func stop() {
        release()
        server.stop()
    }
}

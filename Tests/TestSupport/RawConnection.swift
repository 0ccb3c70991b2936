import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection to 127.0.0.1 that sends exactly the bytes it is given, for the server tests
/// that play a slow or stalled client (which URLSession cannot).
public final class RawConnection {
    public private(set) var descriptor: Int32

    /// Connects to 127.0.0.1:`port`; throws when it cannot.
    public init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw RawConnectionError("connect to 127.0.0.1:\(port): \(reason)")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Sends `text` (all of it, or throws).
    public func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawConnectionError("send: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    /// Reads what arrives until the server closes the connection or `seconds` pass; returns the
    /// bytes read and whether the server closed it (end of stream or a reset).
    public func readUntilClosed(within seconds: Double) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, min(100, deadline.timeIntervalSinceNow * 1000)))
            guard poll(&poller, 1, wait) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[0..<count]
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// Whether the server has closed the connection, looking without waiting.
    public var isClosedByServer: Bool { readUntilClosed(within: 0.001).closed }
}

public struct RawConnectionError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

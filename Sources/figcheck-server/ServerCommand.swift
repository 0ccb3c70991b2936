import ArgumentParser
import FigCheckCommandLine
import FigCheckServer
import Foundation
import Hummingbird
import NIOCore

/// `figcheck-server` (what `figcheck serve` runs): parses flags, loads the tables, serves.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figcheck serve",
        abstract: "Serve the editors' page and the check API (loopback unless --host says otherwise).")

    @Option(help: "Address to listen on (default 127.0.0.1: this machine only).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(name: .customLong("allow-fetch"), help: "Let POST /api/check fetch a URL it is given (off by default).")
    var allowFetch = false

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes (default 10 MiB).")
    var maxBody = 10 * 1024 * 1024

    @Option(name: .customLong("timeout"), help: "Longest a check may take, in seconds (default 30).")
    var timeout: Double = 30

    @Option(name: .customLong("max-checks"), help: "Checks running at once; more wait in the queue (default 4).")
    var maxChecks = 4

    @Option(
        name: .customLong("queue"),
        help: "Checks that may wait for a free slot; more are answered 503 with Retry-After (default 16).")
    var queue = 16

    @Option(name: .customLong("queue-wait"), help: "Longest a check waits in the queue, in seconds (default 10).")
    var queueWait: Double = 10

    @Option(
        name: .customLong("max-connections"),
        help: "Connections open at once; past it the one waiting longest for its request is closed (default 512).")
    var maxConnections = 512

    @Option(name: .customLong("head-timeout"), help: "Seconds a connection has to send its request head (default 5).")
    var headTimeout: Double = 5

    @Option(
        name: .customLong("body-timeout"), help: "Seconds a request's body has to arrive after its head (default 30).")
    var bodyTimeout: Double = 30

    @Option(name: .customLong("idle-timeout"), help: "Seconds a kept-alive connection may sit idle (default 5).")
    var idleTimeout: Double = 5

    @Option(
        name: .customLong("shutdown-grace"),
        help: "Seconds running checks have to finish after SIGTERM or SIGINT (default 10).")
    var shutdownGrace: Double = 10

    @Option(help: "Reference-data directory (default: the bundled reference-data/).")
    var data: String?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port \(port): expected 0 to 65535") }
        if maxBody < 1 { throw ValidationError("--max-body \(maxBody): expected 1 or more") }
        if !(timeout > 0) { throw ValidationError("--timeout \(timeout): expected more than 0 seconds") }
        if maxChecks < 1 { throw ValidationError("--max-checks \(maxChecks): expected 1 or more") }
        if queue < 0 { throw ValidationError("--queue \(queue): expected 0 or more") }
        if maxConnections < 1 { throw ValidationError("--max-connections \(maxConnections): expected 1 or more") }
        for (flag, seconds) in [("--queue-wait", queueWait), ("--shutdown-grace", shutdownGrace)]
        where !(seconds >= 0 && seconds.isFinite) {
            throw ValidationError("\(flag) \(seconds): expected 0 or more seconds")
        }
        for (flag, seconds) in [
            ("--head-timeout", headTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout),
        ]
        where !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("\(flag) \(seconds): expected more than 0 seconds")
        }
    }

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.allowFetch = allowFetch
        options.maxBodyBytes = maxBody
        options.requestTimeout = timeout
        options.maxConcurrentChecks = maxChecks
        options.queueLength = queue
        options.queueWait = queueWait
        options.maxConnections = maxConnections
        options.headTimeout = headTimeout
        options.bodyTimeout = bodyTimeout
        options.idleTimeout = idleTimeout
        options.shutdownGrace = shutdownGrace
        options.dataDirectory = data
        do {
            try await ServerApplication.serve(options: options)
        } catch let error as ServerApplication.StartError {
            FileHandle.standardError.write(Data("figcheck serve: reference data: \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch let error as IOError {
            FileHandle.standardError.write(
                Data("figcheck serve: \(host):\(port): \(String(cString: strerror(error.errnoCode)))\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("figcheck serve: \(host):\(port): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Usage errors are one line and exit 2, as in figcheck.
    static func main() async {
        await mainWithOneLineErrors(name: "figcheck serve")
    }
}

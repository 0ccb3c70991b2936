import ArgumentParser
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

    @Option(name: .customLong("max-checks"), help: "Checks running at once; more are answered 503 (default 4).")
    var maxChecks = 4

    @Option(help: "Reference-data directory (default: the bundled reference-data/).")
    var data: String?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port \(port): expected 0 to 65535") }
        if maxBody < 1 { throw ValidationError("--max-body \(maxBody): expected 1 or more") }
        if !(timeout > 0) { throw ValidationError("--timeout \(timeout): expected more than 0 seconds") }
        if maxChecks < 1 { throw ValidationError("--max-checks \(maxChecks): expected 1 or more") }
    }

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.allowFetch = allowFetch
        options.maxBodyBytes = maxBody
        options.requestTimeout = timeout
        options.maxConcurrentChecks = maxChecks
        options.dataDirectory = data
        let application: any ApplicationProtocol
        do {
            application = try ServerApplication.application(options: options)
        } catch {
            FileHandle.standardError.write(Data("figcheck serve: reference data: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        do {
            try await application.runService()
        } catch let error as IOError {
            FileHandle.standardError.write(Data("figcheck serve: \(host):\(port): \(String(cString: strerror(error.errnoCode)))\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("figcheck serve: \(host):\(port): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Like `AsyncParsableCommand.main()`, but a usage error is one line and exit 2, as with figcheck.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exitCode as ExitCode {
            Foundation.exit(exitCode.rawValue)
        } catch {
            if exitCode(for: error) == .success || error is CleanExit { exit(withError: error) }
            var message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data("figcheck serve: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

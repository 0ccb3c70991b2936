import ArgumentParser
import FigCheckKit
import Foundation

/// `figcheck serve`: runs the `figcheck-server` binary installed beside `figcheck` (its own
/// target, so this command line never links the web stack), passing the flags through.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the editors' web page and the check API (runs figcheck-server).",
        discussion:
            "Flags: --host (default 127.0.0.1), --port (8080), --allow-fetch, --max-body BYTES, --timeout SECONDS, --max-checks N, --data DIR; figcheck-server --help lists them."
    )

    @Argument(parsing: .allUnrecognized, help: "Flags for figcheck-server.")
    var flags: [String] = []

    func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let server = executable.deletingLastPathComponent().appendingPathComponent("figcheck-server")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            FileHandle.standardError.write(
                Data(
                    "figcheck: serve: \(server.path) not found (swift build --product figcheck-server builds it)\n".utf8
                ))
            throw ExitCode(2)
        }
        let arguments = [server.path] + flags
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(server.path, pointers)
        // execv returns only when it failed.
        FileHandle.standardError.write(
            Data("figcheck: serve: cannot run \(server.path): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(2)
    }
}

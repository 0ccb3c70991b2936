import ArgumentParser
import FigCheckKit
import Foundation

/// The `figcheck` command line: parses flags, calls FigCheckKit, chooses the exit code.
@main
struct FigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figcheck",
        abstract: "Check the numbers in prose against reference data and against each other.",
        version: FigCheckVersion.current,
        subcommands: [CheckCommand.self, BatchCommand.self, MergeCommand.self, ServeCommand.self, ClaimsCommand.self, MentionsCommand.self, TextCommand.self, DataCommand.self, ConfigCommand.self, BenchCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Parses and runs like `AsyncParsableCommand.main()`, but usage errors exit with 2 (PRODUCT.md:
    /// 2 means the run could not be done) and a one-line message, not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            if let exitCode = error as? ExitCode {
                Foundation.exit(exitCode.rawValue)
            }
            // One line: a list of allowed values that ArgumentParser puts on the lines below is joined in.
            let lines = fullMessage(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            var message = lines.first ?? "invalid arguments"
            if message.hasSuffix("one of the following:") {
                let values = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { "'\($0.dropFirst(2).split(separator: " ").first ?? "")'" }
                message = String(message.dropLast()) + " " + values.joined(separator: ", ") + "."
            }
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data("figcheck: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

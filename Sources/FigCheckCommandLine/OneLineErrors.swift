import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Parses and runs like `AsyncParsableCommand.main()`, but a usage error exits with 2
    /// (PRODUCT.md: 2 means the run could not be done) after one line, `NAME: message`, on
    /// standard error, not ArgumentParser's 64 and its multi-line usage. Help and `--version`
    /// still print and exit 0; a thrown `ExitCode` exits with its code.
    package static func mainWithOneLineErrors(name: String) async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .success || error is CleanExit {
                exit(withError: error)
            }
            if let exitCode = error as? ExitCode {
                Foundation.exit(exitCode.rawValue)
            }
            FileHandle.standardError.write(Data("\(name): \(oneLineMessage(for: error))\n".utf8))
            Foundation.exit(2)
        }
    }

    /// ArgumentParser's message for a usage error in one line: a list of allowed values it puts
    /// on the lines below is joined in, and its "Error: " prefix dropped.
    package static func oneLineMessage(for error: any Error) -> String {
        let lines = fullMessage(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var message = lines.first ?? "invalid arguments"
        if message.hasSuffix("one of the following:") {
            let values = lines.dropFirst().prefix { $0.hasPrefix("- ") }
                .map { "'\($0.dropFirst(2).split(separator: " ").first ?? "")'" }
            message = String(message.dropLast()) + " " + values.joined(separator: ", ") + "."
        }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        return message
    }
}

import ArgumentParser
import FigCheckCommandLine
import FigCheckKit
import Foundation

/// The `figcheck` command line: parses flags, calls FigCheckKit, chooses the exit code.
@main
struct FigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figcheck",
        abstract: "Check the numbers in prose against reference data and against each other.",
        version: FigCheckVersion.current,
        subcommands: [
            CheckCommand.self, BatchCommand.self, MergeCommand.self, ServeCommand.self, ClaimsCommand.self,
            MentionsCommand.self, TextCommand.self, DataCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    /// Usage errors are one line and exit 2 (PRODUCT.md), as in figcheck-server.
    static func main() async {
        await mainWithOneLineErrors(name: "figcheck")
    }
}

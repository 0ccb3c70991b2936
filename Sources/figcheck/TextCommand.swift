import ArgumentParser
import FigCheckKit
import Foundation

/// `figcheck text PATH|URL|-`: prints the prose figcheck analyses in a document, after markup,
/// code blocks, scripts and navigation are removed; shows why a figure was or was not seen.
struct TextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the prose figcheck analyses in a document (markup and code removed)."
    )

    @Argument(help: "A file (.txt, .md, .html, .docx), an http(s) URL, or - for standard input.")
    var input: String

    func run() async throws {
        do {
            let document = try await DocumentReader().read(input)
            var text = document.text
            if !text.hasSuffix("\n") { text += "\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch {
            FileHandle.standardError.write(Data("figcheck: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}

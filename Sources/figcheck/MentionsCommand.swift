import ArgumentParser
import FigCheckCommandLine
import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation

/// `figcheck mentions PATH|URL|-`: the numbers of a document, as the scanner reads them.
struct MentionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "List every number in a document: kind, value, interval, unit, scale and hedge."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "A file (.txt, .md, .html, .docx), an http(s) URL, or - for standard input.")
    var input: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        try await runReportingErrors {
            let document = try await DocumentReader().read(input)
            let analysis = Pipeline.mentionsOnly.analyse(document)
            switch format {
            case .json: MentionsReport.writeJSON(analysis) { FileHandle.standardOutput.write(Data($0)) }
            case .text: printOut(MentionsReport.text(analysis))
            }
            return 0
        }
    }
}

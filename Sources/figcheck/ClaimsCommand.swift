import ArgumentParser
import FigCheckCommandLine
import FigCheckCore
import FigCheckKit
import Foundation

/// `figcheck claims PATH|URL|-`: the claims of a document as read, before verification.
struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract:
            "List the claims of a document as read: each figure's entity, measure and period with the evidence for each."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "A file (.txt, .md, .html, .docx, .pdf), an http(s) URL, or - for standard input.")
    var input: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Publication date (YYYY-MM-DD); overrides the date found in the document.")
    var date: String?

    @Option(help: "The country \"we\", \"our\" and \"us\" stand for (ISO 3166 alpha-3, e.g. KOR).")
    var subject: String?

    @Option(help: "Reference-data directory (default: the bundled reference-data/).")
    var data: String?

    func validate() throws {
        if let date, CalendarDate(exactISO: date) == nil {
            throw ValidationError("--date \(date): not a YYYY-MM-DD date")
        }
        if let subject, !CountryCode.isAlpha3(subject) {
            throw ValidationError("--subject \(subject): expected an ISO 3166 alpha-3 code such as KOR or USA")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let reading = ReadingOptions(date: date.flatMap(CalendarDate.init(iso:)), subject: subject?.uppercased())
            let document = try await DocumentReader(options: reading).read(input)
            // Read, not verified: the claims as the reader framed them.
            let pipeline = Pipeline.reading(
                knowledge: try Check.loadKnowledge(CheckOptions(inputs: [input], dataDirectory: data)))
            let analysis = pipeline.analyse(document)
            printOut(format == .json ? ClaimsReport.json(analysis) : ClaimsReport.text(analysis))
            return 0
        }
    }
}

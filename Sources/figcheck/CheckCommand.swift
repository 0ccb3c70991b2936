import ArgumentParser
import FigCheckCore
import FigCheckKit
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `figcheck check PATH|URL|- ...`
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the figures in documents (files, http(s) URLs, or - for standard input)."
    )

    @Argument(help: "Files (.txt, .md, .html, .docx), http(s) URLs, or - for standard input.")
    var inputs: [String]

    @Option(help: "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Publication date (YYYY-MM-DD); overrides the date found in the document.")
    var date: String?

    @Option(help: "The country \"we\", \"our\" and \"us\" stand for (ISO 3166 alpha-3, e.g. KOR).")
    var subject: String?

    @Option(name: .customLong("as-of"), help: "Use the newest reference-data vintage released on or before this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Reference-data directory (default: the bundled reference-data/).")
    var data: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above: error, warning, never.")
    var failOn: String = "error"

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input: give a path, an http(s) URL, or - for standard input") }
        if let date, CalendarDate(iso: date) == nil || date.count != 10 {
            throw ValidationError("--date \(date): not a YYYY-MM-DD date")
        }
        if let asOf, CalendarDate(iso: asOf) == nil || asOf.count != 10 {
            throw ValidationError("--as-of \(asOf): not a YYYY-MM-DD date")
        }
        if let subject, !(subject.count == 3 && subject.allSatisfy({ $0.isASCII && $0.isLetter })) {
            throw ValidationError("--subject \(subject): expected an ISO 3166 alpha-3 code such as KOR or USA")
        }
        if !["error", "warning", "never"].contains(failOn) {
            throw ValidationError("--fail-on \(failOn): expected error, warning or never")
        }
    }

    func run() async throws {
        let options = CheckOptions(
            inputs: inputs,
            format: format,
            reading: ReadingOptions(date: date.flatMap(CalendarDate.init(iso:)), subject: subject?.uppercased()),
            failOn: failOn == "never" ? nil : Severity(rawValue: failOn),
            color: format == .text && Terminal.wantsColor,
            dataDirectory: data,
            asOf: asOf.flatMap(CalendarDate.init(iso:))
        )
        let outcome = await Check.run(options)
        FileHandle.standardOutput.write(Data(outcome.rendered.utf8))
        for error in outcome.errors {
            FileHandle.standardError.write(Data("figcheck: \(error)\n".utf8))
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

/// Whether standard output is a terminal that wants colour (NO_COLOR turns it off).
enum Terminal {
    static var wantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

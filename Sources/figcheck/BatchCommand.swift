import ArgumentParser
import FigCheckCore
import FigCheckKit
import Foundation

/// `figcheck batch INPUT... --out DIR`
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check many documents in parallel and write a report folder with a dashboard.")

    @Argument(help: "Folders (recursively), files, globs, manifests (.list, .manifest: a path or URL per line), or - for a manifest on standard input.")
    var inputs: [String]

    @Option(help: "Output folder; each run writes <out>/<run id>/.")
    var out: String

    @Option(help: "Documents checked at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var reading: ReadingFlags

    @Option(name: .customLong("run-id"), help: "The run folder's name (default: the UTC time, YYYYMMDD-HHMMSS).")
    var runID: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs \(jobs): expected 1 or more") }
        if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
            throw ValidationError("--run-id \(runID): expected a plain folder name")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let documents = try Batch.expand(inputs) {
                String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
            guard !documents.isEmpty else { throw UsageError(message: "no documents: the inputs name no .txt, .md, .html, .docx or .pdf files") }
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            formatter.timeZone = TimeZone(identifier: "UTC")
            let failOn = reading.failOn ?? "error"
            let check = CheckOptions(
                inputs: [], format: .json,
                reading: ReadingOptions(date: reading.date.flatMap(CalendarDate.init(iso:)), subject: reading.subject?.uppercased()),
                failOn: failOn == "never" ? nil : Severity(rawValue: failOn), dataDirectory: reading.data,
                asOf: reading.asOf.flatMap(CalendarDate.init(iso:)))
            let options = Batch.Options(inputs: inputs, outputDirectory: out, jobs: jobs, check: check,
                                        runID: runID ?? formatter.string(from: Date()))
            let start = Date()
            let interactive = isatty(STDERR_FILENO) == 1
            let step = max(1, documents.count / 10)
            let outcome = try await Batch.run(options, documents: documents) { done, total in
                guard interactive || done % step == 0 || done == total else { return }
                let elapsed = Date().timeIntervalSince(start)
                let rate = Double(done) / max(elapsed, 0.001)
                let eta = Double(total - done) / max(rate, 0.001)
                let line = String(format: "checked %d/%d documents (%.1f/s, ETA %.0f s)", done, total, rate, eta)
                FileHandle.standardError.write(Data((interactive ? "\r\(line)" + (done == total ? "\n" : "") : line + "\n").utf8))
            }
            let summary = outcome.summary
            for entry in summary.entries where !entry.errors.isEmpty {
                FileHandle.standardError.write(Data("figcheck: \(entry.errors.joined(separator: "; "))\n".utf8))
            }
            printOut("\(outcome.directory.path)/index.html: \(summary.documents) documents, \(summary.failed) could not be checked, "
                + "\(summary.totals.claims) claims, \(summary.totals.inconsistent) inconsistent, \(summary.totals.needsReview) to review\n")
            return outcome.exitCode
        }
    }
}

import ArgumentParser
import FigCheckBatch
import FigCheckCommandLine
import FigCheckCore
import FigCheckKit
import Foundation

/// `figcheck batch INPUT... --out DIR`
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check many documents in parallel and write a report folder with a dashboard.",
        discussion: """
            Each run writes <out>/<run id>/ and records what it finished in <out>/figcheck-batch.sqlite: \
            documents whose content, tool, data and settings are unchanged since an earlier run are not \
            checked again, and an interrupted run continues with --resume.
            """)

    @Argument(
        help:
            "Folders (recursively), files, globs, manifests (.list, .manifest: a path or URL per line), or - for a manifest on standard input."
    )
    var inputs: [String]

    @Option(help: "Output folder; each run writes <out>/<run id>/.")
    var out: String

    @Option(help: "Documents checked at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var reading: ReadingFlags

    @Option(
        help:
            "Configuration file (default: .figcheck.yml in this directory or a parent): subject, dates, tolerances, rules, baseline."
    )
    var config: String?

    @Option(help: "Hide the findings recorded in this baseline file (default: the configuration's).")
    var baseline: String?

    @Option(name: .customLong("run-id"), help: "The run folder's name (default: the UTC time, YYYYMMDD-HHMMSS).")
    var runID: String?

    @Flag(help: "Continue the newest interrupted run in --out (or the one --run-id names).")
    var resume = false

    @Flag(
        help: "Check every document, even those an earlier run checked with the same content, tool, data and settings.")
    var recheck = false

    @Option(
        help:
            "Check only shard I of N (1-based, e.g. 2/4), chosen by a hash of each document's name; combine shards with figcheck merge."
    )
    var shard: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs \(jobs): expected 1 or more") }
        try validateRunID(runID)
        if let shard { _ = try Batch.Shard(parsing: shard) }
    }

    func run() async throws {
        try await runReportingErrors {
            let documents = try Batch.expand(inputs) {
                String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
            guard !documents.isEmpty else {
                throw UsageError(message: "no documents: the inputs name no .txt, .md, .html, .docx or .pdf files")
            }
            let configuration = try ConfigurationFile.load(explicit: config)
            for warning in configuration.warnings {
                FileHandle.standardError.write(Data("figcheck: \(warning)\n".utf8))
            }
            let check = try reading.checkOptions(
                inputs: [], format: .json, configuration: configuration, color: false,
                baseline: baseline)
            var options = Batch.Options(inputs: inputs, outputDirectory: out, jobs: jobs, check: check, runID: runID)
            options.resume = resume
            options.recheck = recheck
            options.shard = try shard.map(Batch.Shard.init(parsing:))
            let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
            let outcome = try await Batch.run(options, documents: documents) { display.show($0) }
            return report(outcome)
        }
    }
}

/// `figcheck merge RUN... --out DIR`
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the run folders of batch shards (--shard I/N) into one run with a dashboard.")

    @Argument(help: "The shards' run folders (<out>/<run id>/ of each figcheck batch --shard).")
    var runs: [String]

    @Option(
        help: "Output folder; the merged run is written to <out>/<run id>/ and compared with the previous run there.")
    var out: String

    @Option(name: .customLong("run-id"), help: "The merged run's folder name (default: the UTC time, YYYYMMDD-HHMMSS).")
    var runID: String?

    func validate() throws { try validateRunID(runID) }

    func run() async throws {
        try await runReportingErrors { report(try Batch.merge(runs, into: out, runID: runID)) }
    }
}

private func validateRunID(_ runID: String?) throws {
    if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
        throw ValidationError("--run-id \(runID): expected a plain folder name")
    }
}

/// Prints the failures to standard error and the run's one-line summary and changes to standard
/// output; returns the exit code.
private func report(_ outcome: Batch.Outcome) -> Int32 {
    let summary = outcome.summary
    for entry in summary.entries where !entry.errors.isEmpty {
        FileHandle.standardError.write(Data("figcheck: \(entry.errors.joined(separator: "; "))\n".utf8))
    }
    var line = "\(outcome.directory.path)/index.html: \(summary.documents) documents"
    if summary.reused > 0 { line += " (\(summary.reused) unchanged, not checked again)" }
    line +=
        ", \(summary.failed) could not be checked, \(summary.totals.claims) claims, "
        + "\(summary.totals.inconsistent) inconsistent, \(summary.totals.needsReview) to review\n"
    if let changes = summary.changes {
        if changes.isEmpty {
            line += "no changes since run \(changes.previousRun) (\(changes.unchanged) findings unchanged)\n"
        } else {
            line +=
                "since run \(changes.previousRun): \(changes.new.count) new, \(changes.resolved.count) resolved, "
                + "\(changes.unchanged) unchanged findings; \(changes.addedDocuments.count) documents added, "
                + "\(changes.removedDocuments.count) removed\n"
        }
    }
    printOut(line)
    return outcome.exitCode
}

/// The progress of a batch on standard error: a bar redrawn in place on a terminal, a plain line
/// every tenth of the run otherwise (logs of scheduled jobs stay short).
final class ProgressDisplay: Sendable {
    let interactive: Bool
    let start = Date()

    init(interactive: Bool) { self.interactive = interactive }

    func show(_ progress: Batch.Progress) {
        let step = max(1, progress.total / 10)
        let finished = progress.done == progress.total
        guard interactive || progress.done % step == 0 || finished else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(progress.done) / max(elapsed, 0.001)
        let eta = Double(progress.total - progress.done) / max(rate, 0.001)
        let counts = String(
            format: "%d/%d documents, %d unchanged, %.1f/s, ETA %@", progress.done, progress.total,
            progress.reused, rate, Self.duration(eta))
        if interactive {
            let width = 30
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(counts)\(finished ? "\n" : "")".utf8))
        } else {
            FileHandle.standardError.write(Data("checked \(counts)\n".utf8))
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}

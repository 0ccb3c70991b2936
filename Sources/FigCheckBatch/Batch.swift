import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Synchronization

/// `figcheck batch`: many documents checked in parallel with one shared set of tables, each
/// written as JSON and HTML, with a summary, a dashboard and the changes since the previous run,
/// into `<out>/<run id>/`. A store in `<out>` (``BatchStore``) remembers what each run finished,
/// so unchanged documents are not checked again and an interrupted run can be resumed.
package enum Batch {
    /// What a batch run is asked to do.
    package struct Options: Sendable {
        /// Folders (read recursively), files, globs, manifests (`.list`, `.manifest`: one path or
        /// URL per line) or `-` (a manifest on standard input).
        package var inputs: [String]
        package var outputDirectory: String
        package var jobs: Int
        package var check: CheckOptions
        /// The run folder's name; nil with `resume` continues the newest unfinished run.
        package var runID: String?
        /// Continue an interrupted run instead of starting a new one.
        package var resume: Bool = false
        /// Check every document even when an earlier run checked the same content.
        package var recheck: Bool = false
        /// Only the documents of this shard (`--shard I/N`).
        package var shard: Shard?

        /// Creates options.
        package init(inputs: [String], outputDirectory: String, jobs: Int, check: CheckOptions, runID: String?) {
            self.inputs = inputs
            self.outputDirectory = outputDirectory
            self.jobs = jobs
            self.check = check
            self.runID = runID
        }
    }

    /// One document's line in the summary.
    package struct Entry: Codable, Sendable {
        package var source: String
        /// Paths of the reports, relative to the run folder; nil when the document failed.
        package var json: String?
        package var html: String?
        package var summary: VerdictSummary
        /// Findings at or above `--fail-on`.
        package var failing: Int
        package var errors: [String]
        /// SHA-256 of the bytes read; nil when they could not be read.
        package var contentHash: String?
        /// Taken from an earlier run (same content, tool, data and settings) instead of checked again.
        package var reused: Bool?
    }

    /// A run's `summary.json`.
    package struct Summary: Codable, Sendable {
        package var schemaVersion: Int
        package var runID: String
        package var tool: Report.Tool
        /// Names the reference data the run used (a hash of its files); shards to merge must agree.
        package var dataVersion: String
        /// A hash of the settings that change findings (subject, date, tolerances, rules …).
        package var settings: String
        package var shard: String?
        package var documents: Int
        package var failed: Int
        /// Documents taken unchanged from an earlier run.
        package var reused: Int
        package var totals: VerdictSummary
        /// What changed since the previous finished run in the same output folder.
        package var changes: Changes?
        package var entries: [Entry]
    }

    /// The findings that need attention, compared with the previous run like a baseline compares
    /// them: by document, rule, figure and normalised sentence, not line numbers.
    package struct Changes: Codable, Sendable {
        package var previousRun: String
        package var new: [Baseline.Entry]
        package var resolved: [Baseline.Entry]
        package var unchanged: Int
        /// Documents in this run that the previous one did not have, and the reverse.
        package var addedDocuments: [String]
        package var removedDocuments: [String]

        /// Nothing new, nothing resolved, the same documents.
        package var isEmpty: Bool {
            new.isEmpty && resolved.isEmpty && addedDocuments.isEmpty && removedDocuments.isEmpty
        }
    }

    /// The result of a run.
    package struct Outcome: Sendable {
        package var summary: Summary
        package var directory: URL
        package var exitCode: Int32
    }

    /// Checks every document, `jobs` at a time, and writes the run folder. Documents whose
    /// content, tool, data and settings match a finished record in the store are taken from it.
    package static func run(
        _ options: Options, documents all: [String],
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Outcome {
        // The tables are read when the first document needs checking: a night with no changes
        // never reads them.
        let dataDirectory = try ReferenceDataLocator.locate(explicit: options.check.dataDirectory)
        let checker = SharedChecker(options: options.check)
        let outDirectory = URL(fileURLWithPath: options.outputDirectory)
        try createDirectory(outDirectory)
        let store = try BatchStore(directory: outDirectory)
        let runID = try chooseRunID(options, store: store, outDirectory: outDirectory)
        let fingerprint = BatchStore.Fingerprint(
            toolVersion: FigCheckVersion.current,
            dataVersion: dataVersion(of: dataDirectory),
            settings: settingsFingerprint(options.check))
        let documents = options.shard.map { shard in all.filter(shard.contains) } ?? all
        let directory = outDirectory.appendingPathComponent(runID)
        let context = DocumentContext(
            options: options, runID: runID, fingerprint: fingerprint, store: store, checker: checker,
            outDirectory: outDirectory,
            documentsDirectory: directory.appendingPathComponent("documents"))
        try createDirectory(context.documentsDirectory)
        removeStaleTemporaryFiles(in: [directory, context.documentsDirectory])
        try store.begin(run: runID, fingerprint: fingerprint, shard: options.shard?.description)

        var entries = [Entry?](repeating: nil, count: documents.count)
        var counter = Progress(done: 0, total: documents.count, reused: 0)
        try await withThrowingTaskGroup(of: (Int, Entry).self) { group in
            var next = 0
            func launch() {
                guard next < documents.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await checkOne(documents[index], context: context)) }
            }
            for _ in 0..<max(1, options.jobs) { launch() }
            while let (index, entry) = try await group.next() {
                entries[index] = entry
                counter.done += 1
                if entry.reused == true { counter.reused += 1 }
                progress(counter)
                launch()
            }
        }
        return try conclude(
            entries.compactMap { $0 }, runID: runID, directory: directory, fingerprint: fingerprint,
            shard: options.shard?.description, store: store)
    }

    /// How far a run has come, for the progress display.
    package struct Progress: Sendable {
        package var done: Int
        package var total: Int
        package var reused: Int
    }

    /// The pipeline and catalog of a run, read on first use and then shared by every task.
    final class SharedChecker: Sendable {
        let options: CheckOptions
        private let loaded = Mutex<Result<(Pipeline, ReferenceCatalog), any Error>?>(nil)

        init(options: CheckOptions) { self.options = options }

        func load() throws -> (Pipeline, ReferenceCatalog) {
            try loaded.withLock { slot in
                if let result = slot { return try result.get() }
                let result = Result { () throws -> (Pipeline, ReferenceCatalog) in
                    let knowledge = try Check.loadKnowledge(options)
                    return (
                        Pipeline.standard(knowledge: knowledge, settings: Check.settings(options)), knowledge.catalog
                    )
                }
                slot = result
                return try result.get()
            }
        }
    }

    /// Everything a document's check needs, shared by the run's tasks.
    struct DocumentContext: Sendable {
        var options: Options
        var runID: String
        var fingerprint: BatchStore.Fingerprint
        var store: BatchStore
        var checker: SharedChecker
        var outDirectory: URL
        var documentsDirectory: URL
    }

    /// The run to write: the one asked for, or with `--resume` the newest unfinished one.
    static func chooseRunID(_ options: Options, store: BatchStore, outDirectory: URL) throws -> String {
        if options.resume {
            if let runID = options.runID {
                guard try store.run(id: runID) != nil else {
                    throw BatchError.noSuchRun(directory: options.outputDirectory, runID: runID)
                }
                return runID
            }
            guard let run = try store.newestUnfinishedRun() else {
                throw BatchError.noRunToResume(directory: options.outputDirectory)
            }
            return run.id
        }
        let runID = options.runID ?? defaultRunID()
        if try store.run(id: runID) != nil {
            throw BatchError.runExists(directory: options.outputDirectory, runID: runID)
        }
        return runID
    }

    /// The UTC time as YYYYMMDD-HHMMSS.
    package static func defaultRunID() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    /// Checks one document and writes its JSON and HTML reports, or takes them from an earlier
    /// run when nothing that matters has changed. A document that fails is an entry with its
    /// error, and the run goes on.
    static func checkOne(_ source: String, context: DocumentContext) async throws -> Entry {
        var single = context.options.check
        single.inputs = [source]
        let reader = DocumentReader(options: single.reading)
        let bytes: [UInt8]
        let declared: DocumentFormat?
        do {
            (bytes, declared) = try await reader.fetch(source)
        } catch {
            return try recordFailure(source, hash: nil, error: error.localizedDescription, context: context)
        }
        let hash = ContentHash.hex(bytes)
        if !context.options.recheck, let entry = try reuse(source, hash: hash, context: context) { return entry }
        let (pipeline, catalog) = try context.checker.load()
        // The document's budget covers loading and checking; a document that runs out of it is a
        // failed entry, and the run goes on.
        let budget = WorkBudget(seconds: single.maxSeconds)
        let analysed: (report: DocumentReport, referenceDataErrors: [String])
        do {
            let document = try reader.load(bytes, source: source, declared: declared, budget: budget)
            analysed = try Check.analyse(document, pipeline: pipeline, options: single, budget: budget)
        } catch {
            return try recordFailure(source, hash: hash, error: error.localizedDescription, context: context)
        }
        if !analysed.report.errors.isEmpty {
            return try recordFailure(
                source, hash: hash, error: analysed.report.errors.joined(separator: "; "), context: context)
        }
        let report = Check.assemble([analysed.report], catalog: catalog)
        let name = reportName(source)
        var jsonOptions = single
        jsonOptions.format = .json
        let json = OutputFormat.json.render(report, options: jsonOptions)
        let html = OutputFormat.html.render(report, options: single)
        try AtomicFile.write(Data(json.utf8), to: context.documentsDirectory.appendingPathComponent(name + ".json"))
        try AtomicFile.write(Data(html.utf8), to: context.documentsDirectory.appendingPathComponent(name + ".html"))
        let failOn = single.failOn ?? .error
        let entry = Entry(
            source: source, json: "documents/\(name).json", html: "documents/\(name).html",
            summary: analysed.report.summary,
            failing: analysed.report.claims.filter { $0.severity >= failOn }.count, errors: [],
            contentHash: hash, reused: false)
        // Recorded only now that both reports are in place: a run killed before this line checks
        // the document again when resumed.
        try context.store.record(
            entry, findings: findingKeys(analysed.report), run: context.runID, fingerprint: context.fingerprint)
        return entry
    }

    /// The entry of a document recorded earlier with the same content and fingerprint, its reports
    /// linked into this run's folder; nil when there is none or its reports are gone.
    static func reuse(_ source: String, hash: String, context: DocumentContext) throws -> Entry? {
        guard
            let record = try context.store.reusable(
                source: source, contentHash: hash, fingerprint: context.fingerprint,
                preferring: context.runID),
            let json = record.entry.json, let html = record.entry.html
        else { return nil }
        var entry = record.entry
        if record.runID != context.runID {
            let from = context.outDirectory.appendingPathComponent(record.runID)
            let to = context.documentsDirectory.deletingLastPathComponent()
            for path in [json, html] {
                guard link(from.appendingPathComponent(path), to: to.appendingPathComponent(path)) else { return nil }
            }
        } else {
            let folder = context.documentsDirectory.deletingLastPathComponent()
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(json).path),
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(html).path)
            else { return nil }
        }
        entry.reused = true
        try context.store.record(entry, findings: record.findings, run: context.runID, fingerprint: context.fingerprint)
        return entry
    }

    /// A hard link (a copy across file systems) of an earlier run's report, replacing what is there.
    static func link(_ source: URL, to target: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: source.path) else { return false }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            // A hard link by the system call (FileManager's costs more than the rest of reusing a
            // document); a copy where links are not allowed.
            if Foundation.link(source.path, temporary.path) != 0 {
                try FileManager.default.copyItem(at: source, to: temporary)
            }
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }

    static func recordFailure(_ source: String, hash: String?, error: String, context: DocumentContext) throws -> Entry
    {
        let entry = Entry(
            source: source, json: nil, html: nil, summary: VerdictSummary([]), failing: 0, errors: [error],
            contentHash: hash, reused: false)
        try context.store.record(entry, findings: [], run: context.runID, fingerprint: context.fingerprint)
        return entry
    }

    /// The findings that need attention (warnings and errors), keyed like a baseline.
    static func findingKeys(_ report: DocumentReport) -> [Baseline.Entry] {
        report.claims.filter { $0.severity >= .warning }.map { Baseline.entry($0, document: report.source) }.sorted()
    }

    /// A report's file name: the document's last two path parts (letters, digits, dots and
    /// dashes, at most 60 characters) and 10 digits of its name's hash, so shards never collide.
    static func reportName(_ source: String) -> String {
        let last = source.split(separator: "/").suffix(2).joined(separator: "_")
        let cleaned = String(last.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        return String(cleaned.suffix(60)) + "-" + ContentHash.hex(source).prefix(10)
    }

    /// Temporary files a killed run left behind (never renamed, so never read as reports).
    static func removeStaleTemporaryFiles(in directories: [URL]) {
        for directory in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }

    static func createDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw BatchError.unreadableRun(
                path: url.path, reason: "cannot create the folder (\((error as NSError).localizedDescription))")
        }
    }
}

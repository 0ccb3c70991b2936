import FigCheckCore
import FigCheckData
import FigCheckRules
import Foundation

/// `figcheck batch`: many documents checked in parallel with one shared set of tables, each
/// written as JSON and HTML, with a summary and a dashboard, into `<out>/<run id>/`.
///
/// This is the first part of the nightly-run issue: resumable runs, shards and the run-to-run
/// diff come next.
public enum Batch {
    public struct Options: Sendable {
        /// Folders (read recursively), files, globs, manifests (`.list`, `.manifest`: one path or
        /// URL per line) or `-` (a manifest on standard input).
        public var inputs: [String]
        public var outputDirectory: String
        public var jobs: Int
        public var check: CheckOptions
        public var runID: String

        public init(inputs: [String], outputDirectory: String, jobs: Int, check: CheckOptions, runID: String) {
            self.inputs = inputs
            self.outputDirectory = outputDirectory
            self.jobs = jobs
            self.check = check
            self.runID = runID
        }
    }

    /// One document's line in the summary.
    public struct Entry: Codable, Sendable {
        public var source: String
        public var json: String?
        public var html: String?
        public var summary: VerdictSummary
        public var failing: Int
        public var errors: [String]
    }

    public struct Summary: Codable, Sendable {
        public var schemaVersion: Int
        public var runID: String
        public var tool: Report.Tool
        public var documents: Int
        public var failed: Int
        public var totals: VerdictSummary
        public var entries: [Entry]
    }

    public struct Outcome: Sendable {
        public var summary: Summary
        public var directory: URL
        public var exitCode: Int32
    }

    static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "docx", "pdf"]
    static let manifestExtensions: Set<String> = ["list", "manifest", "lst"]

    /// The documents the inputs name, in a stable order, without duplicates.
    public static func expand(_ inputs: [String], standardInput: () -> String = { "" }) throws -> [String] {
        var documents: [String] = []
        func add(_ path: String) { if !documents.contains(path) { documents.append(path) } }
        for input in inputs {
            if input == "-" {
                standardInput().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }.forEach(add)
                continue
            }
            if input.contains("://") { add(input); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let enumerator = FileManager.default.enumerator(atPath: input)
                    var found: [String] = []
                    while let path = enumerator?.nextObject() as? String {
                        let name = (path as NSString).lastPathComponent
                        if !name.hasPrefix("."), extensions.contains((path as NSString).pathExtension.lowercased()) {
                            found.append((input as NSString).appendingPathComponent(path))
                        }
                    }
                    found.sorted().forEach(add)
                } else if manifestExtensions.contains((input as NSString).pathExtension.lowercased()) {
                    let text = try String(contentsOfFile: input, encoding: .utf8)
                    let base = (input as NSString).deletingLastPathComponent
                    for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
                    where !line.isEmpty && !line.hasPrefix("#") {
                        add(line.contains("://") || line.hasPrefix("/") || base.isEmpty ? line : (base as NSString).appendingPathComponent(line))
                    }
                } else {
                    add(input)
                }
            } else if input.contains("*") || input.contains("?") {
                let cwd = FileManager.default.currentDirectoryPath
                let enumerator = FileManager.default.enumerator(atPath: cwd)
                var found: [String] = []
                while let path = enumerator?.nextObject() as? String {
                    if !path.hasPrefix(".build"), PathGlob.matches(input, path) { found.append(path) }
                }
                found.sorted().forEach(add)
            } else {
                add(input)  // reported as unreadable by the run, like any other failure
            }
        }
        return documents
    }

    /// Checks every document, `jobs` at a time, and writes the run folder.
    public static func run(_ options: Options, documents: [String],
                           progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Outcome {
        let knowledge = try Check.loadKnowledge(options.check)
        let pipeline = Pipeline.standard(knowledge: knowledge, settings: Check.settings(options.check))
        let directory = URL(fileURLWithPath: options.outputDirectory).appendingPathComponent(options.runID)
        let documentsDirectory = directory.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documentsDirectory, withIntermediateDirectories: true)
        var entries = [Entry?](repeating: nil, count: documents.count)
        var done = 0
        try await withThrowingTaskGroup(of: (Int, Entry).self) { group in
            var next = 0
            func launch() {
                guard next < documents.count else { return }
                let index = next
                next += 1
                group.addTask {
                    let entry = try await checkOne(documents[index], index: index, options: options, pipeline: pipeline,
                                                   catalog: knowledge.catalog, into: documentsDirectory)
                    return (index, entry)
                }
            }
            for _ in 0..<max(1, options.jobs) { launch() }
            while let (index, entry) = try await group.next() {
                entries[index] = entry
                done += 1
                progress(done, documents.count)
                launch()
            }
        }
        let finished = entries.compactMap { $0 }
        let totals = finished.reduce(into: VerdictSummary([])) { total, entry in
            total.claims += entry.summary.claims
            total.consistent += entry.summary.consistent
            total.inconsistent += entry.summary.inconsistent
            total.needsReview += entry.summary.needsReview
            total.unverifiable += entry.summary.unverifiable
        }
        let summary = Summary(schemaVersion: 1, runID: options.runID,
                              tool: .init(name: "figcheck", version: FigCheckVersion.current), documents: finished.count,
                              failed: finished.filter { !$0.errors.isEmpty }.count, totals: totals, entries: finished)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(summary) + Data("\n".utf8), to: directory.appendingPathComponent("summary.json"))
        try AtomicFile.write(Data(BatchDashboard.render(summary).utf8), to: directory.appendingPathComponent("index.html"))
        let exitCode: Int32 = summary.failed > 0 ? 2 : (finished.contains { $0.failing > 0 } ? 1 : 0)
        return Outcome(summary: summary, directory: directory, exitCode: exitCode)
    }

    /// Checks one document and writes its JSON and HTML reports; a document that fails is an entry
    /// with its error, and the run goes on.
    static func checkOne(_ source: String, index: Int, options: Options, pipeline: Pipeline, catalog: ReferenceCatalog,
                         into directory: URL) async throws -> Entry {
        var single = options.check
        single.inputs = [source]
        let outcome = await Check.run(single, pipeline: pipeline, catalog: catalog)
        guard let document = outcome.report.documents.first else {
            return Entry(source: source, json: nil, html: nil, summary: VerdictSummary([]), failing: 0, errors: outcome.errors)
        }
        if !document.errors.isEmpty {
            return Entry(source: source, json: nil, html: nil, summary: document.summary, failing: 0, errors: document.errors)
        }
        let name = String(format: "%05d-", index) + safeName(source)
        var jsonOptions = single
        jsonOptions.format = .json
        let json = OutputFormat.json.reporter.render(outcome.report, options: jsonOptions)
        let html = OutputFormat.html.reporter.render(outcome.report, options: single)
        try AtomicFile.write(Data(json.utf8), to: directory.appendingPathComponent(name + ".json"))
        try AtomicFile.write(Data(html.utf8), to: directory.appendingPathComponent(name + ".html"))
        let failOn = single.failOn ?? .error
        return Entry(source: source, json: "documents/\(name).json", html: "documents/\(name).html", summary: document.summary,
                     failing: document.claims.filter { $0.severity >= failOn }.count, errors: [])
    }

    /// A file name from a path or URL: letters, digits, dots and dashes, at most 80 characters.
    static func safeName(_ source: String) -> String {
        let last = source.split(separator: "/").suffix(2).joined(separator: "_")
        let cleaned = String(last.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        return String(cleaned.suffix(80))
    }
}

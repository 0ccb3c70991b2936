import Foundation
import Testing
import TestSupport

/// The nightly-run acceptance of `figcheck batch` on the built binary: 200 documents (the seeds,
/// the corpus, their text and HTML versions and nudged variants, two broken on purpose), a second
/// run that finds no changes and checks nothing again, an edit that shows up as a change, a run
/// killed midway and resumed, and shards merged back into one run.
@Suite("figcheck batch: 200 documents, reruns, resume, shards", .serialized)
struct BatchAcceptanceTests {
    /// 200 documents from `Scripts/make-batch-corpus`, in a new folder.
    static func corpus(count: Int = 200) throws -> URL {
        let directory = try TestPaths.temporaryDirectory().appendingPathComponent("archive")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.repository.appendingPathComponent("Scripts/make-batch-corpus").path,
                             directory.path, String(count)]
        var environment = ProcessInfo.processInfo.environment
        environment["FIGCHECK_SHARED"] = TestPaths.shared.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return directory
    }

    static func summary(_ run: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: run.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Each document's verdict counts, by source.
    static func verdicts(_ summary: [String: Any]) -> [String: String] {
        let entries = summary["entries"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: entries.map { entry in
            let counts = entry["summary"] as? [String: Int] ?? [:]
            let errors = (entry["errors"] as? [String] ?? []).joined()
            return (entry["source"] as? String ?? "", counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + errors)
        })
    }

    @Test("200 documents with two broken: failures reported, dashboard written; a rerun reports no changes and skips them; an edit is a change")
    func nightlyRuns() throws {
        let archive = try Self.corpus()
        let root = archive.deletingLastPathComponent()
        let out = root.appendingPathComponent("reports")
        let first = try FigCheckBinary.run(["batch", "archive", "--out", "reports", "--jobs", "2", "--run-id", "night-1"], in: root)
        #expect(first.exitCode == 2)
        let failures = first.standardError.split(separator: "\n").filter { $0.hasPrefix("figcheck: ") }
        #expect(failures.count == 2)
        #expect(failures.contains { $0.contains("not-a-zip.docx") } && failures.contains { $0.contains("binary.txt") })
        let firstSummary = try Self.summary(out.appendingPathComponent("night-1"))
        #expect(firstSummary["documents"] as? Int == 200)
        #expect(firstSummary["failed"] as? Int == 2)
        #expect(firstSummary["reused"] as? Int == 0)
        let totals = try #require(firstSummary["totals"] as? [String: Int])
        #expect(totals["inconsistent", default: 0] > 0 && totals["consistent", default: 0] > 0)
        let dashboard = try String(contentsOf: out.appendingPathComponent("night-1/index.html"), encoding: .utf8)
        #expect(dashboard.contains("200 documents") && dashboard.contains("2 could not be checked"))
        #expect(dashboard.contains("No earlier run"))

        let second = try FigCheckBinary.run(["batch", "archive", "--out", "reports", "--run-id", "night-2"], in: root)
        #expect(second.exitCode == 2)
        #expect(second.standardOutput.contains("(198 unchanged, not checked again)"), "\(second.standardOutput)")
        #expect(second.standardOutput.contains("no changes since run night-1"), "\(second.standardOutput)")
        let secondSummary = try Self.summary(out.appendingPathComponent("night-2"))
        #expect(secondSummary["reused"] as? Int == 198)
        #expect(Self.verdicts(secondSummary) == Self.verdicts(firstSummary))
        let secondDashboard = try String(contentsOf: out.appendingPathComponent("night-2/index.html"), encoding: .utf8)
        #expect(secondDashboard.contains("No changes"))
        // The reused reports are in the new run's folder, whole.
        for entry in try #require(secondSummary["entries"] as? [[String: Any]]) {
            for key in ["json", "html"] {
                if let path = entry[key] as? String {
                    let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("night-2/\(path)").path)[.size]
                    #expect((size as? NSNumber)?.intValue ?? 0 > 0)
                }
            }
        }

        // A draft corrected overnight: the wrong 20.4% of the seed becomes 18.7%.
        let seedCopy = archive.appendingPathComponent("set-00/hansun-2025-10-01-rok-us-alliance.txt")
        let text = try String(contentsOf: seedCopy, encoding: .utf8)
        try #require(text.contains("20.4%"))
        try text.replacingOccurrences(of: "20.4%", with: "18.7%").write(to: seedCopy, atomically: true, encoding: .utf8)
        let third = try FigCheckBinary.run(["batch", "archive", "--out", "reports", "--run-id", "night-3"], in: root)
        #expect(third.standardOutput.contains("(197 unchanged, not checked again)"), "\(third.standardOutput)")
        let changes = try #require(try Self.summary(out.appendingPathComponent("night-3"))["changes"] as? [String: Any])
        #expect(changes["previousRun"] as? String == "night-2")
        let resolved = try #require(changes["resolved"] as? [[String: Any]])
        #expect(resolved.contains { ($0["text"] as? String)?.contains("20.4%") == true && ($0["document"] as? String)?.hasSuffix("rok-us-alliance.txt") == true })
        let thirdDashboard = try String(contentsOf: out.appendingPathComponent("night-3/index.html"), encoding: .utf8)
        #expect(thirdDashboard.contains("Resolved findings"))
    }

    @Test("a run killed midway and resumed loses nothing: every document reported, the same verdicts as an uninterrupted run")
    func killAndResume() async throws {
        let archive = try Self.corpus()
        let root = archive.deletingLastPathComponent()
        let clean = try FigCheckBinary.run(["batch", "archive", "--out", "clean", "--run-id", "whole"], in: root)
        #expect(clean.exitCode == 2)
        let documents = root.appendingPathComponent("killed/interrupted/documents")
        let process = try FigCheckBinary.start(["batch", "archive", "--out", "killed", "--jobs", "1", "--run-id", "interrupted"], in: root)
        // Kill it once some reports are written, long before the end.
        let deadline = Date().addingTimeInterval(120)
        var written = 0
        while Date() < deadline, process.isRunning {
            written = (try? FileManager.default.contentsOfDirectory(atPath: documents.path).filter { $0.hasSuffix(".json") }.count) ?? 0
            if written >= 20 { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try #require(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("killed/interrupted/summary.json").path))

        let resumed = try FigCheckBinary.run(["batch", "archive", "--out", "killed", "--resume"], in: root)
        #expect(resumed.exitCode == 2)
        let summary = try Self.summary(root.appendingPathComponent("killed/interrupted"))
        #expect(summary["documents"] as? Int == 200)
        // Every document whose reports were complete at the kill is taken as it was (with --jobs 1,
        // the one being written then may lack its HTML and its record, and is checked again).
        #expect((summary["reused"] as? Int ?? 0) >= written - 1)
        #expect(Self.verdicts(summary) == Self.verdicts(try Self.summary(root.appendingPathComponent("clean/whole"))))
        let leftovers = FileManager.default.enumerator(atPath: root.appendingPathComponent("killed").path)?.allObjects
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
        // Nothing left to resume now.
        let again = try FigCheckBinary.run(["batch", "archive", "--out", "killed", "--resume"], in: root)
        #expect(again.exitCode == 2)
        #expect(again.standardError == "figcheck: killed: no interrupted run to resume\n")
        let unknown = try FigCheckBinary.run(["batch", "archive", "--out", "killed", "--resume", "--run-id", "never-started"], in: root)
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError == "figcheck: killed: no run never-started to resume\n")
    }

    @Test("three shards cover every document once, and merged they give the unsharded run's verdicts")
    func shardsAndMerge() throws {
        let archive = try Self.corpus(count: 60)
        let root = archive.deletingLastPathComponent()
        let whole = try FigCheckBinary.run(["batch", "archive", "--out", "whole", "--run-id", "all"], in: root)
        #expect(whole.exitCode == 2)
        var seen: [String] = []
        for index in 1...3 {
            let shard = try FigCheckBinary.run(["batch", "archive", "--out", "shard-\(index)", "--shard", "\(index)/3", "--run-id", "s"], in: root)
            #expect(shard.exitCode != 2 || shard.standardError.contains("figcheck: "))
            let summary = try Self.summary(root.appendingPathComponent("shard-\(index)/s"))
            #expect(summary["shard"] as? String == "\(index)/3")
            seen += Self.verdicts(summary).keys
        }
        #expect(seen.count == 60 && Set(seen).count == 60)
        let merged = try FigCheckBinary.run(["merge", "shard-1/s", "shard-2/s", "shard-3/s", "--out", "merged", "--run-id", "m"], in: root)
        #expect(merged.exitCode == 2)
        let mergedSummary = try Self.summary(root.appendingPathComponent("merged/m"))
        #expect(Self.verdicts(mergedSummary) == Self.verdicts(try Self.summary(root.appendingPathComponent("whole/all"))))
        for entry in try #require(mergedSummary["entries"] as? [[String: Any]]) {
            if let html = entry["html"] as? String {
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("merged/m/\(html)").path))
            }
        }
        // A second merge of the same shards finds no changes.
        let again = try FigCheckBinary.run(["merge", "shard-1/s", "shard-2/s", "shard-3/s", "--out", "merged", "--run-id", "m2"], in: root)
        #expect(again.standardOutput.contains("no changes since run m"), "\(again.standardOutput)")

        let twice = try FigCheckBinary.run(["merge", "shard-1/s", "shard-1/s", "--out", "merged"], in: root)
        #expect(twice.exitCode == 2)
        #expect(twice.standardError.hasPrefix("figcheck: ") && twice.standardError.contains("too"))
        #expect(twice.standardError.split(separator: "\n").count == 1)
        _ = try FigCheckBinary.run(["batch", "archive", "--out", "shard-x", "--shard", "1/3", "--subject", "KOR", "--run-id", "s"], in: root)
        let mixed = try FigCheckBinary.run(["merge", "shard-x/s", "shard-2/s", "--out", "merged"], in: root)
        #expect(mixed.exitCode == 2)
        #expect(mixed.standardError.contains("other tool, data or settings"))
    }

    @Test("bad batch options end with exit 2 and one line", arguments: [
        (["--shard", "0/3"], "--shard 0/3"),
        (["--shard", "4/3"], "--shard 4/3"),
        (["--shard", "two"], "--shard two"),
        (["--run-id", "../x"], "--run-id ../x"),
    ])
    func badOptions(arguments: [String], expected: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        let result = try FigCheckBinary.run(["batch", TestPaths.repository.appendingPathComponent("examples").path,
                                             "--out", directory.path] + arguments)
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("figcheck: \(expected)"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test("an output folder that cannot be made, or a store that is not a database: exit 2 and one line naming it")
    func unusableOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        let examples = TestPaths.repository.appendingPathComponent("examples").path
        let file = directory.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let onFile = try FigCheckBinary.run(["batch", examples, "--out", file.path])
        #expect(onFile.exitCode == 2)
        #expect(onFile.standardError.hasPrefix("figcheck: \(file.path): cannot create the folder"))
        let corrupt = directory.appendingPathComponent("corrupt")
        try FileManager.default.createDirectory(at: corrupt, withIntermediateDirectories: true)
        try Data("not sqlite".utf8).write(to: corrupt.appendingPathComponent("figcheck-batch.sqlite"))
        let result = try FigCheckBinary.run(["batch", examples, "--out", corrupt.path])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "figcheck: \(corrupt.path)/figcheck-batch.sqlite: file is not a database\n")
    }

    @Test(".figcheck.yml applies to a batch like to check, and a changed setting checks every document again")
    func configuration() throws {
        let directory = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("examples/rok-us-alliance-2025.txt"),
                                         to: directory.appendingPathComponent("drafts/alliance.txt"))
        let config = directory.appendingPathComponent(".figcheck.yml")
        try "version: 1\nsubject: KOR\nrules: {disable: [ratio-of-gdp]}\n".write(to: config, atomically: true, encoding: .utf8)
        _ = try FigCheckBinary.run(["batch", "drafts", "--out", "out", "--run-id", "a"], in: directory)
        let first = try Self.summary(directory.appendingPathComponent("out/a"))
        let entry = try #require((first["entries"] as? [[String: Any]])?.first)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/a")
            .appendingPathComponent(try #require(entry["json"] as? String)))) as? [String: Any]
        let document = try #require((report?["documents"] as? [[String: Any]])?.first)
        #expect(document["subject"] as? String == "KOR")
        let rules = (document["claims"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        #expect(!rules.isEmpty && !rules.contains("ratio-of-gdp"))

        try "version: 1\nsubject: KOR\n".write(to: config, atomically: true, encoding: .utf8)
        let second = try FigCheckBinary.run(["batch", "drafts", "--out", "out", "--run-id", "b"], in: directory)
        let summary = try Self.summary(directory.appendingPathComponent("out/b"))
        #expect(summary["reused"] as? Int == 0)
        let changes = try #require(summary["changes"] as? [String: Any])
        #expect((changes["new"] as? [[String: Any]] ?? []).contains { $0["ruleId"] as? String == "ratio-of-gdp" }, "\(second.standardOutput)")
    }

    @Test("a manifest of URLs: each page fetched and checked, a 404 recorded as a failure, unchanged pages reused the next night")
    func urlsInAManifest() throws {
        let page = "<html><head><meta property=\"article:published_time\" content=\"2025-10-01\"></head><body><article>"
            + "<p>Korea pledged $350 billion, or 20.4% of last year's nominal GDP.</p></article></body></html>"
        let server = try LoopbackHTTPServer { path in
            path == "/draft.html" ? .ok(page, contentType: "text/html; charset=utf-8") : LoopbackHTTPServer.Response(status: 404)
        }
        defer { server.stop() }
        let directory = try TestPaths.temporaryDirectory()
        let manifest = directory.appendingPathComponent("feed.list")
        try "\(server.url("/draft.html"))\n\(server.url("/gone.html"))\n".write(to: manifest, atomically: true, encoding: .utf8)
        let first = try FigCheckBinary.run(["batch", "feed.list", "--out", "out", "--subject", "KOR", "--run-id", "a"], in: directory)
        #expect(first.exitCode == 2)
        #expect(first.standardError.contains("gone.html") && first.standardError.contains("404"))
        let summary = try Self.summary(directory.appendingPathComponent("out/a"))
        #expect(summary["failed"] as? Int == 1)
        #expect((summary["totals"] as? [String: Int])?["inconsistent"] == 1)
        let second = try FigCheckBinary.run(["batch", "feed.list", "--out", "out", "--subject", "KOR", "--run-id", "b"], in: directory)
        #expect(second.standardOutput.contains("(1 unchanged, not checked again)"), "\(second.standardOutput)")
        #expect(server.requests.get().filter { $0.path == "/draft.html" }.count == 2)
    }

    @Test("a run id that exists is not overwritten without --resume")
    func existingRunID() throws {
        let directory = try TestPaths.temporaryDirectory()
        let examples = TestPaths.repository.appendingPathComponent("examples").path
        _ = try FigCheckBinary.run(["batch", examples, "--out", directory.path, "--run-id", "once"])
        let again = try FigCheckBinary.run(["batch", examples, "--out", directory.path, "--run-id", "once"])
        #expect(again.exitCode == 2)
        #expect(again.standardError.contains("run once exists already"))
    }
}

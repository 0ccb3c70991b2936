import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation

extension Batch {
    /// `figcheck merge`: combines the run folders that shards wrote (each `--shard I/N` of one
    /// archive, perhaps on other machines) into one run of `outputDirectory`, with its summary,
    /// dashboard and the changes since the previous run there.
    ///
    /// The shards must have been made with the same tool, data and settings, or their findings
    /// would not be comparable; a document found in two shards is an error, as is a shard that
    /// never finished (it has no `summary.json`).
    // Long: the merge's checks (same tool, data and settings; no document twice; every shard finished) then the
    // write, in order.
    package static func merge(_ runDirectories: [String], into outputDirectory: String, runID: String?) throws
        -> Outcome
    {
        var summaries: [(URL, Summary)] = []
        for path in runDirectories {
            let url = URL(fileURLWithPath: path)
            let file = url.appendingPathComponent("summary.json")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw BatchError.unreadableRun(path: path, reason: "no summary.json (not a finished batch run)")
            }
            do {
                summaries.append((url, try JSONDecoder().decode(Summary.self, from: data)))
            } catch {
                throw BatchError.unreadableRun(path: file.path, reason: "not a figcheck batch summary")
            }
        }
        guard let first = summaries.first?.1 else {
            throw BatchError.unreadableRun(path: outputDirectory, reason: "no runs to merge")
        }
        let fingerprint = BatchStore.Fingerprint(
            toolVersion: first.tool.version, dataVersion: first.dataVersion, settings: first.settings)
        for (url, summary) in summaries.dropFirst() {
            let other = BatchStore.Fingerprint(
                toolVersion: summary.tool.version, dataVersion: summary.dataVersion, settings: summary.settings)
            if other != fingerprint {
                throw BatchError.incompatibleShards(
                    path: url.path, reason: "made with other tool, data or settings than \(summaries[0].0.path)")
            }
        }
        var seen: [String: String] = [:]
        for (url, summary) in summaries {
            for entry in summary.entries {
                if let other = seen[entry.source] {
                    throw BatchError.incompatibleShards(path: url.path, reason: "\(entry.source) is in \(other) too")
                }
                seen[entry.source] = url.path
            }
        }
        let outDirectory = URL(fileURLWithPath: outputDirectory)
        try createDirectory(outDirectory)
        let store = try BatchStore(directory: outDirectory)
        let runID = try chooseRunID(
            Options(
                inputs: [], outputDirectory: outputDirectory, jobs: 1, check: CheckOptions(inputs: []),
                runID: runID), store: store, outDirectory: outDirectory)
        let directory = outDirectory.appendingPathComponent(runID)
        try createDirectory(directory.appendingPathComponent("documents"))
        try store.begin(run: runID, fingerprint: fingerprint, shard: nil)

        var entries: [Entry] = []
        for (url, summary) in summaries {
            for entry in summary.entries {
                for path in [entry.json, entry.html].compactMap({ $0 }) {
                    guard link(url.appendingPathComponent(path), to: directory.appendingPathComponent(path)) else {
                        throw BatchError.unreadableRun(
                            path: url.appendingPathComponent(path).path, reason: "report missing or not copyable")
                    }
                }
                let findings = try entry.json.map { try findingKeys(reportAt: url.appendingPathComponent($0)) } ?? []
                try store.record(entry, findings: findings, run: runID, fingerprint: fingerprint)
                entries.append(entry)
            }
        }
        entries.sort { $0.source < $1.source }
        return try conclude(
            entries, runID: runID, directory: directory, fingerprint: fingerprint, shard: nil, store: store)
    }

    /// The keys of the findings that need attention in a document's JSON report.
    static func findingKeys(reportAt url: URL) throws -> [Baseline.Entry] {
        guard let data = FileManager.default.contents(atPath: url.path),
            let report = try? JSONDecoder().decode(Report.self, from: data)
        else {
            throw BatchError.unreadableRun(path: url.path, reason: "not a figcheck JSON report")
        }
        return report.documents.flatMap(findingKeys)
    }
}

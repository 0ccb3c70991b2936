import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation

extension Batch {
    /// Totals the entries, compares the run with the previous finished one, writes `summary.json`
    /// and `index.html` (each renamed into place) and marks the run finished.
    static func conclude(
        _ entries: [Entry], runID: String, directory: URL, fingerprint: BatchStore.Fingerprint,
        shard: String?, store: BatchStore
    ) throws -> Outcome {
        let totals = entries.reduce(into: VerdictSummary([])) { total, entry in
            total.claims += entry.summary.claims
            total.consistent += entry.summary.consistent
            total.inconsistent += entry.summary.inconsistent
            total.needsReview += entry.summary.needsReview
            total.unverifiable += entry.summary.unverifiable
        }
        var changes: Changes?
        if let previous = try store.previousFinishedRun(before: runID) {
            changes = compare(
                current: try store.documents(ofRun: runID), previous: try store.documents(ofRun: previous.id),
                previousRun: previous.id)
        }
        let summary = Summary(
            schemaVersion: 1, runID: runID, tool: .init(name: "figcheck", version: fingerprint.toolVersion),
            dataVersion: fingerprint.dataVersion, settings: fingerprint.settings, shard: shard,
            documents: entries.count, failed: entries.filter { !$0.errors.isEmpty }.count,
            reused: entries.filter { $0.reused == true }.count, totals: totals, changes: changes,
            entries: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try AtomicFile.write(
                try encoder.encode(summary) + Data("\n".utf8), to: directory.appendingPathComponent("summary.json"))
            try AtomicFile.write(
                Data(BatchDashboard.render(summary).utf8), to: directory.appendingPathComponent("index.html"))
        } catch {
            throw BatchError.unreadableRun(
                path: directory.path, reason: "cannot write the summary (\(error.localizedDescription))")
        }
        try store.finish(run: runID)
        let exitCode: Int32 = summary.failed > 0 ? 2 : (entries.contains { $0.failing > 0 } ? 1 : 0)
        return Outcome(summary: summary, directory: directory, exitCode: exitCode)
    }

    /// New, resolved and unchanged findings between two runs' records. Documents that could not
    /// be checked in either run are left out of the comparison (they are listed as failures);
    /// a document only one run has counts as added or removed, its findings as new or resolved.
    static func compare(
        current: [BatchStore.DocumentRecord], previous: [BatchStore.DocumentRecord],
        previousRun: String
    ) -> Changes {
        let now = Dictionary(current.map { ($0.entry.source, $0) }, uniquingKeysWith: { first, _ in first })
        let before = Dictionary(previous.map { ($0.entry.source, $0) }, uniquingKeysWith: { first, _ in first })
        var new: [Baseline.Entry] = []
        var resolved: [Baseline.Entry] = []
        var unchanged = 0
        for source in Set(now.keys).union(before.keys).sorted() {
            let mine = now[source]
            let theirs = before[source]
            if mine.map({ !$0.entry.errors.isEmpty }) == true || theirs.map({ !$0.entry.errors.isEmpty }) == true {
                continue
            }
            var remaining: [Baseline.Entry: Int] = [:]
            for key in theirs?.findings ?? [] { remaining[key, default: 0] += 1 }
            for key in mine?.findings ?? [] {
                if let count = remaining[key], count > 0 {
                    remaining[key] = count - 1
                    unchanged += 1
                } else {
                    new.append(key)
                }
            }
            for key in theirs?.findings ?? [] where (remaining[key] ?? 0) > 0 {
                remaining[key, default: 0] -= 1
                resolved.append(key)
            }
        }
        return Changes(
            previousRun: previousRun, new: new, resolved: resolved, unchanged: unchanged,
            addedDocuments: Set(now.keys).subtracting(before.keys).sorted(),
            removedDocuments: Set(before.keys).subtracting(now.keys).sorted())
    }

    /// Names the reference data: a hash of every file's path, size and modification time, and of
    /// the metadata files' contents. Cheap enough to compute on every run, and any edit, import or
    /// update of a table changes it.
    static func dataVersion(of directory: URL) -> String {
        var hash = ContentHash()
        let manager = FileManager.default
        let paths = (manager.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for path in paths {
            let url = directory.appendingPathComponent(path)
            guard let attributes = try? manager.attributesOfItem(atPath: url.path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.update("\(path)\t\(size)\t\(modified)\n")
            if path.hasSuffix(".json"), let data = manager.contents(atPath: url.path) { hash.update(data) }
        }
        return String(hash.finalizeHex().prefix(16))
    }

    /// A hash of the options that change what a document's report says.
    static func settingsFingerprint(_ options: CheckOptions) -> String {
        let parts: [String] = [
            "subject=\(options.reading.subject ?? "")",
            "date=\(options.reading.date?.description ?? "")",
            "as-of=\(options.asOf?.description ?? "")",
            "fail-on=\(options.failOn?.rawValue ?? "never")",
            "near-miss=\(options.nearMiss)",
            "tolerances="
                + options.tolerances.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ","),
            "disable=" + options.disabledRules.sorted().joined(separator: ","),
            "enable=" + (options.enabledRules.map { $0.sorted().joined(separator: ",") } ?? "*"),
            "limits=\(options.reading.limits.maxInputBytes)",
            "baseline=" + (options.baseline.map { ContentHash.hex(Array($0.encoded())) } ?? ""),
        ]
        return String(ContentHash.hex(parts.joined(separator: "\n")).prefix(16))
    }
}

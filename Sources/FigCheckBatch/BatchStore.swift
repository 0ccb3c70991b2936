import FigCheckCore
import FigCheckKit
import Foundation
import GRDB

/// The small SQLite database (`figcheck-batch.sqlite`) a batch keeps in its output folder: the
/// runs, and for each run the documents it finished with their content hash, the tool, data and
/// settings versions they were checked with, their summary line and the keys of their findings.
///
/// A document is recorded only after its reports have been renamed into place, so a run killed
/// at any moment loses nothing: `--resume` (or the next run) finds every finished document here
/// and skips it while its content and the versions are unchanged.
package final class BatchStore: Sendable {
    /// The database's file name inside the output folder.
    package static let fileName = "figcheck-batch.sqlite"

    /// What a run was made with; documents are reused only between runs that agree on all of it.
    package struct Fingerprint: Codable, Hashable, Sendable {
        package var toolVersion: String
        package var dataVersion: String
        package var settings: String
    }

    /// One run's row.
    package struct RunRecord: Sendable, Equatable {
        package var id: String
        package var finished: Bool
        package var shard: String?
    }

    /// A finished document of a run.
    package struct DocumentRecord: Sendable {
        package var runID: String
        package var entry: Batch.Entry
        package var findings: [Baseline.Entry]
    }

    let queue: DatabaseQueue
    let path: String

    /// Opens (creating when needed) the store in `directory`.
    package init(directory: URL) throws {
        path = directory.appendingPathComponent(Self.fileName).path
        do {
            var configuration = GRDB.Configuration()
            configuration.busyMode = .timeout(10)
            // WAL with synchronous=NORMAL: a commit is not an fsync (a record per document would
            // otherwise cost one), and a killed process still loses nothing it committed.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(
                    sql: """
                        CREATE TABLE run (
                            id TEXT PRIMARY KEY NOT NULL,
                            startedAt TEXT NOT NULL,
                            finishedAt TEXT,
                            fingerprint TEXT NOT NULL,
                            shard TEXT
                        );
                        CREATE TABLE document (
                            runId TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                            source TEXT NOT NULL,
                            contentHash TEXT,
                            fingerprint TEXT NOT NULL,
                            failed INTEGER NOT NULL,
                            entry TEXT NOT NULL,
                            findings TEXT NOT NULL,
                            recordedAt TEXT NOT NULL,
                            PRIMARY KEY (runId, source)
                        );
                        CREATE INDEX documentBySource ON document(source, contentHash, fingerprint);
                        """)
            }
            try migrator.migrate(queue)
        } catch {
            throw BatchError.store(path: path, reason: Self.describe(error))
        }
    }

    /// The run called `id`, if the store has it.
    package func run(id: String) throws -> RunRecord? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT id, finishedAt, shard FROM run WHERE id = ?", arguments: [id]).map(
                Self.runRecord)
        }
    }

    /// The newest run that was started and never finished (the one `--resume` continues).
    package func newestUnfinishedRun() throws -> RunRecord? {
        try reading { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT id, finishedAt, shard FROM run WHERE finishedAt IS NULL ORDER BY startedAt DESC, rowid DESC LIMIT 1"
            )
            .map(Self.runRecord)
        }
    }

    /// The newest finished run other than `id`: what this run is compared with.
    package func previousFinishedRun(before id: String) throws -> RunRecord? {
        try reading { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT id, finishedAt, shard FROM run WHERE finishedAt IS NOT NULL AND id <> ? ORDER BY finishedAt DESC, rowid DESC LIMIT 1",
                arguments: [id]
            ).map(Self.runRecord)
        }
    }

    /// Records that a run started (or, when resumed, leaves its row as it is).
    package func begin(run id: String, fingerprint: Fingerprint, shard: String?) throws {
        let encoded = Self.encode(fingerprint)
        try writing { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO run (id, startedAt, fingerprint, shard) VALUES (?, ?, ?, ?)",
                arguments: [id, Self.now(), encoded, shard])
        }
    }

    /// Marks a run finished.
    package func finish(run id: String) throws {
        try writing { db in
            try db.execute(sql: "UPDATE run SET finishedAt = ? WHERE id = ?", arguments: [Self.now(), id])
        }
    }

    /// Records a document of a run, replacing an earlier record of it in the same run.
    package func record(_ entry: Batch.Entry, findings: [Baseline.Entry], run id: String, fingerprint: Fingerprint)
        throws
    {
        let encodedEntry = Self.encode(entry)
        let encodedFindings = Self.encode(findings)
        let encodedFingerprint = Self.encode(fingerprint)
        try writing { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO document (runId, source, contentHash, fingerprint, failed, entry, findings, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, entry.source, entry.contentHash, encodedFingerprint, entry.errors.isEmpty ? 0 : 1,
                    encodedEntry, encodedFindings, Self.now(),
                ])
        }
    }

    /// The newest successful record of `source` with this content and fingerprint: the document
    /// need not be checked again. Records of the current run come first (a resumed run).
    package func reusable(source: String, contentHash: String, fingerprint: Fingerprint, preferring runID: String)
        throws
        -> DocumentRecord?
    {
        let encoded = Self.encode(fingerprint)
        return try reading { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT runId, entry, findings FROM document
                    WHERE source = ? AND contentHash = ? AND fingerprint = ? AND failed = 0
                    ORDER BY runId = ? DESC, recordedAt DESC, rowid DESC LIMIT 1
                    """, arguments: [source, contentHash, encoded, runID]
            ).flatMap(Self.documentRecord)
        }
    }

    /// Every document recorded for a run.
    package func documents(ofRun id: String) throws -> [DocumentRecord] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT runId, entry, findings FROM document WHERE runId = ? ORDER BY source", arguments: [id]
            )
            .compactMap(Self.documentRecord)
        }
    }

    // MARK: - Encoding and errors

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw BatchError.store(path: path, reason: Self.describe(error)) }
    }

    private func writing(_ body: @escaping (Database) throws -> Void) throws {
        do { try queue.write(body) } catch { throw BatchError.store(path: path, reason: Self.describe(error)) }
    }

    private static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(id: row["id"], finished: (row["finishedAt"] as String?) != nil, shard: row["shard"])
    }

    private static func documentRecord(_ row: Row) -> DocumentRecord? {
        let decoder = JSONDecoder()
        guard let entryText: String = row["entry"], let findingsText: String = row["findings"],
            let entry = try? decoder.decode(Batch.Entry.self, from: Data(entryText.utf8)),
            let findings = try? decoder.decode([Baseline.Entry].self, from: Data(findingsText.utf8))
        else { return nil }
        return DocumentRecord(runID: row["runId"], entry: entry, findings: findings)
    }

    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Fractional seconds keep the order of runs started within one second. A format style is a
    /// value, shared between threads; an `ISO8601DateFormatter` made per record cost 15% of an
    /// unchanged rerun.
    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func now() -> String {
        Date().formatted(timestampStyle)
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return error.localizedDescription
    }
}

/// What stops a batch run or a merge as a whole (one document's failure never does).
package enum BatchError: LocalizedError, Equatable {
    case store(path: String, reason: String)
    case noRunToResume(directory: String)
    case noSuchRun(directory: String, runID: String)
    case runExists(directory: String, runID: String)
    case unreadableRun(path: String, reason: String)
    case incompatibleShards(path: String, reason: String)
    case badShard(String)

    package var errorDescription: String? {
        switch self {
        case let .store(path, reason): return "\(path): \(reason)"
        case let .noRunToResume(directory): return "\(directory): no interrupted run to resume"
        case let .noSuchRun(directory, runID): return "\(directory): no run \(runID) to resume"
        case let .runExists(directory, runID):
            return
                "\(directory): run \(runID) exists already (--resume continues it; another --run-id starts a new one)"
        case let .unreadableRun(path, reason): return "\(path): \(reason)"
        case let .incompatibleShards(path, reason): return "\(path): \(reason)"
        case let .badShard(value): return "--shard \(value): expected I/N with 1 ≤ I ≤ N, e.g. 2/4"
        }
    }
}

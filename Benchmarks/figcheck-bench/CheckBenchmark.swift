import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation

/// Measures checking one document end to end with the tables loaded (scan, claims, verification)
/// and the cold start of loading them. Used by `figcheck-bench check`.
enum CheckBenchmark {
    struct Result: Sendable {
        var bytes: Int
        var findings: Int
        var runs: Int
        /// Loading the knowledge (catalog metadata, entities, lexicon) and the first check, cold.
        var coldMilliseconds: Double
        var bestMilliseconds: Double
        var medianMilliseconds: Double
    }

    /// Checks `document` `runs` times after one warm-up run (which loads the tables it touches).
    static func run(document: Document, dataDirectory: URL, runs: Int) throws -> Result {
        let coldStart = DispatchTime.now().uptimeNanoseconds
        let knowledge = try ClaimKnowledge(catalog: ReferenceCatalog(directory: dataDirectory))
        let pipeline = Pipeline.standard(knowledge: knowledge)
        let first = pipeline.analyse(document)
        let cold = Double(DispatchTime.now().uptimeNanoseconds - coldStart) / 1e6
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = pipeline.analyse(document)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        return Result(
            bytes: document.text.utf8.count, findings: first.findings.count, runs: times.count,
            coldMilliseconds: cold, bestMilliseconds: times[0], medianMilliseconds: times[times.count / 2])
    }
}

extension CheckBenchmark {
    struct CorpusResult: Sendable {
        var documents: Int
        var bytes: Int
        var seconds: Double
        var findings: Int
        var peakResidentBytes: Int
        var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        var documentsPerSecond: Double { Double(documents) / seconds }
    }

    /// Checks `documents` repeated as separate documents until `size` bytes, on one core with one
    /// shared set of tables: end-to-end throughput, documents per second and peak memory.
    static func corpus(documents: [Document], dataDirectory: URL, size: Int) throws -> CorpusResult {
        let knowledge = try ClaimKnowledge(catalog: ReferenceCatalog(directory: dataDirectory))
        let pipeline = Pipeline.standard(knowledge: knowledge)
        var checked = 0, bytes = 0, findings = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while bytes < size, !documents.isEmpty {
            let document = documents[checked % documents.count]
            findings += pipeline.analyse(document).findings.count
            bytes += document.text.utf8.count
            checked += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return CorpusResult(
            documents: checked, bytes: bytes, seconds: seconds, findings: findings,
            peakResidentBytes: ScannerBenchmark.peakResidentBytes())
    }

    /// Opening the catalog and reading and indexing every table, cold: what a run that touches
    /// every table pays once.
    static func coldStartAllTables(dataDirectory: URL) throws -> (milliseconds: Double, tables: Int, rows: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let catalog = try ReferenceCatalog(directory: dataDirectory)
        _ = try ClaimKnowledge(catalog: catalog)
        var rows = 0
        for entry in catalog.entries where entry.metadata.kind.holdsObservations {
            rows += try catalog.observations(inTable: entry.metadata.id).count
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, catalog.entries.count, rows)
    }
}

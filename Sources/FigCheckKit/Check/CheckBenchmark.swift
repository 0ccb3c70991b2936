import FigCheckCore
import FigCheckData
import FigCheckRules
import Foundation

/// Measures checking one document end to end with the tables loaded (scan, claims, verification)
/// and the cold start of loading them. Used by `figcheck bench check`.
public enum CheckBenchmark {
    public struct Result: Sendable {
        public var bytes: Int
        public var findings: Int
        public var runs: Int
        /// Loading the knowledge (catalog metadata, entities, lexicon) and the first check, cold.
        public var coldMilliseconds: Double
        public var bestMilliseconds: Double
        public var medianMilliseconds: Double
    }

    /// Checks `document` `runs` times after one warm-up run (which loads the tables it touches).
    public static func run(document: Document, dataDirectory: URL, runs: Int) throws -> Result {
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
        return Result(bytes: document.text.utf8.count, findings: first.findings.count, runs: times.count,
                      coldMilliseconds: cold, bestMilliseconds: times[0], medianMilliseconds: times[times.count / 2])
    }
}

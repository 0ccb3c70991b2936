import FigCheckCore
import FigCheckRules
import Foundation

/// Measures the scanner's throughput on a corpus built by repeating the given texts up to a size,
/// and the process's peak memory. Used by `figcheck bench scan`.
public enum ScannerBenchmark {
    public struct Result: Sendable {
        public var bytes: Int
        public var runs: Int
        public var seconds: Double
        public var mentions: Int
        public var peakResidentBytes: Int

        /// Megabytes (10^6 bytes) scanned per second, best of the runs.
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    }

    /// Builds a corpus of at least `size` bytes from `texts` and scans it `runs` times on one
    /// thread, keeping the fastest run.
    public static func run(texts: [String], size: Int, runs: Int = 3) -> Result {
        var corpus = ""
        corpus.reserveCapacity(size + 100_000)
        var index = 0
        while corpus.utf8.count < size, !texts.isEmpty {
            corpus += texts[index % texts.count]
            corpus += "\n\n"
            index += 1
        }
        let scanner = MentionScanner()
        var best = Double.infinity
        var mentions = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = scanner.scan(corpus)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, elapsed)
            mentions = result.mentions.count
        }
        return Result(bytes: corpus.utf8.count, runs: max(1, runs), seconds: best, mentions: mentions,
                      peakResidentBytes: peakResidentBytes())
    }

    /// The peak resident set size of this process (Linux: VmHWM in /proc/self/status).
    public static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}

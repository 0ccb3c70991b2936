import FigCheckCore
import FigCheckVerification
import Foundation

/// Measures the scanner's throughput on a corpus built by repeating the given texts up to a size,
/// and the process's peak memory. Used by `figcheck-bench scan`.
enum ScannerBenchmark {
    struct Result: Sendable {
        var bytes: Int
        var runs: Int
        /// The fastest run, and the median run.
        var seconds: Double
        var medianSeconds: Double
        var mentions: Int
        var peakResidentBytes: Int

        /// Megabytes (10^6 bytes) scanned per second, best of the runs.
        var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        /// Megabytes per second of the median run.
        var medianMegabytesPerSecond: Double { Double(bytes) / 1e6 / medianSeconds }
    }

    /// Builds a corpus of at least `size` bytes from `texts` and scans it `runs` times on one
    /// thread, keeping the fastest run.
    static func run(texts: [String], size: Int, runs: Int = 3) -> Result {
        var corpus = ""
        corpus.reserveCapacity(size + 100_000)
        var index = 0
        while corpus.utf8.count < size, !texts.isEmpty {
            corpus += texts[index % texts.count]
            corpus += "\n\n"
            index += 1
        }
        let scanner = MentionScanner()
        var times: [Double] = []
        var mentions = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = scanner.scan(corpus)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            mentions = result.mentions.count
        }
        times.sort()
        return Result(
            bytes: corpus.utf8.count, runs: times.count, seconds: times[0], medianSeconds: times[times.count / 2],
            mentions: mentions, peakResidentBytes: peakResidentBytes())
    }

    /// The peak resident set size of this process (Linux: VmHWM in /proc/self/status).
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}

import ArgumentParser
import FigCheckCommandLine
import FigCheckCore
import FigCheckKit
import Foundation

/// `figcheck-bench …`: in-process benchmarks, built only with FIGCHECK_BENCHMARKS=1 (build with
/// `-c release` before quoting figures).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figcheck-bench",
        abstract: "Benchmarks: build with -c release before quoting the figures.",
        subcommands: [BenchDataCommand.self, BenchScanCommand.self, BenchCheckCommand.self, BenchEndToEndCommand.self]
    )

    static func main() async {
        await mainWithOneLineErrors(name: "figcheck-bench")
    }
}

struct BenchDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Cold catalog open plus one lookup (median of N runs).")

    @Option(help: "Number of cold runs.")
    var runs: Int = 20

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors(name: "figcheck-bench") {
            let result = try ReferenceDataBenchmark.run(directory: try data.directory(), runs: runs)
            printOut(
                String(
                    format:
                        "catalog open %.2f ms (%d tables) + first lookup %.2f ms (%d rows indexed) = %.2f ms, median of %d cold runs\n",
                    result.openCatalog, result.tables, result.firstLookup, result.rowsIndexed, result.total,
                    result.runs))
            return 0
        }
    }
}

struct BenchScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scanner throughput on a corpus built from the given documents (default: the examples).")

    @Argument(help: "Documents to build the corpus from.")
    var inputs: [String] = ["examples/rok-us-alliance-2025.txt", "examples/us-korea-alliance-at-70.md"]

    @Option(help: "Corpus size in megabytes.")
    var megabytes: Int = 20

    @Option(help: "Number of runs (the fastest and the median are reported).")
    var runs: Int = 10

    func run() async throws {
        try await runReportingErrors(name: "figcheck-bench") {
            var texts: [String] = []
            for input in inputs { texts.append(try await DocumentReader().read(input).text) }
            let result = ScannerBenchmark.run(texts: texts, size: megabytes * 1_000_000, runs: runs)
            printOut(
                String(
                    format:
                        "scanned %.1f MB on one core: %.1f MB/s best, %.1f MB/s median of %d runs (%.3f s best); %d mentions; peak memory %.0f MB\n",
                    Double(result.bytes) / 1e6, result.megabytesPerSecond, result.medianMegabytesPerSecond,
                    result.runs, result.seconds, result.mentions, Double(result.peakResidentBytes) / 1e6))
            return 0
        }
    }
}

struct BenchCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checking one document end to end with the tables loaded (default: the quick-start example).")

    @Argument(help: "The document to check.")
    var input: String = "examples/rok-us-alliance-2025.txt"

    @Option(help: "Number of warm runs (the fastest and the median are reported).")
    var runs: Int = 200

    @Option(help: "The country \"we\" stands for.")
    var subject: String = "KOR"

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors(name: "figcheck-bench") {
            let document = try await DocumentReader(options: ReadingOptions(subject: subject)).read(input)
            let result = try CheckBenchmark.run(document: document, dataDirectory: try data.directory(), runs: runs)
            printOut(
                String(
                    format:
                        "checked %.1f KB (%d findings): %.2f ms best, %.2f ms median of %d warm runs; cold (tables loaded + first check) %.1f ms\n",
                    Double(result.bytes) / 1e3, result.findings, result.bestMilliseconds, result.medianMilliseconds,
                    result.runs, result.coldMilliseconds))
            return 0
        }
    }
}

struct BenchEndToEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "e2e",
        abstract:
            "End-to-end checking of a corpus of separate documents (default: the examples and the evaluation corpus), and cold start with every table."
    )

    @Argument(help: "Documents to build the corpus from.")
    var inputs: [String] = []

    @Option(help: "Corpus size in megabytes.")
    var megabytes: Int = 20

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors(name: "figcheck-bench") {
            var paths = inputs
            if paths.isEmpty {
                paths = ["examples/rok-us-alliance-2025.txt", "examples/us-korea-alliance-at-70.md"]
                let corpus = "Tests/Corpus/texts"
                paths += ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().map {
                    "\(corpus)/\($0)"
                }
            }
            var documents: [Document] = []
            for path in paths {
                documents.append(try await DocumentReader(options: ReadingOptions(subject: "KOR")).read(path))
            }
            let directory = try data.directory()
            let cold = try CheckBenchmark.coldStartAllTables(dataDirectory: directory)
            let result = try CheckBenchmark.corpus(
                documents: documents, dataDirectory: directory, size: megabytes * 1_000_000)
            printOut(
                String(
                    format: "cold start, every table read and indexed: %.1f ms (%d tables, %d rows)\n",
                    cold.milliseconds, cold.tables, cold.rows))
            printOut(
                String(
                    format:
                        "checked %d documents, %.1f MB end to end on one core: %.2f MB/s, %.0f documents/s, %d findings; peak memory %.0f MB\n",
                    result.documents, Double(result.bytes) / 1e6, result.megabytesPerSecond, result.documentsPerSecond,
                    result.findings, Double(result.peakResidentBytes) / 1e6))
            return 0
        }
    }
}

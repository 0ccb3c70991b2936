import ArgumentParser
import FigCheckKit
import Foundation

/// `figcheck bench …`: in-process benchmarks (build with `-c release` before quoting figures).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: build with -c release before quoting the figures.",
        subcommands: [BenchDataCommand.self]
    )
}

struct BenchDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Cold catalog open plus one lookup (median of N runs).")

    @Option(help: "Number of cold runs.")
    var runs: Int = 20

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors {
            let result = try ReferenceDataBenchmark.run(directory: try data.directory(), runs: runs)
            printOut(String(format: "catalog open %.2f ms (%d tables) + first lookup %.2f ms (%d rows indexed) = %.2f ms, median of %d cold runs\n",
                            result.openCatalog, result.tables, result.firstLookup, result.rowsIndexed, result.total,
                            result.runs))
            return 0
        }
    }
}

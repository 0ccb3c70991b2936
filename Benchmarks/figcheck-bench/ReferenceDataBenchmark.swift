import FigCheckCore
import FigCheckData
import Foundation

/// Measures what start-up costs a check: opening the catalog (every table's metadata) and
/// answering one lookup (which reads and indexes one table). Used by `figcheck-bench data`.
enum ReferenceDataBenchmark {
    /// Timings in milliseconds, each the median of `runs` cold runs (a new catalog every run).
    struct Result: Sendable {
        var runs: Int
        var openCatalog: Double
        var firstLookup: Double
        var total: Double
        var tables: Int
        var rowsIndexed: Int
    }

    /// Runs the benchmark on the catalog in `directory`.
    static func run(directory: URL, runs: Int = 20) throws -> Result {
        var opens: [Double] = []
        var lookups: [Double] = []
        var tables = 0
        var rows = 0
        let key = ObservationKey(indicator: "gdp_current_usd", entity: "KOR", period: "2024")
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let catalog = try ReferenceCatalog(directory: directory)
            let opened = DispatchTime.now().uptimeNanoseconds
            let value = try catalog.value(at: key, vintage: .exactly("2025-12-17"))
            let looked = DispatchTime.now().uptimeNanoseconds
            opens.append(Double(opened - start) / 1e6)
            lookups.append(Double(looked - opened) / 1e6)
            tables = catalog.entries.count
            if let value { rows = try catalog.observations(inTable: value.table.id).count }
        }
        let open = median(opens)
        let lookup = median(lookups)
        return Result(
            runs: opens.count, openCatalog: open, firstLookup: lookup, total: open + lookup,
            tables: tables, rowsIndexed: rows)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

import FigCheckCore
import Foundation

/// How a World Bank WDI series becomes a figcheck indicator: `reference-data/wdi/wdi-indicators.csv`
/// (series code, indicator id, title, unit, bounds on values).
package struct WDIIndicatorMap: Sendable {
    /// One series.
    package struct Series: Sendable, Equatable {
        package var code: String
        package var indicator: String
        package var title: String
        package var unit: String
        package var range: TableMetadata.ValueRange?
    }

    package let series: [Series]

    /// The map file inside a reference-data directory.
    package static func file(in directory: URL) -> URL {
        directory.appendingPathComponent("wdi/wdi-indicators.csv")
    }

    /// Reads the map.
    package init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        let records = try CSVReader.records([UInt8](data)).dropFirst()
        series = try records.map { record in
            guard record.fields.count == 6 else {
                throw ReferenceDataError.malformedTable(path: url.path, line: record.line, reason: "expected 6 fields")
            }
            let bounds = (Double(record.fields[4]), Double(record.fields[5]))
            return Series(
                code: record.fields[0].uppercased(), indicator: record.fields[1], title: record.fields[2],
                unit: record.fields[3],
                range: bounds.0 == nil && bounds.1 == nil ? nil : .init(min: bounds.0, max: bounds.1))
        }
    }

    /// The series with this code (any case: WDI folders are lower-case).
    package func series(code: String) -> Series? {
        series.first { $0.code == code.uppercased() }
    }
}

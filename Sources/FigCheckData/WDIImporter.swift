import FigCheckCore
import Foundation

/// Imports WDI series from files laid out like the Datahub packages: a folder of
/// `<series-code>/data.csv`, or one CSV file for one series; columns
/// `Country Name,Country Code,Year,Value`.
package enum WDIImporter {
    /// Imports every mapped series found under `source` (a folder) or the one CSV file `source`
    /// for `seriesCode`. Returns the metadata of the tables written.
    package static func importSeries(
        from source: URL, seriesCode: String?, provenance: SeriesProvenance,
        into directory: URL, replace: Bool
    ) throws -> [TableMetadata] {
        let map = try WDIIndicatorMap(contentsOf: WDIIndicatorMap.file(in: directory))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw ReferenceDataError.missingDirectory(path: source.path)
        }
        var jobs: [(URL, WDIIndicatorMap.Series)] = []
        if isDirectory.boolValue {
            let folders = try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
            for folder in folders {
                let file = source.appendingPathComponent(folder).appendingPathComponent("data.csv")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                if let seriesCode, seriesCode.lowercased() != folder.lowercased() { continue }
                guard let series = map.series(code: folder) else {
                    throw ReferenceDataError.malformedTable(
                        path: file.path, line: 1,
                        reason: "series \(folder.uppercased()) is not in wdi/wdi-indicators.csv")
                }
                jobs.append((file, series))
            }
        } else {
            guard let seriesCode, let series = map.series(code: seriesCode) else {
                throw ReferenceDataError.malformedTable(
                    path: source.path, line: 1, reason: "name a series in wdi/wdi-indicators.csv for a single file")
            }
            jobs.append((source, series))
        }
        return try jobs.map { file, series in
            try WDISeriesWriter.write(
                try rows(in: file), series: series, provenance: provenance,
                into: directory, replace: replace)
        }
    }

    /// The rows of a Datahub-style WDI CSV file.
    static func rows(in file: URL) throws -> [SeriesRow] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ReferenceDataError.missingTableFile(path: file.path)
        }
        let records = try CSVReader.records([UInt8](data))
        guard let header = records.first?.fields, header == ["Country Name", "Country Code", "Year", "Value"] else {
            throw ReferenceDataError.malformedTable(
                path: file.path, line: 1, reason: "expected the header Country Name,Country Code,Year,Value")
        }
        return try records.dropFirst().map { record in
            guard record.fields.count == 4, Double(record.fields[3]) != nil else {
                throw ReferenceDataError.malformedTable(
                    path: file.path, line: record.line, reason: "not a country-year value")
            }
            return SeriesRow(
                entity: record.fields[1], entityName: record.fields[0], period: record.fields[2],
                valueText: record.fields[3])
        }
    }
}

import FigCheckCore
import Foundation

/// One country-year value of a WDI series, as any source gives it.
public struct WDIRow: Sendable, Equatable {
    public var entity: String
    public var entityName: String
    public var period: String
    public var valueText: String

    public init(entity: String, entityName: String, period: String, valueText: String) {
        self.entity = entity
        self.entityName = entityName
        self.period = period
        self.valueText = valueText
    }
}

/// Where a vintage of a WDI series came from.
public struct WDIProvenance: Sendable {
    /// The publisher's release date (YYYY-MM-DD).
    public var vintage: String
    /// When it was retrieved (YYYY-MM-DD).
    public var retrieved: String
    /// Repository, commit and path, or the API URL.
    public var obtainedFrom: String
    public var notes: String?

    public init(vintage: String, retrieved: String, obtainedFrom: String, notes: String? = nil) {
        self.vintage = vintage
        self.retrieved = retrieved
        self.obtainedFrom = obtainedFrom
        self.notes = notes
    }
}

/// Writes one vintage of one WDI series as `wdi/<vintage>/<code>.csv` plus its metadata,
/// atomically (temporary files, then rename), and never over a different existing vintage file.
public enum WDISeriesWriter {
    /// The id of a series table: `wdi.<code>.<vintage>`.
    public static func tableID(code: String, vintage: String) -> String {
        "wdi.\(code.lowercased()).\(vintage)"
    }

    /// Writes the table; with `replace` false an existing file for the same vintage is an error.
    /// Returns the metadata written.
    @discardableResult
    public static func write(_ rows: [WDIRow], series: WDIIndicatorMap.Series, provenance: WDIProvenance,
                             into directory: URL, replace: Bool) throws -> TableMetadata {
        let folder = directory.appendingPathComponent("wdi").appendingPathComponent(provenance.vintage)
        let stem = series.code.lowercased()
        let csvURL = folder.appendingPathComponent("\(stem).csv")
        let metaURL = folder.appendingPathComponent("\(stem).meta.json")
        if !replace && FileManager.default.fileExists(atPath: metaURL.path) {
            throw ReferenceDataError.writeFailed(path: metaURL.path,
                                                 reason: "vintage \(provenance.vintage) of \(series.code) already exists")
        }
        let sorted = rows.sorted { ($0.entity, $0.period) < ($1.entity, $1.period) }
        var csv = CSVReader.line(TableKind.series.columns)
        for row in sorted { csv += CSVReader.line([row.entity, row.entityName, row.period, row.valueText]) }
        let periods = sorted.map(\.period).sorted()
        let metadata = TableMetadata(
            id: tableID(code: series.code, vintage: provenance.vintage), title: series.title, kind: .series,
            indicators: [series.indicator], unit: series.unit, scale: 1, publisher: "World Bank",
            dataset: "World Development Indicators", seriesCode: series.code,
            url: "https://data.worldbank.org/indicator/\(series.code)", licence: "CC-BY-4.0",
            attribution: "World Bank, World Development Indicators (CC BY 4.0), vintage \(provenance.vintage)",
            vintage: provenance.vintage, retrieved: provenance.retrieved, obtainedFrom: provenance.obtainedFrom,
            coverage: .init(rows: sorted.count, entities: Set(sorted.map(\.entity)).count,
                            firstPeriod: periods.first, lastPeriod: periods.last),
            keyColumns: ["entity", "period"], file: "\(stem).csv", valueRange: series.range, notes: provenance.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let metaData = try encoder.encode(metadata) + Data("\n".utf8)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(csv.utf8), to: csvURL)
            try AtomicFile.write(metaData, to: metaURL)
        } catch let error as ReferenceDataError {
            throw error
        } catch {
            throw ReferenceDataError.writeFailed(path: folder.path, reason: error.localizedDescription)
        }
        return metadata
    }
}

/// Writes a file by writing a temporary sibling and renaming it over the target, so readers see
/// the old file or the new one, never half of one.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target atomically on the same file system.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReferenceDataError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}

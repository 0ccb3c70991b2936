import FigCheckCore
import Foundation

/// One entity-period value of a series (WDI, WEO, Census), as any source gives it.
package struct SeriesRow: Sendable, Equatable {
    package var entity: String
    package var entityName: String
    package var period: String
    package var valueText: String
    /// `actual` or `projection` where the publisher marks it (WEO), else nil.
    package var status: String?

    package init(entity: String, entityName: String, period: String, valueText: String, status: String? = nil) {
        self.entity = entity
        self.entityName = entityName
        self.period = period
        self.valueText = valueText
        self.status = status
    }
}

/// Where a vintage of a series came from.
package struct SeriesProvenance: Sendable {
    /// The publisher's release date (YYYY-MM-DD).
    package var vintage: String
    /// When it was retrieved (YYYY-MM-DD).
    package var retrieved: String
    /// Repository, commit and path, or the API URL.
    package var obtainedFrom: String
    package var notes: String?

    package init(vintage: String, retrieved: String, obtainedFrom: String, notes: String? = nil) {
        self.vintage = vintage
        self.retrieved = retrieved
        self.obtainedFrom = obtainedFrom
        self.notes = notes
    }
}

/// Writes one vintage of one WDI series as `wdi/<vintage>/<code>.csv` plus its metadata,
/// atomically (temporary files, then rename), and never over a different existing vintage file.
package enum WDISeriesWriter {
    /// The id of a series table: `wdi.<code>.<vintage>`.
    package static func tableID(code: String, vintage: String) -> String {
        "wdi.\(code.lowercased()).\(vintage)"
    }

    /// Writes the table; with `replace` false an existing file for the same vintage is an error.
    /// Returns the metadata written.
    @discardableResult
    package static func write(
        _ rows: [SeriesRow], series: WDIIndicatorMap.Series, provenance: SeriesProvenance,
        into directory: URL, replace: Bool
    ) throws -> TableMetadata {
        let folder = directory.appendingPathComponent("wdi").appendingPathComponent(provenance.vintage)
        let stem = series.code.lowercased()
        let metaURL = folder.appendingPathComponent("\(stem).meta.json")
        if !replace && FileManager.default.fileExists(atPath: metaURL.path) {
            throw ReferenceDataError.writeFailed(
                path: metaURL.path,
                reason: "vintage \(provenance.vintage) of \(series.code) already exists")
        }
        let metadata = TableMetadata(
            id: tableID(code: series.code, vintage: provenance.vintage), title: series.title, kind: .series,
            indicators: [series.indicator], unit: series.unit, scale: 1, publisher: "World Bank",
            dataset: "World Development Indicators", seriesCode: series.code,
            url: "https://data.worldbank.org/indicator/\(series.code)", licence: "CC-BY-4.0",
            attribution: "World Bank, World Development Indicators (CC BY 4.0), vintage \(provenance.vintage)",
            vintage: provenance.vintage, retrieved: provenance.retrieved, obtainedFrom: provenance.obtainedFrom,
            coverage: .init(rows: 0, entities: 0, firstPeriod: nil, lastPeriod: nil),
            keyColumns: ["entity", "period"], file: "\(stem).csv", valueRange: series.range, notes: provenance.notes)
        return try SeriesTableWriter.write(rows, metadata: metadata, folder: folder, stem: stem)
    }
}

/// Writes a series table (`<stem>.csv` and `<stem>.meta.json`) atomically, with a `status` column
/// when any row carries one. The one writer of series metadata: every importer goes through it.
package enum SeriesTableWriter {
    /// Sorts the rows by entity and period, fills the coverage from them and writes both files.
    @discardableResult
    package static func write(_ rows: [SeriesRow], metadata template: TableMetadata, folder: URL, stem: String) throws
        -> TableMetadata
    {
        let sorted = rows.sorted { ($0.entity, $0.period) < ($1.entity, $1.period) }
        let withStatus = sorted.contains { $0.status != nil }
        var csv = CSVReader.line(TableKind.series.columns + (withStatus ? ["status"] : []))
        for row in sorted {
            csv += CSVReader.line(
                [row.entity, row.entityName, row.period, row.valueText] + (withStatus ? [row.status ?? ""] : []))
        }
        let periods = sorted.map(\.period).sorted()
        var metadata = template
        metadata.coverage = .init(
            rows: sorted.count, entities: Set(sorted.map(\.entity)).count,
            firstPeriod: periods.first, lastPeriod: periods.last)
        metadata.file = "\(stem).csv"
        try TableFiles.write(csv: csv, metadata: metadata, folder: folder, stem: stem)
        return metadata
    }
}

/// Writes a table's CSV text and its metadata beside it, each atomically.
package enum TableFiles {
    package static func write(csv: String, metadata: TableMetadata, folder: URL, stem: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let metaData = try encoder.encode(metadata) + Data("\n".utf8)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(csv.utf8), to: folder.appendingPathComponent("\(stem).csv"))
            try AtomicFile.write(metaData, to: folder.appendingPathComponent("\(stem).meta.json"))
        } catch let error as ReferenceDataError {
            throw error
        } catch {
            throw ReferenceDataError.writeFailed(path: folder.path, reason: error.localizedDescription)
        }
    }
}

/// Writes a file by writing a temporary sibling and renaming it over the target, so readers see
/// the old file or the new one, never half of one. The bytes go out by plain system calls:
/// Foundation's `Data.write` also syncs each file to disk, which cost a batch of 10,000
/// documents more than a tenth of its time for a durability rename(2) does not need.
package enum AtomicFile {
    package static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try writeNew(data, at: temporary.path)
            // rename(2) replaces the target atomically on the same file system.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReferenceDataError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Creates the file at `path` (it must not exist) holding `data`.
    private static func writeNew(_ data: Data, at path: String) throws {
        func failure() -> CocoaError {
            CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        var written = 0
        let ok = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            guard let base = bytes.baseAddress else { return true }
            while written < bytes.count {
                let count = Foundation.write(descriptor, base + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        let error = ok ? nil : failure()
        guard close(descriptor) == 0, error == nil else { throw error ?? failure() }
    }
}

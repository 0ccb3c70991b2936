import FigCheckCore
import Foundation

/// Which vintage of a value to use.
package enum VintageSelection: Sendable, Equatable {
    /// The newest vintage that has the value.
    case newest
    /// The newest vintage released on or before a date (what an author could have known then).
    case asOf(CalendarDate)
    /// One named vintage (YYYY-MM-DD).
    case exactly(String)
}

/// What identifies one observation within an indicator (vintages aside).
package struct ObservationKey: Hashable, Sendable {
    package var indicator: String
    package var entity: String
    package var period: String
    package var partner: String?
    package var scope: String?

    package init(indicator: String, entity: String, period: String, partner: String? = nil, scope: String? = nil) {
        self.indicator = indicator
        self.entity = entity
        self.period = period
        self.partner = partner
        self.scope = scope
    }
}

/// A value found in the reference data, with the table that holds it.
package struct ReferenceValue: Sendable, Hashable {
    package var observation: Observation
    package var table: TableMetadata

    package init(observation: Observation, table: TableMetadata) {
        self.observation = observation
        self.table = table
    }
}

/// The reference data: every table's metadata, read once; each table's rows, read and indexed
/// the first time they are needed and then shared (thread-safe, so a batch shares one catalog).
package final class ReferenceCatalog: @unchecked Sendable {
    /// A table of the catalog and where its files are.
    package struct Entry: Sendable {
        package var metadata: TableMetadata
        package var metadataURL: URL
        package var dataURL: URL
    }

    /// Observations with an index by key.
    private struct IndexedTable {
        var observations: [Observation]
        var index: [ObservationKey: Int]
    }

    package let directory: URL
    /// Every table, sorted by id.
    package let entries: [Entry]
    private let entriesByID: [String: Entry]
    /// Observation tables by indicator, oldest vintage first.
    private let tablesByIndicator: [String: [Entry]]
    /// Whole tables, parsed (curated tables, timelines, rankings read every row).
    private var loaded: [String: IndexedTable] = [:]
    /// Tables found row by row, for look-ups by key, and the rows of each entity parsed so far:
    /// a check that asks for a few countries of a 15,000-row table parses those countries only.
    private var spans: [String: TableParser.RowSpans] = [:]
    private var loadedEntities: [String: [String: IndexedTable]] = [:]
    private let lock = NSLock()

    /// Reads the metadata of every table under `directory` (files named `*.meta.json`).
    package init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ReferenceDataError.missingDirectory(path: directory.path)
        }
        self.directory = directory
        var entries: [Entry] = []
        for url in Self.metadataFiles(in: directory) {
            let metadata: TableMetadata
            do {
                metadata = try JSONDecoder().decode(TableMetadata.self, from: Data(contentsOf: url))
            } catch let error as DecodingError {
                throw ReferenceDataError.unreadableMetadata(path: url.path, reason: Self.describe(error))
            } catch {
                throw ReferenceDataError.unreadableMetadata(path: url.path, reason: error.localizedDescription)
            }
            entries.append(
                Entry(
                    metadata: metadata, metadataURL: url,
                    dataURL: url.deletingLastPathComponent().appendingPathComponent(metadata.file)))
        }
        entries.sort { $0.metadata.id < $1.metadata.id }
        var byID: [String: Entry] = [:]
        for entry in entries {
            if let existing = byID[entry.metadata.id] {
                throw ReferenceDataError.duplicateTableID(
                    id: entry.metadata.id,
                    paths: [existing.metadataURL.path, entry.metadataURL.path])
            }
            byID[entry.metadata.id] = entry
        }
        var byIndicator: [String: [Entry]] = [:]
        for entry in entries where entry.metadata.kind.holdsObservations {
            for indicator in entry.metadata.indicators { byIndicator[indicator, default: []].append(entry) }
        }
        self.entries = entries
        self.entriesByID = byID
        self.tablesByIndicator = byIndicator.mapValues { $0.sorted { $0.metadata.vintage < $1.metadata.vintage } }
    }

    /// The table with this id.
    package func entry(id: String) -> Entry? { entriesByID[id] }

    /// The observation tables of an indicator, oldest vintage first.
    package func tables(for indicator: String) -> [Entry] { tablesByIndicator[indicator] ?? [] }

    /// Every indicator that has at least one table.
    package var indicators: [String] { tablesByIndicator.keys.sorted() }

    /// All rows of an observation table, in file order.
    package func observations(inTable id: String) throws -> [Observation] {
        try indexed(id).observations
    }

    /// The value at `key` in the vintage `selection` picks, or nil when no such vintage has it.
    /// Only the tables that can answer are read: newest first, stopping at the first that has the key.
    package func value(at key: ObservationKey, vintage selection: VintageSelection = .newest) throws -> ReferenceValue?
    {
        let eligible = tables(for: key.indicator).filter { entry in
            switch selection {
            case .newest: return true
            case .asOf(let date): return CalendarDate(iso: entry.metadata.vintage).map { $0 <= date } ?? false
            case .exactly(let vintage): return entry.metadata.vintage == vintage
            }
        }
        for entry in eligible.reversed() {
            if let observation = try observation(at: key, inTable: entry.metadata.id) {
                return ReferenceValue(observation: observation, table: entry.metadata)
            }
        }
        return nil
    }

    /// The value at `key` in every vintage that has it, oldest first.
    package func allVintages(at key: ObservationKey) throws -> [ReferenceValue] {
        var values: [ReferenceValue] = []
        for entry in tables(for: key.indicator) {
            if let observation = try observation(at: key, inTable: entry.metadata.id) {
                values.append(ReferenceValue(observation: observation, table: entry.metadata))
            }
        }
        return values
    }

    /// The value in force on `date` in the timelines of `indicator`: the row with the latest
    /// effective date on or before it, the table's fallback entity standing in for an entity
    /// without rows of its own (see `Timeline`).
    package func valueInForce(
        indicator: String, entity: String, on date: CalendarDate, partner: String? = nil,
        scope: String? = nil
    ) throws -> ReferenceValue? {
        var rows: [ReferenceValue] = []
        for entry in tables(for: indicator) where entry.metadata.kind == .timeline {
            for row in try indexed(entry.metadata.id).observations where row.indicator == indicator {
                rows.append(ReferenceValue(observation: row, table: entry.metadata))
            }
        }
        return Timeline.inForce(Timeline.steps(rows, entity: entity, scope: scope, partner: partner), on: date)
    }

    /// The row at `key` of one table: from the whole table when it is parsed, else from the rows
    /// of the key's entity, parsed on first use.
    private func observation(at key: ObservationKey, inTable id: String) throws -> Observation? {
        lock.lock()
        defer { lock.unlock() }
        if let table = loaded[id] { return table.index[key].map { table.observations[$0] } }
        if let rows = loadedEntities[id]?[key.entity] { return rows.index[key].map { rows.observations[$0] } }
        let entry = try observationEntry(id)
        let file: TableParser.RowSpans
        if let found = spans[id] {
            file = found
        } else {
            file = try TableParser.rowSpans(of: entry.metadata, at: entry.dataURL)
            spans[id] = file
        }
        let observations = try TableParser.observations(
            of: entry.metadata, spans: file.byEntity[key.entity] ?? [], in: file)
        let rows = try Self.index(observations, of: entry)
        loadedEntities[id, default: [:]][key.entity] = rows
        return rows.index[key].map { rows.observations[$0] }
    }

    private func observationEntry(_ id: String) throws -> Entry {
        guard let entry = entriesByID[id], entry.metadata.kind.holdsObservations else {
            throw ReferenceDataError.unknownTable(id: id)
        }
        return entry
    }

    private func indexed(_ id: String) throws -> IndexedTable {
        lock.lock()
        defer { lock.unlock() }
        if let table = loaded[id] { return table }
        let entry = try observationEntry(id)
        let table = try Self.index(try TableParser.observations(of: entry.metadata, at: entry.dataURL), of: entry)
        loaded[id] = table
        // The whole table now answers look-ups; the parts parsed before are not needed.
        spans[id] = nil
        loadedEntities[id] = nil
        return table
    }

    /// Indexes rows by key; a key repeated outside a timeline is a malformed table.
    private static func index(_ observations: [Observation], of entry: Entry) throws -> IndexedTable {
        var index: [ObservationKey: Int] = [:]
        index.reserveCapacity(observations.count)
        for (position, row) in observations.enumerated() {
            let key = ObservationKey(
                indicator: row.indicator, entity: row.entity, period: row.period,
                partner: row.partner, scope: row.scope)
            // Timelines repeat keys across effective dates; keep the first for plain lookups. Elsewhere
            // a repeated key is two answers to one question: the table is malformed.
            if let first = index[key] {
                guard entry.metadata.kind == .timeline else {
                    throw ReferenceDataError.malformedTable(
                        path: entry.dataURL.path, line: row.line,
                        reason: "duplicate key \(key.entity) \(key.period) (first on line \(observations[first].line))")
                }
            } else {
                index[key] = position
            }
        }
        return IndexedTable(observations: observations, index: index)
    }

    static func metadataFiles(in directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.lastPathComponent.hasSuffix(".meta.json") {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "bad value for \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON"
                : "bad value for \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "invalid"
        }
    }
}

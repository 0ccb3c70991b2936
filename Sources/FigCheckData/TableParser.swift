import FigCheckCore
import Foundation

/// Turns the CSV file of an observation table into `Observation`s, checking each row's shape.
/// Deeper checks (duplicates, ranges, provenance) are `ReferenceDataValidator`'s.
enum TableParser {
    /// Reads the header and rows of `url`; throws when the header lacks the kind's columns.
    static func records(of metadata: TableMetadata, at url: URL) throws -> (
        header: [String: Int], rows: [CSVReader.Record]
    ) {
        let bytes = try contents(at: url)
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(bytes)
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            throw ReferenceDataError.malformedTable(path: url.path, line: line, reason: "unterminated quoted field")
        }
        guard let header = records.first else {
            throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "empty file, no header")
        }
        return (try columns(of: header, metadata: metadata, path: url.path), Array(records.dropFirst()))
    }

    /// A table's file found row by row but not yet parsed: the spans of its rows by entity, so a
    /// look-up parses the few dozen rows of one entity instead of a 15,000-row table.
    struct RowSpans {
        let bytes: [UInt8]
        let columns: [String: Int]
        let path: String
        /// The rows of each entity, in file order.
        let byEntity: [String: [CSVReader.Span]]
    }

    /// Finds the rows of `url` and their entities; throws as ``records(of:at:)`` does on a missing
    /// file, an empty one, a bad header or an unterminated quote (a row's other faults are found
    /// when it is parsed).
    static func rowSpans(of metadata: TableMetadata, at url: URL) throws -> RowSpans {
        let bytes = try contents(at: url)
        let path = url.path
        // The header is the first record; its span is parsed to name the columns.
        let headerSpans: [(span: CSVReader.Span, key: String)]
        do {
            headerSpans = try CSVReader.spans(bytes, keyColumn: 0)
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            throw ReferenceDataError.malformedTable(path: path, line: line, reason: "unterminated quoted field")
        }
        guard let first = headerSpans.first, let header = try CSVReader.records(bytes, in: first.span).first else {
            throw ReferenceDataError.malformedTable(path: path, line: 1, reason: "empty file, no header")
        }
        let columns = try columns(of: header, metadata: metadata, path: path)
        let rows = columns["entity"] == 0 ? headerSpans : try CSVReader.spans(bytes, keyColumn: columns["entity"] ?? 0)
        var byEntity: [String: [CSVReader.Span]] = [:]
        for row in rows.dropFirst() { byEntity[row.key, default: []].append(row.span) }
        return RowSpans(bytes: bytes, columns: columns, path: path, byEntity: byEntity)
    }

    /// The observations of the rows at `spans` of a table found by ``rowSpans(of:at:)``.
    static func observations(of metadata: TableMetadata, spans: [CSVReader.Span], in file: RowSpans) throws
        -> [Observation]
    {
        var observations: [Observation] = []
        observations.reserveCapacity(spans.count)
        for span in spans {
            for record in try CSVReader.records(file.bytes, in: span) {
                observations.append(try observation(record, columns: file.columns, metadata: metadata, path: file.path))
            }
        }
        return observations
    }

    private static func contents(at url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        // An empty file is refused before reading: Foundation leaks a buffer reading empty files (found by fuzzing).
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        if size == 0 {
            throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "empty file, no header")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        return [UInt8](data)
    }

    /// The column positions a header gives; throws when it lacks one the table's kind needs.
    private static func columns(of header: CSVReader.Record, metadata: TableMetadata, path: String) throws -> [String:
        Int]
    {
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { columns[name] = index }
        let missing = metadata.kind.columns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw ReferenceDataError.malformedTable(
                path: path, line: 1,
                reason: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        return columns
    }

    /// The observations of a series, facts or timeline table.
    static func observations(of metadata: TableMetadata, at url: URL) throws -> [Observation] {
        let (columns, rows) = try records(of: metadata, at: url)
        var observations: [Observation] = []
        observations.reserveCapacity(rows.count)
        let path = url.path  // URL.path is not free; compute it once, not per row
        for record in rows {
            observations.append(try observation(record, columns: columns, metadata: metadata, path: path))
        }
        return observations
    }

    // Long: one row's columns validated in the order the table format gives them, each a one-line error naming the
    // cell.
    static func observation(
        _ record: CSVReader.Record, columns: [String: Int], metadata: TableMetadata,
        path: String
    ) throws -> Observation {
        func field(_ name: String) -> String {
            guard let index = columns[name], index < record.fields.count else { return "" }
            return record.fields[index]
        }
        guard record.fields.count == columns.count else {
            throw ReferenceDataError.malformedTable(
                path: path, line: record.line,
                reason: "\(record.fields.count) fields where the header has \(columns.count)")
        }
        let valueText = field("value")
        let unit = metadata.kind == .series ? metadata.unit : (field("unit").isEmpty ? metadata.unit : field("unit"))
        let value: Double
        if unit == "date" {
            guard let date = CalendarDate(iso: valueText) else {
                throw ReferenceDataError.malformedTable(
                    path: path, line: record.line, reason: "value \(valueText) is not a YYYY-MM-DD date")
            }
            value = Double(date.year * 10_000 + date.month * 100 + date.day)
        } else {
            guard let number = Double(valueText), number.isFinite else {
                throw ReferenceDataError.malformedTable(
                    path: path, line: record.line, reason: "value \"\(valueText)\" is not a number")
            }
            value = number * metadata.scale
        }
        if metadata.kind == .series {
            let status = field("status")
            guard ["", "actual", "projection"].contains(status) else {
                throw ReferenceDataError.malformedTable(
                    path: path, line: record.line,
                    reason: "status \"\(status)\" is neither actual nor projection")
            }
            return Observation(
                tableID: metadata.id, line: record.line, indicator: metadata.indicators.first ?? "",
                entity: field("entity"), entityName: field("entity_name"), partner: nil, scope: nil,
                period: field("period"), effectiveDate: nil, value: value, valueText: valueText,
                unit: unit, provenance: nil, isProjection: field("status") == "projection")
        }
        let effective = field("effective_date")
        var effectiveDate: CalendarDate?
        if !effective.isEmpty {
            guard let date = CalendarDate(exactISO: effective) else {
                throw ReferenceDataError.malformedTable(
                    path: path, line: record.line, reason: "effective_date \(effective) is not a YYYY-MM-DD date")
            }
            effectiveDate = date
        }
        let provenance = RowProvenance(
            publisher: field("source_publisher"), url: field("source_url"),
            quote: field("quote"), confidence: field("confidence"), notes: field("notes"),
            rowID: field("row_id"))
        var observation = Observation(
            tableID: metadata.id, line: record.line, indicator: field("indicator"),
            entity: field("entity"), entityName: nil, partner: field("partner").nilIfEmpty,
            scope: field("scope").nilIfEmpty, period: field("period"), effectiveDate: effectiveDate,
            value: value, valueText: valueText, unit: unit, provenance: provenance)
        if metadata.kind == .timeline {
            let announced = field("announced")
            if !announced.isEmpty {
                guard let date = CalendarDate(exactISO: announced) else {
                    throw ReferenceDataError.malformedTable(
                        path: path, line: record.line,
                        reason: "announced \(announced) is not a YYYY-MM-DD date")
                }
                observation.announcedDate = date
            }
            let status = field("status")
            guard ["", "applied", "not_applied"].contains(status) else {
                throw ReferenceDataError.malformedTable(
                    path: path, line: record.line,
                    reason: "status \"\(status)\" is neither applied nor not_applied")
            }
            observation.neverApplied = status == "not_applied"
            observation.stacksWith = field("stacks_with").nilIfEmpty
        }
        return observation
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

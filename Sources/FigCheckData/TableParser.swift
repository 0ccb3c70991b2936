import FigCheckCore
import Foundation

/// Turns the CSV file of an observation table into `Observation`s, checking each row's shape.
/// Deeper checks (duplicates, ranges, provenance) are `ReferenceDataValidator`'s.
enum TableParser {
    /// Reads the header and rows of `url`; throws when the header lacks the kind's columns.
    static func records(of metadata: TableMetadata, at url: URL) throws -> (header: [String: Int], rows: [CSVReader.Record]) {
        guard FileManager.default.fileExists(atPath: url.path) else { throw ReferenceDataError.missingTableFile(path: url.path) }
        // An empty file is refused before reading: Foundation leaks a buffer reading empty files (found by fuzzing).
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        if size == 0 { throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "empty file, no header") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records([UInt8](data))
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            throw ReferenceDataError.malformedTable(path: url.path, line: line, reason: "unterminated quoted field")
        }
        guard let header = records.first else {
            throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "empty file, no header")
        }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { columns[name] = index }
        let missing = metadata.kind.columns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw ReferenceDataError.malformedTable(
                path: url.path, line: 1, reason: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        return (columns, Array(records.dropFirst()))
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

    static func observation(_ record: CSVReader.Record, columns: [String: Int], metadata: TableMetadata,
                                    path: String) throws -> Observation {
        func field(_ name: String) -> String {
            guard let index = columns[name], index < record.fields.count else { return "" }
            return record.fields[index]
        }
        guard record.fields.count == columns.count else {
            throw ReferenceDataError.malformedTable(
                path: path, line: record.line, reason: "\(record.fields.count) fields where the header has \(columns.count)")
        }
        let valueText = field("value")
        let unit = metadata.kind == .series ? metadata.unit : (field("unit").isEmpty ? metadata.unit : field("unit"))
        let value: Double
        if unit == "date" {
            guard let date = CalendarDate(iso: valueText) else {
                throw ReferenceDataError.malformedTable(path: path, line: record.line, reason: "value \(valueText) is not a YYYY-MM-DD date")
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
                throw ReferenceDataError.malformedTable(path: path, line: record.line,
                                                        reason: "status \"\(status)\" is neither actual nor projection")
            }
            return Observation(tableID: metadata.id, line: record.line, indicator: metadata.indicators.first ?? "",
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
        let provenance = RowProvenance(publisher: field("source_publisher"), url: field("source_url"),
                                       quote: field("quote"), confidence: field("confidence"), notes: field("notes"),
                                       rowID: field("row_id"))
        var observation = Observation(tableID: metadata.id, line: record.line, indicator: field("indicator"),
                                      entity: field("entity"), entityName: nil, partner: field("partner").nilIfEmpty,
                                      scope: field("scope").nilIfEmpty, period: field("period"), effectiveDate: effectiveDate,
                                      value: value, valueText: valueText, unit: unit, provenance: provenance)
        if metadata.kind == .timeline {
            let announced = field("announced")
            if !announced.isEmpty {
                guard let date = CalendarDate(exactISO: announced) else {
                    throw ReferenceDataError.malformedTable(path: path, line: record.line,
                                                            reason: "announced \(announced) is not a YYYY-MM-DD date")
                }
                observation.announcedDate = date
            }
            let status = field("status")
            guard ["", "applied", "not_applied"].contains(status) else {
                throw ReferenceDataError.malformedTable(path: path, line: record.line,
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

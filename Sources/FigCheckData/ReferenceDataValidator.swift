import FigCheckCore
import Foundation

/// Checks a reference-data directory: metadata and provenance, table shapes, values, duplicate
/// keys, units, and that names point at known entities and indicators. Every problem is reported,
/// one line each; nothing stops at the first.
package enum ReferenceDataValidator {
    /// One problem, located in a file (and a line when it concerns a row).
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        package var path: String
        package var line: Int?
        package var message: String

        package var description: String {
            line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
        }
    }

    /// Units a table may use.
    package static let knownUnits: Set<String> = [
        "USD", "intl_USD", "LCU", "percent", "persons", "rank", "date", "LCU_per_USD", "mb/d", "years", "count",
    ]
    /// Licences whose terms would bind the product; such files are reference-only.
    static let forbiddenLicences = ["GPL", "LGPL", "AGPL"]

    /// Every problem found under `directory`.
    package static func validate(_ directory: URL) -> [Problem] {
        let catalog: ReferenceCatalog
        do {
            catalog = try ReferenceCatalog(directory: directory)
        } catch {
            return [Problem(path: directory.path, line: nil, message: error.localizedDescription)]
        }
        var problems: [Problem] = []
        var entityCodes: Set<String> = []
        var tableEntities: [(ReferenceCatalog.Entry, [CSVReader.Record], [String: Int])] = []
        for entry in catalog.entries {
            problems += metadataProblems(entry)
            guard let (header, records) = readRecords(entry, into: &problems) else { continue }
            if entry.metadata.coverage.rows != records.count {
                problems.append(
                    Problem(
                        path: entry.metadataURL.path, line: nil,
                        message:
                            "coverage.rows is \(entry.metadata.coverage.rows) but the table has \(records.count) rows"))
            }
            if entry.metadata.kind.holdsObservations {
                problems += observationProblems(entry, records: records, header: header)
            } else {
                problems += duplicateProblems(entry, records: records, header: header)
                tableEntities.append((entry, records, header))
                if entry.metadata.kind == .entities || entry.metadata.kind == .aggregates {
                    for record in records { entityCodes.insert(field("code", record, header)) }
                }
            }
        }
        problems += referenceProblems(tableEntities, entityCodes: entityCodes, indicators: Set(catalog.indicators))
        problems += orphanProblems(directory, catalog: catalog)
        return problems
    }

    private static func metadataProblems(_ entry: ReferenceCatalog.Entry) -> [Problem] {
        let meta = entry.metadata
        var messages: [String] = []
        let required = [
            ("title", meta.title), ("publisher", meta.publisher), ("dataset", meta.dataset), ("url", meta.url),
            ("licence", meta.licence), ("attribution", meta.attribution), ("obtainedFrom", meta.obtainedFrom),
            ("file", meta.file),
        ]
        for (name, value) in required where value.trimmingWhitespace().isEmpty {
            messages.append("missing provenance: \(name) is empty")
        }
        for (name, value) in [("vintage", meta.vintage), ("retrieved", meta.retrieved)]
        where CalendarDate(exactISO: value) == nil {
            messages.append("\(name) \"\(value)\" is not a YYYY-MM-DD date")
        }
        if forbiddenLicences.contains(where: { meta.licence.uppercased().hasPrefix($0) }) {
            messages.append("licence \(meta.licence) may not ship with figcheck")
        }
        if meta.kind.holdsObservations {
            if meta.indicators.isEmpty { messages.append("no indicators named") }
            if !knownUnits.contains(meta.unit) { messages.append("unknown unit \(meta.unit)") }
            if !(meta.scale > 0) { messages.append("scale must be positive") }
        }
        for column in meta.keyColumns where !(meta.kind.columns + meta.kind.optionalColumns).contains(column) {
            messages.append("key column \(column) is not a column of a \(meta.kind.rawValue) table")
        }
        return messages.map { Problem(path: entry.metadataURL.path, line: nil, message: $0) }
    }

    private static func readRecords(
        _ entry: ReferenceCatalog.Entry,
        into problems: inout [Problem]
    ) -> ([String: Int], [CSVReader.Record])? {
        do {
            let (header, records) = try TableParser.records(of: entry.metadata, at: entry.dataURL)
            return (header, records)
        } catch let error as ReferenceDataError {
            if case let .malformedTable(path, line, reason) = error {
                problems.append(Problem(path: path, line: line, message: reason))
            } else {
                problems.append(Problem(path: entry.dataURL.path, line: nil, message: "table file is missing"))
            }
        } catch {
            problems.append(Problem(path: entry.dataURL.path, line: nil, message: error.localizedDescription))
        }
        return nil
    }

    private static func observationProblems(
        _ entry: ReferenceCatalog.Entry, records: [CSVReader.Record],
        header: [String: Int]
    ) -> [Problem] {
        let meta = entry.metadata
        let path = entry.dataURL.path
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        for record in records {
            let row: Observation
            do {
                row = try TableParser.observation(record, columns: header, metadata: meta, path: path)
            } catch let ReferenceDataError.malformedTable(_, line, reason) {
                problems.append(Problem(path: path, line: line, message: reason))
                continue
            } catch {
                problems.append(Problem(path: path, line: record.line, message: error.localizedDescription))
                continue
            }
            func report(_ message: String) { problems.append(Problem(path: path, line: record.line, message: message)) }
            let key = meta.keyColumns.map { field($0, record, header) }.joined(separator: ", ")
            if let first = seen[key] {
                report("duplicate key (\(key)), first on line \(first)")
            } else {
                seen[key] = record.line
            }
            if row.unit != "date" {
                if let minimum = meta.valueRange?.min, row.value < minimum {
                    report("impossible value \(row.valueText): below \(ValueText.plain(minimum))")
                }
                if let maximum = meta.valueRange?.max, row.value > maximum {
                    report("impossible value \(row.valueText): above \(ValueText.plain(maximum))")
                }
            }
            if !knownUnits.contains(row.unit) { report("unknown unit \(row.unit)") }
            if row.entity.isEmpty { report("empty entity") }
            if row.period.isEmpty { report("empty period") }
            if meta.kind == .series {
                if !Self.isSeriesPeriod(row.period) { report("period \(row.period) is not a year or a YYYY-MM month") }
            } else {
                if !meta.indicators.contains(row.indicator) {
                    report("indicator \(row.indicator) is not listed in the table's metadata")
                }
                if meta.kind == .timeline && row.effectiveDate == nil { report("timeline row without effective_date") }
                problems += provenanceProblems(row.provenance).map {
                    Problem(path: path, line: record.line, message: $0)
                }
            }
        }
        return problems
    }

    /// A series period: a year ("2024") or a month ("2025-07").
    static func isSeriesPeriod(_ period: String) -> Bool {
        let parts = period.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, Int(parts[0]) != nil else { return false }
        switch parts.count {
        case 1: return true
        case 2: return parts[1].count == 2 && (1...12).contains(Int(parts[1]) ?? 0)
        default: return false
        }
    }

    private static func provenanceProblems(_ provenance: RowProvenance?) -> [String] {
        guard let provenance else { return ["missing provenance"] }
        var messages: [String] = []
        if provenance.publisher.isEmpty { messages.append("missing provenance: source_publisher is empty") }
        if !(provenance.url.hasPrefix("http://") || provenance.url.hasPrefix("https://")) {
            messages.append("missing provenance: source_url is not an http(s) URL")
        }
        if provenance.quote.isEmpty { messages.append("missing provenance: quote is empty") }
        if !FactColumns.confidenceLevels.contains(provenance.confidence) {
            messages.append(
                "confidence \"\(provenance.confidence)\" is not one of \(FactColumns.confidenceLevels.sorted().joined(separator: ", "))"
            )
        }
        return messages
    }

    private static func duplicateProblems(
        _ entry: ReferenceCatalog.Entry, records: [CSVReader.Record],
        header: [String: Int]
    ) -> [Problem] {
        var seen: [String: Int] = [:]
        var problems: [Problem] = []
        for record in records {
            if record.fields.count != header.count {
                problems.append(
                    Problem(
                        path: entry.dataURL.path, line: record.line,
                        message: "\(record.fields.count) fields where the header has \(header.count)"))
                continue
            }
            let key = entry.metadata.keyColumns.map { field($0, record, header).lowercased() }.joined(separator: ", ")
            if let first = seen[key] {
                problems.append(
                    Problem(
                        path: entry.dataURL.path, line: record.line,
                        message: "duplicate key (\(key)), first on line \(first)"))
            } else {
                seen[key] = record.line
            }
        }
        return problems
    }

    /// Aliases and members must name known entities; lexicon phrases must name known indicators.
    private static func referenceProblems(
        _ tables: [(ReferenceCatalog.Entry, [CSVReader.Record], [String: Int])],
        entityCodes: Set<String>, indicators: Set<String>
    ) -> [Problem] {
        var problems: [Problem] = []
        for (entry, records, header) in tables {
            for record in records where record.fields.count == header.count {
                let path = entry.dataURL.path
                switch entry.metadata.kind {
                case .aliases:
                    let code = field("code", record, header)
                    if !entityCodes.contains(code) {
                        problems.append(Problem(path: path, line: record.line, message: "unknown entity \(code)"))
                    }
                case .aggregates:
                    let member = field("member", record, header)
                    if !entityCodes.contains(member) {
                        problems.append(Problem(path: path, line: record.line, message: "unknown member \(member)"))
                    }
                case .lexicon, .frames:
                    let indicator = field("indicator", record, header)
                    if !indicators.contains(indicator) {
                        problems.append(
                            Problem(
                                path: path, line: record.line,
                                message: "indicator \(indicator) has no table"))
                    }
                default:
                    break
                }
            }
        }
        return problems
    }

    /// Configuration files that are CSV but not tables.
    static let configurationFiles: Set<String> = [
        "wdi/wdi-indicators.csv", "weo/weo-concepts.csv", "weo/weo-areas.csv", "census/census-partners.csv",
    ]

    /// A CSV file no metadata describes would be silently ignored: that is a problem.
    private static func orphanProblems(_ directory: URL, catalog: ReferenceCatalog) -> [Problem] {
        let described = Set(catalog.entries.map { $0.dataURL.standardizedFileURL.path })
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var problems: [Problem] = []
        let root = directory.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "csv" {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            if !described.contains(path) && !configurationFiles.contains(relative) {
                problems.append(
                    Problem(
                        path: path, line: nil,
                        message:
                            "table file without metadata (expected \(url.deletingPathExtension().lastPathComponent).meta.json beside it)"
                    ))
            }
        }
        return problems.sorted { $0.path < $1.path }
    }

    private static func field(_ name: String, _ record: CSVReader.Record, _ header: [String: Int]) -> String {
        guard let index = header[name], index < record.fields.count else { return "" }
        return record.fields[index]
    }
}

/// Plain number text for messages.
enum ValueText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

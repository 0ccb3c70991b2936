import FigCheckCore
import Foundation

/// Builds the curated, entity, exchange-rate and lexicon tables of `reference-data/` from a table
/// specification (`Scripts/curated/tables.json`) and the open sources it names, so that one writer
/// (`TableFiles`) owns the `.meta.json` schema `TableMetadata` reads. Each table of the
/// specification carries its whole metadata (publisher, licence, vintage, provenance) and one way
/// of building its rows:
///
/// - `facts`: a curated selection (`row_id, indicator, entity, … notes`, optionally `announced`,
///   `status`, `stacks_with`) whose empty `source_publisher`, `source_url`, `quote` and
///   `confidence` are filled from the source row of the same id, in a CSV source
///   (`id, …, source_publisher, source_url, quote, confidence`) or in the Markdown tables of a
///   curated note (first column `#`; `publisher`, `URL`, `evidence (quote)`, `conf.` columns);
/// - `copy`: a hand-written table copied as it is;
/// - `countries`: ISO 3166 codes and names from Datahub's `country-codes.csv`;
/// - `aggregates`: the codes of a WDI data file that are not ISO codes (regions, income groups);
/// - `names`: names, spellings and demonyms from mledoze/countries' `countries.json`;
/// - `exchangeRates`: the Fed H.10 averages of Datahub's exchange-rates package.
///
/// Output is deterministic: rows keep the specification's order or are sorted by key.
package enum CuratedImporter {
    /// One table of the specification: its metadata (coverage and file are computed) and how to build it.
    package struct TableSpec: Codable, Sendable {
        package struct Build: Codable, Sendable {
            /// facts, copy, countries, aggregates, names or exchangeRates.
            package var type: String
            /// The file the rows come from: relative to the specification for `facts` and `copy`,
            /// to the sources folder otherwise.
            package var file: String
            /// For `facts`: the source files (relative to the sources folder) whose rows fill provenance.
            package var sources: [String]?
            /// For `exchangeRates`: annual or monthly.
            package var frequency: String?
        }

        package var id: String
        package var title: String
        package var kind: TableKind
        package var indicators: [String]
        package var unit: String
        package var scale: Double
        package var publisher: String
        package var dataset: String
        package var seriesCode: String?
        package var url: String
        package var licence: String
        package var attribution: String
        package var vintage: String
        package var retrieved: String
        package var obtainedFrom: String
        package var keyColumns: [String]
        package var valueRange: TableMetadata.ValueRange?
        package var notes: String?
        package var fallbackEntity: String?
        /// The table's path without extension, relative to the reference-data folder (`curated/events`).
        package var output: String
        package var build: Build

        func metadata(file: String) -> TableMetadata {
            TableMetadata(
                id: id, title: title, kind: kind, indicators: indicators, unit: unit, scale: scale,
                publisher: publisher, dataset: dataset, seriesCode: seriesCode, url: url, licence: licence,
                attribution: attribution, vintage: vintage, retrieved: retrieved, obtainedFrom: obtainedFrom,
                coverage: .init(rows: 0, entities: 0, firstPeriod: nil, lastPeriod: nil),
                keyColumns: keyColumns, file: file, valueRange: valueRange, notes: notes,
                fallbackEntity: fallbackEntity)
        }
    }

    struct Specification: Codable {
        var tables: [TableSpec]
    }

    /// Builds every table of `specification` from `sources` into `directory`; returns what was written.
    package static func importTables(specification: URL, sources: URL, into directory: URL) throws -> [TableMetadata] {
        guard let data = FileManager.default.contents(atPath: specification.path) else {
            throw ReferenceDataError.unreadableMetadata(path: specification.path, reason: "no such table specification")
        }
        let spec: Specification
        do {
            spec = try JSONDecoder().decode(Specification.self, from: data)
        } catch {
            throw ReferenceDataError.unreadableMetadata(path: specification.path, reason: "\(error)")
        }
        let here = specification.deletingLastPathComponent()
        // Every table is built before any is written: a bad row leaves the data as it was.
        var state = BuildState()
        var built: [(table: TableSpec, columns: [String], rows: [Row])] = []
        for table in spec.tables {
            let (columns, rows) = try build(table, here: here, sources: sources, state: &state)
            built.append((table, columns, rows))
            if table.kind == .entities { state.knownCodes.formUnion(rows.compactMap { $0["code"] }) }
            if table.kind == .aliases && table.build.type == "names" {
                for row in rows where row["kind"] == "name" { state.codesByName[row["alias"] ?? ""] = row["code"] }
            }
        }
        return try built.map { try write($0.table, columns: $0.columns, rows: $0.rows, into: directory) }
    }

    /// What later tables need from earlier ones: entity codes already written and country names.
    struct BuildState {
        var knownCodes: Set<String> = []
        var codesByName: [String: String] = [:]
    }

    typealias Row = [String: String]

    static func build(_ table: TableSpec, here: URL, sources: URL, state: inout BuildState) throws -> (
        columns: [String], rows: [Row]
    ) {
        let file = table.build.file
        switch table.build.type {
        case "facts":
            return try facts(
                here.appendingPathComponent(file),
                sources: (table.build.sources ?? []).map { sources.appendingPathComponent($0) })
        case "copy":
            let (header, records) = try readRows(of: here.appendingPathComponent(file))
            return (header, records)
        case "countries":
            return try countries(sources.appendingPathComponent(file))
        case "aggregates":
            return try aggregates(sources.appendingPathComponent(file), known: state.knownCodes)
        case "names":
            return try names(sources.appendingPathComponent(file), known: state.knownCodes)
        case "exchangeRates":
            return try exchangeRates(
                sources.appendingPathComponent(file), frequency: table.build.frequency ?? "annual",
                codesByName: state.codesByName)
        default:
            throw ReferenceDataError.unreadableMetadata(
                path: table.output, reason: "unknown build type \(table.build.type)")
        }
    }

    static func write(_ table: TableSpec, columns: [String], rows: [Row], into directory: URL) throws -> TableMetadata {
        let target = directory.appendingPathComponent(table.output)
        let stem = target.lastPathComponent
        var csv = CSVReader.line(columns)
        for row in rows { csv += CSVReader.line(columns.map { row[$0] ?? "" }) }
        let entityKey = columns.contains("entity") ? "entity" : "code"
        let periods = rows.compactMap { $0["period"] }.filter { !$0.isEmpty }.sorted()
        var metadata = table.metadata(file: "\(stem).csv")
        metadata.coverage = .init(
            rows: rows.count, entities: Set(rows.map { $0[entityKey] ?? "" }).count,
            firstPeriod: periods.first, lastPeriod: periods.last)
        try TableFiles.write(csv: csv, metadata: metadata, folder: target.deletingLastPathComponent(), stem: stem)
        return metadata
    }

    // MARK: - Reading

    /// The header and rows of a CSV file, each row by column name.
    static func readRows(of url: URL) throws -> (header: [String], rows: [Row]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        let records = try CSVReader.records([UInt8](data))
        guard let header = records.first?.fields else {
            throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "empty file, no header")
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw ReferenceDataError.malformedTable(
                    path: url.path, line: record.line,
                    reason: "\(record.fields.count) fields where the header has \(header.count)")
            }
            rows.append(Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first }))
        }
        return (header, rows)
    }

    // MARK: - Curated facts

    /// The provenance a source gives a row id.
    struct SourceRow {
        var publisher = "", url = "", quote = "", confidence = ""
    }

    /// The provenance columns a source row can fill, and its value for each.
    static func provenance(_ row: SourceRow?) -> [(column: String, value: String?)] {
        [
            ("source_publisher", row?.publisher), ("source_url", row?.url), ("quote", row?.quote),
            ("confidence", row?.confidence),
        ]
    }

    static func facts(_ selection: URL, sources: [URL]) throws -> (columns: [String], rows: [Row]) {
        var byID: [String: SourceRow] = [:]
        for source in sources {
            let found = source.pathExtension == "md" ? try markdownSourceRows(source) : try csvSourceRows(source)
            byID.merge(found) { first, _ in first }
        }
        let (header, selected) = try readRows(of: selection)
        let missing = FactColumns.all.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw ReferenceDataError.malformedTable(
                path: selection.path, line: 1, reason: "missing columns \(missing.joined(separator: ", "))")
        }
        let extra = header.filter { !FactColumns.all.contains($0) }
        var filled: [Row] = []
        for (index, row) in selected.enumerated() {
            var row = row
            let source = byID[row["row_id"] ?? ""]
            for (column, value) in provenance(source) where (row[column] ?? "").isEmpty {
                guard let value, !value.isEmpty else {
                    throw ReferenceDataError.malformedTable(
                        path: selection.path, line: index + 2,
                        reason: "\(column) is empty and no source row \(row["row_id"] ?? "") gives it")
                }
                row[column] = value
            }
            filled.append(row)
        }
        return (FactColumns.all + extra, filled)
    }

    /// topical-facts.csv: `id, …, source_publisher, source_url, quote, confidence, …`.
    static func csvSourceRows(_ url: URL) throws -> [String: SourceRow] {
        var found: [String: SourceRow] = [:]
        for row in try readRows(of: url).rows {
            guard let id = row["id"] else { continue }
            found[id] = SourceRow(
                publisher: row["source_publisher"] ?? "", url: row["source_url"] ?? "",
                quote: row["quote"] ?? "", confidence: row["confidence"] ?? "")
        }
        return found
    }

    /// The rows of every Markdown table whose first column is `#`: publisher, the first URL, the
    /// first quoted passage of the evidence and the first confidence word. "same as B3" in the URL
    /// column is B3's URL.
    static func markdownSourceRows(_ url: URL) throws -> [String: SourceRow] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        var found: [String: SourceRow] = [:]
        var columns: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("|") else { columns = nil; continue }
            let cells = trimmed.dropFirst().split(separator: "|", omittingEmptySubsequences: false).dropLast()
                .map { String($0).trimmingWhitespace() }
            if cells.first == "#" { columns = cells; continue }
            guard let names = columns, let id = cells.first, !id.isEmpty, !id.hasPrefix("-") else { continue }
            func cell(_ name: String) -> String {
                guard let index = names.firstIndex(of: name), index < cells.count else { return "" }
                return cells[index]
            }
            var row = SourceRow(
                publisher: cell("publisher"), url: firstURL(in: cell("URL")),
                quote: firstQuotation(in: cell("evidence (quote)")),
                confidence: firstConfidence(in: cell("conf.")))
            if row.url.isEmpty, cell("URL").hasPrefix("same as "),
                let other = found[String(cell("URL").dropFirst("same as ".count))]
            {
                row.url = other.url
            }
            found[id] = row
        }
        return found
    }

    static func firstURL(in cell: String) -> String {
        cell.split(whereSeparator: { $0 == " " || $0 == ";" }).first { $0.hasPrefix("http") }.map(String.init) ?? ""
    }

    static func firstQuotation(in cell: String) -> String {
        guard let open = cell.firstIndex(of: "\"") else { return cell }
        let rest = cell[cell.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return String(rest) }
        return String(rest[..<close])
    }

    static func firstConfidence(in cell: String) -> String {
        let words = cell.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        return words.first { FactColumns.confidenceLevels.contains($0) } ?? ""
    }

    // MARK: - Entities

    static let entityColumns = TableKind.entities.columns

    /// Datahub country-codes: every row with an ISO alpha-3 code, sorted by code.
    static func countries(_ url: URL) throws -> (columns: [String], rows: [Row]) {
        var rows: [Row] = []
        for source in try readRows(of: url).rows {
            let code = (source["ISO3166-1-Alpha-3"] ?? "").trimmingWhitespace()
            guard !code.isEmpty else { continue }
            let official = source["official_name_en"] ?? ""
            let display = source["CLDR display name"] ?? ""
            rows.append([
                "code": code, "alpha2": source["ISO3166-1-Alpha-2"] ?? "", "numeric": source["ISO3166-1-numeric"] ?? "",
                "name": display.isEmpty ? official : display, "official_name": official,
                "short_name": source["UNTERM English Short"] ?? "", "capital": source["Capital"] ?? "",
                "kind": "country",
            ])
        }
        return (entityColumns, rows.sorted { ($0["code"] ?? "") < ($1["code"] ?? "") })
    }

    /// The economies of a WDI data file (`Country Name, Country Code, …`) with no ISO code.
    static func aggregates(_ url: URL, known: Set<String>) throws -> (columns: [String], rows: [Row]) {
        var names: [String: String] = [:]
        for source in try readRows(of: url).rows {
            guard let code = source["Country Code"], !known.contains(code) else { continue }
            names[code] = source["Country Name"] ?? ""
        }
        let rows = names.keys.sorted().map { code -> Row in
            let name = names[code] ?? ""
            return [
                "code": code, "alpha2": "", "numeric": "", "name": name, "official_name": name, "short_name": name,
                "capital": "", "kind": "aggregate",
            ]
        }
        return (entityColumns, rows)
    }

    /// mledoze/countries: common and official names, Latin-script alternative spellings longer than
    /// two letters, and English demonyms, for the codes already known; one row per (alias, code),
    /// the first kind found kept, sorted by lower-cased alias and code.
    static func names(_ url: URL, known: Set<String>) throws -> (columns: [String], rows: [Row]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        guard let countries = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw ReferenceDataError.malformedTable(path: url.path, line: 1, reason: "not a JSON array of countries")
        }
        struct Key: Hashable { var alias: String; var code: String }
        var rows: [Key: Row] = [:]
        for country in countries {
            guard let code = country["cca3"] as? String, known.contains(code) else { continue }
            let name = country["name"] as? [String: Any] ?? [:]
            var names: [(String, String)] = [
                (name["common"] as? String ?? "", "name"), (name["official"] as? String ?? "", "name"),
            ]
            for spelling in country["altSpellings"] as? [String] ?? []
            where spelling.unicodeScalars.count > 2 && spelling.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
                names.append((spelling, "alternative_spelling"))
            }
            let english = (country["demonyms"] as? [String: Any])?["eng"] as? [String: String] ?? [:]
            names += [(english["m"] ?? "", "demonym"), (english["f"] ?? "", "demonym")]
            for (alias, kind) in names where !alias.isEmpty {
                let key = Key(alias: alias.lowercased(), code: code)
                if rows[key] == nil { rows[key] = ["alias": alias, "code": code, "kind": kind, "note": ""] }
            }
        }
        // Code-point order, as the table has always been sorted (not Unicode collation).
        let ordered = rows.keys.sorted { left, right in
            let (a, b) = (left.alias.unicodeScalars.map(\.value), right.alias.unicodeScalars.map(\.value))
            return a == b ? left.code < right.code : a.lexicographicallyPrecedes(b)
        }
        return (TableKind.aliases.columns, ordered.compactMap { rows[$0] })
    }

    /// Datahub exchange-rates (`Date, Country, Exchange rate`): currency units per US dollar by
    /// country and year or month; "Euro" is the euro area (EMU).
    static func exchangeRates(_ url: URL, frequency: String, codesByName: [String: String]) throws -> (
        columns: [String], rows: [Row]
    ) {
        var rows: [Row] = []
        for (index, source) in try readRows(of: url).rows.enumerated() {
            let country = source["Country"] ?? ""
            guard let code = country == "Euro" ? "EMU" : codesByName[country] else {
                throw ReferenceDataError.malformedTable(
                    path: url.path, line: index + 2, reason: "no entity is named \(country)")
            }
            let date = source["Date"] ?? ""
            rows.append([
                "entity": code, "entity_name": country == "Euro" ? "Euro area" : country,
                "period": String(date.prefix(frequency == "annual" ? 4 : 7)), "value": source["Exchange rate"] ?? "",
            ])
        }
        return (
            TableKind.series.columns,
            rows.sorted { (($0["entity"] ?? ""), ($0["period"] ?? "")) < (($1["entity"] ?? ""), ($1["period"] ?? "")) }
        )
    }
}

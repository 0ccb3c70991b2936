import FigCheckCore
import Foundation

/// Imports one vintage of the IMF World Economic Outlook from a long CSV extract
/// (`concept,ref_area,year,value,lastactualdate`) into `weo/<vintage>/<concept>.csv`, one table per
/// concept named in `weo/weo-concepts.csv`. Each row is marked `actual` or `projection`: a year
/// after the series' last actual year, or, where the extract does not say, a year not over at the
/// release date. Areas are ISO 3166 alpha-3 codes; old numeric IMF codes go through a crosswalk
/// (`ref_area,ref_area_new`) and IMF group codes through `weo/weo-areas.csv`; areas the entity
/// tables do not know are left out and counted.
package enum WEOImporter {
    /// One WEO concept and the indicator it becomes.
    package struct Concept: Sendable, Equatable {
        package var code: String
        package var indicator: String
        package var title: String
        package var unit: String
        package var scale: Double
        package var range: TableMetadata.ValueRange?
    }

    /// What an import wrote and what it left out.
    package struct Outcome: Sendable {
        package var tables: [TableMetadata]
        /// Area codes with no entity, and how many rows they had.
        package var skippedAreas: [String: Int]
    }

    // Long: one pass over the vintage's rows, each check a one-line error naming the row; the steps share the row's
    // fields.
    package static func importVintage(
        from file: URL, crosswalk: URL?, provenance: SeriesProvenance, into directory: URL,
        replace: Bool
    ) throws -> Outcome {
        let concepts = try readConcepts(directory.appendingPathComponent("weo/weo-concepts.csv"))
        let groups = try CSVFile.pairs(
            directory.appendingPathComponent("weo/weo-areas.csv"), header: ["imf_code", "entity"])
        let renamed = try crosswalk.map { try CSVFile.pairs($0, header: ["ref_area", "ref_area_new"]) } ?? [:]
        let entities = try EntityDirectory(catalog: ReferenceCatalog(directory: directory)).entities
        guard let release = CalendarDate(exactISO: provenance.vintage) else {
            throw ReferenceDataError.writeFailed(path: file.path, reason: "vintage \(provenance.vintage) is not a date")
        }
        let records = try CSVFile.records(file, header: ["concept", "ref_area", "year", "value", "lastactualdate"])
        var rows: [String: [SeriesRow]] = [:]
        var skipped: [String: Int] = [:]
        for record in records {
            let fields = record.fields
            guard concepts[fields[0]] != nil else { continue }
            let area = renamed[fields[1]] ?? fields[1]
            let entity = groups[area] ?? area
            guard let known = entities[entity] else {
                skipped[area, default: 0] += 1
                continue
            }
            guard let year = Int(fields[2]), Double(fields[3]) != nil else {
                throw ReferenceDataError.malformedTable(
                    path: file.path, line: record.line, reason: "not a year and a number")
            }
            let projected = Int(fields[4]).map { year > $0 } ?? (year >= release.year)
            rows[fields[0], default: []].append(
                SeriesRow(
                    entity: entity, entityName: known.name, period: fields[2],
                    valueText: fields[3], status: projected ? "projection" : "actual"))
        }
        let folder = directory.appendingPathComponent("weo").appendingPathComponent(provenance.vintage)
        var written: [TableMetadata] = []
        for code in rows.keys.sorted() {
            guard let concept = concepts[code], let conceptRows = rows[code] else { continue }
            let stem = code.lowercased()
            if !replace, FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(stem).meta.json").path)
            {
                throw ReferenceDataError.writeFailed(
                    path: folder.path, reason: "vintage \(provenance.vintage) of \(code) already exists")
            }
            let month = release.monthAndYear
            let metadata = TableMetadata(
                id: "weo.\(stem).\(provenance.vintage)", title: "\(concept.title), IMF WEO \(month)", kind: .series,
                indicators: [concept.indicator], unit: concept.unit, scale: concept.scale, publisher: "IMF",
                dataset: "World Economic Outlook", seriesCode: code, url: "https://www.imf.org/en/Publications/WEO",
                licence: "LicenseRef-IMF-Data-Terms",
                attribution: "Source: IMF, World Economic Outlook database, \(month)",
                vintage: provenance.vintage, retrieved: provenance.retrieved, obtainedFrom: provenance.obtainedFrom,
                coverage: .init(rows: 0, entities: 0, firstPeriod: nil, lastPeriod: nil),
                keyColumns: ["entity", "period"],
                file: "\(stem).csv", valueRange: concept.range,
                notes: [provenance.notes, "status marks the IMF staff projections of this vintage"].compactMap { $0 }
                    .joined(separator: " "))
            written.append(try SeriesTableWriter.write(conceptRows, metadata: metadata, folder: folder, stem: stem))
        }
        return Outcome(tables: written, skippedAreas: skipped)
    }

    /// `weo/weo-concepts.csv`: `concept,indicator,title,unit,scale,value_min,value_max`.
    static func readConcepts(_ url: URL) throws -> [String: Concept] {
        let records = try CSVFile.records(
            url, header: ["concept", "indicator", "title", "unit", "scale", "value_min", "value_max"])
        var concepts: [String: Concept] = [:]
        for record in records {
            let fields = record.fields
            guard let scale = Double(fields[4]) else {
                throw ReferenceDataError.malformedTable(
                    path: url.path, line: record.line, reason: "scale is not a number")
            }
            let bounds = (Double(fields[5]), Double(fields[6]))
            concepts[fields[0]] = Concept(
                code: fields[0], indicator: fields[1], title: fields[2], unit: fields[3], scale: scale,
                range: bounds.0 == nil && bounds.1 == nil ? nil : .init(min: bounds.0, max: bounds.1))
        }
        return concepts
    }
}

/// Reading the small CSV files importers take: the header must be exactly `header` and every row as
/// wide as it.
enum CSVFile {
    static func records(_ url: URL, header: [String]) throws -> [CSVReader.Record] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReferenceDataError.missingTableFile(path: url.path)
        }
        let records = try CSVReader.records([UInt8](data))
        guard records.first?.fields == header else {
            throw ReferenceDataError.malformedTable(
                path: url.path, line: 1, reason: "expected the header \(header.joined(separator: ","))")
        }
        for record in records.dropFirst() where record.fields.count != header.count {
            throw ReferenceDataError.malformedTable(
                path: url.path, line: record.line,
                reason: "\(record.fields.count) fields where the header has \(header.count)")
        }
        return Array(records.dropFirst())
    }

    /// A two-column mapping file (a code and what it stands for) as a dictionary.
    static func pairs(_ url: URL, header: [String]) throws -> [String: String] {
        var map: [String: String] = [:]
        for record in try records(url, header: header) { map[record.fields[0]] = record.fields[1] }
        return map
    }
}

import FigCheckCore
import Foundation

/// Imports the US Census Bureau's "U.S. trade in goods by country" file (`year, CTY_CODE, CTYNAME,
/// IJAN … IDEC, IYR, EJAN … EDEC, EYR`; millions of US$, goods, Census basis, not seasonally
/// adjusted) as five series by partner, annual (`2024`) and monthly (`2024-12`) rows side by side:
/// US exports to the partner, imports from it, the balance (exports − imports) and the deficit
/// (imports − exports, the figure prose states as "a $66 billion deficit") and two-way trade
/// (exports + imports, "trade with Mexico reached $840 billion"), annual and monthly tables
/// apart so that a check of a year reads the small one. Partners are matched to
/// entities by the Census name ("Korea, South" is tried as "South Korea") or through
/// `census/census-partners.csv` (`cty_code,entity`); groups that are not entities are left out and
/// counted. Months the file has not reached yet (0 for every partner) are left out, and so is the
/// total of a year that has any.
package enum CensusImporter {
    /// The five measures written, with their indicator and title.
    static let measures: [(stem: String, indicator: String, title: String)] = [
        ("us-goods-exports", "us_goods_exports_to_partner", "US goods exports to the partner (Census basis)"),
        (
            "us-goods-imports", "us_goods_imports_from_partner",
            "US goods imports from the partner (general imports, Census basis)"
        ),
        (
            "us-goods-balance", "us_goods_balance_with_partner",
            "US goods trade balance with the partner (exports − imports)"
        ),
        (
            "us-goods-deficit", "us_goods_deficit_with_partner",
            "US goods trade deficit with the partner (imports − exports; negative when the US has a surplus)"
        ),
        (
            "us-goods-trade", "us_goods_trade_with_partner",
            "US two-way goods trade with the partner (exports + imports)"
        ),
    ]

    package struct Outcome: Sendable {
        package var tables: [TableMetadata]
        /// Census partner names with no entity, and how many rows they had.
        package var skippedPartners: [String: Int]
    }

    // Long: one pass over the export's rows and columns, with the checks and the provenance each row carries.
    package static func importFile(_ file: URL, provenance: SeriesProvenance, into directory: URL, replace: Bool) throws
        -> Outcome
    {
        let months = CalendarDate.monthNames.map { String($0.prefix(3)).uppercased() }
        let header =
            ["year", "CTY_CODE", "CTYNAME"] + months.map { "I\($0)" } + ["IYR"] + months.map { "E\($0)" } + ["EYR"]
        let records = try CSVFile.records(file, header: header)
        let overrides = try CSVFile.pairs(
            directory.appendingPathComponent("census/census-partners.csv"),
            header: ["cty_code", "entity"])
        let catalog = try ReferenceCatalog(directory: directory)
        let entities = try EntityDirectory(catalog: catalog)
        // Two Census rows of one name and year (two codes for "Israel") are ambiguous: both are left out.
        var byEntityYear: [String: [(entity: String, record: CSVReader.Record)]] = [:]
        var skipped: [String: Int] = [:]
        for record in records {
            let fields = record.fields
            guard let entity = overrides[fields[1]] ?? partner(named: fields[2], in: entities),
                entities.entities[entity] != nil
            else {
                skipped[fields[2], default: 0] += 1
                continue
            }
            byEntityYear["\(entity) \(fields[0])", default: []].append((entity, record))
        }
        // Months the file has not reached yet are 0 for every partner of that year.
        var publishedMonths: [String: Set<Int>] = [:]
        for record in records {
            for month in 0..<12 where Double(record.fields[3 + month]) != 0 || Double(record.fields[16 + month]) != 0 {
                publishedMonths[record.fields[0], default: []].insert(month)
            }
        }
        var annual: [[SeriesRow]] = Array(repeating: [], count: measures.count)
        var monthly = annual
        for key in byEntityYear.keys.sorted() {
            guard let found = byEntityYear[key] else { continue }
            guard found.count == 1, let (entity, record) = found.first, let name = entities.entities[entity]?.name
            else {
                for (_, record) in found {
                    skipped[
                        "\(record.fields[2]) (code \(record.fields[1]), \(record.fields[0]): two rows)", default: 0] +=
                        1
                }
                continue
            }
            let fields = record.fields
            let numbers = fields.dropFirst(3).compactMap { Double($0) }
            guard numbers.count == 26, Int(fields[0]) != nil else {
                throw ReferenceDataError.malformedTable(
                    path: file.path, line: record.line, reason: "not a year of numbers")
            }
            let imports = Array(numbers[0..<12]), exports = Array(numbers[13..<25])
            func append(_ period: String, exports: Double, imports: Double, to rows: inout [[SeriesRow]]) {
                for (index, value) in [exports, imports, exports - imports, imports - exports, exports + imports]
                    .enumerated()
                {
                    rows[index].append(
                        SeriesRow(entity: entity, entityName: name, period: period, valueText: text(value)))
                }
            }
            let published = publishedMonths[fields[0]] ?? []
            for month in published.sorted() {
                append(
                    "\(fields[0])-" + String(format: "%02d", month + 1), exports: exports[month],
                    imports: imports[month],
                    to: &monthly)
            }
            if published.count == 12 { append(fields[0], exports: numbers[25], imports: numbers[12], to: &annual) }
        }
        let folder = directory.appendingPathComponent("census").appendingPathComponent(provenance.vintage)
        var written: [TableMetadata] = []
        for (index, measure) in measures.enumerated() {
            for (rows, stem, frequency) in [
                (annual[index], measure.stem, "annual"), (monthly[index], measure.stem + "-monthly", "monthly"),
            ] {
                if !replace,
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(stem).meta.json").path)
                {
                    throw ReferenceDataError.writeFailed(
                        path: folder.path, reason: "vintage \(provenance.vintage) of \(stem) already exists")
                }
                let metadata = TableMetadata(
                    id: "census.\(stem).\(provenance.vintage)", title: "\(measure.title), \(frequency)", kind: .series,
                    indicators: [measure.indicator], unit: "USD", scale: 1e6, publisher: "U.S. Census Bureau",
                    dataset: "U.S. Trade in Goods by Country", seriesCode: nil,
                    url: "https://www.census.gov/foreign-trade/balance/country.xlsx",
                    licence: "LicenseRef-US-Government-Public-Domain",
                    attribution:
                        "Source: U.S. Census Bureau, Foreign Trade Division, U.S. trade in goods by country (as served \(provenance.vintage))",
                    vintage: provenance.vintage, retrieved: provenance.retrieved, obtainedFrom: provenance.obtainedFrom,
                    coverage: .init(rows: 0, entities: 0, firstPeriod: nil, lastPeriod: nil),
                    keyColumns: ["entity", "period"],
                    file: "\(stem).csv", valueRange: [0, 1, 4].contains(index) ? .init(min: 0, max: nil) : nil,
                    notes: [
                        provenance.notes,
                        "Goods only, Census basis, not seasonally adjusted, millions of US dollars; periods are \(frequency == "annual" ? "calendar years" : "months (YYYY-MM)").",
                    ]
                    .compactMap { $0 }.joined(separator: " "))
                written.append(try SeriesTableWriter.write(rows, metadata: metadata, folder: folder, stem: stem))
            }
        }
        return Outcome(tables: written, skippedPartners: skipped)
    }

    /// The entity a Census partner name names: as written, or "Korea, South" as "South Korea".
    static func partner(named name: String, in entities: EntityDirectory) -> String? {
        var candidates = [name]
        if let comma = name.firstIndex(of: ",") {
            let head = name[..<comma], tail = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            candidates.append("\(tail) \(head)")
        }
        for candidate in candidates {
            let codes = Set(entities.resolve(candidate).map(\.code))
            if codes.count == 1, let code = codes.first { return code }
        }
        return nil
    }

    /// A value with the binary noise of the workbook's sums removed (12 significant digits, as the
    /// WEO extracts are written): `131549.18712000002` → `131549.18712`.
    static func text(_ value: Double) -> String {
        String(format: "%.12g", value)
    }
}

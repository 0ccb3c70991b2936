import FigCheckCore
import FigCheckData
import Foundation

/// The text `figcheck data list` and `figcheck data show` print.
package enum DataReports {
    /// What `figcheck data show` asks for.
    package struct ShowQuery: Sendable {
        package var table: String
        package var entity: String?
        package var period: String?
        package var vintage: String?
        package var on: CalendarDate?

        package init(table: String, entity: String?, period: String?, vintage: String?, on: CalendarDate?) {
            self.table = table
            self.entity = entity
            self.period = period
            self.vintage = vintage
            self.on = on
        }
    }

    /// One line per table, then the attributions the tables require.
    package static func list(_ catalog: ReferenceCatalog) -> String {
        var rows = [["TABLE", "KIND", "INDICATORS", "ROWS", "VINTAGE", "COVERAGE", "LICENCE"]]
        for entry in catalog.entries {
            let meta = entry.metadata
            let periods = [meta.coverage.firstPeriod, meta.coverage.lastPeriod].compactMap { $0 }
            let span =
                periods.isEmpty
                ? "" : (periods.first == periods.last ? periods[0] : periods.joined(separator: "–")) + ", "
            rows.append([
                meta.id, meta.kind.rawValue, meta.indicators.joined(separator: " "), String(meta.coverage.rows),
                meta.vintage, "\(span)\(meta.coverage.entities) entit\(meta.coverage.entities == 1 ? "y" : "ies")",
                meta.licence,
            ])
        }
        var output = TextTable.render(rows)
        let attributions = Set(catalog.entries.map { $0.metadata.attribution.replacingVintage() }).sorted()
        output += "\n\(catalog.entries.count) tables. Reports that use them must credit:\n"
        output += attributions.map { "  - \($0)\n" }.joined()
        return output
    }

    /// The rows a show query selects, or the value in force on a date.
    package static func show(_ catalog: ReferenceCatalog, _ query: ShowQuery) throws -> String {
        let entries: [ReferenceCatalog.Entry]
        if let entry = catalog.entry(id: query.table) {
            entries = [entry]
        } else {
            entries = catalog.tables(for: query.table)
        }
        guard !entries.isEmpty else { throw ReferenceDataError.unknownTable(id: query.table) }
        if let date = query.on {
            return try inForce(catalog, entries: entries, query: query, date: date)
        }
        var rows = [["INDICATOR", "ENTITY", "PERIOD", "VALUE", "AS WRITTEN", "VINTAGE", "TABLE:LINE", "SOURCE"]]
        for entry in entries where entry.metadata.kind.holdsObservations {
            if let vintage = query.vintage, entry.metadata.vintage != vintage { continue }
            for row in try catalog.observations(inTable: entry.metadata.id) {
                if let entity = query.entity, row.entity != entity { continue }
                if let period = query.period, row.period != period { continue }
                rows.append(cells(row, entry.metadata))
            }
        }
        guard rows.count > 1 else { return "no rows match\n" }
        return TextTable.render(rows) + "\n\(rows.count - 1) row\(rows.count == 2 ? "" : "s")\n"
    }

    private static func inForce(
        _ catalog: ReferenceCatalog, entries: [ReferenceCatalog.Entry], query: ShowQuery,
        date: CalendarDate
    ) throws -> String {
        let indicators = Set(entries.flatMap(\.metadata.indicators)).sorted()
        let entity = query.entity ?? ""
        var rows = [["INDICATOR", "ENTITY", "IN FORCE ON", "VALUE", "SINCE", "TABLE:LINE", "SOURCE"]]
        for indicator in indicators {
            // One answer per partner and scope: a timeline may hold several layers or parties.
            var variants: [String: (partner: String?, scope: String?)] = [:]
            for entry in entries where entry.metadata.kind == .timeline {
                // The table's fallback entity (WLD, "every partner") stands in for one without rows.
                for row in try catalog.observations(inTable: entry.metadata.id)
                where row.indicator == indicator
                    && (row.entity == entity || row.entity == entry.metadata.fallbackEntity)
                {
                    variants["\(row.partner ?? "")|\(row.scope ?? "")"] = (row.partner, row.scope)
                }
            }
            for key in variants.keys.sorted() {
                guard let variant = variants[key],
                    let found = try catalog.valueInForce(
                        indicator: indicator, entity: entity, on: date,
                        partner: variant.partner, scope: variant.scope)
                else { continue }
                let row = found.observation
                var who = row.entity
                if let partner = row.partner { who += " (by \(partner))" }
                if let scope = row.scope { who += " [\(scope)]" }
                rows.append([
                    indicator, who, date.description, ValueFormatter.format(row.value, unit: row.unit),
                    row.effectiveDate?.description ?? "", "\(row.tableID):\(row.line)", source(row, found.table),
                ])
            }
        }
        guard rows.count > 1 else {
            return "nothing in force for \(entity.isEmpty ? "any entity" : entity) on \(date)\n"
        }
        return TextTable.render(rows)
    }

    private static func cells(_ row: Observation, _ table: TableMetadata) -> [String] {
        var period = row.period
        if let effective = row.effectiveDate, effective.description != row.period { period += " (from \(effective))" }
        if row.isProjection { period += " (projection)" }
        if row.neverApplied { period += " (never applied)" }
        var entity = row.entity
        if let partner = row.partner { entity += "→\(partner)" }
        if let scope = row.scope { entity += " [\(scope)]" }
        return [
            row.indicator, entity, period, ValueFormatter.format(row.value, unit: row.unit), row.valueText,
            table.vintage, "\(row.tableID):\(row.line)", source(row, table),
        ]
    }

    /// The publisher of a row, and the id of its row in the curated source ("Allyn International, row A5b").
    private static func source(_ row: Observation, _ table: TableMetadata) -> String {
        guard let provenance = row.provenance else { return table.publisher }
        return provenance.rowID.isEmpty ? provenance.publisher : "\(provenance.publisher), row \(provenance.rowID)"
    }
}

/// Readable values: "1,875.39 bn USD", "145%", "51,751,065 persons".
package enum ValueFormatter {
    package static func format(_ value: Double, unit: String) -> String {
        switch unit {
        case "percent": return grouped(value, decimals: decimals(value)) + "%"
        case "date": return String(Int(value))
        case "USD", "intl_USD":
            let magnitude = abs(value)
            if magnitude >= 1e9 { return grouped(value / 1e9, decimals: 2) + " bn \(unit)" }
            if magnitude >= 1e6 { return grouped(value / 1e6, decimals: 2) + " mn \(unit)" }
            return grouped(value, decimals: 2) + " \(unit)"
        default:
            return grouped(value, decimals: decimals(value)) + " \(unit)"
        }
    }

    private static func decimals(_ value: Double) -> Int {
        if value == value.rounded() { return 0 }
        // The fewest places (up to 3) that show the value as stored: 3.5 → "3.5", not "3.500".
        for places in 1...3 {
            let scaled = value * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return places }
        }
        return abs(value) >= 100 ? 2 : 3
    }

    /// `value` with `decimals` places and thousands separators.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var groupedDigits = ""
        for (index, digit) in integer.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { groupedDigits.append(",") }
            groupedDigits.append(digit)
        }
        let result = (negative ? "-" : "") + String(groupedDigits.reversed())
        return parts.count > 1 ? result + "." + parts[1] : result
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The attribution without its ", vintage …" tail, so one line stands for all vintages.
    fileprivate func replacingVintage() -> String {
        guard let range = range(of: ", vintage ") else { return self }
        return String(self[..<range.lowerBound])
    }
}

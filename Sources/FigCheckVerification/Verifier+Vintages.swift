import FigCheckCore
import FigCheckData

extension Verifier {
    // MARK: - Vintages the author could have used

    /// The date that decides which vintages the author could have known: `--as-of`, else the
    /// document's date; nil (every vintage) for a document without a date or an exact vintage.
    var knowledgeDate: CalendarDate? {
        switch settings.vintage {
        case .newest: return documentDate
        case .asOf(let date): return date
        case .exactly: return nil
        }
    }

    /// A series value in the vintages the author could have used, newest last: every vintage
    /// released on or before the knowledge date that covers the period, else the earliest later
    /// one (PRODUCT.md, "Reference data"). Without a date, every vintage.
    func seriesValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let all = allSeriesValues(indicator, entity, year)
        guard let date = knowledgeDate else { return all }
        let known = all.filter { CalendarDate(iso: $0.table.vintage).map { $0 <= date } ?? false }
        if !known.isEmpty { return known }
        return all.first.map { [$0] } ?? []
    }

    /// The vintages released after those `seriesValues` returns: the revisions since, for hints.
    func laterValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let used = Set(seriesValues(indicator, entity, year).map(\.table.vintage))
        guard let newestUsed = used.max() else { return [] }
        return allSeriesValues(indicator, entity, year).filter { $0.table.vintage > newestUsed }
    }

    /// A series value in every vintage the settings allow, oldest first.
    private func allSeriesValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let key = ObservationKey(indicator: indicator, entity: entity, period: "\(year)")
        do {
            let exact: String? = { if case .exactly(let vintage) = settings.vintage { return vintage }; return nil }()
            return try catalog.allVintages(at: key).filter { exact == nil || $0.table.vintage == exact }
                .sorted { $0.table.vintage < $1.table.vintage }
        } catch {
            problems.record(error)
            return []
        }
    }

    /// Says so when the vintage used was released after the document's date (none before covers it).
    func laterVintageNote(_ primary: Recomputation) -> String {
        // Series are published in vintages; curated facts carry their own dates per row.
        let seriesIDs = Set(catalog.entries.filter { $0.metadata.kind == .series }.map(\.metadata.id))
        let series = primary.inputs.filter { seriesIDs.contains($0.table) }
        guard let date = knowledgeDate, case .newest = settings.vintage,
              let vintage = series.compactMap({ CalendarDate(iso: $0.vintage) }).max(), vintage > date,
              !series.contains(where: { (CalendarDate(iso: $0.vintage) ?? vintage) <= date }) else { return "" }
        return " No vintage released by the document's date (\(date)) covers it; the earliest later one (\(vintage)) is used."
    }
}

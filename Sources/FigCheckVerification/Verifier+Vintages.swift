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
    func allSeriesValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let key = ObservationKey(indicator: indicator, entity: entity, period: "\(year)")
        do {
            let exact: String? = {
                if case .exactly(let vintage) = settings.vintage { return vintage }; return nil
            }()
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
        let series = primary.inputs.filter { knowledge.seriesTableIDs.contains($0.table) }
        guard let date = knowledgeDate, case .newest = settings.vintage,
            let vintage = series.compactMap({ CalendarDate(iso: $0.vintage) }).max(), vintage > date,
            !series.contains(where: { (CalendarDate(iso: $0.vintage) ?? vintage) <= date })
        else { return "" }
        return
            " No vintage released by the document's date (\(date)) covers it; the earliest later one (\(vintage)) is used."
    }

    // MARK: - Forecasts

    /// "The IMF projects 1.0% growth for Korea in 2025": judged against that publisher's forecast
    /// in the vintage current on the document's date (the newest released by then). A figure that
    /// matches an earlier vintage only is a superseded forecast: needs review, with both named.
    func checkForecast(_ draft: ClaimDraft, indicator: String, entity: String, year: Int, source: String)
        -> CheckOutcome
    {
        guard let series = knowledge.frames.forecastIndicator(of: indicator, by: source),
            let unit = knowledge.unit(of: series)
        else {
            return unverifiable("a forecast by \(source), whose forecasts of this measure are not bundled")
        }
        guard let date = documentDate else {
            return unverifiable(
                "a forecast by \(source) in a document without a date, so which of its releases was current is unknown")
        }
        let vintages = allSeriesValues(series, entity, year)
        let released = vintages.filter { CalendarDate(iso: $0.table.vintage).map { $0 <= date } ?? false }
        guard let current = released.last else {
            return unverifiable(
                "no bundled \(source) forecast for \(entity) \(year) was released by the document's date (\(date))")
        }
        func reading(_ value: ReferenceValue, _ label: String) -> Recomputation {
            Recomputation(
                interval: .point(value.observation.value), formula: "\(value.table.id)[\(entity), \(year)]",
                inputs: [input(value)], label: label, display: display(value.observation.value, unit: unit))
        }
        let primary = reading(
            current,
            "\(entity) \(year), \(current.table.title), released \(current.table.vintage): the release current on the document's date"
        )
        let stated = draft.stated
        let describe = "\(source)'s forecast, \(current.table.title), \(entity) \(year)"
        if stated.overlaps(primary.interval) {
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message:
                    "Stated \(draft.mention.text); \(describe) = \(primary.display) (released \(current.table.vintage), the release current on \(date)).",
                hints: [], resolved: draft)
        }
        if let stale = released.dropLast().last(where: { stated.overlaps(.point($0.observation.value)) }) {
            let older = reading(stale, "\(stale.table.title), released \(stale.table.vintage)")
            if draft.forecastIsAnEarlierOne {
                // The text dates it itself ("an earlier projection of 6.5%").
                return CheckOutcome(
                    verdict: .consistent, primary: older,
                    message:
                        "Stated \(draft.mention.text), an earlier forecast; \(source)'s forecast of \(stale.table.vintage) (\(stale.table.title)) = \(older.display), since revised to \(primary.display) (\(current.table.title)).",
                    hints: [], resolved: draft)
            }
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(draft.mention.text); that is \(source)'s forecast of \(stale.table.vintage) (\(older.display), \(stale.table.title)), superseded before the document's date by \(primary.display) (\(current.table.title), released \(current.table.vintage)).",
                hints: [
                    "\(draft.mention.text) matches \(stale.table.title) (released \(stale.table.vintage)); the release current on \(date) is \(current.table.title): \(primary.display)."
                ],
                resolved: draft)
        }
        let later = vintages.filter { value in !released.contains { $0.table.vintage == value.table.vintage } }
            .map { reading($0, "\($0.table.title), released \($0.table.vintage), after the document") }
        return judge(draft, primary: primary, alternatives: later, describe: describe)
    }
}

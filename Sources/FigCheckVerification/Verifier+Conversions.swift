import FigCheckCore
import FigCheckData

extension Verifier {
    // MARK: - Currency conversions

    /// A converted amount against the monthly exchange rates from the first month of the figure's
    /// period through the document's month (the rates its author could have used): consistent when
    /// the stated amount overlaps what those rates give for the amount converted, taken as written.
    func checkConversion(_ original: ClaimDraft) -> CheckOutcome {
        var draft = original
        guard let source = draft.convertedFrom, let entity = draft.entity, let indicator = draft.indicator else {
            return unverifiable("the amount converted or its exchange rate was not found")
        }
        guard let date = documentDate else {
            return unverifiable("the document has no date, so the rates of its time are unknown")
        }
        // Without a period, the rates of the year before the document through its month (a guess).
        var start =
            draft.period.map { CalendarDate(year: $0.first.year, month: $0.first.month, day: 1) ?? $0.first }
            ?? CalendarDate(year: date.year - 1, month: 1, day: 1) ?? date
        if start > date { start = CalendarDate(year: date.year, month: date.month, day: 1) ?? date }
        if draft.period == nil {
            draft.period = PeriodChoice(key: "\(date.year - 1)", first: start, last: date, resolution: .guessed)
        }
        var rates: [ReferenceValue] = []
        var month = (start.year, start.month)
        while (month.0, month.1) <= (date.year, date.month) {
            let key = ObservationKey(
                indicator: indicator, entity: entity, period: "\(month.0)-" + (month.1 < 10 ? "0" : "") + "\(month.1)")
            do {
                if let value = try catalog.allVintages(at: key).last { rates.append(value) }
            } catch {
                problems.record(error)
            }
            month = month.1 == 12 ? (month.0 + 1, 1) : (month.0, month.1 + 1)
        }
        guard let lowest = rates.min(by: { $0.observation.value < $1.observation.value }),
            let highest = rates.max(by: { $0.observation.value < $1.observation.value })
        else {
            return unverifiable("no exchange rate for \(entity) from \(start) to \(date)")
        }
        let amount = source.value
        let toDollars = draft.mention.currency == "USD"
        let interval =
            toDollars
            ? Interval(low: amount / highest.observation.value, high: amount / lowest.observation.value)
            : Interval(low: amount * lowest.observation.value, high: amount * highest.observation.value)
        let unit = toDollars ? (source.currency ?? "") : (draft.mention.currency ?? "")
        let formula =
            toDollars
            ? "\(FigureFormat.number(amount)) / [\(FigureFormat.number(lowest.observation.value)), \(FigureFormat.number(highest.observation.value))] \(unit) per USD"
            : "\(FigureFormat.number(amount)) × [\(FigureFormat.number(lowest.observation.value)), \(FigureFormat.number(highest.observation.value))] \(unit) per USD"
        let primary = Recomputation(
            interval: interval, formula: formula, inputs: [input(lowest), input(highest)],
            label:
                "\(source.text.trimmingWhitespace()) at the monthly rates of \(start.description.prefix(7)) to \(date.description.prefix(7)) (lowest \(lowest.observation.period), highest \(highest.observation.period); \(sourceLabel(lowest)))",
            display: toDollars
                ? "$" + FigureFormat.money(interval.low) + "–" + FigureFormat.money(interval.high)
                : FigureFormat.money(interval.low) + "–" + FigureFormat.money(interval.high) + " " + unit)
        return judge(
            draft, primary: primary, alternatives: [], describe: "\(source.text.trimmingWhitespace()) converted")
    }
}

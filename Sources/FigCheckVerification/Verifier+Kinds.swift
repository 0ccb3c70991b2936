import FigCheckCore
import FigCheckData

extension Verifier {
    // MARK: - Values, counts, ranks

    // Long: the verdict steps of a value claim in PRODUCT.md's order (frame, reference, vintage, tolerance, hints),
    // each returning its outcome.
    func checkValue(_ original: ClaimDraft) -> CheckOutcome {
        var draft = original
        guard let indicator = draft.indicator else {
            return unverifiable("no reference table for what this figure measures")
        }
        guard let unit = knowledge.unit(of: indicator) else { return unverifiable("no table holds \(indicator)") }
        if !knowledge.isAnnualSeries(indicator) { return checkFact(draft, indicator: indicator, unit: unit) }
        guard let entity = draft.entity else { return unverifiable("no country or group was named for it") }
        guard let (year, values) = annualValues(indicator, entity, draft: &draft) else {
            return unverifiable("no period was said and the document has no date")
        }
        if let source = draft.forecastBy {
            return checkForecast(draft, indicator: indicator, entity: entity, year: year, source: source)
        }
        if let forecast = forecastReason(year) { return unverifiable(forecast) }
        guard let newest = values.last else {
            return unverifiable("the tables have no \(indicator) for \(entity) in \(year)")
        }
        let title = newest.table.title
        func reading(_ value: ReferenceValue, label: String? = nil) -> Recomputation {
            Recomputation(
                interval: .point(value.observation.value),
                formula: "\(value.table.id)[\(entity), \(value.observation.period)]",
                inputs: [input(value)], label: label ?? "\(entity) \(value.observation.period), \(sourceLabel(value))",
                display: display(value.observation.value, unit: unit))
        }
        let primary = reading(newest)
        var alternatives: [Recomputation] = []
        for other in [year - 1, year + 1, year - 2] {
            for value in seriesValues(indicator, entity, other) {
                alternatives.append(
                    reading(value, label: "\(entity) \(other) instead of \(year), \(sourceLabel(value))"))
            }
        }
        for value in values.dropLast() {
            alternatives.append(reading(value, label: "\(entity) \(year) in the older vintage \(value.table.vintage)"))
        }
        for value in laterValues(indicator, entity, year) {
            alternatives.append(
                reading(
                    value,
                    label:
                        "\(entity) \(year) as revised since, in the vintage of \(value.table.vintage) (after the document)"
                ))
        }
        if unit == "USD" || unit == "persons" {
            for (factor, words) in [
                (1e-3, "million written for billion, or billion for trillion"),
                (1e3, "billion written for million, or trillion for billion"),
            ] {
                var scaled = primary
                scaled.interval = .point(newest.observation.value * factor)
                scaled.label = "the table's \(primary.display) with the scale word off by 1,000 (\(words))"
                scaled.isScaleSlip = true
                alternatives.append(scaled)
            }
        }
        if draft.sign > 0 {
            var negative = primary
            negative.interval = .point(-newest.observation.value)
            negative.label = "the table's \(primary.display) as a fall (\"shrank\", \"fell\") rather than a rise"
            alternatives.append(negative)
        }
        return judge(
            draft, primary: primary, sameKeyOtherVintages: values.dropLast().map { reading($0) },
            alternatives: alternatives, describe: "\(title), \(entity) \(year)")
    }

    /// The year an annual figure is about and its values in every allowed vintage: the year said (a
    /// month or half said is a guess at its year), else the latest full year before the document
    /// date, one year earlier when that one is not published yet. Nil without a year or a date.
    func annualValues(_ indicator: String, _ entity: String, draft: inout ClaimDraft) -> (
        year: Int, values: [ReferenceValue]
    )? {
        var year: Int
        if let period = draft.period {
            year = period.year
            if period.key.count != 4 { draft.period?.resolution = .guessed }
            // A guessed year that is also the documented default is as good as the default.
            if draft.period?.resolution == .guessed, period.key.count == 4, period.year == defaultYear {
                draft.period?.resolution = .defaulted
            }
        } else if let fallback = defaultYear {
            year = fallback
            draft.period = .year(fallback, .defaulted)
        } else {
            return nil
        }
        var values = seriesValues(indicator, entity, year)
        if values.isEmpty, draft.period?.resolution == .defaulted {
            year -= 1
            values = seriesValues(indicator, entity, year)
            draft.period = .year(year, .guessed)
        }
        return (year, values)
    }

    /// Curated facts (pledges, events, rankings): the rows of the entity, in the period said.
    // Long: the curated rows narrowed in order (entity, period or edition, unit) before one judgement; each
    // narrowing can end the check.
    private func checkFact(_ original: ClaimDraft, indicator: String, unit: String) -> CheckOutcome {
        var draft = original
        let rows = factRows(indicator)
        guard !rows.isEmpty else { return unverifiable("no table holds \(indicator)") }
        let named = Set([draft.entity].compactMap { $0 } + draft.candidates)
        var pool = rows.filter { draft.entity == $0.observation.entity }
        if pool.isEmpty { pool = rows.filter { named.contains($0.observation.entity) } }
        if pool.isEmpty {
            if draft.kind != .count {
                return unverifiable("the tables have no \(indicator) for \(draft.entity ?? "this entity")")
            }
            pool = rows
            draft.entityResolution = .guessed
        }
        // The period: rows of the period said, else (rankings) the edition of the document's year,
        // else every row (a fact such as a pledge has one).
        if let period = draft.period {
            let matching = pool.filter {
                $0.observation.period == period.key || $0.observation.period.hasPrefix(period.key + "-")
                    || period.key.hasPrefix($0.observation.period)
            }
            // "In March 2024 China took 1.82 million barrels a day": a month's figure is not the year's.
            if !matching.isEmpty, matching.allSatisfy({ $0.observation.period.count < period.key.count }) {
                return unverifiable(
                    "a figure for \(period.key); the tables hold \(indicator.replacingOccurrences(of: "_", with: " ")) only for \(matching[0].observation.period) as a whole"
                )
            }
            if !matching.isEmpty { pool = matching }
        } else if unit == "rank", let year = documentDate?.year {
            let editions = pool.filter { (Int($0.observation.period.prefix(4)) ?? 0) <= year }
            if let latest = editions.max(by: { $0.observation.period < $1.observation.period }) {
                pool = [latest]
                draft.period = .year(Int(latest.observation.period.prefix(4)) ?? year, .defaulted)
            }
        }
        // "2.2 million barrels per day" against a table in millions of barrels a day.
        if unit == "mb/d", draft.mention.unit?.contains("barrel") == true {
            draft.mention.value /= 1e6
            draft.mention.low = draft.mention.low.map { $0 / 1e6 }
            draft.mention.high = draft.mention.high.map { $0 / 1e6 }
        }
        func reading(_ value: ReferenceValue) -> Recomputation {
            var label = "\(value.observation.entity) \(value.observation.period)"
            if let scope = value.observation.scope { label += " (\(scope.replacingOccurrences(of: "_", with: " ")))" }
            label += ", \(sourceLabel(value))"
            return Recomputation(
                interval: .point(value.observation.value),
                formula: "\(value.table.id) row \(value.observation.line)", inputs: [input(value)], label: label,
                display: display(value.observation.value, unit: unit))
        }
        var readings = pool.map(reading)
        let stated = draft.stated
        if draft.kind == .count, !readings.contains(where: { stated.overlaps($0.interval) }) {
            // "475 workers … among them 317 Korean nationals": the event's other counts, whoever they count.
            let keys = Set(pool.map(\.observation.period))
            let others = rows.filter { keys.contains($0.observation.period) && !pool.contains($0) }
            if let match = others.first(where: { stated.overlaps(.point($0.observation.value)) }) {
                pool = [match]
                readings = [reading(match)]
                draft.entity = match.observation.entity
            }
        }
        if let match = readings.firstIndex(where: { stated.overlaps($0.interval) }) {
            return judge(draft, primary: readings[match], alternatives: [], describe: pool[match].table.title)
        }
        if readings.count > 1 { draft.entityResolution = draft.entityResolution == .said ? .said : .guessed }
        return judge(
            draft, primary: readings[0], alternatives: Array(readings.dropFirst()), describe: pool[0].table.title)
    }

    // MARK: - Ratios

    // Long: the verdict steps of a ratio (numerator, denominator's table and period, recomputation, tolerance),
    // each returning its outcome.
    func checkRatio(_ original: ClaimDraft) -> CheckOutcome {
        var draft = original
        guard let entity = draft.entity, let denominator = draft.denominator else {
            return unverifiable("no country or group was named for the ratio")
        }
        guard !draft.numerator.isEmpty else { return unverifiable("the amount divided by GDP was not found") }
        var parts: [(interval: Interval, text: String, input: ComputationInput?)] = []
        for part in draft.numerator {
            switch part {
            case .stated(let mention):
                parts.append((Interval(low: mention.low, high: mention.high), FigureFormat.money(mention.value), nil))
            case .lookup(let indicator, let owner):
                guard let row = factRows(indicator).first(where: { $0.observation.entity == owner }) else {
                    return unverifiable(
                        "the tables have no \(indicator.replacingOccurrences(of: "_", with: " ")) for \(owner)")
                }
                parts.append((.point(row.observation.value), FigureFormat.money(row.observation.value), input(row)))
            }
        }
        let numerator = parts.dropFirst().reduce(parts[0].interval) { $0 + $1.interval }
        let numeratorText = parts.count == 1 ? parts[0].text : "(" + parts.map(\.text).joined(separator: " + ") + ")"
        guard let (year, values) = annualValues(denominator, entity, draft: &draft) else {
            return unverifiable("no year for the GDP and the document has no date")
        }
        if let forecast = forecastReason(year) { return unverifiable(forecast) }
        guard let newest = values.last else { return unverifiable("the tables have no GDP for \(entity) in \(year)") }
        func reading(_ amount: Interval, _ amountText: String, _ gdp: ReferenceValue, label: String?) -> Recomputation?
        {
            guard let ratio = (amount / .point(gdp.observation.value))?.scaled(by: 100) else { return nil }
            let described =
                "\(amountText) / \(FigureFormat.money(gdp.observation.value)) (\(entity) GDP \(gdp.observation.period), \(sourceLabel(gdp)))"
            return Recomputation(
                interval: ratio, formula: "\(amountText) / \(FigureFormat.money(gdp.observation.value)) × 100",
                inputs: parts.compactMap(\.input) + [input(gdp)],
                label: label ?? described, display: FigureFormat.number(ratio.midpoint) + "%")
        }
        guard let primary = reading(numerator, numeratorText, newest, label: nil) else {
            return unverifiable("GDP is zero")
        }
        var alternatives: [Recomputation] = []
        for other in [year - 1, year - 2, year + 1] {
            for gdp in seriesValues(denominator, entity, other) {
                if let alt = reading(
                    numerator, numeratorText, gdp,
                    label:
                        "\(numeratorText) / \(entity) \(other) GDP in the WDI vintage of \(gdp.table.vintage) (\(FigureFormat.money(gdp.observation.value))), not \(year)"
                ) {
                    alternatives.append(alt)
                }
            }
        }
        // Components: the entity's other pledged amounts added in, or a looked-up one left out.
        for (indicator, name) in knowledge.frames.indicators(withRole: "pledge_component")
        where !draft.numeratorIndicators.contains(indicator) {
            if let row = factRows(indicator).first(where: { $0.observation.entity == entity }) {
                let text = "(\(numeratorText) + \(FigureFormat.money(row.observation.value)))"
                if let alt = reading(
                    numerator + .point(row.observation.value), text, newest,
                    label: "\(text) / \(entity) \(year) GDP, i.e. including \(name)")
                {
                    alternatives.append(alt)
                }
            }
        }
        if parts.count > 1 {
            if let alt = reading(
                parts[0].interval, parts[0].text, newest,
                label: "\(parts[0].text) / \(entity) \(year) GDP, i.e. without the other components")
            {
                alternatives.append(alt)
            }
        }
        for gdp in laterValues(denominator, entity, year) {
            if let alt = reading(
                numerator, numeratorText, gdp,
                label:
                    "\(numeratorText) / \(entity) \(year) GDP as revised since, in the vintage of \(gdp.table.vintage) (after the document)"
            ) {
                alternatives.append(alt)
            }
        }
        let others = values.dropLast().compactMap {
            reading(numerator, numeratorText, $0, label: "\($0.table.vintage) vintage")
        }
        return judge(
            draft, primary: primary, sameKeyOtherVintages: others, alternatives: alternatives,
            describe: "\(numeratorText) / \(entity) GDP \(year)")
    }

    // MARK: - Shares

    func checkShare(_ original: ClaimDraft) -> CheckOutcome {
        var draft = original
        guard let indicator = draft.indicator else { return unverifiable("no share table") }
        let named = Set(draft.candidates)
        var rows = factRows(indicator).filter {
            named.contains($0.observation.entity) && named.contains($0.observation.partner ?? "")
        }
        guard !rows.isEmpty else { return unverifiable("no table holds this share for the countries named") }
        if let scope = draft.scope, rows.contains(where: { $0.observation.scope == scope }) {
            let other = rows.filter { $0.observation.scope != scope }
            rows = rows.filter { $0.observation.scope == scope } + other
        }
        func reading(_ value: ReferenceValue) -> Recomputation {
            let scope = value.observation.scope.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? ""
            return Recomputation(
                interval: .point(value.observation.value), formula: "\(value.table.id) row \(value.observation.line)",
                inputs: [input(value)],
                label:
                    "\(value.observation.partner ?? "")'s share of \(value.observation.entity)'s exports\(scope), \(value.observation.period), \(sourceLabel(value))",
                display: FigureFormat.number(value.observation.value) + "%")
        }
        let describe =
            "share of \(rows[0].observation.entity)'s oil exports going to \(rows[0].observation.partner ?? "")"
        if let period = draft.period {
            let matching = rows.filter { $0.observation.period == period.key }
            if let first = matching.first {
                let rest = rows.filter { $0.observation != first.observation }
                draft.entity = first.observation.entity
                draft.partner = first.observation.partner
                return judge(draft, primary: reading(first), alternatives: rest.map(reading), describe: describe)
            }
        }
        // No period said (or none the tables have): any row that agrees makes it consistent; otherwise the
        // period is the uncertain part and the claim needs review.
        let readings = rows.map(reading)
        if let index = readings.firstIndex(where: { draft.stated.overlaps($0.interval) }) {
            let match = readings[index]
            draft.entity = rows[index].observation.entity
            draft.partner = rows[index].observation.partner
            return CheckOutcome(
                verdict: .consistent, primary: match,
                message:
                    "Stated \(draft.mention.text); \(describe) = \(match.display) (\(match.label)); no period was said.",
                hints: [], resolved: draft)
        }
        draft.entity = rows[0].observation.entity
        draft.partner = rows[0].observation.partner
        draft.period =
            draft.period.map {
                var period = $0; period.resolution = .guessed; return period
            }
            ?? PeriodChoice(
                key: rows[0].observation.period, first: .januaryFirst(2000),
                last: .januaryFirst(2000), resolution: .guessed)
        var outcome = judge(draft, primary: readings[0], alternatives: [], describe: describe)
        outcome.message +=
            " Sources give " + readings.prefix(3).map { "\($0.display) (\($0.label))" }.joined(separator: "; ") + "."
        return outcome
    }
}

extension Verifier {
    // MARK: - Ranks by a measure

    /// "India … the world's fourth-largest economy in 2025": the entity's place among countries
    /// (not groups) by the measure's values for the year, largest first, in the newest table of the
    /// measure or of its bundled forecasts released by the document's date; an earlier release
    /// that gives the stated place makes a mismatch one for review.
    func checkRankBy(_ draft: ClaimDraft, measure: String) -> CheckOutcome {
        guard let entity = draft.entity else { return unverifiable("the ranking names no country") }
        guard let year = draft.period?.year ?? documentDate?.year else {
            return unverifiable("the ranking gives no year")
        }
        let forecasts = knowledge.frames.frames[measure]?.forecast.map { [$0.indicator] } ?? []
        let countries = Set(knowledge.directory.entities.values.filter { $0.kind == "country" }.map(\.code))
        // Releases by the document's date that hold the entity's value for the year, oldest first.
        var releases: [(table: TableMetadata, rank: Int, values: [(String, Double)])] = []
        for indicator in [measure] + forecasts {
            for entry in catalog.tables(for: indicator)
            where entry.metadata.kind == .series && allowed(entry.metadata.vintage) {
                if let date = documentDate, let vintage = CalendarDate(iso: entry.metadata.vintage), vintage > date {
                    continue
                }
                guard let rows = observations(inTable: entry.metadata.id) else { continue }
                let values = rows.filter { $0.period == "\(year)" && countries.contains($0.entity) }.map {
                    ($0.entity, $0.value)
                }
                guard let own = values.first(where: { $0.0 == entity })?.1 else { continue }
                releases.append((entry.metadata, 1 + values.filter { $0.1 > own }.count, values.sorted { $0.1 > $1.1 }))
            }
        }
        releases.sort { $0.table.vintage < $1.table.vintage }
        guard let current = releases.last else {
            return unverifiable("no table released by the document's date ranks countries by \(measure) in \(year)")
        }
        let stated = Int(draft.mention.value.rounded())
        let names = current.values.prefix(max(stated, current.rank) + 1).enumerated().map {
            "\($0.offset + 1). \($0.element.0)"
        }
        let primary = Recomputation(
            interval: .point(Double(current.rank)),
            formula: "rank of \(entity) by \(measure), \(year), \(current.table.id)",
            inputs: [], label: "\(current.table.title), released \(current.table.vintage)",
            display: FigureFormat.number(Double(current.rank)))
        let order =
            "by \(current.table.title) (released \(current.table.vintage)) \(entity) ranks \(current.rank) in \(year): \(names.joined(separator: ", "))"
        if current.rank == stated {
            return CheckOutcome(
                verdict: .consistent, primary: primary, message: "Stated \(draft.mention.text); \(order).", hints: [],
                resolved: draft)
        }
        if let earlier = releases.dropLast().last(where: { $0.rank == stated }) {
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(draft.mention.text); \(order), but \(earlier.table.title) (released \(earlier.table.vintage)) gave \(stated).",
                hints: [
                    "\(draft.mention.text) is the rank in \(earlier.table.title), superseded by \(current.table.title)."
                ], resolved: draft)
        }
        return CheckOutcome(
            verdict: draft.isConfident ? .inconsistent : .needsReview, primary: primary,
            message: "Stated \(draft.mention.text); \(order).", hints: [], resolved: draft)
    }
}

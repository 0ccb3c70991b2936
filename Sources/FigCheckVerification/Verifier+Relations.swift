import FigCheckCore
import FigCheckData

extension Verifier {
    // MARK: - Rates in force

    // Long: the verdict steps of a rate (the table's series, the period in force, stated operands, tolerance), each
    // returning its outcome.
    func checkRate(_ original: ClaimDraft) -> CheckOutcome {
        var draft = original
        guard let indicator = draft.indicator else { return unverifiable("no rate table for the country named") }
        let all = factRows(indicator)
        if indicator == knowledge.targetIndicator { return checkTarget(draft, rows: all) }
        // No partner named: the rows that hold for every partner, if the tables have such rows.
        let fallback = all.lazy.compactMap(\.table.fallbackEntity).first
        guard let entity = draft.entity ?? fallback else { return unverifiable("no rate table for the country named") }
        if draft.entity == nil {
            // "Steel pays 50%": a sector's rate with no partner is every partner's; a rate with
            // neither may be anyone's.
            draft.entity = entity
            draft.entityResolution = draft.scope == nil ? .guessed : .said
        }
        // The timeline as known on the document's date: a retroactive rate announced later is not in it.
        let rows = Timeline.steps(all, entity: entity, scope: draft.scope, knownOn: documentDate)
        guard !rows.isEmpty else {
            return unverifiable(
                "no table holds \(indicator) for \(entity)"
                    + (draft.scope.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? ""))
        }
        let stated = draft.stated
        let describe = rows[0].table.title
        // The timeline as steps: each value holds from its effective date until the next one.
        struct Step { var from: CalendarDate; var until: CalendarDate?; var value: Double; var row: ReferenceValue }
        var steps: [Step] = []
        for (index, row) in rows.enumerated() {
            guard let from = row.observation.effectiveDate else { continue }
            let next = index + 1 < rows.count ? rows[index + 1].observation.effectiveDate : nil
            steps.append(
                Step(from: from, until: next.map { $0.adding(days: -1) }, value: row.observation.value, row: row))
        }
        guard let firstStep = steps.first, let lastStep = steps.last else {
            return unverifiable("no dated rate for \(entity)")
        }
        let window: (first: CalendarDate, last: CalendarDate)
        if let period = draft.period {
            window = (period.first, period.last)
        } else if let date = documentDate, let january = CalendarDate(year: date.year, month: 1, day: 1) {
            window = (january, date)
            draft.period = PeriodChoice(
                key: "\(date.year)", first: window.first, last: window.last, resolution: .defaulted)
        } else {
            window = (firstStep.from, lastStep.from)
        }
        func reading(_ step: Step, _ label: String) -> Recomputation {
            Recomputation(
                interval: .point(step.value), formula: "\(step.row.table.id) row \(step.row.observation.line)",
                inputs: [input(step.row)], label: label, display: FigureFormat.number(step.value) + "%")
        }
        func span(_ step: Step) -> String {
            "in force \(step.from)" + (step.until.map { " to \($0)" } ?? " onwards") + ", \(sourceLabel(step.row))"
        }
        let windowText =
            window.first == window.last ? "on \(window.first)" : "between \(window.first) and \(window.last)"
        if draft.direction != 0 {
            // "reduced the number to 30% in April": a step down to the stated value, taking effect in the window.
            let moves = steps.indices.dropFirst().filter { index in
                stated.overlaps(.point(steps[index].value))
                    && (steps[index].value - steps[index - 1].value) * Double(draft.direction) > 0
            }
            let verb = draft.direction < 0 ? "cut" : "rise"
            if let inWindow = moves.first(where: { steps[$0].from >= window.first && steps[$0].from <= window.last }) {
                let step = steps[inWindow]
                return CheckOutcome(
                    verdict: .consistent, primary: reading(step, span(step)),
                    message:
                        "Stated \(draft.mention.text) \(windowText); the \(verb) from \(FigureFormat.number(steps[inWindow - 1].value))% to \(FigureFormat.number(step.value))% took effect on \(step.from) (\(sourceLabel(step.row))).",
                    hints: [])
            }
            if let elsewhere = moves.first {
                let step = steps[elsewhere]
                let outcome = CheckOutcome(
                    verdict: draft.isConfident ? .inconsistent : .needsReview, primary: reading(step, span(step)),
                    message:
                        "Stated \(draft.mention.text) \(windowText); the \(verb) from \(FigureFormat.number(steps[elsewhere - 1].value))% to \(FigureFormat.number(step.value))% took effect on \(step.from), outside that period (\(sourceLabel(step.row))).",
                    hints: [
                        "\(draft.mention.text) matches the rate from \(step.from) (\(Self.monthName(step.from.month)) \(step.from.year))."
                    ])
                return outcome
            }
        }
        let overlapping = steps.filter { $0.from <= window.last && ($0.until ?? window.last) >= window.first }
        if let match = overlapping.first(where: { stated.overlaps(.point($0.value)) }) {
            return CheckOutcome(
                verdict: .consistent, primary: reading(match, span(match)),
                message:
                    "Stated \(draft.mention.text) \(windowText); \(describe): \(FigureFormat.number(match.value))% \(span(match)).",
                hints: [])
        }
        // Announced by then, in force later: a text may give the rate an order has already set
        // ("Brazilian goods face 50% from August 6", written on August 2), or a letter's rate
        // before it was superseded.
        // Scheduled means announced by the time of writing (and not after the period the text
        // speaks of) and taking effect after it.
        let writing = documentDate ?? window.last
        let scheduledRows =
            steps.map(\.row) + Timeline.neverApplied(all, entity: entity, scope: draft.scope, knownOn: documentDate)
        if let scheduled = scheduledRows.first(where: { row in
            guard let announced = row.observation.announcedDate, let effective = row.observation.effectiveDate else {
                return false
            }
            return announced <= writing && announced <= window.last && effective > writing
                && stated.overlaps(.point(row.observation.value))
        }), let announced = scheduled.observation.announcedDate, let effective = scheduled.observation.effectiveDate {
            let step = Step(from: effective, until: nil, value: scheduled.observation.value, row: scheduled)
            return CheckOutcome(
                verdict: .consistent,
                primary: reading(step, "announced \(announced) for \(effective), \(sourceLabel(scheduled))"),
                message:
                    "Stated \(draft.mention.text) \(windowText); \(describe): \(FigureFormat.number(step.value))% was announced on \(announced) to take effect on \(effective) (\(sourceLabel(scheduled))).",
                hints: [])
        }
        guard let shown = overlapping.last ?? steps.last(where: { $0.from <= window.last }) ?? steps.first else {
            return unverifiable("no rate in force \(windowText)")
        }
        var hints: [String] = []
        for step in steps where stated.overlaps(.point(step.value)) {
            hints.append(
                "\(draft.mention.text) was in force from \(step.from)" + (step.until.map { " to \($0)" } ?? "") + ".")
        }
        for row in Timeline.neverApplied(all, entity: entity, scope: draft.scope, knownOn: documentDate)
        where stated.overlaps(.point(row.observation.value)) {
            let when = row.observation.announcedDate.map { "announced on \($0)" } ?? "announced"
            let effective = row.observation.effectiveDate?.description ?? "a later date"
            let note = row.observation.provenance?.notes ?? ""
            let detail = note.isEmpty ? "." : " (\(note))."
            hints.append("\(draft.mention.text) was \(when) for \(effective) and never applied" + detail)
        }
        // The same figure for another sector or class of goods ("50% is the rate on steel").
        var otherScope = false
        for scope in (knowledge.rowScopes[indicator] ?? []).sorted() + [nil] where scope != draft.scope {
            let other = Timeline.steps(all, entity: entity, scope: scope, knownOn: documentDate)
            if let row = other.last(where: { ($0.observation.effectiveDate ?? window.last) <= window.last }),
                stated.overlaps(.point(row.observation.value))
            {
                otherScope = true
                let goods: String = scope.map { "on " + $0.replacingOccurrences(of: "_", with: " ") } ?? "on most goods"
                let from: String = row.observation.effectiveDate?.description ?? ""
                hints.append("\(draft.mention.text) is the rate \(goods) in force from \(from) (\(sourceLabel(row))).")
            }
        }
        // Another layer of the same tariff ("10% is the fentanyl layer alone").
        for layer in catalog.indicators
        where layer != indicator && layer.hasPrefix(String(indicator.prefix(while: { $0 != "_" }))) {
            for row in factRows(layer)
            where row.observation.entity == entity && stated.overlaps(.point(row.observation.value)) {
                if let from = row.observation.effectiveDate, from <= window.last {
                    let later = factRows(layer).filter {
                        $0.observation.entity == entity && ($0.observation.effectiveDate ?? from) > from
                            && ($0.observation.effectiveDate ?? from) <= window.first
                    }
                    if later.isEmpty {
                        hints.append(
                            "\(draft.mention.text) is the \(layer.replacingOccurrences(of: "_", with: " ")) alone (from \(from)), not the total."
                        )
                    }
                }
            }
        }
        let values = overlapping.map { FigureFormat.number($0.value) + "%" }
        // A figure that is another sector's rate may be that sector's, said without its name.
        // Unless the text names the goods, the figure may be another sector's, said without its name.
        let verdict: Verdict = draft.isConfident && !(otherScope && draft.scope == nil) ? .inconsistent : .needsReview
        let inForce =
            values.count > 1
            ? values.joined(separator: ", then ") : "\(FigureFormat.number(shown.value))% (\(span(shown)))"
        let goods = draft.scope.map { ", \($0.replacingOccurrences(of: "_", with: " "))" } ?? ""
        return CheckOutcome(
            verdict: verdict, primary: reading(shown, span(shown)),
            message:
                "Stated \(draft.mention.text) \(windowText); the rate in force then was \(inForce) (\(describe)\(goods)).",
            hints: Array(hints.prefix(4)))
    }

    /// Targets: any target announced by the document date; which one (total, core) is rarely said.
    func checkTarget(_ original: ClaimDraft, rows all: [ReferenceValue]) -> CheckOutcome {
        var draft = original
        guard let entity = draft.entity else { return unverifiable("no rate table for the country named") }
        let rows = Timeline.sorted(
            all.filter { $0.observation.entity == entity && $0.observation.effectiveDate != nil })
        guard let latest = rows.last?.observation.effectiveDate else {
            return unverifiable("no table holds \(draft.indicator ?? "") for \(entity)")
        }
        let date = documentDate ?? latest
        let readings = rows.filter { ($0.observation.effectiveDate ?? date) <= date }.map { row in
            Recomputation(
                interval: .point(row.observation.value), formula: "\(row.table.id) row \(row.observation.line)",
                inputs: [input(row)],
                label:
                    "\((row.observation.scope ?? "").replacingOccurrences(of: "_", with: " ")) from \(row.observation.effectiveDate?.description ?? ""), \(sourceLabel(row))",
                display: FigureFormat.number(row.observation.value) + "%")
        }
        guard let first = readings.first else { return unverifiable("no target was set by the document date") }
        let describe = rows[0].table.title
        if let match = readings.first(where: { draft.stated.overlaps($0.interval) }) {
            return judge(draft, primary: match, alternatives: [], describe: describe)
        }
        draft.entityResolution = .guessed
        return judge(draft, primary: first, alternatives: Array(readings.dropFirst()), describe: describe)
    }

    static func monthName(_ month: Int) -> String {
        CalendarDate.monthNames[max(0, min(11, month - 1))]
    }

    // MARK: - Counts of a list

    /// "Three states: A, B and C": the count against the items the list names.
    func checkListCount(_ draft: ClaimDraft, items: [String]) -> CheckOutcome {
        let count = Double(items.count)
        let names = items.map { $0.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? $0 }
        let primary = Recomputation(
            interval: .point(count), formula: "count(\(names.joined(separator: ", ")))", inputs: [],
            label: "the list that follows", display: FigureFormat.number(count))
        let listed = "the list that follows names \(items.count): \(names.joined(separator: ", "))"
        if draft.stated.overlaps(primary.interval) {
            return CheckOutcome(
                verdict: .consistent, primary: primary, message: "Stated \(draft.mention.text); \(listed).", hints: [])
        }
        return CheckOutcome(
            verdict: .inconsistent, primary: primary, message: "Stated \(draft.mention.text), but \(listed).", hints: []
        )
    }

    // MARK: - Comparisons and changes

    // Long: gathers the operand pairs (stated in the sentence, then each read operand with its table figures) and
    // judges the relation on them; the pairs share one measure's and one entity's checks.
    func checkRelation(_ draft: ClaimDraft, drafts: [ClaimDraft]) -> CheckOutcome {
        guard let relation = draft.relation else { return unverifiable("the relation could not be read") }
        var pairs: [(subject: Interval, base: Interval, text: String, inputs: [ComputationInput], sameMeasure: Bool)] =
            []
        if let stated = draft.statedOperands {
            // The sentence ties the two figures to the relation itself: they are one measure.
            pairs.append((stated.subject, stated.base, "\(stated.subjectText) and \(stated.baseText)", [], stated.tied))
        }
        for operand in draft.operands {
            guard let subjectIndex = operand.subject else { continue }
            let subject = drafts[subjectIndex]
            if let baseIndex = operand.base {
                let base = drafts[baseIndex]
                // Operands of one measure, said: two figures whose measure is unknown may be anything.
                // A change is of one entity ("Vietnam's deficit" is no base for Mexico's); a
                // comparison relates two ("five times Japan's").
                let sameEntity =
                    draft.kind != .change || subject.entity == nil || base.entity == nil
                    || subject.entity == base.entity
                pairs.append(
                    (
                        subject.stated, base.stated, "\(subject.mention.text) and \(base.mention.text)", [],
                        subject.indicator != nil && subject.indicator == base.indicator && sameEntity
                    ))
            } else if let indicator = subject.indicator, let entity = subject.entity,
                let period = draft.period ?? subject.period.flatMap({ PeriodChoice.year($0.year - 1, .said) }),
                let value = seriesValues(indicator, entity, period.year).last
            {
                // "up 3 percent on 2023": the base year's figure from the tables.
                let shown = display(value.observation.value, unit: knowledge.unit(of: indicator) ?? "")
                pairs.append(
                    (
                        subject.stated, .point(value.observation.value),
                        "\(subject.mention.text) and \(shown) (\(entity) \(period.key), \(sourceLabel(value)))",
                        [input(value)], true
                    ))
            }
        }
        guard !pairs.isEmpty || !draft.statedPairs.isEmpty else {
            var outcome = unverifiable("the figures it relates were not found in the text")
            outcome.operandsNotFound = true
            return outcome
        }
        func compute(_ relation: Relation, _ subject: Interval, _ base: Interval) -> Interval? {
            switch relation {
            case .ratio: return subject / base
            case .difference: return subject - base
            case .relativeChange: return ((subject - base) / base)?.scaled(by: 100)
            case .percentOf: return (subject / base)?.scaled(by: 100)
            case .excess: return (subject / base).map { $0 - .point(1) }
            case .percentMore: return (subject / base).map { ($0 - .point(1)).scaled(by: 100) }
            case .changeOnLevel: return (base / (subject - base.scaled(by: Double(draft.direction))))?.scaled(by: 100)
            case .sum: return Interval(low: subject.low + base.low, high: subject.high + base.high)
            case .partOf: return Interval(low: 0, high: subject.high)
            case .crossing, .direction: return subject
            case .order: return subject - base
            }
        }
        let unitText: [Relation: String] = [
            .ratio: "×", .difference: "", .relativeChange: "%", .percentOf: "%", .excess: "",
            .percentMore: "%", .changeOnLevel: "%", .sum: "", .partOf: "", .crossing: "", .direction: "", .order: "",
        ]
        let stated = draft.stated
        if relation == .partOf, let whole = draft.statedOperands {
            let limit = Recomputation(
                interval: Interval(low: 0, high: whole.subject.high), formula: "partOf(\(whole.subjectText))",
                inputs: [], label: "the whole", display: "at most \(whole.subjectText)")
            let holds = stated.overlaps(limit.interval)
            return CheckOutcome(
                verdict: holds ? .consistent : .inconsistent, primary: limit,
                message: "Stated \(draft.mention.text) as a part of \(whole.subjectText): "
                    + (holds ? "no more than the whole." : "more than the whole."), hints: [])
        }
        if relation == .crossing, let pair = draft.statedOperands { return checkCrossing(draft, pair: pair) }
        if relation == .direction, let pair = draft.statedOperands { return checkDirection(draft, pair: pair) }
        if relation == .order, let pair = draft.statedOperands { return checkOrder(draft, pair: pair) }
        if !draft.statedPairs.isEmpty { return checkParallelPairs(draft, relation: relation, compute: compute) }
        var first: Recomputation?
        for pair in pairs {
            guard let value = compute(relation, pair.subject, pair.base) else { continue }
            let reading = Recomputation(
                interval: value, formula: "\(relation.rawValue)(\(pair.text))", inputs: pair.inputs,
                label: "from \(pair.text)",
                display: relationDisplay(value, relation, draft.mention, unitText[relation] ?? ""))
            if first == nil { first = reading }
            // "more than doubled" over two figures of unknown measure: an open bound met by figures
            // that may not be the ones meant confirms nothing.
            if stated.overlaps(value), pair.sameMeasure || stated.isBounded {
                return CheckOutcome(
                    verdict: .consistent, primary: reading,
                    message:
                        "Stated \(draft.mention.text); recomputed \(relation.rawValue) from \(pair.text) = \(reading.display) \(value).",
                    hints: [])
            }
        }
        guard let primary = first, let pair = pairs.first else {
            return unverifiable("the figures it relates cannot be divided")
        }
        var hints: [String] = []
        // Percent for percentage points, and the reverse.
        let swapped: Relation? =
            relation == .relativeChange ? .difference : (relation == .difference ? .relativeChange : nil)
        // "down $1,444 (4.3%)" computed over the level after the change instead of the one before.
        if relation == .changeOnLevel, let overNew = (pair.base / pair.subject)?.scaled(by: 100),
            stated.overlaps(overNew)
        {
            hints.append(
                "\(draft.mention.text) is the change over the level after it (\(FigureFormat.number(overNew.midpoint))%); over the level before, it is \(primary.display)."
            )
        }
        if let swapped, let value = compute(swapped, pair.subject, pair.base), stated.overlaps(value) {
            hints.append(
                swapped == .difference
                    ? "\(draft.mention.text) is the change in percentage points (\(FigureFormat.number(value.midpoint)) points); in percent it is \(primary.display)."
                    : "As a relative change the figure would be \(FigureFormat.number(value.midpoint))%; the points difference is \(primary.display)."
            )
        }
        // "four times more than": the other reading (N more on top, N + 1 times as much) is common
        // usage, so a figure that fits only it is for review, not an error.
        if draft.timesMore, relation == .ratio, let excess = compute(.excess, pair.subject, pair.base),
            stated.overlaps(excess)
        {
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(draft.mention.text) more; recomputed ratio from \(pair.text) = \(primary.display) \(primary.interval).",
                hints: [
                    "\"\(draft.mention.text) more\" read as \(FigureFormat.number(excess.midpoint)) times more on top (\(primary.display) as much) fits: the phrase is ambiguous."
                ])
        }
        let confident = draft.isConfident && pair.sameMeasure
        return CheckOutcome(
            verdict: confident ? .inconsistent : .needsReview, primary: primary,
            message:
                "Stated \(draft.mention.text); recomputed \(relation.rawValue) from \(pair.text) = \(primary.display) \(primary.interval)."
                + (confident ? "" : " The figures compared may not be the ones meant."),
            hints: hints,
            nearMiss: stated.gap(to: primary.interval) / max(abs(primary.interval.midpoint), 1e-12)
                <= settings.nearMissRelative)
    }

    /// "tops 60 trillion won for the first time": the newer figure above the threshold, the older
    /// one not. The pair is the one the text ties nearest before, so a failure is for review.
    private func checkCrossing(_ draft: ClaimDraft, pair: StatedOperands) -> CheckOutcome {
        let threshold = draft.mention.value
        let newerAbove = pair.subject.high > threshold
        let olderNotAbove = pair.base.low <= threshold
        let primary = Recomputation(
            interval: pair.subject, formula: "crossing(\(pair.subjectText), \(pair.baseText))", inputs: [],
            label: "from \(pair.shape)", display: pair.subjectText)
        let figures = "\(pair.subjectText) now against \(pair.baseText) before (\(pair.shape))"
        if newerAbove, olderNotAbove {
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message: "Stated \(draft.mention.text) crossed for the first time; \(figures): above it only now.",
                hints: [])
        }
        let why = newerAbove ? "the figure before was above it already" : "the newer figure is not above it"
        return CheckOutcome(
            verdict: draft.statedOperands?.tied == true ? .inconsistent : .needsReview, primary: primary,
            message:
                "Stated \(draft.mention.text) crossed for the first time, but \(why): \(figures). The figures compared may not be the ones meant.",
            hints: [])
    }

    /// "then to decline to $59" after "$66": only the direction is claimed, so it holds when the
    /// figures allow a move that way (at their written precision) and fails when they forbid it.
    private func checkDirection(_ draft: ClaimDraft, pair: StatedOperands) -> CheckOutcome {
        let rising = draft.direction > 0
        let possible = rising ? pair.subject.high > pair.base.low : pair.subject.low < pair.base.high
        let primary = Recomputation(
            interval: pair.subject - pair.base, formula: "difference(\(pair.subjectText), \(pair.baseText))",
            inputs: [], label: "from \(pair.shape)", display: pair.subjectText)
        let move = rising ? "a rise" : "a fall"
        return orderOutcome(
            draft, pair: pair, holds: possible, primary: primary,
            holding: "Stated \(move) to \(draft.mention.text); from \(pair.baseText) it is \(move) (\(pair.shape)).",
            failing: "Stated \(move) to \(draft.mention.text), but from \(pair.baseText) it is not (\(pair.shape)).")
    }

    /// An order or a direction the words claim of two figures: consistent when the figures allow
    /// it; when they forbid it, an error only for figures the words tie and a confident reading.
    private func orderOutcome(
        _ draft: ClaimDraft, pair: StatedOperands, holds: Bool, primary: Recomputation,
        holding: String, failing: String
    ) -> CheckOutcome {
        if holds { return CheckOutcome(verdict: .consistent, primary: primary, message: holding, hints: []) }
        return CheckOutcome(
            verdict: pair.tied && draft.isConfident ? .inconsistent : .needsReview, primary: primary,
            message: failing + (pair.tied ? "" : " The figures compared may not be the ones meant."), hints: [])
    }

    /// "A narrowly exceeded B": the order holds when the figures, at their written precision,
    /// allow it, and fails when they forbid it.
    private func checkOrder(_ draft: ClaimDraft, pair: StatedOperands) -> CheckOutcome {
        let difference = pair.subject - pair.base
        let above = draft.direction > 0
        let possible = above ? difference.high > 0 : difference.low < 0
        let shown =
            draft.orderedFigure.map { Self.display(difference, like: $0) }
            ?? "\(FigureFormat.number(difference.midpoint)) \(difference)"
        let primary = Recomputation(
            interval: difference, formula: "difference(\(pair.subjectText), \(pair.baseText))", inputs: [],
            label: "from \(pair.shape)", display: shown)
        if draft.kind == .dateArithmetic {
            // A period from a start to an end ("from 2021 to 2019"), reported only when it runs backwards.
            return CheckOutcome(
                verdict: possible ? .consistent : .inconsistent, primary: primary,
                message: possible
                    ? "Stated \(draft.figureText): it ends after it starts."
                    : "Stated \(draft.figureText): the period ends (\(pair.subjectText)) before it starts (\(pair.baseText)).",
                hints: possible ? [] : ["Were the two ends swapped (from \(pair.subjectText) to \(pair.baseText))?"])
        }
        let said = "Stated \"\(draft.figureText)\": \(pair.subjectText) \(above ? "above" : "below") \(pair.baseText)"
        return orderOutcome(
            draft, pair: pair, holds: possible, primary: primary,
            holding: "\(said); the difference is \(shown) (\(pair.shape)).",
            failing: "\(said), but the difference is \(shown) (\(pair.shape)).")
    }

    /// A value written as `figure` writes its own: currency sign, scale word and unit
    /// (0.1e6 like "2.3 million tonnes" is "0.1 million tonnes"), with its interval in that scale.
    static func display(_ value: Interval, like figure: Mention) -> String {
        let bytes = Array(figure.text.utf8)
        let numberStart = figure.numberRange.lowerBound - figure.range.lowerBound
        let numberEnd = figure.numberRange.upperBound - figure.range.lowerBound
        guard numberStart >= 0, numberEnd <= bytes.count, numberStart <= numberEnd,
            let written = Double(figure.decimalText), written != 0, figure.value != 0
        else {
            return "\(FigureFormat.number(value.midpoint)) \(value)"
        }
        let scale = written / figure.value
        // Only the symbol of the words before the number ("an estimated $" → "$").
        let prefix =
            String(decoding: bytes[..<numberStart], as: UTF8.self).split(separator: " ").last.map(String.init) ?? ""
        let symbol = prefix.allSatisfy { !$0.isLetter } ? prefix : ""
        // The scale word after the digits ("2.4 million" → " million"), then the unit.
        let number = bytes[numberStart..<numberEnd]
        let digits = number.prefix { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        let scaleWord = digits.isEmpty ? "" : String(decoding: number.dropFirst(digits.count), as: UTF8.self)
        // A difference of two percentages is in points.
        let suffix = figure.kind == .percent ? " points" : String(decoding: bytes[numberEnd...], as: UTF8.self)
        let scaled = value.scaled(by: scale)
        return (scaled.midpoint < 0 ? "-" : "") + symbol + FigureFormat.number(abs(scaled.midpoint)) + scaleWord
            + suffix
            + " [\(FigureFormat.number(scaled.low)), \(FigureFormat.number(scaled.high))]"
    }

    // MARK: - Dates

    // Long: the dates come from the first source that has them (a stated date, an anniversary, a span in the text,
    // the table's start and end), then one elapsed-time judgement.
    func checkDates(_ draft: ClaimDraft, document: DocumentContext) -> CheckOutcome {
        if let date = draft.statedDate { return checkEventDate(draft, date: date) }
        let stated = draft.stated
        if draft.indicator == "anniversary" {
            return checkAnniversary(draft, document: document)
        }
        var start: CalendarDate
        var end: CalendarDate
        var inputs: [ComputationInput] = []
        var source: String
        if let span = draft.span {
            (start, end) = (span.start, span.end)
            source = "from \(span.startText) to \(span.endText) in the text"
        } else if let indicator = draft.indicator {
            let endIndicator = indicator.replacingOccurrences(of: "_start", with: "_end")
            let entity = draft.entity
            let starts = factRows(indicator)
            guard let first = starts.first(where: { $0.observation.entity == entity }) ?? starts.first,
                let last = factRows(endIndicator).first(where: { $0.observation.entity == first.observation.entity }),
                let from = CalendarDate(iso: first.observation.valueText),
                let to = CalendarDate(iso: last.observation.valueText)
            else {
                return unverifiable("no dates for the span")
            }
            (start, end) = (from, to)
            inputs = [input(first), input(last)]
            source = "\(from) to \(to) (\(sourceLabel(first)); \(sourceLabel(last)))"
        } else {
            return unverifiable("the dates of the span were not found")
        }
        let days = Double(end.dayNumber - start.dayNumber)
        var conventions: [(String, Double)] = []
        switch draft.mention.unit ?? "" {
        case "days": conventions = [("days elapsed", days)]
        case "weeks": conventions = [("weeks elapsed", days / 7)]
        case "months": conventions = [("months elapsed", days / 30.4375)]
        case "quarters":
            // "four quarters (Q3 2023 to Q3 2024)": from the start of one quarter to the start of the other.
            let between = Double((end.year * 4 + (end.month - 1) / 3) - (start.year * 4 + (start.month - 1) / 3))
            conventions = [
                ("quarters elapsed", days / 91.310625), ("calendar quarters between", between),
                ("quarters counted inclusively", between + 1),
            ]
        case "decades":
            conventions = [
                ("decades elapsed", days / 3652.425), ("decades between", Double(end.year - start.year) / 10),
            ]
        default:
            conventions = [
                ("years elapsed", days / 365.2425), ("calendar years between", Double(end.year - start.year)),
                ("calendar years counted inclusively", Double(end.year - start.year + 1)),
            ]
        }
        let unit = draft.mention.unit ?? "years"
        let primary = Recomputation(
            interval: .point(conventions[0].1), formula: "\(end) − \(start)", inputs: inputs,
            label: source, display: "\(FigureFormat.number(conventions[0].1)) \(unit)")
        if let match = conventions.first(where: { stated.overlaps(.point($0.1)) }) {
            let note =
                match.0 == conventions[0].0
                ? "" : " (\(match.0); \(FigureFormat.number(conventions[0].1)) \(unit) elapsed)"
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message: "Stated \(draft.mention.text); \(source) = \(FigureFormat.number(match.1)) \(unit)\(note).",
                hints: [])
        }
        return CheckOutcome(
            verdict: draft.isConfident ? .inconsistent : .needsReview, primary: primary,
            message:
                "Stated \(draft.mention.text); \(source) = \(primary.display); counted inclusively \(FigureFormat.number((conventions.last ?? conventions[0]).1)).",
            hints: [])
    }

    /// A date said with a weekday, against the calendar; a bare date, which no table dates.
    // Long: a date counted from another one said, then a weekday against the calendar, then a bare date; each a few
    // lines returning its outcome.
    private func checkEventDate(_ draft: ClaimDraft, date: CalendarDate) -> CheckOutcome {
        if let counted = draft.countedFrom {
            let expected = counted.date.adding(days: counted.days)
            let primary = Recomputation(
                interval: .point(Double(expected.dayNumber)), formula: "\(counted.date) + \(counted.days) days",
                inputs: [],
                label: "the date said before", display: expected.description)
            if expected == date {
                return CheckOutcome(
                    verdict: .consistent, primary: primary,
                    message: "Stated \(date), \(counted.words) than \(counted.date), the date said before.", hints: [])
            }
            // The words may count from another date than the one said just before.
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(date), \(counted.words) than \(counted.date), the date said before: that is \(expected).",
                hints: [])
        }
        if let relative = draft.daysFromDateline, let dateline = documentDate {
            let earliest = dateline.adding(days: relative.days.lowerBound)
            let latest = dateline.adding(days: relative.days.upperBound)
            let allowed = earliest == latest ? earliest.description : "\(earliest) to \(latest)"
            let primary = Recomputation(
                interval: Interval(low: Double(earliest.dayNumber), high: Double(latest.dayNumber)),
                formula:
                    "\(dateline) \(relative.days.lowerBound >= 0 ? "+" : "−") \(abs(relative.days.lowerBound)) days",
                inputs: [], label: "the document's date", display: allowed)
            if relative.days.contains(date.dayNumber - dateline.dayNumber) {
                return CheckOutcome(
                    verdict: .consistent, primary: primary,
                    message: "Stated \(relative.word) (\(date)); the document is dated \(dateline).", hints: [])
            }
            // The year of a day and month is the document's, and a dateline may be the day of publishing, not of writing.
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(relative.word) (\(date)), but the document is dated \(dateline): \(relative.word) was \(allowed).",
                hints: [])
        }
        guard let said = draft.statedWeekday else {
            return unverifiable("a date of an event; no bundled table dates it")
        }
        let names = DateRule.weekdays.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        // dayNumber counts from a Monday-aligned epoch: day 0 of the proleptic calendar's count is a Monday.
        let actual = ((date.dayNumber % 7) + 7) % 7
        let primary = Recomputation(
            interval: .point(Double(actual)), formula: "weekday(\(date))", inputs: [],
            label: "the calendar", display: names[actual])
        if actual == said {
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message: "Stated \(names[said]), \(date): it was a \(names[actual]).",
                hints: [])
        }
        let verdict: Verdict = draft.period?.resolution == .said ? .inconsistent : .needsReview
        return CheckOutcome(
            verdict: verdict, primary: primary,
            message: "Stated \(names[said]), \(date); that date was a \(names[actual])."
                + (verdict == .needsReview
                    ? (draft.mention.kind == .number
                        ? " Only the day is said; the month of the document's date was assumed."
                        : " The year is not said; the document's year was assumed.") : ""),
            hints: [])
    }

    private func checkAnniversary(_ draft: ClaimDraft, document: DocumentContext) -> CheckOutcome {
        let sentence = document.sentences[draft.sentenceIndex]
        let words = sentence.words.map(\.lower)
        let local = draft.mention.range.upperBound - sentence.range.lowerBound
        // What the anniversary is of: "the 70th anniversary of the alliance", else the sentence's nouns.
        var subjects: [String] = []
        if let position = sentence.words.firstIndex(where: {
            $0.range.lowerBound >= local && $0.lower.hasPrefix("anniversar")
        }) {
            let after = words[(position + 1)...].prefix(4).filter { !["of", "the", "year", "its"].contains($0) }
            subjects += after.prefix(1)
        }
        subjects += words.filter {
            ["alliance", "treaty", "liberation", "independence", "armistice", "war", "union", "founding"].contains($0)
        }
        var eventYear: (year: Int, text: String)?
        // The first subject some event sentence dates, at the earliest year they give it.
        if let found = subjects.lazy.compactMap({ document.eventYearsByWord[$0] }).first {
            eventYear = (found.year, found.text)
        }
        if eventYear == nil {
            // "the 80th anniversary of liberation": an event of the events table named by the lexicon.
            for cue in sentence.cues {
                if let row = factRows(cue.indicator).first, let date = CalendarDate(iso: row.observation.valueText) {
                    eventYear = (date.year, "\(date) (\(sourceLabel(row)))")
                    break
                }
            }
        }
        guard let event = eventYear else { return unverifiable("the year of the event it counts from was not found") }
        let now =
            sentence.periods.first(where: { $0.period.count == 4 && $0.first.year > event.year })?.first.year
            ?? documentDate?.year
        guard let year = now else { return unverifiable("the year of the anniversary is unknown (no document date)") }
        let count = Double(year - event.year)
        let primary = Recomputation(
            interval: .point(count), formula: "\(year) − \(event.year)", inputs: [],
            label: "from \(event.text) to \(year)", display: FigureFormat.number(count))
        if draft.stated.overlaps(primary.interval) {
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message: "Stated \(draft.mention.text) anniversary; \(year) − \(event.year) = \(Int(count)).", hints: []
            )
        }
        return CheckOutcome(
            verdict: draft.isConfident ? .inconsistent : .needsReview, primary: primary,
            message:
                "Stated \(draft.mention.text) anniversary; \(year) − \(event.year) = \(Int(count)) (event year \(event.text)).",
            hints: [])
    }

    /// A recomputed relation in the unit of its figure: amounts with their currency and scale.
    private func relationDisplay(_ value: Interval, _ relation: Relation, _ figure: Mention, _ suffix: String) -> String
    {
        if [.difference, .sum].contains(relation), figure.kind == .currency, let currency = figure.currency {
            return (currency == "USD" ? "$" : currency + " ") + FigureFormat.money(value.midpoint)
        }
        return FigureFormat.number(value.midpoint) + suffix
    }

    /// A relation said of parallel pairs at once: consistent only when every pair bears it out.
    private func checkParallelPairs(
        _ draft: ClaimDraft, relation: Relation,
        compute: (Relation, Interval, Interval) -> Interval?
    ) -> CheckOutcome {
        let stated = draft.stated
        var readings: [(pair: StatedOperands, value: Interval)] = []
        for pair in draft.statedPairs {
            guard let value = compute(relation, pair.subject, pair.base) else { continue }
            readings.append((pair, value))
        }
        guard let first = readings.first else { return unverifiable("the figures it relates cannot be compared") }
        let described = readings.map { "\($0.pair.shape): \(relationDisplay($0.value, relation, draft.mention, ""))" }
        let failing = readings.first { !stated.overlaps($0.value) }
        let shown = failing ?? first
        let primary = Recomputation(
            interval: shown.value, formula: "\(relation.rawValue)(\(shown.pair.subjectText), \(shown.pair.baseText))",
            inputs: [], label: "from \(shown.pair.shape)", display: FigureFormat.number(shown.value.midpoint))
        if failing == nil {
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message:
                    "Stated \(draft.mention.text); every pair bears it out (\(described.joined(separator: "; "))).",
                hints: [])
        }
        return CheckOutcome(
            verdict: .inconsistent, primary: primary,
            message: "Stated \(draft.mention.text), but not for every pair: \(described.joined(separator: "; ")).",
            hints: [],
            nearMiss: stated.gap(to: shown.value) / max(abs(shown.value.midpoint), 1e-12) <= settings.nearMissRelative)
    }
}

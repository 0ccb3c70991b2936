import FigCheckCore
import FigCheckData

/// "tariffs of 145% on Chinese goods"; "reduced the number to 30% in April"; "urging European
/// partners to spend 5% of GDP on defense".
struct RateRule: ClaimRule {
    let id = "rate-in-force"
    let kind = ClaimKind.rate
    let summary = "Tariff rates and targets checked against the rate in force on the date said (timeline tables)"
    let triggeringExamples = [
        "President Trump threatened tariffs of «145%» on Chinese goods.",
        "Washington then reduced its tariff on Chinese goods to «30%» in April.",
        "Washington is urging European partners to spend «5%» of GDP on defense.",
        "The tariff on imported steel is now «50%».",
    ]
    let nonTriggeringExamples = [
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "In 2020, «51%» of Russia's oil exports went to Europe.",
    ]
    static let targetWords: Set<String> = [
        "agreed", "agree", "target", "goal", "commit", "committed", "urging", "urged", "urge",
        "urges", "demand", "demanded", "demanding", "demands", "should", "must", "pledged",
        "presses", "pressing", "pressed", "asks", "asked", "asking", "calls", "called", "wants",
    ]

    static let presentWords: Set<String> = ["now", "currently", "today"]

    /// The sector or class of goods the figure's own words name ("50% on steel", "car tariffs of
    /// 25%"): the words since the previous figure and after it to the end of its clause, among the
    /// scopes the indicator's rows have. Nil (most goods) when none is named.
    static func scope(_ context: MentionContext, indicator: String, knowledge: ClaimKnowledge) -> String? {
        guard let scopes = knowledge.rowScopes[indicator], !scopes.isEmpty else { return nil }
        let words = context.sentence.words(in: ownWords(context)).map(\.lower)
        return knowledge.frames.scope(inSequence: words, among: scopes)
    }

    /// The figure's own words (sentence-relative): from the previous figure to the end of its
    /// clause or the next figure ("Brazilian goods face 50%, and EU goods 15%": EU is the 15%'s).
    static func ownWords(_ context: MentionContext) -> Range<Int> {
        let next = context.sentence.figureStarts.first { $0 >= context.local.upperBound } ?? Int.max
        let before = context.sincePreviousFigure(of: [.percent, .currency, .count, .number])
        return before.lowerBound..<max(before.lowerBound, min(context.clause.upperBound, next))
    }

    // Long: the rule's sentence shapes tried in order as guards over one context; they share the words read at the
    // top.
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        // A figure in a table column headed "Tariff rate (%)" is a percentage of that measure.
        let header = context.sentence.columnHeader(at: context.local.lowerBound)
        let percentColumn =
            header.map { text in ["%", "percent", "per cent"].contains { text.lowercased().contains($0) } } ?? false
        guard context.mention.kind == .percent || (percentColumn && [.number, .count].contains(context.mention.kind))
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let headerCues = header.map { DocumentContext.cues(in: SentenceWords($0).words, knowledge: knowledge) } ?? []
        let cues =
            headerCues.filter { knowledge.isTimeline($0.indicator) }
            + context.cues(units: ["percent"], knowledge: knowledge)
        let words = context.sentenceWords
        let infinitive = zip(words, words.dropFirst()).contains { $0 == "to" && $1 == "spend" }
        // A defence share with a verb of demand or aim: the target, as set by whoever the target table's rows name.
        if let target = knowledge.targetIndicator, let military = cues.first,
            knowledge.frames.frames[military.indicator]?.role == "defence_share" || military.indicator == target,
            context.sentenceHas(Self.targetWords) || infinitive
        {
            draft.indicator = target
            draft.entity = knowledge.rowEntities[target]?.first
            draft.entityResolution = .guessed
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        let rateCue = cues.first.flatMap { knowledge.isTimeline($0.indicator) ? $0 : nil }
        // A rate carried from the paragraph needs a word pointing back to it ("cut it to 20%", "the rate").
        let stretch = Set(
            context.sentence.words(in: context.sincePreviousFigure(of: [.percent, .currency, .count, .number])).map(
                \.lower))
        // The figure before this one (a date between them, "on November 10 to 10%", does not count).
        let parallel =
            drafts.last { $0.ruleId != DateRule().id }
            .map { $0.kind == .rate && $0.sentenceIndex == context.sentence.index } ?? false
        let pointsBack =
            parallel
            || !stretch.isDisjoint(with: [
                "it", "rate", "rates", "tariff", "tariffs", "levy", "duty", "duties", "number",
            ])
        let carried =
            cues.isEmpty && pointsBack
            ? drafts.last(where: {
                $0.kind == .rate && $0.paragraph == context.sentence.paragraph
                    && $0.indicator != knowledge.targetIndicator
            }) : nil
        guard var indicator = rateCue?.indicator ?? carried?.indicator else { return nil }
        if rateCue == nil, let role = knowledge.frames.frames[indicator]?.role, role.hasPrefix("layer_of:") {
            // "the combined rate", "the rate": the total, whichever layer the paragraph began with.
            indicator = String(role.dropFirst("layer_of:".count))
        }
        draft.indicator = indicator
        draft.indicatorResolution = rateCue == nil ? .carried : .said
        // "down from 126.5%": the rate a change started from, whose date the text does not give.
        if context.wordsBefore(1) == ["from"] {
            draft.unverifiableReason = "the rate a change started from, without the date it applied"
            return draft
        }
        if let reason = context.outOfScopeReason {
            draft.unverifiableReason = reason
            return draft
        }
        // "Average duty across all goods": duties collected over imports, not a rate in force.
        // A table's figure is described by its whole row ("| China | 51.1 | Average duty … |").
        let describing =
            headerCues.isEmpty
            ? Set(context.sentence.words(in: Self.ownWords(context)).map(\.lower)) : Set(context.sentenceWords)
        if !describing.isDisjoint(with: ["average", "averaged", "weighted"]) {
            draft.unverifiableReason = "an average tariff (duties over the value of imports), not a rate in force"
            return draft
        }
        // The rows are keyed by the country whose goods are taxed; "Washington raised its levy on
        // Chinese goods" names both, and the one with rows is taken.
        let imposing = knowledge.rowPartners[indicator] ?? []
        let own = Self.ownWords(context)
        let entities = context.sentence.entities.filter { !imposing.contains($0.code) }
        let named = (entities.filter { own.overlaps($0.range) } + entities).map(\.code)
        draft.scope = Self.scope(context, indicator: indicator, knowledge: knowledge)
        // A sector's rate with no partner named holds for every partner ("steel pays 50%").
        // Nor does a table row: each names its own partner ("All other countries").
        let earlier =
            draft.scope == nil && context.sentence.table == nil
            ? drafts.last(where: { $0.kind == .rate && $0.entity != nil })?.entity : nil
        draft.entity = named.first ?? carried?.entity ?? earlier
        // Carried only by a word pointing back; a rate merely following another may be of anyone.
        draft.entityResolution = !named.isEmpty ? .said : (carried != nil ? .carried : .guessed)
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator)
        // "will pay 25% from August 1", written in July: a date without its year after a future
        // verb is the next such date, not the last one.
        if let period = draft.period, let date = context.document.date, period.last < date,
            context.sentenceHas(["will", "would"]),
            let found = context.sentence.periods.first(where: { $0.period == period.key }),
            !found.text.contains(String(period.first.year)),
            let first = CalendarDate(year: period.first.year + 1, month: period.first.month, day: period.first.day),
            let last = CalendarDate(year: period.last.year + 1, month: period.last.month, day: period.last.day),
            last >= date
        {
            draft.period = PeriodChoice(
                key: period.key.replacingOccurrences(of: String(period.first.year), with: String(first.year)),
                first: first, last: last, resolution: period.resolution)
        }
        // A table row's period is its caption's ("Rates by partner (status on August 1, 2025)").
        if draft.period?.resolution != .said, let caption = context.sentence.table?.captionPeriod {
            draft.period = PeriodChoice(
                key: caption.period, first: caption.first, last: caption.last, resolution: .said)
        }
        // "now face", "currently pays": the rate in force on the document's date.
        if draft.period?.resolution != .said, let date = context.document.date, context.sentenceHas(Self.presentWords) {
            draft.period = PeriodChoice(key: date.description, first: date, last: date, resolution: .said)
        }
        draft.direction = context.direction
        return draft
    }
}

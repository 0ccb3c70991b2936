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
    ]
    let nonTriggeringExamples = [
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "In 2020, «51%» of Russia's oil exports went to Europe.",
    ]
    static let targetWords: Set<String> = ["agreed", "agree", "target", "goal", "commit", "committed", "urging", "urged", "urge",
                                           "urges", "demand", "demanded", "demanding", "demands", "should", "must", "pledged",
                                           "presses", "pressing", "pressed", "asks", "asked", "asking", "calls", "called", "wants"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let cues = context.cues(units: ["percent"], knowledge: knowledge)
        let words = context.sentenceWords
        let infinitive = zip(words, words.dropFirst()).contains { $0 == "to" && $1 == "spend" }
        // A defence share with a verb of demand or aim: the target, as set by whoever the target table's rows name.
        if let target = knowledge.targetIndicator, let military = cues.first,
           knowledge.frames.frames[military.indicator]?.role == "defence_share" || military.indicator == target,
           context.sentenceHas(Self.targetWords) || infinitive {
            draft.indicator = target
            draft.entity = knowledge.rowEntities[target]?.first
            draft.entityResolution = .guessed
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        let rateCue = cues.first.flatMap { knowledge.isTimeline($0.indicator) ? $0 : nil }
        // A rate carried from the paragraph needs a word pointing back to it ("cut it to 20%", "the rate").
        let stretch = Set(context.sentence.words(in: context.sincePreviousFigure(of: [.percent, .currency, .count, .number])).map(\.lower))
        // The figure before this one (a date between them, "on November 10 to 10%", does not count).
        let parallel = drafts.last { $0.ruleId != DateRule().id }
            .map { $0.kind == .rate && $0.sentenceIndex == context.sentence.index } ?? false
        let pointsBack = parallel || !stretch.isDisjoint(with: ["it", "rate", "rates", "tariff", "tariffs", "levy", "duty", "duties", "number"])
        let carried = cues.isEmpty && pointsBack ? drafts.last(where: { $0.kind == .rate && $0.paragraph == context.sentence.paragraph
                                                                          && $0.indicator != knowledge.targetIndicator }) : nil
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
        // The rows are keyed by the country whose goods are taxed; "Washington raised its levy on
        // Chinese goods" names both, and the one with rows is taken.
        let imposing = knowledge.rowPartners[indicator] ?? []
        let named = context.sentence.entities.map(\.code).filter { !imposing.contains($0) }
        draft.entity = named.first ?? carried?.entity ?? drafts.last(where: { $0.kind == .rate && $0.entity != nil })?.entity
        // Carried only by a word pointing back; a rate merely following another may be of anyone.
        draft.entityResolution = !named.isEmpty ? .said : (carried != nil ? .carried : .guessed)
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator)
        draft.direction = context.direction
        return draft
    }
}

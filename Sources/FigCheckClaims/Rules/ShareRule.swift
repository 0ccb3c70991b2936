import FigCheckCore
import FigCheckData

/// "In 2020, 51% of Russia's oil exports went to Europe"; "China … purchasing over 90%".
struct ShareRule: ClaimRule {
    let id = "share-by-partner"
    let kind = ClaimKind.share
    let summary = "Shares of a whole by partner (oil exports by destination) looked up with scope and period"
    let triggeringExamples = [
        "In 2020, «51%» of Russia's oil exports went to Europe.",
        "China is the largest buyer of Iranian crude, purchasing «over 90%».",
    ]
    let nonTriggeringExamples = ["Exports were worth «44.4%» of South Korea's GDP in 2024."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        let cue = context.cues(units: ["percent"], knowledge: knowledge).first
        let carried = drafts.last { $0.kind == .share && $0.paragraph == context.sentence.paragraph }
        guard let shareIndicator = knowledge.shareIndicator,
            cue?.indicator == shareIndicator || (cue == nil && carried != nil)
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.indicator = shareIndicator
        let words = Set(context.sentenceWords)
        draft.scope = knowledge.frames.scope(in: words)
        // Entity (exporter) and partner (destination) are matched against the rows in verification;
        // here the candidates are the clause's, else the sentence's, else the carried claim's.
        var named = context.sentence.entities.filter { context.clause.contains($0.range.lowerBound) }.map(\.code)
        if named.isEmpty { named = context.sentence.entities.map(\.code) }
        if words.contains("europe") { named.append("Europe") }
        if named.count < 2, let carried, let entity = carried.entity {
            named = [entity, carried.partner].compactMap { $0 } + named
            draft.entityResolution = .carried
        }
        draft.entity = named.first
        draft.partner = named.dropFirst().first
        draft.candidates = named
        // "… and 55% went to Syria": a new destination for the exporter of the claim before.
        var clauseNamed = context.sentence.entities.filter { context.clause.contains($0.range.lowerBound) }.map(\.code)
        if context.clauseWords.contains("europe") { clauseNamed.append("Europe") }
        if let carried, let exporter = carried.entity, clauseNamed.count == 1, clauseNamed[0] != exporter,
            clauseNamed[0] != carried.partner, !context.clauseWords.contains(where: { ["of", "from"].contains($0) })
        {
            draft.entity = exporter
            draft.partner = clauseNamed[0]
            draft.candidates = [exporter, clauseNamed[0]]
        }
        draft.period = context.resolvePeriod(drafts: drafts, indicator: shareIndicator)
        if draft.period == nil, let carried, carried.paragraph == context.sentence.paragraph {
            draft.period = carried.period.map {
                var period = $0; period.resolution = .carried; return period
            }
        }
        return draft
    }
}

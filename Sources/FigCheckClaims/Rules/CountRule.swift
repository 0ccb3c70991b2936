import FigCheckCore
import FigCheckData

/// "300 Korean workers were detained".
struct CountRule: ClaimRule {
    let id = "count"
    let kind = ClaimKind.count
    let summary = "Counts of people or things looked up in the curated events table"
    let triggeringExamples = ["On the 4th, «300» Korean workers were detained over visa issues."]
    let nonTriggeringExamples = ["India had «1.45 billion» people in 2024."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard [.count, .number].contains(context.mention.kind) else { return nil }
        guard let cue = context.cues(units: ["persons"], knowledge: knowledge).first,
            !knowledge.isAnnualSeries(cue.indicator)
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.indicator = cue.indicator
        draft.take(context.resolveEntity(drafts: drafts))
        draft.candidates = context.sentence.entities.map(\.code)
        draft.period = context.resolvePeriod(drafts: drafts, indicator: cue.indicator)
        return draft
    }
}

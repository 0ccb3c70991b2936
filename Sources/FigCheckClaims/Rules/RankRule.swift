import FigCheckCore
import FigCheckData

/// "the 6th most powerful military in the world"; "ranks South Korea's military 5th".
struct RankRule: ClaimRule {
    let id = "rank"
    let kind = ClaimKind.comparison
    let summary = "Rankings (\"the 6th most powerful\") looked up in ranking tables"
    let triggeringExamples = [
        "With a military rated as the «6th» most powerful in the world, South Korea exports arms.",
        "The 2024 Global Firepower list ranks South Korea's military «5th» in the world.",
    ]
    let nonTriggeringExamples = ["It was the «first» summit between the two leaders.", "On the «25th» of last month they met."]
    static let rankWords: Set<String> = ["most", "largest", "biggest", "place", "places", "placed", "position", "ranks", "ranked",
                                         "rank", "ranking", "world", "rated", "strongest", "came", "slipping", "slipped", "fell",
                                         "climbed", "rose", "held", "oecd", "among"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .ordinal else { return nil }
        let near = context.wordsAfter(3) + context.wordsBefore(3)
        guard near.contains(where: Self.rankWords.contains) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        if let cue = context.cues(units: ["rank"], knowledge: knowledge).first {
            draft.indicator = cue.indicator
        } else {
            draft.unverifiableReason = "no ranking table for \(context.sentence.cues.first?.text ?? "this ranking")"
        }
        draft.take(context.resolveEntity(drafts: drafts))
        draft.period = context.resolvePeriod(drafts: drafts)
        return draft
    }
}

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
        "India became the world's «fourth»-largest economy in 2025.",
    ]
    let nonTriggeringExamples = [
        "It was the «first» summit between the two leaders.", "On the «25th» of last month they met.",
    ]
    static let rankWords: Set<String> = [
        "most", "largest", "biggest", "place", "places", "placed", "position", "ranks", "ranked",
        "rank", "ranking", "world", "rated", "strongest", "came", "slipping", "slipped", "fell",
        "climbed", "rose", "held", "oecd", "among",
    ]

    static let sizeWords: Set<String> = ["largest", "biggest"]
    static let overtakingVerbs: Set<String> = OrderRule.aboveVerbs.union([
        "overtake", "overtaking", "overtaken", "pass", "passes", "passed",
        "passing", "surpass", "surpassing", "outgrow", "outgrew",
    ])

    /// The amount a size ranking orders by: "fourth-largest economy", "the 3rd biggest economy",
    /// a superlative of size right after the ordinal and then a phrase naming an amount measure.
    static func sizeMeasure(_ context: MentionContext, knowledge: ClaimKnowledge) -> String? {
        let after = context.sentence.words(startingAtOrAfter: context.local.upperBound).prefix(3)
        guard let size = after.first(where: { sizeWords.contains($0.lower) }) else { return nil }
        let cue = context.sentence.cues.first { cue in
            cue.range.lowerBound >= size.range.upperBound && cue.range.lowerBound - size.range.upperBound <= 2
        }
        guard let cue, knowledge.unit(of: cue.indicator) == "USD",
            knowledge.frames.frames[cue.indicator]?.shapes.contains(.amount) ?? false
        else { return nil }
        return cue.indicator
    }

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .ordinal else { return nil }
        let near = context.wordsAfter(3) + context.wordsBefore(3)
        guard near.contains(where: Self.rankWords.contains) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        if let cue = context.cues(units: ["rank"], knowledge: knowledge).first {
            draft.indicator = cue.indicator
        } else if let measure = Self.sizeMeasure(context, knowledge: knowledge) {
            // "the world's fourth-largest economy": countries ordered by the measure, largest first.
            draft.rankedBy = measure
        } else {
            draft.unverifiableReason = "no ranking table for \(context.sentence.cues.first?.text ?? "this ranking")"
        }
        draft.take(context.resolveEntity(drafts: drafts))
        draft.period = context.resolvePeriod(drafts: drafts)
        if draft.rankedBy != nil {
            // "India will overtake Japan to become the fourth-largest": the place is the overtaker's.
            let words = context.sentence.words.filter { $0.range.upperBound <= context.local.lowerBound }
            if let verb = words.last(where: { Self.overtakingVerbs.contains($0.lower) }),
                let subject = context.sentence.entities.last(where: { $0.range.upperBound <= verb.range.lowerBound })
            {
                draft.entity = subject.code
                draft.entityResolution = .said
            }
            // "India is the world's 5th-largest economy": no year said is the latest full year.
            if draft.period == nil || draft.period?.resolution == .defaulted, let date = context.document.date {
                draft.period = PeriodChoice.year(date.year - 1, .defaulted)
            }
        }
        return draft
    }
}

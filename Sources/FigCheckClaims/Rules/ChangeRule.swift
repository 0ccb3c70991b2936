import FigCheckCore
import FigCheckData

/// "has fallen by 40 percent since 2020"; "a rise of 1.7 percent"; "up 3 percent on 2023";
/// "it doubled to 20%".
struct ChangeRule: ClaimRule {
    let id = "change"
    let kind = ClaimKind.change
    let summary = "Changes (by N percent or points, doubled, halved) recomputed from the two figures"
    let triggeringExamples = [
        "Europe took 51% in 2020 and 11% in 2025; its share has fallen by «40 percent» since 2020.",
        "Spending reached 7.1% of GDP in 2024, up from 5.4% in 2023, a rise of «1.7 percent».",
        "The first tariff was 10%. It «doubled» to 20% on March 4.",
    ]
    let nonTriggeringExamples = [
        "India's economy grew «7.1%» in 2024.",
        "Consumer prices in Russia rose «8.4%» in 2024.",
        "Spending reached 7.1% of GDP in 2024, up from «5.4%» in 2023.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let verb = mention.text.lowercased()
        if mention.kind == .multiplier, ["doubled", "tripled", "halved", "quadrupled"].contains(where: verb.hasSuffix) {
            draft.relation = .ratio
        } else if mention.kind == .percent || mention.kind == .percentagePoints {
            let before = context.wordsBefore(3)
            let byChange = before.last == "by" && before.contains(where: { ["fallen", "fell", "risen", "rose", "grown", "grew",
                "dropped", "declined", "increased", "decreased", "shrunk", "climbed"].contains($0) })
            let nounChange = before.last == "of" && before.contains(where: { ["rise", "fall", "drop", "increase", "decrease",
                "decline", "gain", "jump"].contains($0) })
            let upDown = ["up", "down"].contains(before.last ?? "") && context.wordsAfter(1).first != "from"
            guard byChange || nounChange || upDown else { return nil }
            if let indicator = context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts)?.indicator,
               knowledge.frames.frames[indicator]?.shapes.contains(.growth) == true {
                // An indicator that is itself a change ("the economy grew 7.1%"): a value claim.
                return nil
            }
            draft.relation = mention.kind == .percent ? .relativeChange : .difference
            let falling = before.contains(where: { ["fallen", "fell", "dropped", "declined", "decreased", "down", "fall", "drop",
                                                    "decline", "decrease", "shrunk"].contains($0) })
            draft.direction = falling ? -1 : 1
            if falling { draft.sign = -1 }
        } else {
            return nil
        }
        draft.take(context.resolveEntity(drafts: drafts))
        // The change's measure is what its operands measure ("spending reached 7.1% of GDP …, a rise of 1.7 percent").
        draft.indicator = (context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts, shapeFree: true)
            ?? context.resolveIndicator(units: ["USD", "persons"], knowledge: knowledge, drafts: drafts, shapeFree: true))?.indicator
        // "since 2020", "on 2023": the base period; "in 2024": the period of the new figure.
        let after = context.sentence.periods.first { $0.range.lowerBound >= context.local.upperBound
            && $0.range.lowerBound - context.local.upperBound < 16 }
        if let after {
            let preposition = context.wordBefore(after.range.lowerBound) ?? ""
            let period = PeriodChoice(key: after.period, first: after.first, last: after.last, resolution: .said)
            if ["since", "on", "from", "over", "compared"].contains(preposition) {
                draft.period = period
            } else {
                draft.newPeriod = period
            }
        }
        return draft
    }
}

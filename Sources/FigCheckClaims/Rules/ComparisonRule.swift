import FigCheckCore
import FigCheckData

/// "an outlay roughly three times larger"; "about 1.6 times China's"; "5.5 percentage points
/// higher than America's"; "about 42% of Japan's 124 million"; "roughly a third more than".
struct ComparisonRule: ClaimRule {
    let id = "comparison"
    let kind = ClaimKind.comparison
    let summary = "Ratios and differences between two figures of the same text, recomputed from them"
    let triggeringExamples = [
        "Korea pledged 20.4% of GDP and the EU 6.9%, meaning we promised an outlay roughly «three times» larger.",
        "The United States produced $29 trillion, about «1.6 times» China's $18.7 trillion.",
        "Russia's inflation, 8.4%, was «5.5 percentage points» higher than America's 3%.",
        "South Korea's population of 51.8 million is «about 42%» of Japan's 124 million.",
    ]
    let nonTriggeringExamples = [
        "The tariff «doubled» to 20% on March 4.",
        "Exports were worth «44.4%» of South Korea's GDP in 2024.",
    ]
    static let comparatives: Set<String> = [
        "larger", "higher", "more", "bigger", "greater", "as", "that", "smaller", "lower",
        "less", "the", "than",
    ]

    // Long: the rule's sentence shapes tried in order as guards over one context; they share the words read at the
    // top.
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        let after = context.wordsAfter(3)
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        switch mention.kind {
        case .multiplier
        where mention.unit == "times"
            && !["doubled", "tripled", "halved", "quadrupled"].contains(
                mention.text.lowercased().split(separator: " ").last.map(String.init) ?? ""):
            draft.relation = .ratio
            // "four times more than": read as four times as much, with the other reading kept.
            draft.timesMore = after.first == "more"
        case .fraction where after.first == "more" || after.first == "larger" || after.first == "bigger":
            draft.relation = .excess
        case .percentagePoints
        where after.contains(where: { ["higher", "lower", "more", "less", "above", "below"].contains($0) }):
            draft.relation = .difference
        case .percent
        where after.count >= 2
            && ["higher", "lower", "more", "less", "larger", "bigger", "greater", "smaller"]
                .contains(after[0])
            && after[1] == "than" && context.statedLevelChange() == nil:
            // "roughly 75% higher than in Italy": (A ÷ B − 1) as a percentage.
            draft.relation = .percentMore
        case .percent where after.first == "of":
            // "42% of Japan's 124 million": a percentage of another figure of the same sentence.
            let entity = context.sentence.entities.first { $0.range.lowerBound >= context.local.upperBound }
            let laterFigure = context.sentence.mentionIndices.first { index in
                let other = context.document.mentions[index]
                return other.range.lowerBound > mention.range.upperBound
                    && [.count, .number, .currency].contains(other.kind)
            }
            let between = context.sentence.words(
                in: context.local.upperBound..<max(context.local.upperBound, entity?.range.lowerBound ?? 0)
            )
            .map(\.lower)
            guard let entity, entity.possessive, between.first == "of",
                between.allSatisfy({ ["of", "the"].contains($0) }),
                let laterFigure,
                context.document.mentions[laterFigure].range.lowerBound - context.sentence.range.lowerBound
                    - entity.range.upperBound <= 4
            else { return nil }
            draft.relation = .percentOf
        default:
            return nil
        }
        // "Output rose fourfold, from 2.1 million tonnes to 8.4 million tonnes": a multiple of change
        // over the two figures the sentence ties to it.
        if draft.relation == .ratio, ChangeRule.changeVerbs.contains(context.wordsBefore(1).first ?? ""),
            let stated = context.statedChangeOperands()
        {
            draft.statedOperands = stated
        }
        // The subject is the nearest country named before the figure ("we promised … three times
        // larger", "South Korea's population … is about 42% of Japan's"); the operands are matched
        // after the whole document is read (ClaimReader.link).
        if let subject = context.sentence.entities.last(where: { $0.range.upperBound <= context.local.lowerBound }) {
            draft.entity = subject.code
        } else {
            draft.take(context.resolveEntity(drafts: drafts))
        }
        return draft
    }
}

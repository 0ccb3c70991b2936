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
        "The index fell «30» points, from 120 to 90.",
        "Emissions fell from 90 million tonnes to 60 million tonnes, a reduction of «about a third».",
    ]
    let nonTriggeringExamples = [
        "India's economy grew «7.1%» in 2024.",
        "Consumer prices in Russia rose «8.4%» in 2024.",
        "Spending reached 7.1% of GDP in 2024, up from «5.4%» in 2023.",
    ]

    static let changeVerbs: Set<String> = [
        "fallen", "fell", "falls", "risen", "rose", "rises", "grown", "grew", "dropped", "drops",
        "declined", "increased", "decreased", "shrunk", "shrank", "climbed", "jumped", "slid",
        "surged", "plunged", "gained", "lost", "expanded", "rise", "fall", "drop", "grow",
        "slip", "slips", "slipped", "shrinks", "expands", "climbs", "jumps", "gains",
    ]
    /// Nouns of change said after the figure: "an 8% slide", "a 3% rise".
    static let changeNouns: Set<String> = [
        "rise", "fall", "drop", "increase", "decrease", "decline", "gain", "jump", "slide", "slump",
        "surge", "climb", "cut", "depreciation", "appreciation", "loss", "plunge",
    ]
    /// Verbs that make a change with an object: "raise defence spending by 3.6 per cent".
    static let transitiveChangeVerbs: Set<String> = [
        "raise", "raises", "raised", "raising", "increase", "increases", "increasing",
        "cut", "cuts", "cutting", "lift", "lifts", "lifted", "boost", "boosts",
        "boosted", "reduce", "reduces", "reduced", "lower", "lowers", "lowered",
    ]

    // Long: the rule's sentence shapes (multiplier verbs first) tried in order as guards over one context; they
    // share the words read at the top.
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let verb = mention.text.lowercased()
        if mention.kind == .multiplier, ["doubled", "tripled", "halved", "quadrupled"].contains(where: verb.hasSuffix) {
            draft.relation = .ratio
            draft.statedOperands = context.statedChangeOperands()
            // "more than doubled" is strict: above the multiple, with no upper bound; "more than
            // halved" is below a half.
            if mention.hedge == .none, context.wordsBefore(2) == ["more", "than"] {
                if verb.hasSuffix("halved") {
                    draft.mention.low = 0
                    draft.mention.high = mention.value
                    draft.mention.highInclusive = false
                } else {
                    draft.mention.low = mention.value
                    draft.mention.lowInclusive = false
                    draft.mention.high = nil
                }
                draft.mention.hedge = .over
                draft.mention.hedgeText = "more than"
            }
        } else if mention.kind == .percent, let levelChange = context.statedLevelChange() {
            // "at $33,785, down $1,444 (4.3%)": the percentage of the change over the level before it.
            draft.relation = .changeOnLevel
            draft.direction = levelChange.direction
            draft.statedOperands = levelChange.operands
        } else if mention.kind == .percent || mention.kind == .percentagePoints {
            let before = context.wordsBefore(3)
            // "a rise of around 7%, or 0.3 percentage points": the same change restated in points.
            let restated = mention.kind == .percentagePoints && before.last == "or"
            // "rose by 7%"; "wants to raise defence spending by 3.6 per cent": the verb and its object before "by".
            let clauseBefore = sentence(context, wordsBeforeInClause: 6)
            let byChange =
                before.last == "by"
                && (before.contains(where: Self.changeVerbs.contains)
                    || clauseBefore.contains(where: Self.transitiveChangeVerbs.contains))
            let nounChange =
                before.last == "of"
                && before.contains(where: {
                    [
                        "rise", "fall", "drop", "increase", "decrease",
                        "decline", "gain", "jump",
                    ].contains($0)
                })
            let statedOperands = context.statedChangeOperands()
            // "down 90 percent, from 110 percent to 20 percent": "from" after the figure opens its pair.
            let upDown =
                ["up", "down"].contains(before.last ?? "")
                && (context.wordsAfter(1).first != "from" || statedOperands != nil)
            // "fell 25% to $121 billion …, down from $161 billion"; "its profits drop 25%": a verb
            // right before. Without the figures said, the change is one the text may state again
            // with them (a headline over its paragraph), or one left unchecked.
            let verbChange = Self.changeVerbs.contains(before.last ?? "")
            // "The rupee's 8% slide took it from 80 to 88 per dollar": a change noun after the figure,
            // with both figures said. Its size is checked, not its direction: a currency's slide is a
            // rise of its price in dollars.
            let changeNounAfter = Self.changeNouns.contains(context.wordsAfter(1).first ?? "") && statedOperands != nil
            guard
                byChange || nounChange || upDown || verbChange || changeNounAfter || (restated && statedOperands != nil)
            else { return nil }
            if let indicator = context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts)?
                .indicator,
                knowledge.frames.frames[indicator]?.shapes.contains(.growth) == true
            {
                // An indicator that is itself a change ("the economy grew 7.1%"): a value claim.
                return nil
            }
            draft.relation = mention.kind == .percent ? .relativeChange : .difference
            let falling =
                before.contains(where: {
                    [
                        "fallen", "fell", "falls", "dropped", "drops", "declined", "decreased", "down",
                        "fall", "drop", "decline", "decrease", "shrunk", "shrank", "slid", "plunged",
                        "lost", "slip", "slips", "slipped", "shrinks",
                    ].contains($0)
                })
                || byChange
                    && clauseBefore.contains(where: {
                        [
                            "cut", "cuts", "cutting", "reduce", "reduces", "reduced", "lower",
                            "lowers", "lowered",
                        ].contains($0)
                    })
            draft.direction = falling ? -1 : 1
            // "fell -5%" says the sign twice: it is a fall of 5%.
            if falling, mention.value > 0 { draft.sign = -1 }
            draft.statedOperands = statedOperands
            if changeNounAfter, !byChange, !nounChange, !upDown, !verbChange, let stated = statedOperands {
                let rising = stated.subject.midpoint >= stated.base.midpoint
                draft.direction = rising ? 1 : -1
                draft.sign = rising ? 1 : -1
            }
        } else if let relation = Self.pointsOrFractionChange(context) {
            // "fell 30 points, from 120 to 90"; "a reduction of about a third", with the pair said.
            guard let stated = context.statedChangeOperands() else { return nil }
            draft.relation = relation
            draft.statedOperands = stated
            let falling = stated.subject.midpoint < stated.base.midpoint
            let said = context.wordsBefore(3)
            draft.direction =
                said.contains(where: Self.fallingWords.contains)
                ? -1 : (said.contains(where: Self.risingWords.contains) ? 1 : (falling ? -1 : 1))
            if draft.direction < 0 { draft.sign = -1 }
        } else {
            return nil
        }
        draft.take(context.resolveEntity(drafts: drafts))
        // The change's measure is what its operands measure ("spending reached 7.1% of GDP …, a rise of 1.7 percent").
        draft.indicator =
            (context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts, shapeFree: true)
            ?? context.resolveIndicator(
                units: ["USD", "persons"], knowledge: knowledge, drafts: drafts, shapeFree: true))?.indicator
        // "since 2020", "on 2023": the base period; "in 2024": the period of the new figure.
        let after = context.sentence.periods.first {
            $0.range.lowerBound >= context.local.upperBound
                && $0.range.lowerBound - context.local.upperBound < 16
        }
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

    static let fallingWords: Set<String> = [
        "fell", "fallen", "falls", "dropped", "drops", "declined", "lost", "shed", "down", "reduction",
        "fall", "drop", "decline", "decrease", "cut", "loss", "slid", "shrank", "plunged",
    ]
    static let risingWords: Set<String> = [
        "rose", "risen", "rises", "gained", "gains", "jumped", "climbed", "added", "up", "rise",
        "increase", "gain", "jump", "climb", "grew",
    ]

    /// A change in points after a verb ("fell 30 points") or a fraction after a change noun
    /// ("a reduction of about a third", "a rise of a quarter"): the relation it states.
    static func pointsOrFractionChange(_ context: MentionContext) -> Relation? {
        let mention = context.mention
        let before = context.wordsBefore(3)
        if [.number, .count].contains(mention.kind), mention.rangeEnd == nil,
            ["points", "point"].contains(context.wordsAfter(1).first ?? ""),
            changeVerbs.contains(before.last ?? "")
                || (before.last == "by" && before.contains(where: changeVerbs.contains))
        {
            return .difference
        }
        if mention.kind == .fraction, mention.rangeEnd == nil,
            before.last == "of"
                && before.contains(where: { changeNouns.contains($0) || ["reduction", "increase"].contains($0) })
                || before.last == "by"
                    && before.contains(where: { changeVerbs.contains($0) || transitiveChangeVerbs.contains($0) })
        {
            return .excess
        }
        return nil
    }

    /// Up to `count` words before the figure within its clause, nearest last.
    private func sentence(_ context: MentionContext, wordsBeforeInClause count: Int) -> [String] {
        context.sentence.words(in: context.clause.lowerBound..<context.local.lowerBound).suffix(count).map(\.lower)
    }
}

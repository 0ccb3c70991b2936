import FigCheckCore
import FigCheckData

/// "The $350 billion we pledged … amounts to 20.4% of last year's nominal GDP"; "including
/// energy purchases, it reaches 25%"; "Japan's … stood at 13.1% of its GDP, and the EU's at 6.9%".
struct RatioRule: ClaimRule {
    let id = "ratio-of-gdp"
    let kind = ClaimKind.ratio
    let summary = "An amount as a percentage of an indicator (GDP), recomputed from the amount and the table"
    let triggeringExamples = [
        "The $350 billion we pledged to invest in the U.S. amounts to «20.4%» of last year's nominal GDP.",
        "Japan's U.S.-bound investment stood at «13.1%» of its GDP.",
    ]
    let nonTriggeringExamples = [
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "Exports of goods and services were worth «44.4%» of South Korea's GDP in 2024.",
    ]

    // Long: the rule's sentence shapes tried in order as guards over one context; they share the words read at the
    // top.
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        let after = context.wordsAfter(5)
        let ofGDP = after.first == "of" && after.contains(where: RatioRule.isGDPWord)
        // A percent-of-GDP indicator named in the sentence makes it a value claim instead.
        if !context.cues(units: ["percent"], knowledge: knowledge).isEmpty { return nil }
        let previous = drafts.last { $0.kind == .ratio && $0.paragraph == context.sentence.paragraph }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        guard let gdp = knowledge.gdpIndicator else { return nil }
        draft.denominator = gdp
        draft.take(context.resolveEntity(drafts: drafts))
        let amountCues = context.cues(units: ["USD"], knowledge: knowledge).filter { $0.indicator != gdp }
            .sorted {
                ($0.range.lowerBound < context.local.lowerBound ? 0 : 1, context.distance($0.range))
                    < ($1.range.lowerBound < context.local.lowerBound ? 0 : 1, context.distance($1.range))
            }
        let statedAmount = context.sentence.mentionIndices.map { context.document.mentions[$0] }.last {
            $0.kind == .currency && $0.currency == "USD" && $0.range.upperBound <= context.mention.range.lowerBound
        }
        if ofGDP {
            if let statedAmount, let previous,
                context.sentenceHas(["total", "add", "adding", "altogether", "combined"]),
                previous.entity == draft.entity
            {
                // "Add the $100 billion of energy purchases and the total comes to 24% of GDP".
                draft.numerator = previous.numerator + [.stated(statedAmount)]
                draft.numeratorIndicators = previous.numeratorIndicators + [amountCues.first?.indicator ?? "amount"]
            } else if let statedAmount {
                draft.numerator = [.stated(statedAmount)]
                draft.numeratorIndicators = [amountCues.first?.indicator ?? "amount"]
            } else if let cue = amountCues.first, let entity = draft.entity {
                draft.numerator = [.lookup(indicator: cue.indicator, entity: entity)]
                draft.numeratorIndicators = [cue.indicator]
            } else if let previous, let entity = draft.entity {
                draft.numerator = previous.numeratorIndicators.map { .lookup(indicator: $0, entity: entity) }
                draft.numeratorIndicators = previous.numeratorIndicators
            } else {
                // "Russia spent 7.1% of its GDP": no amount, so a share-of-GDP value (ValueRule).
                return nil
            }
        } else if let previous, context.sentence.paragraph == previous.paragraph,
            context.sentenceHas(["it", "its", "the", "and"])
        {
            // Ellipsis: the same measure again, for another entity or with a component added.
            draft.period = previous.period
            draft.numeratorIndicators = previous.numeratorIndicators
            if draft.entity == previous.entity || draft.entityResolution == .carried {
                draft.entity = previous.entity
                draft.numerator = previous.numerator
            } else if let entity = draft.entity {
                draft.numerator = previous.numeratorIndicators.map { .lookup(indicator: $0, entity: entity) }
            }
            draft.indicatorResolution = .carried
        } else {
            return nil
        }
        // "including energy purchases": a component named since the previous figure joins the numerator.
        let stretch = context.sincePreviousFigure(of: [.percent])
        let stretchWords = Set(context.sentence.words(in: stretch).map(\.lower))
        if !stretchWords.isDisjoint(with: ["including", "with", "add", "plus", "counting", "adding"]) {
            for cue in amountCues
            where !draft.numeratorIndicators.contains(cue.indicator) && stretch.contains(cue.range.lowerBound) {
                if let stated = context.sentence.mentionIndices.map({ context.document.mentions[$0] }).first(where: {
                    $0.kind == .currency
                        && abs(($0.range.lowerBound - context.sentence.range.lowerBound) - cue.range.lowerBound) < 30
                        && !draft.numerator.contains(.stated($0))
                }) {
                    if context.sentenceHas(["including"]),
                        draft.numerator.contains(where: {
                            if case .stated = $0 { return true }; return false
                        })
                    {
                        draft.uncertainties.append("whether the \(cue.text) are part of the amount or added to it")
                    } else {
                        draft.numerator.append(.stated(stated))
                    }
                } else if let entity = draft.entity {
                    draft.numerator.append(.lookup(indicator: cue.indicator, entity: entity))
                }
                draft.numeratorIndicators.append(cue.indicator)
            }
        }
        if draft.period == nil || ofGDP { draft.period = gdpYear(context, drafts: drafts) }
        return draft
    }

    static func isGDPWord(_ word: String) -> Bool { ClaimRules.gdpWords.contains(word) }

    /// The year of the GDP: said next to it ("last year's", "its 2024 GDP"), else nil (the default).
    private func gdpYear(_ context: MentionContext, drafts: ArraySlice<ClaimDraft>) -> PeriodChoice? {
        let periods = context.sentence.periods.filter {
            $0.range.lowerBound >= context.local.upperBound && $0.period.count == 4
        }
        if let said = periods.first, said.range.lowerBound - context.local.upperBound < 30 {
            return PeriodChoice(key: said.period, first: said.first, last: said.last, resolution: .said)
        }
        return nil
    }
}

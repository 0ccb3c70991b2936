import FigCheckCore
import FigCheckData

/// "an estimated $179 billion, about 33% of the group's total": a share given beside its part, of
/// a total the text stated earlier ("members took in about $550 billion … in 2024"). The total is
/// the nearest earlier amount of the same currency and period that is larger than the part and
/// belongs to the entity the phrase names ("the OPEC total"), else to no other entity. Found by
/// proximity, the total is evidence for review, never for an error.
struct ShareOfStatedTotalRule: ClaimRule {
    let id = "share-of-stated-total"
    let kind = ClaimKind.share
    let summary = "A share said beside its part (\"$179 billion, about 33% of the total\"), of a total the text states"
    let triggeringExamples = [
        "Members earned $550 billion in 2024. The largest earned $179 billion in 2024, about «33%» of the total."
    ]
    let nonTriggeringExamples = [
        "Members earned $550 billion in 2024. The largest earned $179 billion in 2024, about «33%» more than the next.",
        "The largest earned $179 billion in 2024, about «33%» of the total.",
    ]

    /// How far back the total may be stated, in sentences.
    static let reach = 12

    // Long: the rule's sentence shapes tried in order as guards over one context; they share the words read at the
    // top.
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .percent, mention.rangeEnd == nil else { return nil }
        // "… of the total", "… of the OPEC total", "… of the group's total".
        let after = context.wordsAfter(5)
        guard after.first == "of", let totalAt = after.firstIndex(of: "total"), totalAt <= 4 else { return nil }
        let named = context.sentence.entities.first {
            $0.range.lowerBound >= context.local.upperBound
                && $0.range.lowerBound - context.local.upperBound < 24
        }?.code
        // The part: the amount right before the share ("$179 billion, about 33%").
        guard
            let partIndex = drafts.indices.last(where: {
                drafts[$0].sentenceIndex == context.sentence.index
                    && drafts[$0].mention.range.upperBound <= mention.range.lowerBound
            }),
            case let part = drafts[partIndex], [.currency, .count, .measure].contains(part.mention.kind),
            part.mention.rangeEnd == nil
        else { return nil }
        let between = context.sentence.words(
            in: (part.mention.range.upperBound - context.sentence.range.lowerBound)..<context.local.lowerBound)
        // "$179 billion, about 33%"; "$270 billion in 2024, about 33%".
        guard between.count <= 4,
            between.allSatisfy({ word in
                ["about", "around", "roughly", "some", "nearly", "almost", "or", "just", "over", "under", "in", "for"]
                    .contains(word.lower)
                    || word.lower.allSatisfy(\.isNumber)
            })
        else { return nil }
        let document = context.document
        // A figure's period: its own, else the one said right after it ("$410 billion in 2026"),
        // else its sentence's only one ("… in 2024: an estimated $179 billion").
        func periodKey(_ figure: ClaimDraft) -> String? {
            if let own = figure.period?.key { return own }
            let sentence = document.sentences[figure.sentenceIndex]
            let end = figure.mention.range.upperBound - sentence.range.lowerBound
            if let next = sentence.periods.first(where: { $0.range.lowerBound >= end && $0.range.lowerBound - end < 6 })
            {
                return next.period
            }
            return sentence.periods.count == 1 ? sentence.periods[0].period : nil
        }
        let period = periodKey(part)
        guard
            let wholeIndex = drafts.indices.reversed().first(where: { index in
                let whole = drafts[index]
                return index != partIndex && whole.sentenceIndex >= context.sentence.index - Self.reach
                    && whole.mention.sharesUnit(with: part.mention) && whole.mention.rangeEnd == nil
                    && (whole.mention.low ?? whole.mention.value) > (part.mention.high ?? part.mention.value)
                    && (period == nil || periodKey(whole).map { $0 == period } ?? true)
                    && (named.map { whole.entity == $0 } ?? (whole.entity == nil || whole.entity == part.entity))
                    && ![.change, .comparison].contains(whole.kind)
            })
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .percentOf
        draft.operands = [(partIndex, wholeIndex)]
        draft.entity = part.entity
        draft.period = part.period ?? period.flatMap { Int($0) }.flatMap { PeriodChoice.year($0, .inSentence) }
        return draft
    }
}

import FigCheckCore
import FigCheckData

/// "as this year marks the 70th anniversary of the alliance"; "colonial rule for 36 years";
/// "after eight days in detention".
struct DateArithmeticRule: ClaimRule {
    let id = "date-arithmetic"
    let kind = ClaimKind.dateArithmetic
    let summary = "Anniversaries and durations recomputed from dates in the text or the events table"
    let triggeringExamples = [
        "The alliance was founded in 1953. This year marks its «70th» anniversary.",
        "Korea was under Japanese colonial rule for «36 years».",
        "Agents detained them on September 4 and flew them home on September 12, after «eight days».",
        "Over «two decades» the deficit ballooned. It was $10 billion in 1990 and $273 billion by 2010.",
        "In the latest «four quarters» (Q2 2024 to Q2 2025), exports rose by a fifth.",
    ]
    let nonTriggeringExamples = [
        "It was the «first» summit of the two leaders.",
        "He was sentenced to «two years» in prison.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        if mention.kind == .ordinal, context.wordsAfter(2).contains(where: { $0.hasPrefix("anniversar") }) {
            var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
            draft.relation = .difference
            draft.indicator = "anniversary"
            return draft
        }
        guard mention.kind == .duration, let unit = mention.unit,
            ["years", "decades", "days", "months", "weeks", "quarters"].contains(unit)
        else {
            return nil
        }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        // An event pair from the events table ("colonial rule"), or two dates said in the paragraph.
        if let cue = context.sentence.cues.first(where: { $0.indicator.hasSuffix("_start") }) {
            draft.indicator = cue.indicator
            draft.entity = context.resolveEntity(drafts: drafts)?.code
            return draft
        }
        if let dates = datesAround(context), dates.count >= 2 {
            draft.span = (dates[0].date, dates[dates.count - 1].date, dates[0].text, dates[dates.count - 1].text)
            return draft
        }
        // "Over roughly two decades the gap has ballooned. It was $10 billion in 1990, … $273 billion
        // by 2010": a span in years introducing the series the next sentence gives.
        if ["years", "decades"].contains(unit), context.sentence.periods.isEmpty,
            context.document.sentences.indices.contains(context.sentence.index + 1),
            case let next = context.document.sentences[context.sentence.index + 1],
            next.paragraph == context.sentence.paragraph
        {
            let years = next.periods.filter { $0.period.count == 4 && !$0.relative }.map { ($0.first, $0.text) }
            if let first = years.min(by: { $0.0 < $1.0 }), let last = years.max(by: { $0.0 < $1.0 }),
                first.0.year < last.0.year
            {
                draft.span = (first.0, last.0, first.1, last.1)
                draft.uncertainties.append("which years it spans (read from the years of the sentence after it)")
                return draft
            }
        }
        // "Many Koreans speak of 36 years": the span of the paragraph's previous duration.
        if let previous = drafts.last(where: {
            $0.kind == .dateArithmetic && $0.paragraph == context.sentence.paragraph
                && $0.span != nil
        }) {
            draft.span = previous.span
            return draft
        }
        return nil
    }

    /// The dates said in the mention's sentence, else in its paragraph before it.
    private func datesAround(_ context: MentionContext) -> [(date: CalendarDate, text: String)]? {
        func dates(in sentence: SentenceContext) -> [(date: CalendarDate, text: String)] {
            sentence.periods.filter { $0.period.count >= 7 }.map { ($0.first, $0.text) }
        }
        let own = dates(in: context.sentence)
        if own.count >= 2 { return own }
        // The paragraph's sentences up to this one, walked back from it (a sentence's index is its
        // place in the document), until two dates are found.
        var found = own
        var index = context.sentence.index - 1
        let sentences = context.document.sentences
        while found.count < 2, index >= 0, sentences[index].paragraph == context.sentence.paragraph {
            found = dates(in: sentences[index]) + found
            index -= 1
        }
        return found.count >= 2 ? Array(found.suffix(2)) : nil
    }
}

import FigCheckCore
import FigCheckData

/// "Korea's nominal GDP was $1.71 trillion in 2023"; "Poland spent 4.2% of GDP on its military".
struct ValueRule: ClaimRule {
    let id = "value"
    let kind = ClaimKind.value
    let summary = "A figure of an indicator for an entity and period, looked up in the reference tables"
    let triggeringExamples = [
        "India had «1.45 billion» people in 2024.",
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "Japan pledged «$550 billion».",
    ]
    let nonTriggeringExamples = ["The treaty was signed in «1953».", "It was the «first» summit."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard let units = ClaimRules.unitsByMentionKind[mention.kind], mention.kind != .ordinal else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        if mention.kind == .currency, let currency = mention.currency, currency != "USD" {
            // "61.59 trillion won": a claim all the same, which no table in dollars can check.
            draft.unverifiableReason = "an amount in \(currency); the bundled tables of amounts are in US dollars"
            // Its period still dates a conversion that follows it ("a 2025 budget of 61.59 trillion won ($46.3 billion)").
            draft.take(context.resolveEntity(drafts: drafts))
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        if let reason = context.outOfScopeReason {
            draft.unverifiableReason = reason
            return draft
        }
        guard let indicator = context.resolveIndicator(units: units, knowledge: knowledge, drafts: drafts) else {
            // A spelled-out small number with nothing to measure ("one battery", "one-sidedly") is no claim.
            if [.count, .number].contains(mention.kind), mention.scale == nil, mention.value < 100,
               mention.text.first?.isLetter == true {
                return nil
            }
            draft.unverifiableReason = "no reference table was found for what this figure measures"
            return draft
        }
        draft.indicator = indicator.indicator
        draft.indicatorResolution = indicator.resolution
        // "Unemployment ended 2024 at 6.6%": the rate at the end of the period, not its average.
        let before = context.sentence.words(in: context.clause.lowerBound..<max(context.clause.lowerBound, context.local.lowerBound))
            .map(\.lower)
        if context.figureShape == .level, before.contains("ended") || zip(before, before.dropFirst()).contains(where: { $0 == "end" && $1 == "of" }) {
            draft.unverifiableReason = "a level at the end of a period; the bundled table holds averages over the period"
            return draft
        }
        draft.take(context.resolveEntity(drafts: drafts))
        if let reporter = knowledge.frames.bilateralReporter(of: indicator.indicator) {
            // "The US goods deficit with Canada": the tables are one reporter's trade with each
            // partner, so the figure's entity is the partner the sentence names, never the reporter.
            guard let partner = bilateralPartner(context, reporter: reporter, current: draft.entity, drafts: drafts) else {
                draft.unverifiableReason = "no partner country was named for a bilateral trade figure"
                return draft
            }
            draft.entity = partner
            draft.partner = reporter
            // Trade figures come on several bases; only words in the clause say which one this is.
            let words = Set(context.clauseWords)
            if words.contains("services") {
                draft.statedBasis = "goods_and_services"
            } else if !words.isDisjoint(with: ["goods", "merchandise"]) {
                draft.statedBasis = "goods"
            } else {
                draft.uncertainties.append("which basis (goods, or goods and services) the trade figure is on")
            }
        }
        if indicator.indicator == knowledge.exchangeRateIndicator, let currencyEntity = currencyEntity(context, knowledge: knowledge) {
            draft.entity = currencyEntity
        }
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator.indicator)
        if knowledge.frames.frames[indicator.indicator]?.shapes == [.growth], context.clauseHas(["shrank", "contracted", "shrunk", "fell"]) {
            draft.sign = -1
        }
        return draft
    }

    /// The partner of a bilateral figure: the entity after "with", "to" or "from", else the one other
    /// than the reporter in the sentence, else the one the paragraph's figures were about.
    private func bilateralPartner(_ context: MentionContext, reporter: String, current: String?,
                                  drafts: ArraySlice<ClaimDraft>) -> String? {
        let others = context.sentence.entities.filter { $0.code != reporter }
        if let linked = others.first(where: { ["with", "to", "from"].contains(context.wordBefore($0.range.lowerBound) ?? "") }) {
            return linked.code
        }
        if Set(others.map(\.code)).count == 1 { return others[0].code }
        if others.isEmpty, let current, current != reporter { return current }
        if others.isEmpty, let carried = drafts.last(where: { $0.paragraph == context.sentence.paragraph && $0.partner == reporter })?.entity {
            return carried
        }
        return nil
    }

    /// The country whose currency the sentence names ("1,363 won to the dollar" is Korea's rate).
    private func currencyEntity(_ context: MentionContext, knowledge: ClaimKnowledge) -> String? {
        context.sentenceWords.compactMap { CurrencyWords.code($0) }.compactMap { knowledge.frames.currencies[$0]?.country }.first
    }
}

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

    // Long: the rule's sentence shapes tried in order as guards over one context; they share the words read at the
    // top.
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
        // Rates in force on a date are the rate rule's: a figure it did not take is not a rate
        // ("whose tariffs set off the turmoil, … growth slipping to 1.7 per cent").
        let resolved = context.resolveIndicator(units: units, knowledge: knowledge, drafts: drafts)
            .flatMap { knowledge.isTimeline($0.indicator) ? nil : $0 }
        // "The IMF projects 1.0% growth": a forecast by a publisher whose forecast releases are
        // bundled is checked against the release current on the document's date.
        let forecaster = resolved.flatMap { context.forecastSource(of: $0.indicator, knowledge: knowledge) }
        if let reason = context.outOfScopeReason, forecaster == nil {
            draft.unverifiableReason = reason
            return draft
        }
        draft.forecastBy = forecaster
        draft.forecastIsAnEarlierOne =
            forecaster != nil
            && !Set(context.clauseWords).isDisjoint(with: [
                "earlier", "previous", "prior", "previously", "original", "initial",
            ])
        guard let indicator = resolved else {
            // A spelled-out small number with nothing to measure ("one battery", "one-sidedly") is no claim.
            if [.count, .number].contains(mention.kind), mention.scale == nil, mention.value < 100,
                mention.text.first?.isLetter == true
            {
                return nil
            }
            draft.unverifiableReason = "no reference table was found for what this figure measures"
            // Whose figure and for when, all the same: the text's own relations use them ("India's
            // 1.36 million bpd" in March against "India's 1.27 million bpd" in February).
            draft.take(context.resolveEntity(drafts: drafts))
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        draft.indicator = indicator.indicator
        draft.indicatorResolution = indicator.resolution
        // "Unemployment ended 2024 at 6.6%": the rate at the end of the period, not its average.
        let before = context.sentence.words(
            in: context.clause.lowerBound..<max(context.clause.lowerBound, context.local.lowerBound)
        )
        .map(\.lower)
        if context.figureShape == .level,
            before.contains("ended") || zip(before, before.dropFirst()).contains(where: { $0 == "end" && $1 == "of" })
        {
            draft.unverifiableReason =
                "a level at the end of a period; the bundled table holds averages over the period"
            return draft
        }
        draft.take(context.resolveEntity(drafts: drafts))
        if let reporter = knowledge.frames.bilateralReporter(of: indicator.indicator) {
            // "The US goods deficit with Canada": the tables are one reporter's trade with each
            // partner, so the figure's entity is the partner the sentence names, never the reporter.
            switch bilateralFlow(
                context, indicator: indicator.indicator, reporter: reporter, current: draft.entity,
                drafts: drafts, knowledge: knowledge)
            {
            case .reporters(let partner, let flow):
                draft.entity = partner
                draft.partner = reporter
                draft.indicator = flow
            case .betweenOthers(let owner):
                draft.unverifiableReason =
                    "trade between \(owner) and another country; the bundled tables hold \(reporter)'s trade with each partner"
                return draft
            case .noPartner(let reason):
                draft.unverifiableReason = reason
                return draft
            }
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
        if indicator.indicator == knowledge.exchangeRateIndicator,
            let currencyEntity = currencyEntity(context, knowledge: knowledge)
        {
            draft.entity = currencyEntity
        }
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator.indicator)
        // "shrank 0.2%" is −0.2% growth; "shrank -0.2%" says the sign twice, and is the same contraction.
        if knowledge.frames.frames[indicator.indicator]?.shapes == [.growth],
            context.clauseHas(["shrank", "contracted", "shrunk", "fell"]),
            context.mention.value > 0
        {
            draft.sign = -1
        }
        return draft
    }

    /// Whose trade a bilateral figure is, read from the entities around it.
    enum BilateralFlow {
        /// The reporter's trade with `partner`, measured by `indicator` (the mirror of the one named
        /// when the text speaks from the partner's side: "Mexico's shipments to the US").
        case reporters(partner: String, indicator: String)
        /// Trade between two countries neither of which is the reporter ("India's imports from Iraq").
        case betweenOthers(owner: String)
        case noPartner(reason: String)
    }

    /// How many sentences back a partner named with its measure still stands for a figure.
    static let sentencesAPartnerCarriesOver = 3

    /// Words that link a trade flow to its partner ("deficit with", "exports to", "imports from").
    static let partnerLinks: Set<String> = ["with", "to", "from"]

    /// The reporter and partner of a bilateral figure. The partner is the entity linked by "with",
    /// "to" or "from" in the figure's clause, else in its sentence; when that entity is the reporter
    /// itself, the flow is seen from the other side and the owner named before it is the partner
    /// (its exports to the reporter are the reporter's imports from it). Another country owning the
    /// flow makes it trade between two others, which the reporter's tables do not hold.
    func bilateralFlow(
        _ context: MentionContext, indicator: String, reporter: String, current: String?,
        drafts: ArraySlice<ClaimDraft>, knowledge: ClaimKnowledge
    ) -> BilateralFlow {
        let named = context.sentence.entities.filter { $0.kind != "pronoun" }
        let inClause = named.filter { context.clause.contains($0.range.lowerBound) }
        let linked = { (entity: EntityFinder.Found) in
            Self.partnerLinks.contains(Self.linkWord(before: entity, in: context) ?? "")
        }
        if inClause.contains(where: { $0.code == reporter && linked($0) }) {
            // The owner before the flow in the clause, else the sentence's ("… Mexico had held the
            // top spot, and its trade with the US had passed $800 billion").
            let owner =
                (inClause.first { $0.code != reporter && !linked($0) }
                ?? named.first { $0.code != reporter && !linked($0) })?.code
                ?? current.flatMap { $0 == reporter ? nil : $0 }
            guard let owner else {
                return .noPartner(reason: "no partner country was named for a bilateral trade figure")
            }
            guard let mirror = knowledge.frames.mirror(of: indicator) else {
                return .noPartner(
                    reason:
                        "a trade figure of \(owner) with \(reporter), from \(owner)'s side; the bundled table is \(reporter)'s"
                )
            }
            return .reporters(partner: owner, indicator: mirror)
        }
        for pool in [inClause, named] {
            let others = pool.filter { $0.code != reporter }
            guard let partner = others.first(where: linked) else { continue }
            // "India received crude from Iraq": a country other than the reporter owns the flow.
            if let owner = others.first(where: {
                $0.code != partner.code && !linked($0) && $0.range.lowerBound < partner.range.lowerBound
            }),
                !pool.contains(where: { $0.code == reporter })
            {
                return .betweenOthers(owner: owner.code)
            }
            return .reporters(partner: partner.code, indicator: indicator)
        }
        guard let partner = bilateralPartner(context, reporter: reporter, current: current, drafts: drafts) else {
            return .noPartner(reason: "no partner country was named for a bilateral trade figure")
        }
        return .reporters(partner: partner, indicator: indicator)
    }

    /// The word that links an entity to what precedes it, over an article ("to the United States").
    static func linkWord(before entity: EntityFinder.Found, in context: MentionContext) -> String? {
        let before = context.sentence.words(endingAtOrBefore: entity.range.lowerBound).suffix(2).map(\.lower)
        if before.last == "the", before.count == 2 { return before.first }
        return before.last
    }

    /// The partner of a bilateral figure named without a link word: the one entity other than the
    /// reporter in the sentence, else the one the paragraph's figures were about, else the one an
    /// earlier sentence of the paragraph linked to the measure ("the goods gap with China has
    /// ballooned. The commission puts it at $10.4 billion").
    private func bilateralPartner(
        _ context: MentionContext, reporter: String, current: String?,
        drafts: ArraySlice<ClaimDraft>
    ) -> String? {
        let others = context.sentence.entities.filter { $0.code != reporter }
        if Set(others.map(\.code)).count == 1 { return others[0].code }
        guard others.isEmpty else { return nil }
        if let current, current != reporter { return current }
        if let carried = drafts.last(where: { $0.paragraph == context.sentence.paragraph && $0.partner == reporter })?
            .entity
        {
            return carried
        }
        // The few sentences just before, not the whole paragraph: a pointer reaches back that far,
        // and a paragraph can be a whole flattened table.
        let earlier = context.document.sentences[..<context.sentence.index].reversed()
            .prefix { $0.paragraph == context.sentence.paragraph }.prefix(Self.sentencesAPartnerCarriesOver)
        for sentence in earlier {
            let words = sentence.words
            if let partner = sentence.entities.first(where: { entity in
                entity.code != reporter
                    && words.last(where: { $0.range.upperBound <= entity.range.lowerBound }).map {
                        Self.partnerLinks.contains($0.lower)
                    } == true
            }) {
                return partner.code
            }
        }
        return nil
    }

    /// The country whose currency the sentence names ("1,363 won to the dollar" is Korea's rate).
    private func currencyEntity(_ context: MentionContext, knowledge: ClaimKnowledge) -> String? {
        context.sentenceWords.compactMap { CurrencyWords.code($0) }.compactMap {
            knowledge.frames.currencies[$0]?.country
        }.first
    }
}

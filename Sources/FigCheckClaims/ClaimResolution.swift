import FigCheckCore
import FigCheckData

/// Resolution of a mention's entity, indicator and period, shared by the claim rules: within the
/// clause, then the sentence, then carried from earlier claims of the paragraph, then defaults.
extension MentionContext {
    static let prepositions: Set<String> = [
        "of", "to", "into", "in", "from", "on", "with", "by", "against", "over", "at",
        "for", "than", "toward", "towards", "across",
    ]

    /// The word right before a sentence-relative offset, skipping articles ("in the U.S." → "in").
    func wordBefore(_ offset: Int) -> String? {
        sentence.words(endingAtOrBefore: offset).last { !["the", "a", "an"].contains($0.lower) }?.lower
    }

    /// The entity a figure is about and how sure the reading is. `drafts` are the claims read so far.
    func resolveEntity(drafts: ArraySlice<ClaimDraft>) -> (code: String, resolution: Resolution)? {
        let entities = sentence.entities
        let before = entities.filter { $0.range.upperBound <= local.lowerBound }
        let after = entities.filter { $0.range.lowerBound >= local.upperBound }
        // "Japan's $550 billion", "China's $18.7 trillion": a possessive right before the figure.
        if let last = before.last, last.possessive, local.lowerBound - last.range.upperBound <= 4 {
            return (last.code, .said)
        }
        // "44.4% of South Korea's GDP", "42% of Japan's 124 million", "the EU's at 6.9%".
        if let first = after.first {
            let between = sentence.words(in: local.upperBound..<max(local.upperBound, first.range.lowerBound))
            if between.allSatisfy({ ["of", "the"].contains($0.lower) }), between.first?.lower == "of", first.possessive
            {
                return (first.code, .said)
            }
        }
        if let first = after.first, first.kind == "adjective" || first.kind == "demonym",
            first.range.lowerBound - local.upperBound <= 1
        {
            return (first.code, .said)
        }
        func free(_ found: EntityFinder.Found) -> Bool {
            guard let word = wordBefore(found.range.lowerBound) else { return true }
            return !Self.prepositions.contains(word) || found.possessive
        }
        // "Japan's U.S.-bound investment stood at 13.1%": the owner, not the adjective next to the noun.
        if let owner = before.last(where: { clause.contains($0.range.lowerBound) && $0.possessive }) {
            return (owner.code, .said)
        }
        if let inClause = before.last(where: { clause.contains($0.range.lowerBound) && free($0) }) {
            return (inClause.code, .said)
        }
        // "the 3% recorded in the United States", "2.5% in Japan", "the $350 billion we pledged":
        // the first country after the figure in its clause, when it is the subject or a location.
        if let next = after.first(where: { clause.contains($0.range.lowerBound) }),
            free(next) || ["in", "into", "for"].contains(wordBefore(next.range.lowerBound) ?? "")
        {
            return (next.code, .said)
        }
        if let anyBefore = before.last(where: { clause.contains($0.range.lowerBound) }) {
            return (anyBefore.code, .said)
        }
        if let inSentence = before.last(where: free) { return (inSentence.code, .said) }
        if let following = after.first(where: {
            free($0) && !(clause.contains($0.range.lowerBound) && $0.kind == "adjective")
        }) {
            return (following.code, .said)
        }
        if let anyBefore = before.last(where: { clause.contains($0.range.lowerBound) }) {
            return (anyBefore.code, .said)
        }
        if let carried = drafts.last(where: { $0.paragraph == sentence.paragraph && $0.entity != nil })?.entity {
            return (carried, .carried)
        }
        if let anyBefore = before.last { return (anyBefore.code, .guessed) }
        if let subject = document.subject { return (subject, .guessed) }
        return nil
    }

    /// Words that make a percentage a change over a period ("grew 2.9%", "up 38%", "a 65% jump").
    static let changeWordsBefore: Set<String> = [
        "grew", "grow", "grows", "growing", "growth", "rose", "rise", "rises", "risen",
        "up", "increase", "increased", "increases", "fell", "fall", "falls", "fallen",
        "down", "dropped", "drop", "declined", "decline", "expanded", "expand", "contracted",
        "shrank", "shrunk", "shrink", "jumped", "climbed", "gained", "slowed", "slid",
        "surged", "soared", "plunged", "leapt", "widened", "narrowed", "by",
    ]
    static let changeWordsAfter: Set<String> = [
        "rise", "increase", "jump", "growth", "drop", "fall", "decline", "gain", "surge",
        "rebound", "contraction", "expansion", "higher", "lower", "more", "less", "up",
        "down",
    ]
    static let gdpBaseWords: Set<String> = ["gdp", "output", "economy", "gross", "economic"]

    /// The shape of figure the sentence states: an amount, a count, a change, a share of GDP or
    /// of another whole, or a level. Only the shapes an indicator's tables hold can be checked
    /// against them ("51% of total imports" is not imports as a share of GDP).
    var figureShape: FrameLexicon.Shape {
        switch mention.kind {
        case .currency: return .amount
        case .count: return .count
        case .percent, .percentagePoints: break
        default: return .level
        }
        // Its own "of" phrase decides first: "2.1% of GDP", "80% of the world total"; "41.4% of
        // Germany's" elides the whole, which the sentence names.
        let following = sentence.words(startingAtOrAfter: local.upperBound).prefix(5)
        let after = following.map(\.lower)
        if after.first == "of" {
            let phrase = after.dropFirst().prefix(4)
            if phrase.contains(where: Self.gdpBaseWords.contains) { return .shareOfGDP }
            let named = following.dropFirst().first { !["the", "its", "their"].contains($0.lower) }
            if named?.text.first?.isUppercase != true { return .shareOfTotal }
        }
        let before = sentence.words(in: clause.lowerBound..<max(clause.lowerBound, local.lowerBound)).suffix(3).map(
            \.lower)
        // "fell to 6.5%", "up from 5.4%": the level reached or left, not the change.
        let level = ["to", "from", "at"].contains(before.last ?? "")
        if !level,
            before.contains(where: Self.changeWordsBefore.contains)
                || after.first.map(Self.changeWordsAfter.contains) == true
                || followedBy(["year", "on", "year"]) || followedBy(["on", "the", "year"])
                || followedBy(["a", "year", "earlier"])
        {
            return .growth
        }
        // "Measured against GDP, …", "spending relative to GDP came to 1.9%", "1.3% of its GDP …,
        // Australia 1.9%": the sentence's base.
        let words = sentenceWords
        for (index, word) in words.enumerated() where word == "gdp" && index > 0 {
            let lead = words[max(0, index - 2)..<index]
            if lead.contains(where: { ["to", "of", "against", "versus"].contains($0) }) { return .shareOfGDP }
        }
        return .level
    }

    /// Whether an indicator's tables hold figures of `shape` (this figure's own, unless given).
    func fits(_ indicator: String, knowledge: ClaimKnowledge, shape: FrameLexicon.Shape? = nil, shapeFree: Bool = false)
        -> Bool
    {
        // Only percentages and amounts have shapes a table may not hold.
        guard shapeFree == false else { return true }
        guard shape != nil || [.percent, .percentagePoints, .currency].contains(mention.kind) else { return true }
        let wanted = shape ?? figureShape
        // A change in an amount ("GDP rose 3%") measures what the amount measures.
        return knowledge.frames.accepts(indicator, shape: wanted)
            || (wanted == .amount && knowledge.frames.accepts(indicator, shape: .count))
    }

    /// The indicator a figure measures: a lexicon phrase of a fitting unit and shape in the
    /// figure's clause, else in its sentence, else the measure of a parallel figure or one a word
    /// points back to. A figure whose measure no table holds gets none: it never borrows a
    /// neighbour's measure.
    /// `shapeFree` reads what a change's operands measure, whatever the change's own shape.
    // Long: the measure's evidence in the documented order (the figure's words, its sentence, the shape-free
    // operands, the paragraph), first found wins.
    func resolveIndicator(
        units: Set<String>, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>,
        shape: FrameLexicon.Shape? = nil, shapeFree: Bool = false
    ) -> (indicator: String, resolution: Resolution)? {
        func fits(_ indicator: String) -> Bool {
            self.fits(indicator, knowledge: knowledge, shape: shape, shapeFree: shapeFree)
        }
        let fitting = cues(units: units, knowledge: knowledge).filter { fits($0.indicator) }
        if let cue = fitting.first, clause.overlaps(cue.range) { return (cue.indicator, .said) }
        // "Turkey's economy, worth $1.36 trillion, grew 3.3%": the growth of the measure named before.
        if !shapeFree, (shape ?? figureShape) == .growth,
            let named = sentence.cues.last(where: {
                $0.range.upperBound <= local.lowerBound && knowledge.frames.growth(of: $0.indicator) != nil
                    && !["of", "to", "against", "versus"].contains(wordBefore($0.range.lowerBound) ?? "")
            }),
            let growth = knowledge.frames.growth(of: named.indicator), units.contains(knowledge.unit(of: growth) ?? "")
        {
            return (growth, clause.overlaps(named.range) ? .said : .inSentence)
        }
        // Parallel figures: "South Korea promised $350 billion of investment …, and Japan $550 billion"
        // measure what the sentence's previous figure of the same unit measures.
        if let parallel = drafts.last(where: {
            $0.sentenceIndex == sentence.index && $0.mention.kind == mention.kind
                && $0.kind != .comparison && $0.kind != .change
        }),
            let indicator = parallel.indicator ?? parallel.numeratorIndicators.first,
            knowledge.unit(of: indicator).map({ units.contains($0) }) == true,
            // An elided figure ("and Japan's 0.1%") has its parallel's shape.
            fits(indicator) || (shape == nil && figureShape == .level)
        {
            return (indicator, .inSentence)
        }
        // A measure named in the figure's own clause that no table holds ("Russia's spending was up
        // 38%") is this figure's measure: nothing from elsewhere stands in for it.
        let ownMeasure = sentence.cues.contains { clause.overlaps($0.range) && $0.range.upperBound <= local.lowerBound }
        if let cue = fitting.first, !ownMeasure { return (cue.indicator, .inSentence) }
        // "Brazil's economy expanded by 3.4% in 2024. … Growth was 3.2% in 2023": growth that names
        // no measure is the growth the recent claims measure (this paragraph or the one before).
        if !shapeFree, !ownMeasure, (shape ?? figureShape) == .growth, clauseHas(["growth"]),
            let recent = drafts.last(where: { draft in
                draft.paragraph >= sentence.paragraph - 1 && draft.sentenceIndex >= sentence.index - 5
                    && draft.indicator.map {
                        knowledge.frames.frames[$0]?.shapes.contains(.growth) == true
                            && units.contains(knowledge.unit(of: $0) ?? "")
                    } == true
            }), let indicator = recent.indicator
        {
            return (indicator, .carried)
        }
        // Ellipsis and anaphora carry the measure over only with a sign of them: a new owner in the
        // clause ("and Germany 1.9%", "the EU's at 6.9%") or a word pointing back ("that figure", "it").
        let pointing: Set<String> = [
            "it", "its", "that", "this", "figure", "share", "rate", "total", "number", "level",
        ]
        let hasOwner = sentence.entities.contains { clause.contains($0.range.lowerBound) }
        let pointsBack = clauseHas(pointing)
        guard !ownMeasure, hasOwner || pointsBack else { return nil }
        // A bare number without a scale word ("alert(2)", "one battery") carries no measure over.
        // "about 300 Koreans" names who is counted, and may carry the paragraph's count over.
        let countsPeople = sentence.entities.contains {
            $0.range.lowerBound >= local.upperBound && $0.range.lowerBound - local.upperBound <= 1
        }
        if mention.kind == .number || mention.kind == .count, mention.scale == nil, !countsPeople { return nil }
        // The paragraph's topic measure of this unit: the one its figures measure most often, the
        // first on a tie ("Seoul's $350 billion commitment … counting the $100 billion of LNG
        // purchases … Tokyo's $550 billion" carries the commitment, not the purchases).
        let candidates = drafts.filter { draft in
            draft.paragraph == sentence.paragraph && [.value, .ratio, .share, .count].contains(draft.kind)
                && draft.indicator.flatMap { knowledge.unit(of: $0) }.map { units.contains($0) } == true
                // A level may elide the base of a share of GDP ("Korea spent 2.9%").
                && draft.indicator.map {
                    fits($0) || (figureShape == .level && knowledge.frames.accepts($0, shape: .shareOfGDP))
                } == true
        }.compactMap(\.indicator)
        var counts: [String: Int] = [:]
        for indicator in candidates { counts[indicator, default: 0] += 1 }
        guard let best = counts.values.max(), let topic = candidates.first(where: { counts[$0] == best }) else {
            // "The goods gap with China has ballooned. The commission puts it at $10.4 billion": a
            // word pointing back takes the measure the previous sentence of the paragraph names.
            guard pointsBack, sentence.index > 0 else { return nil }
            let previous = document.sentences[sentence.index - 1]
            guard previous.paragraph == sentence.paragraph,
                let named = previous.cues.first(where: {
                    knowledge.unit(of: $0.indicator).map { units.contains($0) } == true && fits($0.indicator)
                })
            else { return nil }
            return (named.indicator, .carried)
        }
        // A new owner alone ("and Germany 1.9%") makes the paragraph's measure likely, not said,
        // unless every figure of the paragraph so far measured it.
        let unambiguous = counts.count == 1 && best >= 2
        return (topic, pointsBack || unambiguous ? .carried : .guessed)
    }

    /// The period a figure is about: one said next to it, one said earlier in the sentence, the
    /// sentence's or paragraph's period, else nil (the verifier applies the default).
    // Long: the period's evidence in the documented order (next to the figure, earlier in the sentence, the
    // sentence's, the paragraph's), first found wins.
    func resolvePeriod(drafts: ArraySlice<ClaimDraft>, indicator: String? = nil) -> PeriodChoice? {
        // Periods carry over only between claims about the same measure.
        let related = drafts.filter { draft in
            draft.kind != .change && draft.kind != .comparison && draft.indicator != nil
                && (indicator == nil || draft.indicator == indicator)
        }
        let periods = sentence.periods
        let otherMentions = sentence.mentionIndices.filter { $0 != mentionIndex }.map { document.mentions[$0].range }
        func mentionBetween(_ lower: Int, _ upper: Int) -> Bool {
            otherMentions.contains { range in
                let start = range.lowerBound - sentence.range.lowerBound
                return start >= lower && start < upper && !periods.contains { $0.range.contains(start) }
            }
        }
        func choice(_ found: PeriodResolver.Found) -> PeriodChoice {
            PeriodChoice(key: found.period, first: found.first, last: found.last, resolution: .said)
        }
        // "a day later", "a week later": the previous date of the sentence, moved on.
        let following = wordsAfter(3)
        if following.count >= 3, ["a", "one"].contains(following[0]), following[2] == "later",
            let days = ["day": 1, "week": 7][following[1]],
            let previous = periods.last(where: { $0.range.upperBound <= local.lowerBound && $0.first == $0.last })
        {
            let date = previous.first.adding(days: days)
            return PeriodChoice(key: date.description, first: date, last: date, resolution: .said)
        }
        // "a year earlier", "a year before": the year before the sentence's first period.
        let after = wordsAfter(4)
        if after.starts(with: ["a", "year"]), after.count >= 3, ["earlier", "before"].contains(after[2]),
            let reference = periods.first(where: { $0.range.upperBound <= local.lowerBound }) ?? periods.first
        {
            return PeriodChoice.year(reference.first.year - 1, .said)
        }
        // "… in 2024, and Japan's spending grew to $55.3 billion for the year": the words point
        // back to the year the sentence said before the figure.
        if after.starts(with: ["for", "the", "year"]) || after.starts(with: ["that", "year"])
            || after.starts(with: ["in", "that", "year"])
            || after.starts(with: ["the", "same", "year"]) || after.starts(with: ["in", "the", "same", "year"]),
            let previous = periods.last(where: {
                $0.range.upperBound <= local.lowerBound && $0.period.count == 4 && !$0.relative
            })
        {
            return choice(previous)
        }
        // A period said right before another figure ("on November 10 to 10%") is that figure's.
        func leadsOtherFigure(_ period: PeriodResolver.Found) -> Bool {
            otherMentions.contains { range in
                let start = range.lowerBound - sentence.range.lowerBound
                return start >= period.range.upperBound && start - period.range.upperBound <= 5
                    && !periods.contains { $0.range.contains(start) }
            }
        }
        if let next = periods.first(where: { $0.range.lowerBound >= local.upperBound }),
            !mentionBetween(local.upperBound, next.range.lowerBound), next.range.lowerBound - local.upperBound < 40,
            clause.contains(next.range.lowerBound)
                || (next.range.lowerBound - local.upperBound < 12 && !leadsOtherFigure(next)
                    // "exceeded India's 1.27 million bpd, and in March the gap grew": a period past a new clause is the clause's.
                    && !sentence.words(in: local.upperBound..<next.range.lowerBound).contains {
                        SentenceContext.clauseWords.contains($0.lower)
                    })
        {
            return choice(next)
        }
        // "In 2020, 51% …", "By 2024 that share had fallen to 12%": a period before the figure, in its
        // clause or opening the sentence, with no other figure between.
        let firstMention =
            sentence.mentionIndices.filter { ![.year, .date].contains(document.mentions[$0].kind) }
            .map { document.mentions[$0].range.lowerBound - sentence.range.lowerBound }.min() ?? 0
        // A period right after another figure ("$362 billion in 2023") is that figure's.
        func boundToOtherFigure(_ period: PeriodResolver.Found) -> Bool {
            otherMentions.contains { range in
                let end = range.upperBound - sentence.range.lowerBound
                return end <= period.range.lowerBound && period.range.lowerBound - end <= 5
                    && !periods.contains { $0.range.contains(range.lowerBound - sentence.range.lowerBound) }
            }
        }
        if let previous = periods.last(where: { $0.range.upperBound <= local.lowerBound }),
            !mentionBetween(previous.range.upperBound, local.lowerBound),
            clause.contains(previous.range.lowerBound) || previous.range.upperBound <= firstMention
                || !boundToOtherFigure(previous)
        {
            return choice(previous)
        }
        // "In May Brazil shipped 2.31 million tonnes, more than Peru's 1.12 million", "… exceeded
        // Peru's", "… and Peru 1.12 million": a figure compared with another, or in a clause that
        // repeats the first one's verb, shares the period that opens the sentence.
        let comparedOrParallel: Bool = {
            let before = wordsBefore(3)
            if before.contains("than")
                || before.contains(where: { OrderRule.aboveVerbs.contains($0) || OrderRule.belowVerbs.contains($0) })
            {
                return true
            }
            guard let owner = sentence.entities.last(where: { $0.range.upperBound <= local.lowerBound }),
                local.lowerBound - owner.range.upperBound <= 4
            else { return false }
            return wordBefore(owner.range.lowerBound) == "and"
        }()
        if let opening = periods.first, opening.range.upperBound <= firstMention,
            !periods.contains(where: {
                $0.range.lowerBound > opening.range.lowerBound && $0.range.upperBound <= local.lowerBound
            }),
            comparedOrParallel
        {
            return choice(opening)
        }
        // Another figure's period in the same sentence ("fell to $297 million in 2024 … while inflows into
        // China collapsed to $42.6 billion"): likely shared, but a guess.
        if var sentencePeriod = related.first(where: {
            $0.sentenceIndex == sentence.index && $0.period?.resolution == .said
        })?.period {
            sentencePeriod.resolution = .guessed
            return sentencePeriod
        }
        if let carried = related.last(where: {
            $0.paragraph == sentence.paragraph
                && [.said, .guessed].contains($0.period?.resolution ?? .defaulted)
        })?.period {
            var period = carried
            period.resolution = carried.resolution == .said ? .carried : .guessed
            return period
        }
        return nil
    }

    static let forecastWords: Set<String> = [
        "forecast", "forecasts", "forecasted", "projected", "projects", "projection",
        "expected", "estimate", "would", "predicts", "predicted",
    ]

    /// Whether the figure's clause speaks of a forecast ("projects", "expected", "would").
    var speaksOfForecast: Bool { !Set(clauseWords).isDisjoint(with: Self.forecastWords) }

    /// The publisher whose forecast of `indicator` the sentence gives, when that publisher's
    /// forecast releases are bundled: it is named ("the IMF", "World Economic Outlook") and the
    /// sentence speaks of a forecast ("projects", "forecast", "will grow").
    func forecastSource(of indicator: String, knowledge: ClaimKnowledge) -> String? {
        let words = Set(sentenceWords)
        guard !words.isDisjoint(with: Self.forecastWords.union(["will", "sees", "cut", "raised", "lowered"])) else {
            return nil
        }
        return sentence.sources.map(\.source).first { knowledge.frames.forecastIndicator(of: indicator, by: $0) != nil }
    }

    /// A word for the scope of a share ("crude", "shipped") or a reason the figure is outside the
    /// tables ("forecast", "Section 301").
    var outOfScopeReason: String? {
        let words = Set(clauseWords)
        if speaksOfForecast { return "a forecast or projection, which no reference table holds" }
        if words.contains("section") || sentenceWords.contains("section") {
            return "Section 301/232 duties, which the tariff tables do not cover"
        }
        if words.contains("secondary") { return "secondary tariffs on third countries, which no table covers" }
        return nil
    }

    /// +1 for raised/rose, −1 for cut/fell in the words before the figure (within its clause).
    var direction: Int {
        let before = sentence.words(in: clause.lowerBound..<max(clause.lowerBound, local.lowerBound)).suffix(6).map(
            \.lower)
        let down: Set<String> = [
            "reduced", "cut", "cuts", "lowered", "slashed", "fell", "dropped", "lower", "reduce", "lowering",
            "decreased", "halved",
        ]
        let up: Set<String> = [
            "raised", "increased", "hiked", "rose", "doubled", "tripled", "raise", "increase", "lifted",
        ]
        for word in before.reversed() {
            if down.contains(word) { return -1 }
            if up.contains(word) { return 1 }
        }
        return 0
    }
}

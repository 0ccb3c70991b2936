import FigCheckCore

/// Resolution of a mention's entity, indicator and period, shared by the claim rules: within the
/// clause, then the sentence, then carried from earlier claims of the paragraph, then defaults.
extension MentionContext {
    static let prepositions: Set<String> = ["of", "to", "into", "in", "from", "on", "with", "by", "against", "over", "at",
                                            "for", "than", "toward", "towards", "across"]

    /// The word right before a sentence-relative offset, skipping articles ("in the U.S." → "in").
    func wordBefore(_ offset: Int) -> String? {
        let before = sentence.words.filter { $0.range.upperBound <= offset }.map(\.lower)
        return before.last { !["the", "a", "an"].contains($0) }
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
            let between = sentence.words.filter { $0.range.lowerBound >= local.upperBound && $0.range.upperBound <= first.range.lowerBound }
            if between.allSatisfy({ ["of", "the"].contains($0.lower) }), between.first?.lower == "of", first.possessive {
                return (first.code, .said)
            }
        }
        if let first = after.first, first.kind == "adjective" || first.kind == "demonym",
           first.range.lowerBound - local.upperBound <= 1 {
            return (first.code, .said)
        }
        func free(_ found: EntityFinder.Found) -> Bool {
            guard let word = wordBefore(found.range.lowerBound) else { return true }
            return !Self.prepositions.contains(word) || found.possessive
        }
        // "Japan's U.S.-bound investment stood at 13.1%": the owner, not the adjective next to the noun.
        if let owner = before.last(where: { clause.contains($0.range.lowerBound) && $0.possessive }) { return (owner.code, .said) }
        if let inClause = before.last(where: { clause.contains($0.range.lowerBound) && free($0) }) { return (inClause.code, .said) }
        // "the 3% recorded in the United States", "2.5% in Japan", "the $350 billion we pledged":
        // the first country after the figure in its clause, when it is the subject or a location.
        if let next = after.first(where: { clause.contains($0.range.lowerBound) }),
           free(next) || ["in", "into", "for"].contains(wordBefore(next.range.lowerBound) ?? "") {
            return (next.code, .said)
        }
        if let anyBefore = before.last(where: { clause.contains($0.range.lowerBound) }) { return (anyBefore.code, .said) }
        if let inSentence = before.last(where: free) { return (inSentence.code, .said) }
        if let following = after.first(where: { free($0) && !(clause.contains($0.range.lowerBound) && $0.kind == "adjective") }) {
            return (following.code, .said)
        }
        if let anyBefore = before.last(where: { clause.contains($0.range.lowerBound) }) { return (anyBefore.code, .said) }
        if let carried = drafts.last(where: { $0.paragraph == sentence.paragraph && $0.entity != nil })?.entity {
            return (carried, .carried)
        }
        if let anyBefore = before.last { return (anyBefore.code, .guessed) }
        if let subject = document.subject { return (subject, .guessed) }
        return nil
    }

    /// The indicator a figure measures: a lexicon phrase of a fitting unit in the sentence, else
    /// the indicator of the paragraph's previous claim of the same unit (ellipsis, "that figure").
    func resolveIndicator(units: Set<String>, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>)
        -> (indicator: String, resolution: Resolution)? {
        let fitting = cues(units: units, knowledge: knowledge)
        if let cue = fitting.first, clause.overlaps(cue.range) { return (cue.indicator, .said) }
        // Parallel figures: "South Korea promised $350 billion of investment …, and Japan $550 billion"
        // measure what the sentence's previous figure of the same unit measures.
        if let parallel = drafts.last(where: { $0.sentenceIndex == sentence.index && $0.mention.kind == mention.kind
                                               && $0.kind != .comparison && $0.kind != .change }),
           let indicator = parallel.indicator ?? parallel.numeratorIndicators.first,
           knowledge.unit(of: indicator).map({ units.contains($0) }) == true {
            return (indicator, .said)
        }
        if let cue = fitting.first { return (cue.indicator, .said) }
        // Ellipsis and anaphora carry the measure over only with a sign of them: a new owner in the
        // clause ("and Germany 1.9%", "the EU's at 6.9%") or a word pointing back ("that figure", "it").
        let pointing: Set<String> = ["it", "its", "that", "this", "figure", "share", "rate", "total", "number", "level"]
        let hasOwner = sentence.entities.contains { clause.contains($0.range.lowerBound) }
        guard hasOwner || clauseHas(pointing) else { return nil }
        // A bare number without a scale word ("alert(2)", "one battery") carries no measure over.
        // "about 300 Koreans" names who is counted, and may carry the paragraph's count over.
        let countsPeople = sentence.entities.contains { $0.range.lowerBound >= local.upperBound && $0.range.lowerBound - local.upperBound <= 1 }
        if mention.kind == .number || mention.kind == .count, mention.scale == nil, !countsPeople { return nil }
        // The paragraph's topic measure of this unit: the one its figures measure most often, the
        // first on a tie ("Seoul's $350 billion commitment … counting the $100 billion of LNG
        // purchases … Tokyo's $550 billion" carries the commitment, not the purchases).
        let candidates = drafts.filter { draft in
            draft.paragraph == sentence.paragraph && [.value, .ratio, .share, .count].contains(draft.kind)
                && draft.indicator.flatMap { knowledge.unit(of: $0) }.map { units.contains($0) } == true
        }.compactMap(\.indicator)
        var counts: [String: Int] = [:]
        for indicator in candidates { counts[indicator, default: 0] += 1 }
        guard let best = counts.values.max(), let topic = candidates.first(where: { counts[$0] == best }) else { return nil }
        return (topic, .carried)
    }

    /// The period a figure is about: one said next to it, one said earlier in the sentence, the
    /// sentence's or paragraph's period, else nil (the verifier applies the default).
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
           let previous = periods.last(where: { $0.range.upperBound <= local.lowerBound && $0.first == $0.last }) {
            let date = previous.first.adding(days: days)
            return PeriodChoice(key: date.description, first: date, last: date, resolution: .said)
        }
        // "a year earlier", "a year before": the year before the sentence's first period.
        let after = wordsAfter(4)
        if after.starts(with: ["a", "year"]), after.count >= 3, ["earlier", "before"].contains(after[2]),
           let reference = periods.first(where: { $0.range.upperBound <= local.lowerBound }) ?? periods.first {
            return PeriodChoice.year(reference.first.year - 1, .said)
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
           clause.contains(next.range.lowerBound) || (next.range.lowerBound - local.upperBound < 12 && !leadsOtherFigure(next)) {
            return choice(next)
        }
        // "In 2020, 51% …", "By 2024 that share had fallen to 12%": a period before the figure, in its
        // clause or opening the sentence, with no other figure between.
        let firstMention = sentence.mentionIndices.filter { ![.year, .date].contains(document.mentions[$0].kind) }
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
           clause.contains(previous.range.lowerBound) || previous.range.upperBound <= firstMention || !boundToOtherFigure(previous) {
            return choice(previous)
        }
        // Another figure's period in the same sentence ("fell to $297 million in 2024 … while inflows into
        // China collapsed to $42.6 billion"): likely shared, but a guess.
        if var sentencePeriod = related.first(where: { $0.sentenceIndex == sentence.index && $0.period?.resolution == .said })?.period {
            sentencePeriod.resolution = .guessed
            return sentencePeriod
        }
        if let carried = related.last(where: { $0.paragraph == sentence.paragraph
                                               && [.said, .guessed].contains($0.period?.resolution ?? .defaulted) })?.period {
            var period = carried
            period.resolution = carried.resolution == .said ? .carried : .guessed
            return period
        }
        return nil
    }

    /// A word for the scope of a share ("crude", "shipped") or a reason the figure is outside the
    /// tables ("forecast", "Section 301").
    var outOfScopeReason: String? {
        let words = Set(clauseWords)
        if !words.isDisjoint(with: ["forecast", "forecasts", "projected", "projection", "expected", "estimate"]) {
            return "a forecast or projection, which no reference table holds"
        }
        if words.contains("section") || sentenceWords.contains("section") {
            return "Section 301/232 duties, which the tariff tables do not cover"
        }
        if words.contains("secondary") { return "secondary tariffs on third countries, which no table covers" }
        return nil
    }

    /// +1 for raised/rose, −1 for cut/fell in the words before the figure (within its clause).
    var direction: Int {
        let before = sentence.words.filter { $0.range.upperBound <= local.lowerBound && clause.contains($0.range.lowerBound) }
            .suffix(6).map(\.lower)
        let down: Set<String> = ["reduced", "cut", "cuts", "lowered", "slashed", "fell", "dropped", "lower", "reduce", "lowering",
                                 "decreased", "halved"]
        let up: Set<String> = ["raised", "increased", "hiked", "rose", "doubled", "tripled", "raise", "increase", "lifted"]
        for word in before.reversed() {
            if down.contains(word) { return -1 }
            if up.contains(word) { return 1 }
        }
        return 0
    }
}

import FigCheckCore

/// Orders between two figures of the text that the words assert with no figure of their own:
///
/// - a verb between the two ("Chile's 2.4 million tonnes narrowly exceeded Peru's 2.3 million
///   tonnes"; "trailed");
/// - a comparative after the first ("Chile shipped 2.4 million tonnes, more than Peru's 2.3
///   million tonnes");
/// - a comparative whose subject points back to an earlier figure ("Spending will rise by 4.1 per
///   cent. That rate of increase is higher than the 2.5 per cent rise planned for pensions");
/// - a gap said to widen or narrow after such an order ("… and in June the gap grew wider"),
///   against the two entities' figures for the new period wherever the text gives them.
///
/// The claim is the phrase itself: it states that the difference of the two figures is above (or
/// below) zero. With the figures' written precision, it holds when their intervals allow that
/// order and fails when they forbid it. The last two shapes find a figure by position, so a
/// failure there is for review.
///
/// The referent and the gap's figures may be sentences away, so this rule runs over the whole
/// document after the per-figure rules.
package struct OrderRule: Sendable {
    package static let orderId = "order"
    package static let gapId = "gap-change"
    package static let periodId = "period-order"
    package static let catalog: [(id: String, kind: ClaimKind, summary: String)] = [
        (
            orderId, .comparison,
            "\"A exceeded B\", \"A, more than B\", \"That rate is higher than B\": the order of two figures of the text"
        ),
        (
            gapId, .comparison,
            "\"The gap grew wider\": the difference of two entities' figures against the same difference before"
        ),
        (periodId, .dateArithmetic, "\"From 2021 to 2019\": a period that ends before it starts"),
    ]
    package static let examples: [(id: String, sentence: String, triggers: Bool)] = [
        (orderId, "In May Chile's 2.4 million tonnes «narrowly exceeded» Peru's 2.3 million tonnes.", true),
        (orderId, "In May Chile shipped 2.4 million tonnes, «more than» Peru's 2.3 million tonnes.", true),
        (
            orderId,
            "Spending will rise by 4.1 per cent next year. «That rate of increase is higher than» the 2.5 per cent rise planned for pensions.",
            true
        ),
        (orderId, "Chile tops the ranking with $10.2 billion, «followed by» Peru with $8.1 billion.", true),
        (orderId, "Chile's $0.3 billion is «a fraction of» Peru's $8.1 billion.", true),
        (orderId, "In May Chile's output «exceeded» every forecast, at 2.4 million tonnes.", false),
        (orderId, "Prices rose 5% in May, «followed by» a 3% fall in June.", false),
        (
            orderId,
            "Spending will rise by 4.1 per cent next year. «That rate of increase is higher than» last year's.", false
        ),
        (orderId, "Prices rose 7% in May, «75% higher than» in Italy.", false),
        (periodId, "The programme ran «from 2021 to 2019» in three regions.", true),
        (periodId, "The programme ran «from 2019 to 2021» in three regions.", false),
        (
            gapId,
            "In June Chile shipped 2.9 million tonnes and Peru 2.1 million tonnes. In May Chile's 2.4 million tonnes exceeded Peru's 2.3 million tonnes, and in June «the gap grew much wider».",
            true
        ),
        (
            gapId,
            "In June Chile shipped 2.9 million tonnes and Peru 2.1 million tonnes. In May Chile's 2.4 million tonnes exceeded Peru's 2.3 million tonnes, and in June «the gap» was in the news.",
            false
        ),
    ]

    static let aboveVerbs: Set<String> = [
        "exceeded", "exceeds", "exceed", "surpassed", "surpasses", "topped", "tops", "outstripped",
        "outstrips", "outpaced", "outpaces", "overtook", "overtakes", "eclipsed", "eclipses",
    ]
    static let belowVerbs: Set<String> = ["trailed", "trails", "lagged", "lags"]
    static let greater: Set<String> = ["more", "higher", "greater", "larger", "bigger", "faster"]
    static let smaller: Set<String> = ["less", "lower", "smaller", "fewer", "slower"]
    /// Nouns that point back to an earlier figure when a demonstrative leads them ("that rate of increase").
    static let referringNouns: Set<String> = [
        "rate", "increase", "rise", "growth", "figure", "gain", "jump", "fall", "decline", "drop",
        "amount", "sum", "total", "number", "level", "share", "pace",
    ]
    static let orderWords = aboveVerbs.union(belowVerbs).union(greater).union(smaller)
    static let degreeWords: Set<String> = ["just", "far", "well", "still", "only"]
    static let copulas: Set<String> = ["is", "was", "were", "are", "remains", "remained", "stood"]
    static let changeNouns: Set<String> = ["increase", "rise", "growth", "gain", "jump", "fall", "decline", "drop"]
    static let widening: Set<String> = ["grew", "widened", "widens", "increased", "wider", "grows", "widen"]
    static let narrowing: Set<String> = [
        "narrowed", "narrows", "shrank", "shrinks", "closed", "decreased", "narrower", "narrow",
    ]
    static let gapNouns: Set<String> = ["gap", "difference", "lead", "margin"]
    /// Words of a sentence that ranks ("tops the ranking … followed by … then").
    static let rankingWords: Set<String> = [
        "ranking", "rankings", "ranked", "tops", "topped", "topping", "leads", "largest", "biggest",
        "highest", "smallest", "lowest", "league",
    ]
    /// Figures an order can relate (not years, ordinals or multiples).
    static let orderedKinds: Set<MentionKind> = [.currency, .count, .number, .percent, .measure, .percentagePoints]
    /// How many sentences back a referent may be, and the figures of a widened gap.
    static let reach = 4

    /// The order claims of a document, read after every figure's own claim.
    // Long: the ordering shapes ("then", "from … to", "between … and") tried in order over each sentence's figures.
    func drafts(in document: DocumentContext, claims: [ClaimDraft]) -> [ClaimDraft] {
        // The claims of each sentence, so the look-ups a few sentences back stay linear in the document.
        let bySentence = Dictionary(grouping: claims.indices) { claims[$0].sentenceIndex }
        let claimAt = Dictionary(
            claims.indices.map { (claims[$0].mention.range.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [ClaimDraft] = []
        // The pairs an order claim related, by sentence, for the gaps said after them.
        var orderedPairs: [(sentence: Int, end: Int, subject: Int, base: Int)] = []
        for sentence in document.sentences {
            // Consecutive figures (dates aside): "A, a third more than B" is a multiple, not an order.
            let figures = sentence.mentionIndices.filter { ![.year, .date].contains(document.mentions[$0].kind) }
            for (position, index) in figures.enumerated()
            where position + 1 < figures.count
                && Self.orderedKinds.contains(document.mentions[index].kind)
                && Self.orderedKinds.contains(document.mentions[figures[position + 1]].kind)
            {
                let (first, second) = (document.mentions[index], document.mentions[figures[position + 1]])
                // Two single figures of one unit; a hedged second one ("more than 5%") is a bound, not an operand.
                guard first.kind == second.kind, first.sharesUnit(with: second), first.unit == second.unit,
                    first.rangeEnd == nil,
                    second.rangeEnd == nil, second.hedge == .none
                else { continue }
                guard
                    let phrase = orderPhrase(between: first, and: second, in: sentence)
                        ?? rankingPhrase(between: first, and: second, in: sentence)
                else { continue }
                let context = MentionContext(
                    mentionIndex: figures[position + 1], sentence: sentence, document: document)
                var draft = orderDraft(
                    Self.orderId, phrase: (phrase.range, phrase.text, phrase.direction), figure: second,
                    context: context,
                    pair: StatedOperands(
                        subject: first.interval, base: second.interval, subjectText: first.text,
                        baseText: second.text, shape: "\(first.text) \(phrase.text) \(second.text)",
                        tied: phrase.tied))
                if let subject = claimAt[first.range.lowerBound] {
                    draft.entity = claims[subject].entity
                    draft.entityResolution = claims[subject].entityResolution
                    draft.period = claims[subject].period
                    draft.indicator = claims[subject].indicator
                    if let base = claimAt[second.range.lowerBound] {
                        orderedPairs.append(
                            (sentence.index, sentence.range.lowerBound + phrase.range.upperBound, subject, base))
                    }
                }
                found.append(draft)
            }
            if let reversed = reversedPeriod(in: sentence, document: document) { found.append(reversed) }
            if let referent = referentComparison(
                in: sentence, document: document, claims: claims, bySentence: bySentence)
            {
                found.append(referent)
            }
            if let gap = gapChange(
                in: sentence, document: document, claims: claims, bySentence: bySentence, pairs: orderedPairs)
            {
                found.append(gap)
            }
        }
        return found
    }

    /// An order claim on the words `phrase` of the sentence: the difference of the pair is above
    /// zero (direction +1) or below it (−1).
    private func orderDraft(
        _ id: String, phrase: (range: Range<Int>, text: String, direction: Int), figure: Mention,
        context: MentionContext, pair: StatedOperands
    ) -> ClaimDraft {
        var draft = ClaimDraft(ruleId: id, kind: .comparison, context: context)
        let start = context.sentence.range.lowerBound
        let said = Mention(
            range: (start + phrase.range.lowerBound)..<(start + phrase.range.upperBound),
            numberRange: (start + phrase.range.lowerBound)..<(start + phrase.range.upperBound), text: phrase.text,
            kind: figure.kind, value: 0, decimalText: "0", low: phrase.direction > 0 ? 0 : nil,
            high: phrase.direction > 0 ? nil : 0, unit: figure.unit, currency: figure.currency, scale: nil,
            hedge: phrase.direction > 0 ? .over : .under, hedgeText: nil, rangeEnd: nil)
        draft.mention = said
        draft.relation = .order
        draft.direction = phrase.direction
        draft.statedOperands = pair
        draft.orderedFigure = figure
        return draft
    }

    /// "A narrowly exceeded B", "A, more than B": the words between two figures of one unit that
    /// order them, as a range of the sentence; nil for anything else.
    private func orderPhrase(
        between first: Mention, and second: Mention,
        in sentence: SentenceContext
    ) -> (range: Range<Int>, text: String, direction: Int, tied: Bool)? {
        let start = sentence.range.lowerBound
        let between = Array(sentence.words(in: (first.range.upperBound - start)..<(second.range.lowerBound - start)))
        guard between.count >= 1, between.count <= 9,
            !between.contains(where: { SentenceContext.clauseWords.contains($0.lower) })
        else { return nil }
        // "A is a fraction of B": well below it.
        if let fraction = between.firstIndex(where: { $0.lower == "fraction" }), fraction >= 1,
            between[fraction - 1].lower == "a",
            fraction + 1 < between.count, between[fraction + 1].lower == "of", between.count - fraction - 2 <= 3,
            between[..<(fraction - 1)].allSatisfy({
                Self.copulas.contains($0.lower) || $0.lower == "just" || $0.lower == "only"
            })
        {
            let phraseStart = between[fraction - 1].range.lowerBound
            let end = between[fraction + 1].range.upperBound
            return (
                phraseStart..<end,
                String(decoding: sentence.text.utf8.dropFirst(phraseStart).prefix(end - phraseStart), as: UTF8.self),
                -1, true
            )
        }
        // Else a verb or a comparative, and the words left on each side of it.
        guard let at = between.firstIndex(where: { Self.orderWords.contains($0.lower) }) else { return nil }
        let word = between[at].lower
        let verb = Self.aboveVerbs.contains(word) || Self.belowVerbs.contains(word)
        let direction = Self.aboveVerbs.contains(word) || Self.greater.contains(word) ? 1 : -1
        var end = between[at].range.upperBound
        var after = Array(between[(at + 1)...])
        let phraseStart: Int
        if verb {
            // "A narrowly exceeded B": at most two adverbs before the verb, nothing else.
            guard at <= 2,
                between[..<at].allSatisfy({ $0.lower.hasSuffix("ly") || Self.degreeWords.contains($0.lower) })
            else { return nil }
            if Self.belowVerbs.contains(word), after.first?.lower == "behind" {
                end = after.removeFirst().range.upperBound
            }
            phraseStart = between[0].range.lowerBound
        } else {
            // "A, more than B's C" or "A was higher than B": a comma or a copula before the
            // comparative ("75% higher than" is a size of the difference, not an order).
            guard after.first?.lower == "than" else { return nil }
            end = after.removeFirst().range.upperBound
            let lead = sentence.text.utf8.dropFirst(first.range.upperBound - start).prefix(
                between[at].range.lowerBound - (first.range.upperBound - start))
            let copula = between[..<at].contains { Self.copulas.contains($0.lower) }
            guard lead.contains(UInt8(ascii: ",")) || copula else { return nil }
            phraseStart = between[at].range.lowerBound
        }
        // After it: the other figure's owner ("India's", "the", "that of"), a few words at most.
        guard after.count <= 3, !after.contains(where: { Self.orderWords.contains($0.lower) }) else { return nil }
        let text = String(decoding: sentence.text.utf8.dropFirst(phraseStart).prefix(end - phraseStart), as: UTF8.self)
        return (phraseStart..<end, text, direction, true)
    }

    /// "Chile tops the ranking with $10.2 billion, followed by Peru with $8.1 billion and then Mexico
    /// with $7.9 billion": in a sentence that ranks, "followed by" and "then" between two figures of
    /// one unit put the first above the second (below it when the ranking is of the smallest).
    /// A ranking may be by another measure than the figures shown, so the pair is not tied.
    private func rankingPhrase(
        between first: Mention, and second: Mention,
        in sentence: SentenceContext
    ) -> (range: Range<Int>, text: String, direction: Int, tied: Bool)? {
        let lower = Set(sentence.words.map(\.lower))
        guard !lower.isDisjoint(with: Self.rankingWords) else { return nil }
        let start = sentence.range.lowerBound
        let between = Array(sentence.words(in: (first.range.upperBound - start)..<(second.range.lowerBound - start)))
        guard between.count <= 8 else { return nil }
        let phraseWords: ArraySlice<SentenceWords.Word>
        if let followed = between.firstIndex(where: { $0.lower == "followed" }), followed + 1 < between.count,
            between[followed + 1].lower == "by"
        {
            phraseWords = between[followed...(followed + 1)]
        } else if let then = between.firstIndex(where: { $0.lower == "then" }) {
            phraseWords = between[then...then]
        } else {
            return nil
        }
        // After the phrase: the next one's name and "with" or "at", a few words at most.
        guard let last = phraseWords.last, let lastIndex = between.firstIndex(of: last),
            between.count - lastIndex - 1 <= 4,
            let firstWord = phraseWords.first
        else { return nil }
        let ascending = !lower.isDisjoint(with: ["smallest", "lowest", "least", "bottom", "cheapest"])
        let range = firstWord.range.lowerBound..<last.range.upperBound
        let text = String(decoding: sentence.text.utf8.dropFirst(range.lowerBound).prefix(range.count), as: UTF8.self)
        return (range, text, ascending ? -1 : 1, false)
    }

    /// "The programme ran from 2021 to 2019": a period that ends before it starts. Only the
    /// reversed ones are claims (every other "from 2019 to 2024" would be a claim with nothing to say).
    private func reversedPeriod(in sentence: SentenceContext, document: DocumentContext) -> ClaimDraft? {
        let years = sentence.mentionIndices.filter { [.year, .date].contains(document.mentions[$0].kind) }
        let start = sentence.range.lowerBound
        // The scanner reads "from 2021 to 2019" as one range of years.
        for index in years {
            let range = document.mentions[index]
            guard range.kind == .year, let end = range.rangeEnd, end < range.value,
                let word = range.text.split(separator: " ").first?.lowercased(), ["from", "between"].contains(word)
            else { continue }
            let local = (range.range.lowerBound - start)..<(range.range.upperBound - start)
            let context = MentionContext(mentionIndex: index, sentence: sentence, document: document)
            var draft = orderDraft(
                Self.periodId, phrase: (local, range.text, 1), figure: range, context: context,
                pair: StatedOperands(
                    subject: .point(end), base: .point(range.value), subjectText: String(Int(end)),
                    baseText: String(Int(range.value)), shape: range.text))
            draft.kind = .dateArithmetic
            return draft
        }
        for (position, index) in years.enumerated() where position + 1 < years.count {
            let (first, second) = (document.mentions[index], document.mentions[years[position + 1]])
            guard first.kind == second.kind, first.rangeEnd == nil, second.rangeEnd == nil, second.value < first.value,
                first.decimalText.count == second.decimalText.count
            else { continue }
            let between = sentence.words(in: (first.range.upperBound - start)..<(second.range.lowerBound - start)).map(
                \.lower)
            guard let leadWord = sentence.words(endingAtOrBefore: first.range.lowerBound - start).last else { continue }
            let lead = leadWord.lower
            guard
                lead == "from" && ["to", "until", "through"].contains(between.first ?? "")
                    || lead == "between" && between.first == "and",
                between.count == 1
            else { continue }
            let phraseStart = leadWord.range.lowerBound
            let phraseEnd = second.range.upperBound - start
            let text = String(
                decoding: sentence.text.utf8.dropFirst(phraseStart).prefix(phraseEnd - phraseStart), as: UTF8.self)
            let context = MentionContext(mentionIndex: years[position + 1], sentence: sentence, document: document)
            var draft = orderDraft(
                Self.periodId, phrase: (phraseStart..<phraseEnd, text, 1), figure: second, context: context,
                pair: StatedOperands(
                    subject: .point(second.value), base: .point(first.value), subjectText: second.text,
                    baseText: first.text, shape: text))
            draft.kind = .dateArithmetic
            return draft
        }
        return nil
    }

    /// "That rate of increase is a little higher than the 3.2 per cent rise": the sentence opens
    /// with a demonstrative and a noun pointing back to the nearest earlier figure of the unit
    /// the comparative's figure has.
    private func referentComparison(
        in sentence: SentenceContext, document: DocumentContext, claims: [ClaimDraft],
        bySentence: [Int: [Int]]
    ) -> ClaimDraft? {
        let words = sentence.words
        guard words.count >= 5, ["that", "this", "the"].contains(words[0].lower) else { return nil }
        guard let copula = words.prefix(6).firstIndex(where: { ["is", "was", "are", "were"].contains($0.lower) }),
            copula >= 2,
            let noun = words[1..<copula].first(where: { Self.referringNouns.contains($0.lower) })
        else { return nil }
        guard
            let comparative = words[(copula + 1)...].prefix(4).firstIndex(where: {
                Self.greater.contains($0.lower) || Self.smaller.contains($0.lower)
            }),
            comparative + 1 < words.count, words[comparative + 1].lower == "than"
        else { return nil }
        let thanEnd = words[comparative + 1].range.upperBound
        let start = sentence.range.lowerBound
        // The figure compared with: the first after "than", a few words on.
        guard
            let figureIndex = sentence.mentionIndices.first(where: {
                document.mentions[$0].range.lowerBound >= start + thanEnd
            })
        else { return nil }
        let figure = document.mentions[figureIndex]
        guard Self.orderedKinds.contains(figure.kind), figure.rangeEnd == nil, figure.hedge == .none,
            sentence.words(in: thanEnd..<(figure.range.lowerBound - start)).count <= 3
        else { return nil }
        // The referent: the nearest earlier claim of that unit (of a change, when the noun names one).
        let wantsChange =
            Self.changeNouns.contains(noun.lower) || words[1..<copula].contains { Self.changeNouns.contains($0.lower) }
        let earlier = stride(from: sentence.index - 1, through: max(0, sentence.index - Self.reach), by: -1)
            .flatMap { (bySentence[$0] ?? []).sorted(by: >) }
        guard
            let referent = earlier.lazy.map({ claims[$0] }).first(where: { claim in
                claim.mention.rangeEnd == nil
                    && claim.mention.sharesUnit(with: figure) && claim.mention.unit == figure.unit
                    && claim.mention.kind == figure.kind
                    && (!wantsChange || claim.kind == .change || claim.direction != 0)
            })
        else { return nil }
        let direction = Self.greater.contains(words[comparative].lower) ? 1 : -1
        let text = String(decoding: sentence.text.utf8.prefix(thanEnd), as: UTF8.self)
        let context = MentionContext(mentionIndex: figureIndex, sentence: sentence, document: document)
        var draft = orderDraft(
            Self.orderId, phrase: (0..<thanEnd, text, direction), figure: figure, context: context,
            pair: StatedOperands(
                subject: referent.stated, base: figure.interval, subjectText: referent.mention.text,
                baseText: figure.text,
                shape:
                    "\"\(words[0].text) \(noun.text)\" read as \(referent.mention.text), the nearest such figure before",
                tied: false))
        draft.entity = referent.entity
        draft.entityResolution = referent.entityResolution
        draft.period = referent.period
        return draft
    }

    /// "… exceeded India's 1.27 million bpd, and in March the gap grew much wider": the two
    /// entities of the order said just before, their figures for the period of the gap's clause.
    // Long: one gap-change shape read in steps that each narrow the same words and figures.
    private func gapChange(
        in sentence: SentenceContext, document: DocumentContext, claims: [ClaimDraft], bySentence: [Int: [Int]],
        pairs: [(sentence: Int, end: Int, subject: Int, base: Int)]
    ) -> ClaimDraft? {
        let words = sentence.words
        guard let nounAt = words.firstIndex(where: { Self.gapNouns.contains($0.lower) }), nounAt >= 1,
            words[nounAt - 1].lower == "the",
            let moveAt = words[(nounAt + 1)...].prefix(4).firstIndex(where: {
                Self.widening.contains($0.lower) || Self.narrowing.contains($0.lower)
            })
        else { return nil }
        let start = sentence.range.lowerBound
        var end = words[moveAt].range.upperBound
        if moveAt + 2 < words.count, ["wider", "narrower"].contains(words[moveAt + 2].lower) {
            end = words[moveAt + 2].range.upperBound
        }
        if moveAt + 1 < words.count, ["wider", "narrower"].contains(words[moveAt + 1].lower) {
            end = words[moveAt + 1].range.upperBound
        }
        let widens =
            Self.widening.contains(words[moveAt].lower)
            && !words[moveAt..<min(words.count, moveAt + 3)].contains { $0.lower == "narrower" }
        let gapStart = start + words[nounAt - 1].range.lowerBound
        guard
            let pair = pairs.suffix(8).last(where: {
                $0.sentence >= sentence.index - 1 && ($0.sentence < sentence.index || $0.end <= gapStart)
            })
        else { return nil }
        let (subject, base) = (claims[pair.subject], claims[pair.base])
        // The new period: said in the gap's clause, before the noun or right after the verb.
        let clause = sentence.clause(containing: words[nounAt].range.lowerBound)
        guard let firstEntity = subject.entity, let secondEntity = base.entity, firstEntity != secondEntity,
            let oldPeriod = subject.period, base.period?.key == oldPeriod.key,
            let newPeriod = sentence.periods.last(where: { clause.contains($0.range.lowerBound) }),
            newPeriod.period != oldPeriod.key
        else { return nil }
        func figure(of entity: String) -> ClaimDraft? {
            let window = max(0, sentence.index - Self.reach)...(sentence.index + Self.reach)
            let nearby: [ClaimDraft] = window.flatMap { bySentence[$0] ?? [] }.map { claims[$0] }
            let fitting = nearby.filter { (claim: ClaimDraft) -> Bool in
                guard claim.entity == entity, claim.period?.key == newPeriod.period, claim.mention.rangeEnd == nil
                else { return false }
                let sameMeasure =
                    subject.indicator == nil || claim.indicator == nil || claim.indicator == subject.indicator
                return sameMeasure && claim.mention.sharesUnit(with: subject.mention)
                    && claim.mention.unit == subject.mention.unit
            }
            return fitting.min { abs($0.sentenceIndex - sentence.index) < abs($1.sentenceIndex - sentence.index) }
        }
        guard let newFirst = figure(of: firstEntity), let newSecond = figure(of: secondEntity) else { return nil }
        let before = subject.stated - base.stated
        let after = newFirst.stated - newSecond.stated
        // The same one ahead both times, or "the gap" is not one quantity.
        let lead: Double = before.midpoint >= 0 ? 1 : -1
        guard after.midpoint * lead > 0 else { return nil }
        let text = String(
            decoding: sentence.text.utf8.dropFirst(words[nounAt - 1].range.lowerBound).prefix(
                end - words[nounAt - 1].range.lowerBound),
            as: UTF8.self)
        guard
            let mentionIndex = sentence.mentionIndices.first
                ?? document.sentences[subject.sentenceIndex].mentionIndices.first
        else { return nil }
        let host = sentence.mentionIndices.isEmpty ? document.sentences[subject.sentenceIndex] : sentence
        let context = MentionContext(mentionIndex: mentionIndex, sentence: host, document: document)
        var draft = orderDraft(
            Self.gapId, phrase: (words[nounAt - 1].range.lowerBound..<end, text, widens ? 1 : -1),
            figure: subject.mention, context: context,
            pair: StatedOperands(
                subject: after.scaled(by: lead), base: before.scaled(by: lead),
                subjectText: "\(newFirst.mention.text) − \(newSecond.mention.text)",
                baseText: "\(subject.mention.text) − \(base.mention.text)",
                shape: "\(firstEntity) against \(secondEntity) in \(newPeriod.period) and in \(oldPeriod.key)",
                tied: false))
        // The phrase is in this sentence, whichever sentence lent the context.
        draft.sentenceIndex = sentence.index
        draft.paragraph = sentence.paragraph
        draft.sentenceRange = sentence.range
        draft.mention.range = (start + words[nounAt - 1].range.lowerBound)..<(start + end)
        draft.mention.numberRange = draft.mention.range
        draft.entity = firstEntity
        draft.period = PeriodChoice(
            key: newPeriod.period, first: newPeriod.first, last: newPeriod.last, resolution: .said)
        return draft
    }
}

import FigCheckCore

/// Reads the claims of a document: every quantity is offered to the rules in order, sentence by
/// sentence, with the claims already read as memory for ellipsis and anaphora; comparisons and
/// changes are then linked to the figures they relate.
struct ClaimReader {
    let knowledge: ClaimKnowledge

    /// Mention kinds that are never claims on their own (they are the periods of other claims).
    static let periodKinds: Set<MentionKind> = [.year]
    /// How many earlier claims the rules and the linker look at.
    static let memory = 64

    /// Most claims read in a document of `textBytes` bytes: one per 40 bytes of text, and never
    /// fewer than 5,000. Past it the rest of the document is left unchecked (and the report says
    /// so). Honest prose has about one claim per kilobyte and a table of figures one per 20–40
    /// bytes, so a long report keeps every claim; a hostile run of bare figures ("1% 2% 3% …")
    /// cannot make a report many times the size of its input.
    static func maximumClaims(forTextBytes textBytes: Int) -> Int {
        max(5_000, textBytes / 40)
    }

    /// Reads every sentence; stops early when `budget` is spent (the pipeline then gives the
    /// document up).
    // Long: the claim rules run in order over each sentence within the budget and the proportional claim cap, then
    // the document-wide rules.
    func read(_ document: DocumentContext, budget: WorkBudget = .unlimited) -> [ClaimDraft] {
        let maximumClaims = Self.maximumClaims(forTextBytes: document.text.utf8.count)
        var drafts: [ClaimDraft] = []
        reading: for sentence in document.sentences {
            if budget.isSpent { break reading }
            for index in sentence.mentionIndices {
                if drafts.count >= maximumClaims { break reading }
                let mention = document.mentions[index]
                guard !Self.periodKinds.contains(mention.kind) else { continue }
                let context = MentionContext(mentionIndex: index, sentence: sentence, document: document)
                // The rules look back at the recent claims only, so a document with a million figures
                // stays linear (ellipsis and anaphora reach a few sentences back, not pages).
                // The slice must be gone before the append, or the append copies the whole array.
                var found: ClaimDraft?
                do {
                    let memory = drafts.suffix(Self.memory)
                    for rule in ClaimRules.all {
                        if let draft = rule.draft(context, knowledge: knowledge, drafts: memory) {
                            found = draft
                            break
                        }
                    }
                }
                if var found {
                    // The publisher the sentence cites, nearest the figure ("NATO put … at 2.16%").
                    found.namedSource =
                        sentence.sources.min {
                            abs($0.range.lowerBound - context.local.lowerBound)
                                < abs($1.range.lowerBound - context.local.lowerBound)
                        }?.source
                    // A basis the text states that the table does not share ("an inflation-adjusted
                    // rise" is not a change in current dollars).
                    let said = Self.statedBasis(context.clauseWords, knowledge: knowledge)
                    if let said { found.statedBasis = said.basis }
                    if found.unverifiableReason == nil, let said,
                        let indicator = found.indicator ?? found.denominator,
                        let table = knowledge.frames.basis(of: indicator),
                        table != said.basis
                    {
                        found.unverifiableReason =
                            "the text gives a \(said.basis) figure (\"\(said.phrase)\"); the bundled table of \(indicator.replacingOccurrences(of: "_", with: " ")) is \(table)"
                    }
                    // "45.000 €" is 45,000 or 45: nothing is checked on a figure read two ways.
                    if let other = found.mention.otherReading {
                        found.unverifiableReason =
                            "\"\(found.mention.text)\" reads as \(formatDecimal(found.mention.value)) or \(formatDecimal(other)) (a dot before three digits groups thousands in some conventions and marks decimals in others), and nothing in the text settles which"
                    }
                    drafts.append(found)
                }
            }
        }
        link(&drafts, document: document)
        // Wholes against the parts later sentences give of them.
        StatedPartsRule().apply(to: &drafts, document: document)
        // Claims about a year against the other years of its series, which may be said after them.
        if drafts.count < maximumClaims, !budget.isSpent {
            let claimed = Set(drafts.map(\.mention.range.lowerBound))
            let frames = knowledge.frames
            drafts += SeriesRule().drafts(
                in: document, claims: drafts, isGrowth: { frames.frames[$0]?.shapes.contains(.growth) == true }
            )
            .filter { !claimed.contains($0.mention.range.lowerBound) }
            // Orders the words assert between figures of the text ("A narrowly exceeded B").
            drafts += OrderRule().drafts(in: document, claims: drafts)
        }
        return drafts
    }

    /// The basis a clause states ("inflation-adjusted" → real), and the words that state it.
    static func statedBasis(_ words: [String], knowledge: ClaimKnowledge) -> (basis: String, phrase: String)? {
        for entry in knowledge.frames.basisPhrases where words.count >= entry.words.count {
            for start in 0...(words.count - entry.words.count)
            where Array(words[start..<(start + entry.words.count)]) == entry.words {
                return (entry.basis, entry.words.joined(separator: " "))
            }
        }
        return nil
    }

    /// Finds the two figures each comparison and change relates.
    private func link(_ drafts: inout [ClaimDraft], document: DocumentContext) {
        for position in drafts.indices
        where drafts[position].kind == .comparison && drafts[position].relation != nil
            || drafts[position].kind == .change
        {
            let draft = drafts[position]
            if draft.statedOperands != nil || !draft.statedPairs.isEmpty { continue }
            if draft.kind == .change {
                drafts[position].operands = changeOperands(draft, at: position, in: drafts)
                if drafts[position].operands.allSatisfy({ $0.subject == nil || $0.base == nil }),
                    let appositive = appositiveChangeOperands(draft, at: position, in: drafts, document: document)
                {
                    drafts[position].operands = [appositive]
                } else if drafts[position].operands.allSatisfy({ $0.subject == nil || $0.base == nil }),
                    let neighbour = neighbouringPair(draft, document: document)
                        ?? periodOnPeriodPair(draft, at: position, in: drafts, document: document)
                {
                    drafts[position].operands = []
                    drafts[position].statedOperands = neighbour
                }
            } else {
                drafts[position].operands = comparisonOperands(draft, at: position, in: drafts, document: document)
            }
        }
    }

    private func unitClass(_ draft: ClaimDraft) -> String {
        switch draft.mention.kind {
        case .percent: return "percent"
        case .currency: return "money"
        case .count, .number: return "count"
        default: return draft.mention.kind.rawValue
        }
    }

    private func isFigure(_ draft: ClaimDraft) -> Bool {
        [.value, .ratio, .share, .rate, .count].contains(draft.kind)
    }

    private func comparisonOperands(
        _ draft: ClaimDraft, at position: Int, in drafts: [ClaimDraft],
        document: DocumentContext
    ) -> [(subject: Int?, base: Int?)] {
        let sentence = document.sentences[draft.sentenceIndex]
        let local = draft.mention.range.upperBound - sentence.range.lowerBound
        // The base is the entity named after the figure ("China's", "that of the United States").
        let baseEntity = sentence.entities.first { $0.range.lowerBound >= local }?.code
        let window = max(0, position - Self.memory)..<min(drafts.count, position + Self.memory)
        let nearby = window.filter { index in
            index != position && isFigure(drafts[index]) && drafts[index].paragraph >= draft.paragraph - 1
                && drafts[index].sentenceIndex <= draft.sentenceIndex
                && (draft.relation != .percentOf || drafts[index].sentenceIndex == draft.sentenceIndex)
        }
        let subjects = nearby.filter {
            drafts[$0].entity == draft.entity && drafts[$0].mention.range.lowerBound < draft.mention.range.lowerBound
        }
        var bases = nearby.filter { index in
            if let baseEntity { return drafts[index].entity == baseEntity }
            return drafts[index].entity != draft.entity
                && drafts[index].mention.range.lowerBound < draft.mention.range.lowerBound
        }
        // "five times the 30% rate that followed": a figure right after the multiplier is the base,
        // and the subject is the figure of the same unit before it in the sentence.
        if let next = window.first(where: {
            drafts[$0].sentenceIndex == draft.sentenceIndex && isFigure(drafts[$0])
                && drafts[$0].mention.range.lowerBound > draft.mention.range.upperBound
                && (drafts[$0].mention.range.lowerBound - draft.mention.range.upperBound <= 12
                    || drafts[$0].mention.range.lowerBound - draft.mention.range.upperBound <= 40
                        && sentence.words(in: local..<(drafts[$0].mention.range.lowerBound - sentence.range.lowerBound))
                            .allSatisfy { ComparisonRule.comparatives.contains($0.lower) })
        }) {
            let before = window.filter {
                drafts[$0].sentenceIndex == draft.sentenceIndex && isFigure(drafts[$0])
                    && drafts[$0].mention.range.upperBound <= draft.mention.range.lowerBound
                    && unitClass(drafts[$0]) == unitClass(drafts[next])
            }
            if let subject = before.last { return [(subject, next)] }
        }
        if baseEntity == nil, let latest = bases.max() { bases = [latest] }
        var pairs: [(subject: Int, base: Int)] = []
        for subject in subjects.reversed() {
            for base in bases.reversed() where unitClass(drafts[subject]) == unitClass(drafts[base]) {
                pairs.append((subject, base))
            }
        }
        // Pairs measuring the same thing first.
        return pairs.sorted { lhs, rhs in
            let lhsSame = drafts[lhs.subject].indicator == drafts[lhs.base].indicator
            let rhsSame = drafts[rhs.subject].indicator == drafts[rhs.base].indicator
            return lhsSame && !rhsSame
        }.map { (subject: $0.subject, base: $0.base) }
    }

    /// "the number was 1,614,000, a rise of 10%": the figure the change is in apposition to is the
    /// newer one, and the base is the figure of the same unit said before it in the paragraph.
    /// Their measure is not known, so a mismatch is for review, never an error.
    private func appositiveChangeOperands(
        _ draft: ClaimDraft, at position: Int, in drafts: [ClaimDraft],
        document: DocumentContext
    ) -> (subject: Int?, base: Int?)? {
        guard draft.relation == .relativeChange || draft.relation == .difference, position > 0 else { return nil }
        let newer = position - 1
        let sentence = document.sentences[draft.sentenceIndex]
        guard drafts[newer].sentenceIndex == draft.sentenceIndex, isFigure(drafts[newer]),
            drafts[newer].mention.rangeEnd == nil
        else { return nil }
        let betweenStart = drafts[newer].mention.range.upperBound - sentence.range.lowerBound
        let between = sentence.words(
            in: betweenStart..<max(betweenStart, draft.mention.range.lowerBound - sentence.range.lowerBound)
        )
        .map(\.lower)
        let appositionWords: Set<String> = [
            "a", "an", "rise", "increase", "fall", "drop", "decline", "decrease", "gain", "jump", "of", "up",
            "down", "some", "about", "around", "roughly",
        ]
        guard !between.isEmpty, between.allSatisfy(appositionWords.contains),
            between.contains(where: {
                ["rise", "increase", "fall", "drop", "decline", "decrease", "gain", "jump", "up", "down"].contains($0)
            })
        else { return nil }
        // "an increase of 4.2 per cent on this year": the base is named, and it is not on the page.
        let after = sentence.words(startingAtOrAfter: draft.mention.range.upperBound - sentence.range.lowerBound).first?
            .lower
        if let after, Self.namedBaseWords.contains(after) { return nil }
        let window = max(0, newer - Self.memory)..<newer
        guard
            let base = window.last(where: { index in
                isFigure(drafts[index]) && drafts[index].paragraph == draft.paragraph
                    && drafts[index].mention.rangeEnd == nil
                    && drafts[index].mention.sharesUnit(with: drafts[newer].mention)
                    && drafts[index].indicator == drafts[newer].indicator
            })
        else { return nil }
        return (newer, base)
    }

    /// "wants to raise defence spending by 3.6 per cent next year." then "a 2025 spending proposal
    /// of 61.59 trillion won, up from 59.42 trillion won this year": a change with no figures of its
    /// own, over the pair a neighbouring sentence ties as newer and older, when the two sentences
    /// share a subject word. Being in another sentence, the pair is evidence for review, not an error.
    private func neighbouringPair(_ draft: ClaimDraft, document: DocumentContext) -> StatedOperands? {
        guard draft.relation == .relativeChange || draft.relation == .difference else { return nil }
        let sentence = document.sentences[draft.sentenceIndex]
        // "an increase of 4.2 per cent on this year": the base is named, and it is not on the page.
        let after = sentence.words(startingAtOrAfter: draft.mention.range.upperBound - sentence.range.lowerBound).first?
            .lower
        if let after, Self.namedBaseWords.contains(after) { return nil }
        let subject = MeasureWords.stems(of: sentence)
        for distance in [1, -1, 2, -2] {
            let index = draft.sentenceIndex + distance
            guard document.sentences.indices.contains(index),
                abs(document.sentences[index].paragraph - sentence.paragraph) <= 1,
                !subject.isDisjoint(with: MeasureWords.stems(of: document.sentences[index]))
            else { continue }
            let pairs = document.tiedPairs(inSentence: index).filter { found in
                draft.relation == .relativeChange || found.newer.kind == .percent
            }
            if pairs.count == 1 { return pairs[0].pair }
        }
        return nil
    }

    /// "India's purchases rose by 7 percent month-on-month in March": the entity's figures of the
    /// unit for March and for February, wherever the text gives them ("India's 1.36 million bpd" in
    /// a sentence about March, "India's 1.27 million bpd" in one about February), when there is one
    /// of each. Their measure is read from the entity and the periods alone: evidence for review.
    private func periodOnPeriodPair(
        _ draft: ClaimDraft, at position: Int, in drafts: [ClaimDraft],
        document: DocumentContext
    ) -> StatedOperands? {
        guard draft.relation == .relativeChange, let entity = draft.entity else { return nil }
        let sentence = document.sentences[draft.sentenceIndex]
        let end = draft.mention.range.upperBound - sentence.range.lowerBound
        let after = Array(sentence.words(startingAtOrAfter: end).prefix(8).map(\.lower))
        let monthsBack: Int
        if zip(after, zip(after.dropFirst(), after.dropFirst(2))).contains(where: {
            $0 == "month" && $1.0 == "on" && $1.1 == "month"
        }) {
            monthsBack = 1
        } else if zip(after, zip(after.dropFirst(), after.dropFirst(2))).contains(where: {
            $0 == "year" && $1.0 == "on" && $1.1 == "year"
        }) {
            monthsBack = 12
        } else {
            return nil
        }
        let clause = sentence.clause(containing: end)
        guard
            let newer = sentence.periods.first(where: {
                $0.range.lowerBound >= end && clause.contains($0.range.lowerBound)
            }),
            newer.first.year == newer.last.year, newer.first.month == newer.last.month
        else { return nil }
        var year = newer.first.year
        var month = newer.first.month - monthsBack
        while month < 1 { month += 12; year -= 1 }
        let newKey = String(format: "%04d-%02d", newer.first.year, newer.first.month)
        let baseKey = String(format: "%04d-%02d", year, month)
        let window = max(0, position - Self.memory)..<min(drafts.count, position + Self.memory)
        func levels(_ key: String) -> [Int] {
            window.filter { index in
                isFigure(drafts[index]) && drafts[index].entity == entity && drafts[index].mention.kind != .percent
                    && drafts[index].mention.rangeEnd == nil && drafts[index].period?.key == key
            }
        }
        // One pair of the same unit and measure (as far as it is read), or none.
        let pairs = levels(newKey).flatMap { newer in levels(baseKey).map { (newer, $0) } }.filter { newer, older in
            drafts[newer].mention.sharesUnit(with: drafts[older].mention)
                && drafts[newer].mention.unit == drafts[older].mention.unit
                && drafts[newer].indicator == drafts[older].indicator
        }
        guard pairs.count == 1 else { return nil }
        let (subject, base) = (drafts[pairs[0].0], drafts[pairs[0].1])
        return StatedOperands(
            subject: subject.stated, base: base.stated, subjectText: subject.mention.text, baseText: base.mention.text,
            shape: "\(subject.mention.text) in \(newKey) against \(base.mention.text) in \(baseKey)", tied: false)
    }

    /// Words after a change that name its base ("on this year", "since 2020"): a base not on the page.
    static let namedBaseWords: Set<String> = [
        "on", "over", "from", "compared", "than", "since", "against", "versus", "vs",
    ]

    private func changeOperands(_ draft: ClaimDraft, at position: Int, in drafts: [ClaimDraft]) -> [(
        subject: Int?, base: Int?
    )] {
        if draft.mention.kind == .multiplier {
            // "It doubled to 20%": the figure after the verb, against the same measure before it.
            let window = max(0, position - Self.memory)..<min(drafts.count, position + Self.memory)
            guard
                let newer = window.first(where: {
                    $0 > position && drafts[$0].sentenceIndex == draft.sentenceIndex
                        && isFigure(drafts[$0])
                })
            else { return [] }
            let older = window.last {
                $0 < position && isFigure(drafts[$0]) && drafts[$0].kind == drafts[newer].kind
                    && unitClass(drafts[$0]) == unitClass(drafts[newer])
            }
            return [(newer, older)]
        }
        // The figures of the same measure said before the change in its paragraph: the newest
        // period is the "to" figure; the base is the one of the period said ("since 2020", "on 2023").
        // Figures of no known measure are not "the same measure" as a change of no known measure.
        guard draft.indicator != nil else { return [] }
        var related = (max(0, position - Self.memory)..<position).filter { index in
            index < position && isFigure(drafts[index]) && drafts[index].paragraph == draft.paragraph
                && drafts[index].indicator == draft.indicator && drafts[index].period != nil
        }
        if related.contains(where: { drafts[$0].entity == draft.entity }) {
            related = related.filter { drafts[$0].entity == draft.entity }
        }
        // Every related figure has a period (the filter above); the fallback is never used.
        func periodEnd(_ index: Int) -> CalendarDate { drafts[index].period?.last ?? .januaryFirst(1) }
        let newestCandidates =
            draft.newPeriod.map { period in related.filter { drafts[$0].period?.key == period.key } } ?? related
        guard let newest = newestCandidates.max(by: { (periodEnd($0), $0) < (periodEnd($1), $1) })
        else {
            return []
        }
        // The base: the figure of the period said ("since 2020"); else, with no period said, the
        // oldest figure before it; else (nil) the table's figure for the period before.
        if let period = draft.period {
            return [(newest, related.first { drafts[$0].period?.key == period.key && $0 != newest })]
        }
        let older = related.filter { $0 != newest && periodEnd($0) < periodEnd(newest) }
        return [(newest, older.min { periodEnd($0) < periodEnd($1) })]
    }
}

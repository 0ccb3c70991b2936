import FigCheckClaims
import FigCheckCore

/// A figure the text states again: a headline's "profits drop 25%" over the body's "profits
/// dropped 25% to $121 billion …, down from $161 billion"; "Mrs X's 10% figure" after the sentence
/// that recomputes the 10%. The restatement has no operands of its own, so it takes the verdict of
/// the statement whose operands were found, when the evidence says they are one figure: the same
/// value in the same unit, the same direction, no two different entities, and a shared subject word
/// (in the recomputed figure's sentence or the sentences of its operands).
struct Restatements {
    /// The line of the original document a claim starts on.
    let lineOf: (ClaimDraft) -> Int

    /// How far apart, in claims, a restatement and its original may be: a headline and its
    /// paragraph are close, and the bound keeps a long document's pass linear.
    static let reach = 200

    /// The outcomes of `drafts` with each unchecked restatement given its original's recomputation.
    func adopt(_ drafts: [ClaimDraft], outcomes: inout [CheckOutcome], document: DocumentContext) {
        let recomputed = drafts.indices.filter { isInternalRecomputation(drafts[$0], outcomes[$0]) }
        guard !recomputed.isEmpty else { return }
        var subjectWords: [Int: Set<String>] = [:]
        func words(_ index: Int) -> Set<String> {
            if let known = subjectWords[index] { return known }
            var sentences = [drafts[index].sentenceIndex]
            for operand in drafts[index].operands {
                sentences += [operand.subject, operand.base].compactMap { $0.map { drafts[$0].sentenceIndex } }
            }
            let stems = Set(sentences).reduce(into: Set<String>()) {
                $0.formUnion(MeasureWords.stems(of: document.sentences[$1]))
            }
            subjectWords[index] = stems
            return stems
        }
        // A restatement may restate a restatement ("her 10% figure" after "unemployment had risen
        // 10%"), so the sources grow as verdicts are adopted; two rounds reach every chain the
        // texts write.
        var sources = recomputed
        for _ in 0..<2 {
            var adopted: [Int] = []
            for index in drafts.indices where isUnchecked(drafts[index], outcomes[index], document: document) {
                let restating = drafts[index]
                guard
                    let source = sources.first(where: { sourceIndex in
                        sourceIndex != index && abs(sourceIndex - index) <= Self.reach
                            && sameFigure(restating, drafts[sourceIndex])
                            && !words(index).isDisjoint(with: words(sourceIndex))
                    })
                else { continue }
                outcomes[index] = restated(restating, as: drafts[source], outcome: outcomes[source])
                adopted.append(index)
            }
            guard !adopted.isEmpty else { break }
            sources += adopted
        }
    }

    /// "leapt to more than ¥8 trillion in 2024" after "¥8.4 trillion" for that year; "for over 120
    /// countries" beside "127 countries": a bound restating a figure the text gives exactly. The
    /// nearest such figure (same unit and counted noun, no other entity or period, a shared subject
    /// word; one of the same period first) decides: within the bound it confirms the bound; outside
    /// it, the two are for review when both name the same entity and period, else nothing is said.
    // Long: one pass over the read claims pairing each bound with the nearest restatement; the matching conditions
    // are the documented rule.
    func adoptBounds(_ read: [ClaimDraft], outcomes: inout [CheckOutcome], document: DocumentContext) {
        // The claims as verification resolved them (a conversion's period is filled in there).
        let drafts = read.indices.map { outcomes[$0].resolved ?? read[$0] }
        let bounded: Set<Hedge> = [.over, .under, .atLeast, .atMost]
        let exact = drafts.indices.filter {
            drafts[$0].mention.hedge == .none && drafts[$0].mention.rangeEnd == nil
                && [.value, .count, .conversion, .rate].contains(drafts[$0].kind)
        }
        guard !exact.isEmpty else { return }
        // Each sentence's subject words, read once.
        var stemsBySentence: [Int: Set<String>] = [:]
        func stems(_ sentenceIndex: Int) -> Set<String> {
            if let known = stemsBySentence[sentenceIndex] { return known }
            let found = MeasureWords.stems(of: document.sentences[sentenceIndex])
            stemsBySentence[sentenceIndex] = found
            return found
        }
        for index in drafts.indices
        where (bounded.contains(drafts[index].mention.hedge) || drafts[index].mention.unit == "digits")
            && outcomes[index].verdict == .unverifiable
            && outcomes[index].primary == nil && [.value, .count].contains(drafts[index].kind)
            && drafts[index].mention.rangeEnd == nil
        {
            let bound = drafts[index]
            // The subject words of the bound's sentence and of the two before it in its paragraph
            // ("Japan spent ¥3.7 trillion on its military in 1988. … then leapt to more than ¥8 trillion").
            var subject = Set<String>()
            for sentenceIndex in max(0, bound.sentenceIndex - 2)...bound.sentenceIndex
            where document.sentences[sentenceIndex].paragraph == bound.paragraph {
                subject.formUnion(stems(sentenceIndex))
            }
            let nearby = exact[
                exact.partitioningIndex {
                    $0 >= index - Self.reach
                }..<exact.partitioningIndex { $0 > index + Self.reach }]
            // "double-digit growth" is a bound on a figure of any unit: the one followed by the same noun ("11.5% growth").
            let digits = bound.mention.unit == "digits"
            let candidates = nearby.filter { other in
                let figure = drafts[other]
                if digits {
                    return figure.mention.unit != "digits" && abs(figure.sentenceIndex - bound.sentenceIndex) <= 2
                        && nounAfter(figure, document) != nil
                        && nounAfter(figure, document) == nounAfter(bound, document)
                        && (figure.entity == nil || bound.entity == nil || figure.entity == bound.entity)
                }
                // Two figures of one sentence are two statements ("has not got to 2.5% but is above 2%").
                return figure.sentenceIndex != bound.sentenceIndex
                    && figure.mention.sharesUnit(with: bound.mention) && figure.mention.unit == bound.mention.unit
                    && countedNoun(figure, document) == countedNoun(bound, document)
                    && (figure.entity == nil || bound.entity == nil || figure.entity == bound.entity)
                    && (figure.period == nil || bound.period == nil || figure.period?.key == bound.period?.key)
                    && !subject.isDisjoint(with: stems(figure.sentenceIndex))
            }
            // Outside the bound, the two are for review only when both say the same entity and period.
            let understood: Set<Resolution> = [.said, .inSentence, .carried]
            func sameFrame(_ figure: ClaimDraft) -> Bool {
                bound.entity != nil && figure.entity == bound.entity && figure.period?.key == bound.period?.key
                    && [bound.period?.resolution, figure.period?.resolution].allSatisfy {
                        $0.map(understood.contains) ?? false
                    }
            }
            // A figure said for the same entity and period first, then one of the same period, then the nearest.
            func rank(_ other: Int) -> (Int, Int, Int) {
                let samePeriod = bound.period != nil && drafts[other].period?.key == bound.period?.key
                return (
                    sameFrame(drafts[other]) ? 0 : 1, samePeriod ? 0 : 1,
                    abs(drafts[other].sentenceIndex - bound.sentenceIndex)
                )
            }
            guard let nearest = candidates.min(by: { rank($0) < rank($1) }) else { continue }
            let figure = drafts[nearest]
            let within = bound.stated.overlaps(figure.stated)
            // Within it, a figure two sentences away or more is the same one only when both name the same entity and period.
            guard sameFrame(figure) || within && abs(figure.sentenceIndex - bound.sentenceIndex) <= 2 else { continue }
            let line = lineOf(figure)
            let primary = Recomputation(
                interval: figure.stated, formula: "restates(\(figure.mention.text), line \(line))", inputs: [],
                label: "the figure the text gives on line \(line)", display: figure.mention.text)
            outcomes[index] = CheckOutcome(
                verdict: within ? .consistent : .needsReview, primary: primary,
                message: "Stated \(bound.mention.text); the text gives \(figure.mention.text) on line \(line), "
                    + (within
                        ? "within the bound."
                        : "outside the bound: one of the two is wrong, or they are not the same figure."),
                hints: [], resolved: bound)
        }
    }

    /// The word right after a figure ("11.5% growth" → "growth").
    private func nounAfter(_ draft: ClaimDraft, _ document: DocumentContext) -> String? {
        let sentence = document.sentences[draft.sentenceIndex]
        return sentence.words(startingAtOrAfter: draft.mention.range.upperBound - sentence.range.lowerBound).first?
            .lower
    }

    /// The noun a count counts ("120 countries" → "countries"); nil for other figures.
    private func countedNoun(_ draft: ClaimDraft, _ document: DocumentContext) -> String? {
        [.count, .number].contains(draft.mention.kind) ? nounAfter(draft, document) : nil
    }

    /// A verdict recomputed from figures of the text itself (no table row among its inputs).
    private func isInternalRecomputation(_ draft: ClaimDraft, _ outcome: CheckOutcome) -> Bool {
        guard let primary = outcome.primary, outcome.verdict != .unverifiable, primary.inputs.isEmpty else {
            return false
        }
        return draft.kind == .change || draft.kind == .comparison
    }

    /// A change whose operands were not found, or a figure the words after it call a figure already given.
    private func isUnchecked(_ draft: ClaimDraft, _ outcome: CheckOutcome, document: DocumentContext) -> Bool {
        guard outcome.verdict == .unverifiable, outcome.primary == nil, draft.mention.otherReading == nil else {
            return false
        }
        if draft.kind == .change { return true }
        let sentence = document.sentences[draft.sentenceIndex]
        let next = sentence.words(startingAtOrAfter: draft.mention.range.upperBound - sentence.range.lowerBound).first?
            .lower
        return next.map(MeasureWords.referenceNouns.contains) ?? false
    }

    /// The same value in the same unit, no contrary direction, and not two different entities.
    private func sameFigure(_ restating: ClaimDraft, _ source: ClaimDraft) -> Bool {
        let (one, other) = (restating.mention, source.mention)
        guard one.kind == other.kind, one.value == other.value, one.rangeEnd == nil, other.rangeEnd == nil,
            one.unit == other.unit, one.currency == other.currency
        else { return false }
        if restating.direction != 0, source.direction != 0, restating.direction != source.direction { return false }
        if let entity = restating.entity, let sourceEntity = source.entity, entity != sourceEntity { return false }
        return true
    }

    private func restated(_ restating: ClaimDraft, as source: ClaimDraft, outcome: CheckOutcome) -> CheckOutcome {
        var verdict = outcome.verdict
        // An error found in the original is an error here only when the restatement names the same
        // entity; otherwise the shared words may tie two different figures.
        if verdict == .inconsistent,
            restating.entity == nil || restating.entity != source.entity || !restating.isConfident
        {
            verdict = .needsReview
        }
        let line = lineOf(source)
        return CheckOutcome(
            verdict: verdict, primary: outcome.primary,
            message:
                "Stated \(restating.mention.text), the figure given on line \(line), where it is recomputed: \(outcome.message)",
            hints: outcome.hints, nearMiss: outcome.nearMiss, resolved: restating)
    }
}

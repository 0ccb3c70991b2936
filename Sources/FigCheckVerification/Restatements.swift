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

    /// Nouns that refer back to a figure already given ("the 10% figure", "his $500 billion number").
    static let referenceNouns: Set<String> = ["figure", "number", "claim", "estimate", "statistic"]

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
            let stems = Set(sentences).reduce(into: Set<String>()) { $0.formUnion(MeasureWords.stems(of: document.sentences[$1])) }
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
                guard let source = sources.first(where: { sourceIndex in
                    sourceIndex != index && sameFigure(restating, drafts[sourceIndex])
                        && !words(index).isDisjoint(with: words(sourceIndex))
                }) else { continue }
                outcomes[index] = restated(restating, as: drafts[source], outcome: outcomes[source])
                adopted.append(index)
            }
            guard !adopted.isEmpty else { break }
            sources += adopted
        }
    }

    /// A verdict recomputed from figures of the text itself (no table row among its inputs).
    private func isInternalRecomputation(_ draft: ClaimDraft, _ outcome: CheckOutcome) -> Bool {
        guard let primary = outcome.primary, outcome.verdict != .unverifiable, primary.inputs.isEmpty else { return false }
        return draft.kind == .change || draft.kind == .comparison
    }

    /// A change whose operands were not found, or a figure the words after it call a figure already given.
    private func isUnchecked(_ draft: ClaimDraft, _ outcome: CheckOutcome, document: DocumentContext) -> Bool {
        guard outcome.verdict == .unverifiable, outcome.primary == nil, draft.mention.otherReading == nil else { return false }
        if draft.kind == .change { return true }
        let sentence = document.sentences[draft.sentenceIndex]
        let next = sentence.words(startingAtOrAfter: draft.mention.range.upperBound - sentence.range.lowerBound).first?.lower
        return next.map(Self.referenceNouns.contains) ?? false
    }

    /// The same value in the same unit, no contrary direction, and not two different entities.
    private func sameFigure(_ restating: ClaimDraft, _ source: ClaimDraft) -> Bool {
        let (one, other) = (restating.mention, source.mention)
        guard one.kind == other.kind, one.value == other.value, one.rangeEnd == nil, other.rangeEnd == nil,
              one.unit == other.unit, one.currency == other.currency else { return false }
        if restating.direction != 0, source.direction != 0, restating.direction != source.direction { return false }
        if let entity = restating.entity, let sourceEntity = source.entity, entity != sourceEntity { return false }
        return true
    }

    private func restated(_ restating: ClaimDraft, as source: ClaimDraft, outcome: CheckOutcome) -> CheckOutcome {
        var verdict = outcome.verdict
        // An error found in the original is an error here only when the restatement names the same
        // entity; otherwise the shared words may tie two different figures.
        if verdict == .inconsistent, restating.entity == nil || restating.entity != source.entity || !restating.isConfident {
            verdict = .needsReview
        }
        let line = lineOf(source)
        return CheckOutcome(verdict: verdict, primary: outcome.primary,
                            message: "Stated \(restating.mention.text), the figure given on line \(line), where it is recomputed: \(outcome.message)",
                            hints: outcome.hints, nearMiss: outcome.nearMiss, resolved: restating)
    }
}

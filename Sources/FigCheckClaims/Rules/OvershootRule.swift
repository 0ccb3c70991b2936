import FigCheckCore
import FigCheckData

/// "the $500 billion number he keeps using overshoots by $125 billion"; "which leaves his number too
/// high by about $164 billion": the error of a figure against the right one, as their difference.
/// The figure in error is the one the sentence makes the subject (or the earlier figure it calls
/// "his number"); the right one is the other figure of the unit in the sentence, else the last of
/// the sentence before. The right one is found by position, so a mismatch is for review.
struct OvershootRule: ClaimRule {
    let id = "overshoot"
    let kind = ClaimKind.comparison
    let summary = "By how much a figure overshoots or falls short of the right one (\"too high by $164 billion\")"
    let triggeringExamples = [
        "The gap came to $375 billion. The $500 billion figure he cites overshoots by «$125 billion».",
        "He cites a $500 billion number. The real total is about $336 billion, which leaves his number too high by «$164 billion».",
    ]
    let nonTriggeringExamples = [
        "The gap came to $375 billion. Exports rose by «$125 billion»."
    ]

    static let overWords: Set<String> = [
        "overshoots", "overshoot", "overshot", "overstates", "overstated", "overstate", "overestimates",
        "overestimated", "exaggerates", "exaggerated", "high",
    ]
    static let underWords: Set<String> = [
        "undershoots", "undershot", "understates", "understated", "understate", "underestimates",
        "underestimated", "low", "short",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.currency, .count, .percent, .percentagePoints].contains(mention.kind), mention.rangeEnd == nil else {
            return nil
        }
        let before = context.wordsBefore(3)
        guard before.last == "by", let verb = before.dropLast().last else { return nil }
        let over = Self.overWords.contains(verb) && (verb != "high" || before.dropLast(2).last == "too")
        let under =
            Self.underWords.contains(verb)
            && (!["low", "short"].contains(verb) || ["too", "falls", "fell"].contains(before.dropLast(2).last ?? ""))
        guard over || under else { return nil }
        let document = context.document
        let sentence = context.sentence
        let figures = sentence.mentionIndices.map { document.mentions[$0] }
            .filter {
                $0.range != mention.range && ![.year, .date, .ordinal].contains($0.kind) && $0.sharesUnit(with: mention)
                    && $0.rangeEnd == nil
            }
        let earlier = figures.filter { $0.range.upperBound <= mention.range.lowerBound }
        // The figure in error: the subject the sentence opens with ("The $500 billion figure … overshoots"), or
        // the earlier figure a noun names ("the claim", "his number": the last figure called a number before).
        var claimed: Mention?
        var right: Mention?
        let referring = sentence.words(in: context.clause.lowerBound..<context.local.lowerBound).contains {
            MeasureWords.referenceNouns.contains($0.lower)
        }
        if let subject = earlier.first, earlier.count == 1, !referring || referenceNounFollows(subject, in: sentence) {
            claimed = subject
        } else if referring, let named = lastNamedFigure(before: sentence.index, unitOf: mention, in: document) {
            claimed = named
            right = earlier.last
        }
        guard let claimed else { return nil }
        // Else the last figure of the unit in the three sentences before.
        for index in stride(from: sentence.index - 1, through: max(0, sentence.index - 3), by: -1) where right == nil {
            right = document.sentences[index].mentionIndices.map { document.mentions[$0] }
                .last {
                    $0.sharesUnit(with: mention) && $0.rangeEnd == nil && ![.year, .date, .ordinal].contains($0.kind)
                        && $0.range != claimed.range
                }
        }
        guard let right else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        let (subject, base) = over ? (claimed, right) : (right, claimed)
        draft.statedOperands = StatedOperands(
            subject: subject.interval, base: base.interval, subjectText: subject.text,
            baseText: base.text, shape: "\(subject.text) − \(base.text)", tied: false)
        return draft
    }

    /// "the $500 billion number": a figure followed by a noun that names it as a claim.
    private func referenceNounFollows(_ figure: Mention, in sentence: SentenceContext) -> Bool {
        let next = sentence.words(startingAtOrAfter: figure.range.upperBound - sentence.range.lowerBound).first?.lower
        return next.map(MeasureWords.referenceNouns.contains) ?? false
    }

    /// The last figure of the unit, in the sentences before, that a noun names as a claim ("the $500 billion number").
    private func lastNamedFigure(before index: Int, unitOf mention: Mention, in document: DocumentContext) -> Mention? {
        for sentenceIndex in stride(from: index - 1, through: max(0, index - 6), by: -1) {
            let sentence = document.sentences[sentenceIndex]
            if let named = sentence.mentionIndices.map({ document.mentions[$0] }).last(where: { figure in
                figure.sharesUnit(with: mention) && referenceNounFollows(figure, in: sentence)
            }) {
                return named
            }
        }
        return nil
    }
}

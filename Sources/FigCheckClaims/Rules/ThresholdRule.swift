import FigCheckCore
import FigCheckData

/// "the budget will top 60 trillion won for the first time": a threshold crossed now and not
/// before, against the newer and older figures of the measure the text ties as a pair ("61.59
/// trillion won, up from 59.42 trillion won") in the sentence or the two before it.
struct ThresholdRule: ClaimRule {
    let id = "threshold-crossing"
    let kind = ClaimKind.comparison
    let summary =
        "A threshold said to be crossed for the first time, against the newer and older figures the text gives"
    let triggeringExamples = [
        "Sales reached $5.4 billion, up from $4.8 billion. They will top «$5 billion» for the first time.",
        "Output passed «1 million» tonnes for the first time, climbing to 1.2 million tonnes from 0.9 million tonnes.",
    ]
    let nonTriggeringExamples = [
        "Sales reached $5.4 billion, up from $4.8 billion. They will top «$5 billion» next year.",
        "Sales will top «$5 billion» for the first time.",
    ]

    static let crossingVerbs: Set<String> = [
        "top", "tops", "topped", "exceed", "exceeds", "exceeded", "pass", "passes", "passed",
        "surpass", "surpasses", "surpassed", "cross", "crosses", "crossed", "break", "breaks",
        "broke", "breach", "breaches", "breached",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.currency, .count, .number, .measure, .percent].contains(mention.kind), mention.rangeEnd == nil,
            mention.hedge == .none,
            let verb = context.wordsBefore(1).first, Self.crossingVerbs.contains(verb),
            context.followedBy(["for", "the", "first", "time"], within: 2)
        else { return nil }
        // The pair nearest before the threshold: this sentence, then the two before it in the paragraph or the one before.
        let document = context.document
        let index = context.sentence.index
        for candidate in stride(from: index, through: max(0, index - 2), by: -1)
        where context.sentence.paragraph - document.sentences[candidate].paragraph <= 1 {
            let pairs = document.tiedPairs(inSentence: candidate).filter { $0.newer.sharesUnit(with: mention) }
            guard let found = pairs.last else { continue }
            var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
            draft.relation = .crossing
            draft.statedOperands = found.pair
            draft.take(context.resolveEntity(drafts: drafts))
            return draft
        }
        return nil
    }
}

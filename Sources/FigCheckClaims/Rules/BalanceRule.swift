import FigCheckCore
import FigCheckData

/// "Americans bought $505 billion of its goods, while it bought $130 billion of theirs, a
/// shortfall of roughly $375 billion": a gap named in apposition to the two amounts before it in
/// the sentence is their difference. Which amounts are meant is read from position alone, so a
/// mismatch is for review, never an error.
struct BalanceRule: ClaimRule {
    let id = "balance"
    let kind = ClaimKind.comparison
    let summary = "A gap, shortfall or surplus in apposition to the two amounts before it, as their difference"
    let triggeringExamples = [
        "Buyers spent $212 billion on its goods while it sold them $64 billion, a deficit of about «$148 billion»."
    ]
    let nonTriggeringExamples = [
        "The country ran a deficit of «$148 billion» last year.",
        "It sold $12 billion, $30 billion and $64 billion, a deficit of «$148 billion».",
    ]

    static let gapNouns: Set<String> = ["shortfall", "gap", "deficit", "surplus", "difference", "imbalance"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .currency, mention.rangeEnd == nil else { return nil }
        let before = context.wordsBefore(3)
        guard let of = before.lastIndex(of: "of"), of == before.count - 1, of > 0,
            Self.gapNouns.contains(before[of - 1])
        else { return nil }
        let amounts = context.sentence.mentionIndices.map { context.document.mentions[$0] }
            .filter { $0.range.upperBound <= mention.range.lowerBound && $0.kind == .currency }
        guard amounts.count == 2, amounts.allSatisfy({ $0.sharesUnit(with: mention) && $0.rangeEnd == nil }) else {
            return nil
        }
        let larger = amounts[0].value >= amounts[1].value ? amounts[0] : amounts[1]
        let smaller = amounts[0].value >= amounts[1].value ? amounts[1] : amounts[0]
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        draft.statedOperands = StatedOperands(
            subject: larger.interval, base: smaller.interval, subjectText: larger.text,
            baseText: smaller.text, shape: "\(larger.text) − \(smaller.text)", tied: false)
        return draft
    }
}

import FigCheckCore
import FigCheckData

/// "set aside 6.16 trillion won …, of which 3.2 trillion won would go to …": a part said of the
/// whole before it in the sentence cannot exceed it.
struct PartOfWholeRule: ClaimRule {
    let id = "part-of-whole"
    let kind = ClaimKind.comparison
    let summary = "A part (\"of which …\") against the whole it is said to belong to"
    let triggeringExamples = [
        "The fund holds $8.2 billion, of which «$3.1 billion» is in bonds."
    ]
    let nonTriggeringExamples = [
        "The fund holds $8.2 billion, and «$3.1 billion» is in bonds.",
        "The fund holds $8.2 billion, of which «40%» is in bonds.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.currency, .count, .number, .measure].contains(mention.kind), mention.rangeEnd == nil,
            context.wordsBefore(2) == ["of", "which"]
        else { return nil }
        guard
            let whole = context.sentence.mentionIndices.map({ context.document.mentions[$0] })
                .last(where: {
                    $0.range.upperBound <= mention.range.lowerBound && $0.sharesUnit(with: mention)
                        && $0.rangeEnd == nil
                })
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .partOf
        draft.statedOperands = StatedOperands(
            subject: whole.interval, base: .point(0), subjectText: whole.text, baseText: "its parts",
            shape: "\(mention.text) of \(whole.text)")
        return draft
    }
}

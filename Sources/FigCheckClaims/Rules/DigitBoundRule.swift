import FigCheckCore
import FigCheckData

/// "the only major economy with double-digit growth": a figure of two (or three) digits, [10, 100).
/// No table is checked against so loose a bound; it is confirmed, or questioned, by the exact
/// figure the text gives of the same thing (the restatements pass: "11.5% growth … double-digit
/// growth").
struct DigitBoundRule: ClaimRule {
    let id = "digit-bound"
    let kind = ClaimKind.value
    let summary =
        "\"Double-digit growth\": a bound of two or three digits, against the exact figure the text gives of it"
    let triggeringExamples = [
        "Forecasters see 11.5% growth for India, the only «double-digit» growth among large economies."
    ]
    let nonTriggeringExamples = [
        "Forecasters see exports «double» in 2025."
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.unit == "digits", context.mention.kind == .number else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.take(context.resolveEntity(drafts: drafts))
        return draft
    }
}

import FigCheckCore
import FigCheckData

/// "Three-quarters of the 28 members (19) voted yes"; "half of the 30 states (15)": a fraction of a
/// count with the count of the part in brackets. The words tie the three figures, so the part
/// over the whole, at the written precision of both counts, must be the fraction.
struct FractionOfCountRule: ClaimRule {
    let id = "fraction-of-count"
    let kind = ClaimKind.comparison
    let summary = "A fraction of a count with the part in brackets (\"three-quarters of the 28 members (19)\")"
    let triggeringExamples = [
        "«Three-quarters» of the 28 members (21) voted yes.",
        "Only «half» of the 30 states (15) have signed.",
    ]
    let nonTriggeringExamples = [
        "«Three-quarters» of the 28 members voted yes in 2021.",
        "«Half» of the budget (15%) goes to schools.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .fraction, mention.rangeEnd == nil, context.wordsAfter(1) == ["of"] else { return nil }
        let sentence = context.sentence
        let later = sentence.mentionIndices.map { context.document.mentions[$0] }.filter {
            $0.range.lowerBound >= mention.range.upperBound
        }
        // The whole right after "of (the)", then the part in brackets after the whole's noun.
        guard later.count >= 2, [.count, .number].contains(later[0].kind), [.count, .number].contains(later[1].kind),
            later[0].rangeEnd == nil, later[1].rangeEnd == nil
        else { return nil }
        let (whole, part) = (later[0], later[1])
        let start = sentence.range.lowerBound
        let toWhole = sentence.words(in: context.local.upperBound..<(whole.range.lowerBound - start)).map(\.lower)
        guard toWhole == ["of"] || toWhole == ["of", "the"] else { return nil }
        let bytes = Array(sentence.text.utf8)
        let partStart = part.range.lowerBound - start
        let partEnd = part.range.upperBound - start
        guard partStart >= 1, bytes[partStart - 1] == UInt8(ascii: "("), partEnd < bytes.count,
            bytes[partEnd] == UInt8(ascii: ")"),
            sentence.words(in: (whole.range.upperBound - start)..<partStart).count <= 3, part.value <= whole.value
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .ratio
        draft.statedOperands = StatedOperands(
            subject: part.interval, base: whole.interval, subjectText: part.text, baseText: whole.text,
            shape: "\(part.text) of \(whole.text)")
        return draft
    }
}

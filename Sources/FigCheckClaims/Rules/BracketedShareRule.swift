import FigCheckCore
import FigCheckData

/// "Of the 40 firms surveyed, 12 (30%) reported losses"; "12 of the 40 firms (30%)": a percentage
/// in brackets after a count is that count's share of the whole the sentence names with "of".
/// The words tie all three figures, so a mismatch is an error of the text.
struct BracketedShareRule: ClaimRule {
    let id = "bracketed-share"
    let kind = ClaimKind.comparison
    let summary =
        "A percentage in brackets after a count (\"12 (30%)\"), against the whole the sentence names with \"of\""
    let triggeringExamples = [
        "Of the 40 firms surveyed, 12 «(30%)» reported losses.",
        "Some 12 of the 40 firms «(30%)» reported losses.",
    ]
    let nonTriggeringExamples = [
        "Of the 40 firms surveyed, 12 reported losses «(30%)» this year.",
        "Sales reached 12 million «(30%)» in May.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .percent, mention.rangeEnd == nil else { return nil }
        let sentence = context.sentence
        let bytes = Array(sentence.text.utf8)
        let start = context.local.lowerBound
        guard start > 1, bytes[start - 1] == UInt8(ascii: "("),
            bytes[start - 2] == UInt8(ascii: " ") || bytes[start - 2] == UInt8(ascii: "(")
        else { return nil }
        let figures = sentence.mentionIndices.map { context.document.mentions[$0] }
            .filter {
                [.count, .number].contains($0.kind) && $0.rangeEnd == nil
                    && $0.range.upperBound <= mention.range.lowerBound
            }
        guard figures.count >= 2 else { return nil }
        func lead(_ figure: Mention) -> [String] {
            sentence.words(endingAtOrBefore: figure.range.lowerBound - sentence.range.lowerBound).suffix(2).map(\.lower)
        }
        // The whole is the figure "of" leads; the part is the other, and one of them ends right before the bracket.
        guard let whole = figures.last(where: { lead($0).last == "of" || lead($0) == ["of", "the"] }),
            let part = figures.last(where: { $0.range != whole.range }), part.value < whole.value
        else { return nil }
        // Right after the part ("12 (30%)"), or after the whole and its noun ("of the 40 firms (30%)").
        let wholeIsNearer = whole.range.upperBound > part.range.upperBound
        let nearest = (wholeIsNearer ? whole : part).range.upperBound - sentence.range.lowerBound
        let between = sentence.words(in: nearest..<start)
        guard between.isEmpty || (wholeIsNearer && between.count == 1) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .percentOf
        draft.statedOperands = StatedOperands(
            subject: part.interval, base: whole.interval, subjectText: part.text, baseText: whole.text,
            shape: "\(part.text) of \(whole.text)")
        return draft
    }
}

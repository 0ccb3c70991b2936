import FigCheckCore
import FigCheckData

/// "$150 billion for shipbuilding and $200 billion for chips, $350 billion in all"; "…, a total of
/// $350 billion": a total said after its parts in the same sentence, against their sum. Parts
/// that add up to less may be some of the parts only, and are not judged.
struct TotalOfPartsRule: ClaimRule {
    let id = "total-of-parts"
    let kind = ClaimKind.value
    let summary = "A total said after its parts (\"A for X and B for Y, C in all\"), against their sum"
    let triggeringExamples = [
        "The plan sets aside $140 billion for ports and $210 billion for rail, «$350 billion» in all.",
        "Donors pledged $140 billion for ports and $210 billion for rail, «$350 billion» in all, the ministry said.",
        "Donors gave 120 tents and 80 stoves, a total of «200» items.",
    ]
    let nonTriggeringExamples = [
        "The plan sets aside $150 billion for ports, and «$350 billion» in all was pledged by 2020 and 2024.",
        "Exports reached «$350 billion» in all of 2024.",
        "The bill has $50.5 billion for chips and $30.5 billion for research, among «$280 billion» in all.",
    ]
    static let kinds: Set<MentionKind> = [.currency, .count, .number]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard Self.kinds.contains(mention.kind), mention.rangeEnd == nil else { return nil }
        let after = context.wordsAfter(3)
        let before = context.wordsBefore(3)
        let totalAfter =
            after.starts(with: ["in", "all"]) && after.dropFirst(2).first != "of"
            || after.first == "altogether" || after.starts(with: ["in", "total"])
        let totalBefore = Array(before.suffix(3)) == ["a", "total", "of"] || before.last == "totalling"
        guard totalAfter || totalBefore else { return nil }
        let sentence = context.sentence
        let parts = sentence.mentionIndices.map { context.document.mentions[$0] }
            .filter { $0.range.upperBound <= mention.range.lowerBound && ![.year, .date].contains($0.kind) }
        guard parts.count >= 2,
            parts.allSatisfy({
                $0.sharesUnit(with: mention) && $0.unit == mention.unit && $0.rangeEnd == nil
                    && $0.hedge == .none
            })
        else { return nil }
        let start = sentence.range.lowerBound
        // A list: "A … and B" right before the total, with nothing but words between.
        let last = parts[parts.count - 1]
        let joined = sentence.words(
            in: (parts[parts.count - 2].range.upperBound - start)..<(last.range.lowerBound - start)
        )
        .contains { $0.lower == "and" }
        guard joined, sentence.words(in: (last.range.upperBound - start)..<context.local.lowerBound).count <= 5 else {
            return nil
        }
        // Parts that add up to less than the total may be some of its parts only ("among $280
        // billion in all"): nothing to say. More than the total, or the total itself, is checked.
        guard
            let sum = StatedOperands.parts(parts, of: mention.interval, shape: "the parts the sentence lists before it")
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .sum
        draft.statedOperands = sum
        draft.take(context.resolveEntity(drafts: drafts))
        return draft
    }
}

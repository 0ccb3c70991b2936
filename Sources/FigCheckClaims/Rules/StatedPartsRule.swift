import FigCheckCore

/// "a 2025 proposal worth 61.59 trillion won" … "Within the proposal, 18.07 trillion won goes to
/// arms and 43.52 trillion won to running costs": parts a later sentence gives of a whole stated
/// before. Parts that add up to the whole confirm it; parts that add up to more than the whole are
/// an error of the text (for review, as the whole is found by its noun and position); parts that
/// add up to less confirm nothing, since a sentence may name only some of them.
///
/// The parts may follow the whole by sentences, so this rule runs over the whole document after
/// the per-figure rules, and re-reads the whole's claim.
package struct StatedPartsRule: Sendable {
    package static let id = "stated-parts"
    package static let catalog: [(id: String, kind: ClaimKind, summary: String)] = [
        (id, .value, "A whole against the parts a later sentence gives of it (\"Within the plan, A and B\")")
    ]
    package static let examples: [(id: String, sentence: String, triggers: Bool)] = [
        (
            id,
            "The cabinet approved a plan worth «$61.59 billion». Within the plan, $18.07 billion goes to ports and $43.52 billion to roads.",
            true
        ),
        (
            id,
            "The cabinet approved a plan worth «$61.59 billion». Elsewhere, $18.07 billion goes to ports and $43.52 billion to roads.",
            false
        ),
    ]

    /// How many sentences back the whole may be.
    static let reach = 6

    func apply(to drafts: inout [ClaimDraft], document: DocumentContext) {
        for sentence in document.sentences {
            let words = sentence.words.prefix(3).map(\.lower)
            guard words.count == 3, ["within", "of"].contains(words[0]),
                ["the", "this", "that", "its"].contains(words[1]),
                let noun = MeasureWords.stem(words[2])
            else { continue }
            let parts = sentence.mentionIndices.map { document.mentions[$0] }.filter {
                $0.kind == .currency && $0.rangeEnd == nil
            }
            guard parts.count >= 2, let first = parts.first, parts.allSatisfy({ $0.sharesUnit(with: first) }) else {
                continue
            }
            // The whole: in the nearest earlier sentence naming the noun, the claim of the currency
            // nearest the noun ("a proposal worth 61.59 trillion won, up from 59.42 trillion won"),
            // larger than every part.
            var wholeIndex: Int?
            for earlier in stride(from: sentence.index - 1, through: max(0, sentence.index - Self.reach), by: -1)
            where wholeIndex == nil {
                let named = document.sentences[earlier]
                guard let nounWord = named.words.first(where: { MeasureWords.stem($0.lower) == noun }) else { continue }
                let nounAt = named.range.lowerBound + nounWord.range.lowerBound
                wholeIndex = drafts.indices.filter { index in
                    let whole = drafts[index]
                    return whole.sentenceIndex == earlier && whole.mention.sharesUnit(with: first)
                        && whole.mention.rangeEnd == nil
                        && parts.allSatisfy { $0.value < whole.mention.value }
                }.min {
                    abs(drafts[$0].mention.range.lowerBound - nounAt)
                        < abs(drafts[$1].mention.range.lowerBound - nounAt)
                }
            }
            guard let wholeIndex else { continue }
            let whole = drafts[wholeIndex]
            // Fewer than the whole: some parts only; nothing to say.
            guard
                let sum = StatedOperands.parts(
                    parts, of: whole.stated, shape: "the parts the text gives \"\(words.joined(separator: " "))\"",
                    tied: false)
            else { continue }
            var reread = whole
            reread.ruleId = Self.id
            reread.unverifiableReason = nil
            reread.relation = .sum
            reread.statedOperands = sum
            drafts[wholeIndex] = reread
        }
    }
}

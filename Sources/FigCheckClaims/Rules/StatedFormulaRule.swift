import FigCheckCore
import FigCheckData

/// "by €57 billion (= €203 billion – €146 billion)": a figure followed by the sum or difference
/// it comes from, in brackets. Both operands are on the page, so the arithmetic is checked.
struct StatedFormulaRule: ClaimRule {
    let id = "stated-formula"
    let kind = ClaimKind.comparison
    let summary =
        "A figure with the sum or difference it comes from in brackets (\"$57 billion (= $203 billion – $146 billion)\")"
    let triggeringExamples = [
        "The deficit narrowed by «€41 billion» (= €190 billion – €149 billion).",
        "Two-way trade came to «$900 billion» ($520 billion + $380 billion).",
    ]
    let nonTriggeringExamples = [
        "The deficit narrowed by «€41 billion» (about $44 billion).",
        "Prices rose «3%» (2% in 2023).",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.rangeEnd == nil, [.currency, .count, .number, .percent, .measure].contains(mention.kind) else {
            return nil
        }
        let bytes = Array(context.sentence.text.utf8)
        var cursor = context.local.upperBound
        func skipSpaces() { while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 } }
        skipSpaces()
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") else { return nil }
        cursor += 1
        skipSpaces()
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") { cursor += 1 }
        let figures = context.sentence.mentionIndices.map { context.document.mentions[$0] }
            .filter { $0.range.lowerBound >= mention.range.upperBound }
        guard figures.count >= 2 else { return nil }
        let first = figures[0], second = figures[1]
        let start = context.sentence.range.lowerBound
        // Only spaces between the bracket and the first operand, one operator between the two, and
        // the bracket closing right after the second.
        guard first.range.lowerBound - start >= cursor,
            bytes[cursor..<(first.range.lowerBound - start)].allSatisfy({ $0 == UInt8(ascii: " ") }),
            first.sharesUnit(with: mention), second.sharesUnit(with: mention)
        else { return nil }
        let operatorText = String(
            decoding: bytes[(first.range.upperBound - start)..<(second.range.lowerBound - start)], as: UTF8.self
        )
        .trimmingWhitespace()
        let closing = String(
            decoding: bytes[(second.range.upperBound - start)..<min(bytes.count, second.range.upperBound - start + 2)],
            as: UTF8.self
        ).trimmingWhitespace()
        guard closing.hasPrefix(")") else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        switch operatorText {
        case "-", "–", "−", "—": draft.relation = .difference
        case "+": draft.relation = .sum
        default: return nil
        }
        draft.statedOperands = StatedOperands(
            subject: first.interval, base: second.interval, subjectText: first.text, baseText: second.text,
            shape: "\(first.text) \(operatorText) \(second.text)")
        return draft
    }
}

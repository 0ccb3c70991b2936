import FigCheckCore
import FigCheckData

/// "India grows 6.2% in 2025 and 6.3% in 2026, a lead of over 2 points on China, at 4% and 4.6%":
/// a lead (gap, margin) in points between the figures said before it and the parallel figures
/// after it, period by period; it must hold for every period the sentence gives.
struct LeadRule: ClaimRule {
    let id = "lead"
    let kind = ClaimKind.comparison
    let summary = "A lead or gap in points between parallel figures of one sentence, period by period"
    let triggeringExamples = [
        "Poland's output grows 3.1% in 2025 and 3.4% in 2026, a lead of «over 2 percentage points» on Italy, at 0.7% in 2025 and 0.9% in 2026."
    ]
    let nonTriggeringExamples = [
        "Poland's output grows 3.1% in 2025, a lead of «2 percentage points» on the average.",
        "Its lead widened by «2 percentage points».",
    ]

    static let leadNouns: Set<String> = ["lead", "gap", "margin", "advantage", "edge"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .percentagePoints else { return nil }
        let before = context.wordsBefore(3)
        guard let of = before.lastIndex(of: "of"), of > 0, Self.leadNouns.contains(before[of - 1]) else { return nil }
        let figures = context.sentence.mentionIndices.map { context.document.mentions[$0] }
        // Each percentage with the year said right after it ("6.2 per cent in 2025").
        func periodOf(_ figure: Mention) -> Int? {
            guard let index = figures.firstIndex(of: figure), index + 1 < figures.count,
                figures[index + 1].kind == .year,
                figures[index + 1].range.lowerBound - figure.range.upperBound <= 6
            else { return nil }
            return Int(figures[index + 1].value)
        }
        let leaders = figures.filter {
            $0.kind == .percent && $0.range.upperBound <= mention.range.lowerBound && $0.rangeEnd == nil
        }
        let others = figures.filter {
            $0.kind == .percent && $0.range.lowerBound >= mention.range.upperBound && $0.rangeEnd == nil
        }
        guard !leaders.isEmpty, !others.isEmpty else { return nil }
        // Paired one to one, by the period after each when there are several.
        guard leaders.count == others.count, leaders.count == 1 || leaders.allSatisfy({ periodOf($0) != nil }) else {
            return nil
        }
        var pairs: [StatedOperands] = []
        for (leader, other) in zip(leaders, others) {
            if leaders.count > 1, periodOf(leader) != periodOf(other) { return nil }
            let year = periodOf(leader).map { " in \($0)" } ?? ""
            pairs.append(
                StatedOperands(
                    subject: leader.interval, base: other.interval, subjectText: leader.text,
                    baseText: other.text, shape: "\(leader.text) against \(other.text)\(year)"))
        }
        // The two sides are figures of one measure only when the lead is between them: the other
        // side is named right after the lead ("on China", "over the euro area").
        guard let next = context.wordsAfter(1).first, ["on", "over", "above", "ahead"].contains(next) else {
            return nil
        }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        draft.statedPairs = pairs
        return draft
    }
}

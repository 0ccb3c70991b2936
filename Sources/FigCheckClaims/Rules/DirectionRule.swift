import FigCheckCore
import FigCheckData

/// "to average $66/b in 2025 and then to decline to $59/b in 2026"; "climbed to 4.89 million bpd in
/// March, from 4.41 million bpd": a level reached by a rise or a fall, against the level the
/// sentence gives before it. Only the direction is claimed. A "from" pair ties the two figures;
/// a figure said earlier in the sentence is related by position, so a mismatch there is for review.
/// Figures a table can check (a growth rate, a GDP) are left to the value rule.
struct DirectionRule: ClaimRule {
    let id = "direction"
    let kind = ClaimKind.change
    let summary =
        "A level said to be reached by a rise or a fall (\"then to decline to $59\"), against the level before it"
    let triggeringExamples = [
        "Prices are expected to average $66 a barrel in 2025 and then to decline to «$59» in 2026.",
        "Shipments climbed to «4.9 million» tonnes in March, from 4.4 million tonnes in February.",
    ]
    let nonTriggeringExamples = [
        "Prices are expected to decline to «$59» a barrel in 2026.",
        "Shipments climbed to «4.9 million» tonnes in March.",
    ]

    static let rising: Set<String> = [
        "rise", "rises", "rose", "risen", "climb", "climbs", "climbed", "increase", "increases",
        "increased", "grow", "grows", "grew", "jump", "jumps", "jumped", "recover", "recovered", "rebound",
        "rebounded", "surge", "surged",
    ]
    static let falling: Set<String> = [
        "fall", "falls", "fell", "fallen", "decline", "declines", "declined", "drop", "drops", "dropped",
        "slip", "slips", "slipped", "ease", "eases", "eased", "sink", "sank", "slide", "slid", "shrink",
        "shrank", "plunge", "plunged",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.currency, .count, .number, .measure, .percent].contains(mention.kind), mention.rangeEnd == nil,
            let units = ClaimRules.unitsByMentionKind[mention.kind]
        else { return nil }
        let before = context.wordsBefore(2)
        guard before.count == 2, before[1] == "to" else { return nil }
        let direction = Self.rising.contains(before[0]) ? 1 : (Self.falling.contains(before[0]) ? -1 : 0)
        guard direction != 0, context.resolveIndicator(units: units, knowledge: knowledge, drafts: drafts) == nil else {
            return nil
        }
        let document = context.document
        let sentence = context.sentence
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .direction
        draft.direction = direction
        // Tied: "to B …, from A".
        if let tied = document.tiedPairs(inSentence: sentence.index).first(where: { $0.newer.range == mention.range }) {
            var pair = tied.pair
            pair.tied = true
            draft.statedOperands = pair
            return draft
        }
        // By position: the figure of the unit said before it in the sentence, with none between.
        let figures = sentence.mentionIndices.map { document.mentions[$0] }
            .filter {
                $0.range.upperBound <= mention.range.lowerBound && $0.sharesUnit(with: mention) && $0.rangeEnd == nil
            }
        guard let older = figures.last else { return nil }
        draft.statedOperands = StatedOperands(
            subject: mention.interval, base: older.interval, subjectText: mention.text, baseText: older.text,
            shape: "\(older.text), then \(before[0]) to \(mention.text)", tied: false)
        return draft
    }
}

import FigCheckCore
import FigCheckData

/// "the gap between the two countries widened … to $2,454", after "Japan's … at $33,785" and
/// "South Korea's … stood at $36,239": the gap between two entities is the difference of the
/// levels the text gives for them, each the first figure of the unit in the nearest sentence before
/// that names the entity. Found by position, the levels are evidence for review, never an error.
struct GapRule: ClaimRule {
    let id = "gap-between"
    let kind = ClaimKind.comparison
    let summary = "The gap between two entities, against the difference of the levels the text gives for them"
    let triggeringExamples = [
        "Chile's output per head was $17,310. Peru's stood at $8,120. The gap between the two countries grew to «$9,190»."
    ]
    let nonTriggeringExamples = [
        "Chile's output per head was $17,310. Peru's stood at $8,120. The gap between the two countries grew from «$8,900».",
        "Chile's output per head was $17,310. The gap grew to «$9,190».",
    ]

    static let gapNouns: Set<String> = ["gap", "difference", "distance", "lead"]
    /// How far back the levels may be, in sentences.
    static let reach = 4

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.currency, .count, .number, .percent].contains(mention.kind), mention.rangeEnd == nil else { return nil }
        let before = context.sentence.words(endingAtOrBefore: context.local.lowerBound).map(\.lower)
        // "the gap between …": the noun, then "between", before the figure; "from" marks the older gap.
        guard let between = before.lastIndex(of: "between"), between > 0, Self.gapNouns.contains(before[between - 1]),
            before.last != "from"
        else { return nil }
        let document = context.document
        let sentence = context.sentence
        // The two entities: named after "between", else the two of the levels just before.
        var levels: [(entity: String, figure: Mention)] = []
        for index in stride(from: sentence.index - 1, through: max(0, sentence.index - Self.reach), by: -1)
        where levels.count < 2 {
            let earlier = document.sentences[index]
            guard let entity = earlier.entities.first(where: { $0.possessive || $0.kind == "name" })?.code,
                !levels.contains(where: { $0.entity == entity }),
                let level = earlier.mentionIndices.map({ document.mentions[$0] })
                    .first(where: { $0.sharesUnit(with: mention) && $0.rangeEnd == nil && $0.unit == mention.unit })
            else { continue }
            levels.append((entity, level))
        }
        guard levels.count == 2 else { return nil }
        let (larger, smaller) =
            levels[0].figure.value >= levels[1].figure.value ? (levels[0], levels[1]) : (levels[1], levels[0])
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        draft.statedOperands = StatedOperands(
            subject: larger.figure.interval, base: smaller.figure.interval,
            subjectText: "\(larger.figure.text) (\(larger.entity))",
            baseText: "\(smaller.figure.text) (\(smaller.entity))",
            shape: "\(larger.figure.text) − \(smaller.figure.text)", tied: false)
        return draft
    }
}

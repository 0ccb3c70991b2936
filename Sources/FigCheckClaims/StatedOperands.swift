import FigCheckCore

/// The two figures a change or multiple relates, when the sentence itself ties them to it ("went
/// from 4.2% to 4.5%, a rise of 7%"; "fell 25% to $121 billion …, down from $161 billion"; "at
/// $33,785, down $1,444 (4.3%)"). The words that tie them are the evidence, so a mismatch is an
/// error of the text, not a guess of the reader.
package struct StatedOperands: Sendable {
    /// The newer figure (for a change against a level: the level now).
    package var subject: Interval
    /// The older figure (for a change against a level: the absolute change).
    package var base: Interval
    package var subjectText: String
    package var baseText: String
    /// How the sentence ties them, for the finding ("from … to …", "to … from …").
    package var shape: String
    /// Whether the words tie both figures to the relation as one measure ("from A to B"); figures
    /// related by position alone ("A …, B, a gap of C") make a mismatch for review only.
    package var tied: Bool

    package init(
        subject: Interval, base: Interval, subjectText: String, baseText: String, shape: String, tied: Bool = true
    ) {
        self.subject = subject
        self.base = base
        self.subjectText = subjectText
        self.baseText = baseText
        self.shape = shape
        self.tied = tied
    }
}

extension StatedOperands {
    /// Listed parts as a sum (the parts before the last, and the last), to check a whole against;
    /// nil when they add up to less than `whole`, since a sentence may name some of its parts only.
    static func parts(_ parts: [Mention], of whole: Interval, shape: String, tied: Bool = true) -> StatedOperands? {
        guard let last = parts.last else { return nil }
        let others = parts.dropLast().map(\.interval).reduce(.point(0), +)
        guard (others + last.interval).high >= whole.low else { return nil }
        return StatedOperands(
            subject: others, base: last.interval, subjectText: parts.dropLast().map(\.text).joined(separator: " + "),
            baseText: last.text, shape: "\(parts.map(\.text).joined(separator: " + ")), \(shape)", tied: tied)
    }
}

extension Mention {
    /// The interval the mention commits to.
    var interval: Interval { Interval(low: low, high: high, lowInclusive: lowInclusive, highInclusive: highInclusive) }

    /// The two ends of a "from A to B" range, each at its written precision.
    var fromToEnds: (from: Interval, to: Interval, fromText: String, toText: String)? {
        guard let end = rangeEnd, let low, let high, text.lowercased().hasPrefix("from "),
            let separator = text.range(of: " to ")
        else { return nil }
        // The interval spans both ends: its low bound belongs to the smaller end, which is the
        // "to" figure of a fall ("from 84 to 37").
        let rising = value <= end
        let fromHalf = rising ? value - low : high - value
        let toHalf = rising ? high - end : end - low
        let fromText = String(text[text.index(text.startIndex, offsetBy: 5)..<separator.lowerBound])
        let toText = String(text[separator.upperBound...])
        return (
            Interval(low: value - fromHalf, high: value + fromHalf), Interval(low: end - toHalf, high: end + toHalf),
            fromText, toText
        )
    }

    /// Whether two mentions measure in one unit (both percentages, both amounts of one currency, both counts).
    package func sharesUnit(with other: Mention) -> Bool {
        switch (kind, other.kind) {
        case (.currency, .currency): return currency == other.currency
        case (.percent, .percent), (.measure, .measure): return unit == other.unit
        case (.count, .count), (.number, .number), (.count, .number), (.number, .count): return true
        default: return false
        }
    }
}

extension MentionContext {
    /// The quantities of the sentence other than this figure, in order.
    private var otherFigures: [Mention] {
        sentence.mentionIndices.map { document.mentions[$0] }
            .filter { $0.range != mention.range && ![.year, .date, .ordinal].contains($0.kind) }
    }

    private func localStart(_ other: Mention) -> Int { other.range.lowerBound - sentence.range.lowerBound }

    /// The words strictly between this figure and another of the sentence, in either order.
    private func wordsBetween(_ other: Mention) -> [String] {
        other.range.lowerBound >= mention.range.upperBound
            ? words(from: mention, to: other) : words(from: other, to: mention)
    }

    /// The operands of a change or multiple the sentence states: a "from A to B" range in it, or
    /// "… X% to B …, (down|up) from A".
    func statedChangeOperands() -> StatedOperands? {
        let figures = otherFigures
        // "went from 4.2% to 4.5%, a rise of 7%"; "doubled, going from $78 billion to $172 billion".
        let ranges = figures.compactMap { other in other.fromToEnds.map { (other, $0) } }
        if let ends = ranges.min(by: { distance(toMention: $0.0) < distance(toMention: $1.0) })?.1 {
            return StatedOperands(
                subject: ends.to, base: ends.from, subjectText: ends.toText, baseText: ends.fromText,
                shape: "from \(ends.fromText) to \(ends.toText)")
        }
        // "going from $78 billion to a record $172 billion": two figures, "from" and "to" before them.
        for (index, older) in figures.enumerated() where leadWord(older) == "from" && index + 1 < figures.count {
            let newer = figures[index + 1]
            guard newer.sharesUnit(with: older), leadWord(newer) == "to",
                words(from: older, to: newer).allSatisfy({ $0 == "to" || Self.figureEpithets.contains($0) })
            else { continue }
            return StatedOperands(
                subject: newer.interval, base: older.interval, subjectText: newer.text, baseText: older.text,
                shape: "from \(older.text) to \(newer.text)")
        }
        // "fell 25% to $121 billion in 2023, down from a record $161 billion in 2022".
        guard wordsAfter(1).first == "to",
            let newer = figures.first(where: { $0.range.lowerBound > mention.range.upperBound }),
            wordsBetween(newer).allSatisfy({ $0 == "to" || Self.figureEpithets.contains($0) }),
            leadWord(newer) == "to"
        else { return nil }
        guard
            let older = figures.first(where: { other in
                other.range.lowerBound > newer.range.upperBound && other.sharesUnit(with: newer)
                    && leadWord(other) == "from"
            })
        else { return nil }
        return StatedOperands(
            subject: newer.interval, base: older.interval, subjectText: newer.text, baseText: older.text,
            shape: "to \(newer.text) from \(older.text)")
    }

    /// Words that may stand between "to" or "from" and its figure ("to a record $172 billion").
    static let figureEpithets: Set<String> = [
        "a", "an", "the", "record", "new", "high", "low", "peak", "all-time", "just", "only",
    ]

    /// The word that leads a figure, past the epithets between ("from a record $161 billion": from).
    private func leadWord(_ other: Mention) -> String? {
        sentence.words(endingAtOrBefore: localStart(other)).last { !Self.figureEpithets.contains($0.lower) }?.lower
    }

    /// The words between two figures of the sentence.
    private func words(from first: Mention, to second: Mention) -> [String] {
        let lower = first.range.upperBound - sentence.range.lowerBound
        let upper = localStart(second)
        return sentence.words(in: lower..<max(lower, upper)).map(\.lower)
    }

    /// A percentage change said beside the absolute change and the level it led to: "at $33,785,
    /// down $1,444 (4.3%)"; "$36,239, only $565 (1.6%) higher"; "$550 billion …, 9%, or $55
    /// billion, less than in 2023". The percentage is the change over the level before it:
    /// change ÷ (level − direction × change). Returns the operands and the direction (+1 up, −1 down).
    func statedLevelChange() -> (operands: StatedOperands, direction: Int)? {
        guard mention.kind == .percent, mention.rangeEnd == nil else { return nil }
        let figures = otherFigures
        let falling: Set<String> = ["down", "lower", "less", "fewer", "smaller", "below"]
        let rising: Set<String> = ["up", "higher", "more", "larger", "bigger", "above"]
        let change: Mention
        var directionWords: [String]
        if let previous = figures.last(where: { $0.range.upperBound <= mention.range.lowerBound }),
            [.currency, .count, .number].contains(previous.kind), wordsBetween(previous).isEmpty,
            localStart(mention) - (previous.range.upperBound - sentence.range.lowerBound) <= 3
        {
            // "down $1,444 (4.3%)": the change right before, the percentage in brackets.
            change = previous
            directionWords = [wordBefore(localStart(previous)) ?? ""] + wordsAfter(2)
        } else if let next = figures.first(where: { $0.range.lowerBound >= mention.range.upperBound }),
            [.currency, .count, .number].contains(next.kind), wordsBetween(next) == ["or"]
        {
            // "9%, or $55 billion, less than in 2023".
            change = next
            let after = sentence.words(startingAtOrAfter: next.range.upperBound - sentence.range.lowerBound).prefix(6)
                .map(\.lower)
            guard let index = after.firstIndex(where: { falling.contains($0) || rising.contains($0) }),
                after.dropFirst(index + 1).first == "than"
            else { return nil }
            directionWords = [after[index]]
        } else {
            return nil
        }
        let direction: Int
        if directionWords.contains(where: falling.contains) {
            direction = -1
        } else if directionWords.contains(where: rising.contains) {
            direction = 1
        } else {
            return nil
        }
        // The level: the nearest figure of the change's unit before it in the sentence.
        guard
            let level = figures.last(where: {
                $0.range.upperBound <= min(change.range.lowerBound, mention.range.lowerBound)
                    && $0.sharesUnit(with: change) && $0.rangeEnd == nil
            })
        else { return nil }
        return (
            StatedOperands(
                subject: level.interval, base: change.interval, subjectText: level.text, baseText: change.text,
                shape: "\(change.text) \(direction < 0 ? "down" : "up") to \(level.text)"), direction
        )
    }

    /// Bytes between this figure and another of the sentence.
    private func distance(toMention other: Mention) -> Int {
        let start = localStart(other)
        let end = other.range.upperBound - sentence.range.lowerBound
        return distance(start..<max(start, end))
    }
}

extension DocumentContext {
    /// The pairs of figures a sentence ties as the newer and the older value of one measure, with
    /// no change of its own between them: "from A to B"; "B, up from A"; "climbed to B in March,
    /// from A in February". A change said in another sentence may be over them ("wants to raise
    /// spending by 3.6%" before "a budget of 61.59 trillion won, up from 59.42 trillion won").
    func tiedPairs(inSentence index: Int) -> [(pair: StatedOperands, newer: Mention)] {
        let sentence = sentences[index]
        let figures = sentence.mentionIndices.map { mentions[$0] }.filter {
            ![.year, .date, .ordinal].contains($0.kind)
        }
        var pairs: [(pair: StatedOperands, newer: Mention)] = []
        for figure in figures {
            if let ends = figure.fromToEnds {
                pairs.append(
                    (
                        StatedOperands(
                            subject: ends.to, base: ends.from, subjectText: ends.toText, baseText: ends.fromText,
                            shape: "from \(ends.fromText) to \(ends.toText)", tied: false), figure
                    ))
            }
        }
        for (position, older) in figures.enumerated() where position > 0 && older.rangeEnd == nil {
            let start = older.range.lowerBound - sentence.range.lowerBound
            let lead = sentence.words(endingAtOrBefore: start).suffix(3).map(\.lower)
            guard lead.last == "from" else { continue }
            // The newer figure: the nearest before it in the same unit, a few words away ("61.59
            // trillion won (46.3 billion US dollars), up from 59.42 trillion won").
            guard let newer = figures[..<position].last(where: { $0.sharesUnit(with: older) && $0.rangeEnd == nil })
            else { continue }
            let between = sentence.words(in: (newer.range.upperBound - sentence.range.lowerBound)..<start).count
            guard between <= 10 else { continue }
            let direction = lead.dropLast().last
            let upDown = direction.map { ["up", "down", "rising", "falling", "higher", "lower"].contains($0) } ?? false
            let newerLead = sentence.words(endingAtOrBefore: newer.range.lowerBound - sentence.range.lowerBound).last?
                .lower
            guard upDown || newerLead == "to" else { continue }
            pairs.append(
                (
                    StatedOperands(
                        subject: newer.interval, base: older.interval, subjectText: newer.text, baseText: older.text,
                        shape: upDown
                            ? "\(newer.text), \(direction ?? "") from \(older.text)"
                            : "to \(newer.text) from \(older.text)", tied: false), newer
                ))
        }
        return pairs
    }
}

import FigCheckCore
import FigCheckData

/// A claim recogniser: decides whether a number, in its sentence, makes a claim of its kind and
/// what the claim is about. Each rule carries sentences it must and must not recognise, which one
/// parameterised test runs (as SwiftLint's rules do).
protocol ClaimRule: Sendable {
    /// Stable id, used in reports, suppressions and baselines.
    var id: String { get }
    var kind: ClaimKind { get }
    /// One line for `tool.driver.rules` and the docs.
    var summary: String { get }
    /// Sentences (in a document dated 2025-10-01 whose subject is KOR) in which the marked figure
    /// `«…»` must be claimed by this rule.
    var triggeringExamples: [String] { get }
    /// Sentences in which the marked figure must not be claimed by this rule.
    var nonTriggeringExamples: [String] { get }
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft?
}

/// The rules, in the order they are tried: the first that recognises a figure claims it.
public enum ClaimRules {
    static let all: [any ClaimRule] = [
        ConversionRule(), DateArithmeticRule(), RankRule(), ComparisonRule(), ChangeRule(), RateRule(), ShareRule(), RatioRule(),
        CountRule(), ValueRule(), DateRule(),
    ]

    /// The id, kind and summary of every rule, for reports and documentation.
    public static var catalog: [(id: String, kind: ClaimKind, summary: String)] {
        all.map { ($0.id, $0.kind, $0.summary) }
    }

    /// One example sentence of a rule: the figure marked «…» must (or must not) be claimed by it.
    public struct Example: Sendable, CustomStringConvertible {
        public var ruleId: String
        public var sentence: String
        public var triggers: Bool

        public var description: String { "\(ruleId) \(triggers ? "claims" : "does not claim"): \(sentence)" }
    }

    /// Every rule's triggering and non-triggering examples, for one parameterised test.
    public static var examples: [Example] {
        all.flatMap { rule in
            rule.triggeringExamples.map { Example(ruleId: rule.id, sentence: $0, triggers: true) }
                + rule.nonTriggeringExamples.map { Example(ruleId: rule.id, sentence: $0, triggers: false) }
        }
    }

    static let unitsByMentionKind: [MentionKind: Set<String>] = [
        .percent: ["percent"], .currency: ["USD"], .count: ["persons"], .number: ["persons", "LCU_per_USD", "mb/d"],
        .ordinal: ["rank"], .measure: ["mb/d"],
    ]

    static let gdpWords: Set<String> = ["gdp", "output", "economy"]
}

/// "as this year marks the 70th anniversary of the alliance"; "colonial rule for 36 years";
/// "after eight days in detention".
struct DateArithmeticRule: ClaimRule {
    let id = "date-arithmetic"
    let kind = ClaimKind.dateArithmetic
    let summary = "Anniversaries and durations recomputed from dates in the text or the events table"
    let triggeringExamples = [
        "The alliance was founded in 1953. This year marks its «70th» anniversary.",
        "Korea was under Japanese colonial rule for «36 years».",
        "Agents detained them on September 4 and flew them home on September 12, after «eight days».",
    ]
    let nonTriggeringExamples = [
        "It was the «first» summit of the two leaders.",
        "He was sentenced to «two years» in prison.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        if mention.kind == .ordinal, context.wordsAfter(2).contains(where: { $0.hasPrefix("anniversar") }) {
            var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
            draft.relation = .difference
            draft.indicator = "anniversary"
            return draft
        }
        guard mention.kind == .duration, let unit = mention.unit, ["years", "days", "months", "weeks"].contains(unit) else {
            return nil
        }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.relation = .difference
        // An event pair from the events table ("colonial rule"), or two dates said in the paragraph.
        if let cue = context.sentence.cues.first(where: { $0.indicator.hasSuffix("_start") }) {
            draft.indicator = cue.indicator
            draft.entity = context.resolveEntity(drafts: drafts)?.code
            return draft
        }
        if let dates = datesAround(context), dates.count >= 2 {
            draft.span = (dates[0].date, dates[dates.count - 1].date, dates[0].text, dates[dates.count - 1].text)
            return draft
        }
        // "Many Koreans speak of 36 years": the span of the paragraph's previous duration.
        if let previous = drafts.last(where: { $0.kind == .dateArithmetic && $0.paragraph == context.sentence.paragraph
                                               && $0.span != nil }) {
            draft.span = previous.span
            return draft
        }
        return nil
    }

    /// The dates said in the mention's sentence, else in its paragraph before it.
    private func datesAround(_ context: MentionContext) -> [(date: CalendarDate, text: String)]? {
        func dates(in sentence: SentenceContext) -> [(date: CalendarDate, text: String)] {
            sentence.periods.filter { $0.period.count >= 7 }.map { ($0.first, $0.text) }
        }
        let own = dates(in: context.sentence)
        if own.count >= 2 { return own }
        let paragraph = context.document.sentences.filter {
            $0.paragraph == context.sentence.paragraph && $0.index <= context.sentence.index
        }
        let all = paragraph.flatMap(dates)
        return all.count >= 2 ? Array(all.suffix(2)) : nil
    }
}

/// "the 6th most powerful military in the world"; "ranks South Korea's military 5th".
struct RankRule: ClaimRule {
    let id = "rank"
    let kind = ClaimKind.comparison
    let summary = "Rankings (\"the 6th most powerful\") looked up in ranking tables"
    let triggeringExamples = [
        "With a military rated as the «6th» most powerful in the world, South Korea exports arms.",
        "The 2024 Global Firepower list ranks South Korea's military «5th» in the world.",
    ]
    let nonTriggeringExamples = ["It was the «first» summit between the two leaders.", "On the «25th» of last month they met."]
    static let rankWords: Set<String> = ["most", "largest", "biggest", "place", "places", "placed", "position", "ranks", "ranked",
                                         "rank", "ranking", "world", "rated", "strongest", "came", "slipping", "slipped", "fell",
                                         "climbed", "rose", "held", "oecd", "among"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .ordinal else { return nil }
        let near = context.wordsAfter(3) + context.wordsBefore(3)
        guard near.contains(where: Self.rankWords.contains) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        if let cue = context.cues(units: ["rank"], knowledge: knowledge).first {
            draft.indicator = cue.indicator
        } else {
            draft.unverifiableReason = "no ranking table for \(context.sentence.cues.first?.text ?? "this ranking")"
        }
        draft.take(context.resolveEntity(drafts: drafts))
        draft.period = context.resolvePeriod(drafts: drafts)
        return draft
    }
}

/// "an outlay roughly three times larger"; "about 1.6 times China's"; "5.5 percentage points
/// higher than America's"; "about 42% of Japan's 124 million"; "roughly a third more than".
struct ComparisonRule: ClaimRule {
    let id = "comparison"
    let kind = ClaimKind.comparison
    let summary = "Ratios and differences between two figures of the same text, recomputed from them"
    let triggeringExamples = [
        "Korea pledged 20.4% of GDP and the EU 6.9%, meaning we promised an outlay roughly «three times» larger.",
        "The United States produced $29 trillion, about «1.6 times» China's $18.7 trillion.",
        "Russia's inflation, 8.4%, was «5.5 percentage points» higher than America's 3%.",
        "South Korea's population of 51.8 million is «about 42%» of Japan's 124 million.",
    ]
    let nonTriggeringExamples = [
        "The tariff «doubled» to 20% on March 4.",
        "Exports were worth «44.4%» of South Korea's GDP in 2024.",
    ]
    static let comparatives: Set<String> = ["larger", "higher", "more", "bigger", "greater", "as", "that", "smaller", "lower",
                                            "less", "the", "than"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        let after = context.wordsAfter(3)
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        switch mention.kind {
        case .multiplier where mention.unit == "times" && !["doubled", "tripled", "halved", "quadrupled"].contains(
            mention.text.lowercased().split(separator: " ").last.map(String.init) ?? ""):
            draft.relation = .ratio
        case .fraction where after.first == "more" || after.first == "larger" || after.first == "bigger":
            draft.relation = .excess
        case .percentagePoints where after.contains(where: { ["higher", "lower", "more", "less", "above", "below"].contains($0) }):
            draft.relation = .difference
        case .percent where after.count >= 2 && ["higher", "lower", "more", "less", "larger", "bigger", "greater", "smaller"]
                .contains(after[0]) && after[1] == "than":
            // "roughly 75% higher than in Italy": (A ÷ B − 1) as a percentage.
            draft.relation = .percentMore
        case .percent where after.first == "of":
            // "42% of Japan's 124 million": a percentage of another figure of the same sentence.
            let entity = context.sentence.entities.first { $0.range.lowerBound >= context.local.upperBound }
            let laterFigure = context.sentence.mentionIndices.first { index in
                let other = context.document.mentions[index]
                return other.range.lowerBound > mention.range.upperBound && [.count, .number, .currency].contains(other.kind)
            }
            let between = context.sentence.words.filter { word in
                word.range.lowerBound >= context.local.upperBound && word.range.upperBound <= (entity?.range.lowerBound ?? 0)
            }.map(\.lower)
            guard let entity, entity.possessive, between.first == "of", between.allSatisfy({ ["of", "the"].contains($0) }),
                  let laterFigure,
                  context.document.mentions[laterFigure].range.lowerBound - context.sentence.range.lowerBound
                    - entity.range.upperBound <= 4 else { return nil }
            draft.relation = .percentOf
        default:
            return nil
        }
        // The subject is the nearest country named before the figure ("we promised … three times
        // larger", "South Korea's population … is about 42% of Japan's"); the operands are matched
        // after the whole document is read (ClaimReader.link).
        if let subject = context.sentence.entities.last(where: { $0.range.upperBound <= context.local.lowerBound }) {
            draft.entity = subject.code
        } else {
            draft.take(context.resolveEntity(drafts: drafts))
        }
        return draft
    }
}

/// "has fallen by 40 percent since 2020"; "a rise of 1.7 percent"; "up 3 percent on 2023";
/// "it doubled to 20%".
struct ChangeRule: ClaimRule {
    let id = "change"
    let kind = ClaimKind.change
    let summary = "Changes (by N percent or points, doubled, halved) recomputed from the two figures"
    let triggeringExamples = [
        "Europe took 51% in 2020 and 11% in 2025; its share has fallen by «40 percent» since 2020.",
        "Spending reached 7.1% of GDP in 2024, up from 5.4% in 2023, a rise of «1.7 percent».",
        "The first tariff was 10%. It «doubled» to 20% on March 4.",
    ]
    let nonTriggeringExamples = [
        "India's economy grew «7.1%» in 2024.",
        "Consumer prices in Russia rose «8.4%» in 2024.",
        "Spending reached 7.1% of GDP in 2024, up from «5.4%» in 2023.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let verb = mention.text.lowercased()
        if mention.kind == .multiplier, ["doubled", "tripled", "halved", "quadrupled"].contains(where: verb.hasSuffix) {
            draft.relation = .ratio
        } else if mention.kind == .percent || mention.kind == .percentagePoints {
            let before = context.wordsBefore(3)
            let byChange = before.last == "by" && before.contains(where: { ["fallen", "fell", "risen", "rose", "grown", "grew",
                "dropped", "declined", "increased", "decreased", "shrunk", "climbed"].contains($0) })
            let nounChange = before.last == "of" && before.contains(where: { ["rise", "fall", "drop", "increase", "decrease",
                "decline", "gain", "jump"].contains($0) })
            let upDown = ["up", "down"].contains(before.last ?? "") && context.wordsAfter(1).first != "from"
            guard byChange || nounChange || upDown else { return nil }
            if let indicator = context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts)?.indicator,
               knowledge.frames.frames[indicator]?.shapes.contains(.growth) == true {
                // An indicator that is itself a change ("the economy grew 7.1%"): a value claim.
                return nil
            }
            draft.relation = mention.kind == .percent ? .relativeChange : .difference
            let falling = before.contains(where: { ["fallen", "fell", "dropped", "declined", "decreased", "down", "fall", "drop",
                                                    "decline", "decrease", "shrunk"].contains($0) })
            draft.direction = falling ? -1 : 1
            if falling { draft.sign = -1 }
        } else {
            return nil
        }
        draft.take(context.resolveEntity(drafts: drafts))
        // The change's measure is what its operands measure ("spending reached 7.1% of GDP …, a rise of 1.7 percent").
        draft.indicator = (context.resolveIndicator(units: ["percent"], knowledge: knowledge, drafts: drafts, shapeFree: true)
            ?? context.resolveIndicator(units: ["USD", "persons"], knowledge: knowledge, drafts: drafts, shapeFree: true))?.indicator
        // "since 2020", "on 2023": the base period; "in 2024": the period of the new figure.
        let after = context.sentence.periods.first { $0.range.lowerBound >= context.local.upperBound
            && $0.range.lowerBound - context.local.upperBound < 16 }
        if let after {
            let preposition = context.wordBefore(after.range.lowerBound) ?? ""
            let period = PeriodChoice(key: after.period, first: after.first, last: after.last, resolution: .said)
            if ["since", "on", "from", "over", "compared"].contains(preposition) {
                draft.period = period
            } else {
                draft.newPeriod = period
            }
        }
        return draft
    }
}

/// "tariffs of 145% on Chinese goods"; "reduced the number to 30% in April"; "urging European
/// partners to spend 5% of GDP on defense".
struct RateRule: ClaimRule {
    let id = "rate-in-force"
    let kind = ClaimKind.rate
    let summary = "Tariff rates and targets checked against the rate in force on the date said (timeline tables)"
    let triggeringExamples = [
        "President Trump threatened tariffs of «145%» on Chinese goods.",
        "Washington then reduced its tariff on Chinese goods to «30%» in April.",
        "Washington is urging European partners to spend «5%» of GDP on defense.",
    ]
    let nonTriggeringExamples = [
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "In 2020, «51%» of Russia's oil exports went to Europe.",
    ]
    static let targetWords: Set<String> = ["agreed", "agree", "target", "goal", "commit", "committed", "urging", "urged", "urge",
                                           "urges", "demand", "demanded", "demanding", "demands", "should", "must", "pledged",
                                           "presses", "pressing", "pressed", "asks", "asked", "asking", "calls", "called", "wants"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        let cues = context.cues(units: ["percent"], knowledge: knowledge)
        let words = context.sentenceWords
        let infinitive = zip(words, words.dropFirst()).contains { $0 == "to" && $1 == "spend" }
        // A defence share with a verb of demand or aim: the target, as set by whoever the target table's rows name.
        if let target = knowledge.targetIndicator, let military = cues.first,
           knowledge.frames.frames[military.indicator]?.role == "defence_share" || military.indicator == target,
           context.sentenceHas(Self.targetWords) || infinitive {
            draft.indicator = target
            draft.entity = knowledge.rowEntities[target]?.first
            draft.entityResolution = .guessed
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        let rateCue = cues.first.flatMap { knowledge.isTimeline($0.indicator) ? $0 : nil }
        // A rate carried from the paragraph needs a word pointing back to it ("cut it to 20%", "the rate").
        let stretch = Set(context.sentence.words(in: context.sincePreviousFigure(of: [.percent, .currency, .count, .number])).map(\.lower))
        // The figure before this one (a date between them, "on November 10 to 10%", does not count).
        let parallel = drafts.last { $0.ruleId != DateRule().id }
            .map { $0.kind == .rate && $0.sentenceIndex == context.sentence.index } ?? false
        let pointsBack = parallel || !stretch.isDisjoint(with: ["it", "rate", "rates", "tariff", "tariffs", "levy", "duty", "duties", "number"])
        let carried = cues.isEmpty && pointsBack ? drafts.last(where: { $0.kind == .rate && $0.paragraph == context.sentence.paragraph
                                                                          && $0.indicator != knowledge.targetIndicator }) : nil
        guard var indicator = rateCue?.indicator ?? carried?.indicator else { return nil }
        if rateCue == nil, let role = knowledge.frames.frames[indicator]?.role, role.hasPrefix("layer_of:") {
            // "the combined rate", "the rate": the total, whichever layer the paragraph began with.
            indicator = String(role.dropFirst("layer_of:".count))
        }
        draft.indicator = indicator
        draft.indicatorResolution = rateCue == nil ? .carried : .said
        // "down from 126.5%": the rate a change started from, whose date the text does not give.
        if context.wordsBefore(1) == ["from"] {
            draft.unverifiableReason = "the rate a change started from, without the date it applied"
            return draft
        }
        if let reason = context.outOfScopeReason {
            draft.unverifiableReason = reason
            return draft
        }
        // The rows are keyed by the country whose goods are taxed; "Washington raised its levy on
        // Chinese goods" names both, and the one with rows is taken.
        let imposing = knowledge.rowPartners[indicator] ?? []
        let named = context.sentence.entities.map(\.code).filter { !imposing.contains($0) }
        draft.entity = named.first ?? carried?.entity ?? drafts.last(where: { $0.kind == .rate && $0.entity != nil })?.entity
        // Carried only by a word pointing back; a rate merely following another may be of anyone.
        draft.entityResolution = !named.isEmpty ? .said : (carried != nil ? .carried : .guessed)
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator)
        draft.direction = context.direction
        return draft
    }
}

/// "In 2020, 51% of Russia's oil exports went to Europe"; "China … purchasing over 90%".
struct ShareRule: ClaimRule {
    let id = "share-by-partner"
    let kind = ClaimKind.share
    let summary = "Shares of a whole by partner (oil exports by destination) looked up with scope and period"
    let triggeringExamples = [
        "In 2020, «51%» of Russia's oil exports went to Europe.",
        "China is the largest buyer of Iranian crude, purchasing «over 90%».",
    ]
    let nonTriggeringExamples = ["Exports were worth «44.4%» of South Korea's GDP in 2024."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        let cue = context.cues(units: ["percent"], knowledge: knowledge).first
        let carried = drafts.last { $0.kind == .share && $0.paragraph == context.sentence.paragraph }
        guard let shareIndicator = knowledge.shareIndicator,
              cue?.indicator == shareIndicator || (cue == nil && carried != nil) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.indicator = shareIndicator
        let words = Set(context.sentenceWords)
        draft.scope = knowledge.frames.scope(in: words)
        // Entity (exporter) and partner (destination) are matched against the rows in verification;
        // here the candidates are the clause's, else the sentence's, else the carried claim's.
        var named = context.sentence.entities.filter { context.clause.contains($0.range.lowerBound) }.map(\.code)
        if named.isEmpty { named = context.sentence.entities.map(\.code) }
        if words.contains("europe") { named.append("Europe") }
        if named.count < 2, let carried, let entity = carried.entity {
            named = [entity, carried.partner].compactMap { $0 } + named
            draft.entityResolution = .carried
        }
        draft.entity = named.first
        draft.partner = named.dropFirst().first
        draft.candidates = named
        // "… and 55% went to Syria": a new destination for the exporter of the claim before.
        var clauseNamed = context.sentence.entities.filter { context.clause.contains($0.range.lowerBound) }.map(\.code)
        if context.clauseWords.contains("europe") { clauseNamed.append("Europe") }
        if let carried, let exporter = carried.entity, clauseNamed.count == 1, clauseNamed[0] != exporter,
           clauseNamed[0] != carried.partner, !context.clauseWords.contains(where: { ["of", "from"].contains($0) }) {
            draft.entity = exporter
            draft.partner = clauseNamed[0]
            draft.candidates = [exporter, clauseNamed[0]]
        }
        draft.period = context.resolvePeriod(drafts: drafts, indicator: shareIndicator)
        if draft.period == nil, let carried, carried.paragraph == context.sentence.paragraph {
            draft.period = carried.period.map { var period = $0; period.resolution = .carried; return period }
        }
        return draft
    }
}

/// "The $350 billion we pledged … amounts to 20.4% of last year's nominal GDP"; "including
/// energy purchases, it reaches 25%"; "Japan's … stood at 13.1% of its GDP, and the EU's at 6.9%".
struct RatioRule: ClaimRule {
    let id = "ratio-of-gdp"
    let kind = ClaimKind.ratio
    let summary = "An amount as a percentage of an indicator (GDP), recomputed from the amount and the table"
    let triggeringExamples = [
        "The $350 billion we pledged to invest in the U.S. amounts to «20.4%» of last year's nominal GDP.",
        "Japan's U.S.-bound investment stood at «13.1%» of its GDP.",
    ]
    let nonTriggeringExamples = [
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "Exports of goods and services were worth «44.4%» of South Korea's GDP in 2024.",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard context.mention.kind == .percent else { return nil }
        let after = context.wordsAfter(5)
        let ofGDP = after.first == "of" && after.contains(where: RatioRule.isGDPWord)
        // A percent-of-GDP indicator named in the sentence makes it a value claim instead.
        if !context.cues(units: ["percent"], knowledge: knowledge).isEmpty { return nil }
        let previous = drafts.last { $0.kind == .ratio && $0.paragraph == context.sentence.paragraph }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        guard let gdp = knowledge.gdpIndicator else { return nil }
        draft.denominator = gdp
        draft.take(context.resolveEntity(drafts: drafts))
        let amountCues = context.cues(units: ["USD"], knowledge: knowledge).filter { $0.indicator != gdp }
            .sorted { ($0.range.lowerBound < context.local.lowerBound ? 0 : 1, context.distance($0.range))
                < ($1.range.lowerBound < context.local.lowerBound ? 0 : 1, context.distance($1.range)) }
        let statedAmount = context.sentence.mentionIndices.map { context.document.mentions[$0] }.last {
            $0.kind == .currency && $0.currency == "USD" && $0.range.upperBound <= context.mention.range.lowerBound
        }
        if ofGDP {
            if let statedAmount, let previous, context.sentenceHas(["total", "add", "adding", "altogether", "combined"]),
               previous.entity == draft.entity {
                // "Add the $100 billion of energy purchases and the total comes to 24% of GDP".
                draft.numerator = previous.numerator + [.stated(statedAmount)]
                draft.numeratorIndicators = previous.numeratorIndicators + [amountCues.first?.indicator ?? "amount"]
            } else if let statedAmount {
                draft.numerator = [.stated(statedAmount)]
                draft.numeratorIndicators = [amountCues.first?.indicator ?? "amount"]
            } else if let cue = amountCues.first, let entity = draft.entity {
                draft.numerator = [.lookup(indicator: cue.indicator, entity: entity)]
                draft.numeratorIndicators = [cue.indicator]
            } else if let previous, let entity = draft.entity {
                draft.numerator = previous.numeratorIndicators.map { .lookup(indicator: $0, entity: entity) }
                draft.numeratorIndicators = previous.numeratorIndicators
            } else {
                // "Russia spent 7.1% of its GDP": no amount, so a share-of-GDP value (ValueRule).
                return nil
            }
        } else if let previous, context.sentence.paragraph == previous.paragraph,
                  context.sentenceHas(["it", "its", "the", "and"]) {
            // Ellipsis: the same measure again, for another entity or with a component added.
            draft.period = previous.period
            draft.numeratorIndicators = previous.numeratorIndicators
            if draft.entity == previous.entity || draft.entityResolution == .carried {
                draft.entity = previous.entity
                draft.numerator = previous.numerator
            } else if let entity = draft.entity {
                draft.numerator = previous.numeratorIndicators.map { .lookup(indicator: $0, entity: entity) }
            }
            draft.indicatorResolution = .carried
        } else {
            return nil
        }
        // "including energy purchases": a component named since the previous figure joins the numerator.
        let stretch = context.sincePreviousFigure(of: [.percent])
        let stretchWords = Set(context.sentence.words(in: stretch).map(\.lower))
        if !stretchWords.isDisjoint(with: ["including", "with", "add", "plus", "counting", "adding"]) {
            for cue in amountCues where !draft.numeratorIndicators.contains(cue.indicator) && stretch.contains(cue.range.lowerBound) {
                if let stated = context.sentence.mentionIndices.map({ context.document.mentions[$0] }).first(where: {
                    $0.kind == .currency && abs(($0.range.lowerBound - context.sentence.range.lowerBound) - cue.range.lowerBound) < 30
                    && !draft.numerator.contains(.stated($0))
                }) {
                    if context.sentenceHas(["including"]), draft.numerator.contains(where: { if case .stated = $0 { return true }; return false }) {
                        draft.uncertainties.append("whether the \(cue.text) are part of the amount or added to it")
                    } else {
                        draft.numerator.append(.stated(stated))
                    }
                } else if let entity = draft.entity {
                    draft.numerator.append(.lookup(indicator: cue.indicator, entity: entity))
                }
                draft.numeratorIndicators.append(cue.indicator)
            }
        }
        if draft.period == nil || ofGDP { draft.period = gdpYear(context, drafts: drafts) }
        return draft
    }

    static func isGDPWord(_ word: String) -> Bool { ClaimRules.gdpWords.contains(word) }

    /// The year of the GDP: said next to it ("last year's", "its 2024 GDP"), else nil (the default).
    private func gdpYear(_ context: MentionContext, drafts: ArraySlice<ClaimDraft>) -> PeriodChoice? {
        let periods = context.sentence.periods.filter { $0.range.lowerBound >= context.local.upperBound && $0.period.count == 4 }
        if let said = periods.first, said.range.lowerBound - context.local.upperBound < 30 {
            return PeriodChoice(key: said.period, first: said.first, last: said.last, resolution: .said)
        }
        return nil
    }
}

/// "300 Korean workers were detained".
struct CountRule: ClaimRule {
    let id = "count"
    let kind = ClaimKind.count
    let summary = "Counts of people or things looked up in the curated events table"
    let triggeringExamples = ["On the 4th, «300» Korean workers were detained over visa issues."]
    let nonTriggeringExamples = ["India had «1.45 billion» people in 2024."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        guard [.count, .number].contains(context.mention.kind) else { return nil }
        guard let cue = context.cues(units: ["persons"], knowledge: knowledge).first,
              !knowledge.isAnnualSeries(cue.indicator) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.indicator = cue.indicator
        draft.take(context.resolveEntity(drafts: drafts))
        draft.candidates = context.sentence.entities.map(\.code)
        draft.period = context.resolvePeriod(drafts: drafts, indicator: cue.indicator)
        return draft
    }
}

/// "Korea's nominal GDP was $1.71 trillion in 2023"; "Poland spent 4.2% of GDP on its military".
struct ValueRule: ClaimRule {
    let id = "value"
    let kind = ClaimKind.value
    let summary = "A figure of an indicator for an entity and period, looked up in the reference tables"
    let triggeringExamples = [
        "India had «1.45 billion» people in 2024.",
        "Poland spent «4.2%» of GDP on its military in 2024.",
        "Japan pledged «$550 billion».",
    ]
    let nonTriggeringExamples = ["The treaty was signed in «1953».", "It was the «first» summit."]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard let units = ClaimRules.unitsByMentionKind[mention.kind], mention.kind != .ordinal else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        if mention.kind == .currency, let currency = mention.currency, currency != "USD" {
            // "61.59 trillion won": a claim all the same, which no table in dollars can check.
            draft.unverifiableReason = "an amount in \(currency); the bundled tables of amounts are in US dollars"
            // Its period still dates a conversion that follows it ("a 2025 budget of 61.59 trillion won ($46.3 billion)").
            draft.take(context.resolveEntity(drafts: drafts))
            draft.period = context.resolvePeriod(drafts: drafts)
            return draft
        }
        if let reason = context.outOfScopeReason {
            draft.unverifiableReason = reason
            return draft
        }
        guard let indicator = context.resolveIndicator(units: units, knowledge: knowledge, drafts: drafts) else {
            // A spelled-out small number with nothing to measure ("one battery", "one-sidedly") is no claim.
            if [.count, .number].contains(mention.kind), mention.scale == nil, mention.value < 100,
               mention.text.first?.isLetter == true {
                return nil
            }
            draft.unverifiableReason = "no reference table was found for what this figure measures"
            return draft
        }
        draft.indicator = indicator.indicator
        draft.indicatorResolution = indicator.resolution
        // "Unemployment ended 2024 at 6.6%": the rate at the end of the period, not its average.
        let before = context.sentence.words.filter { $0.range.upperBound <= context.local.lowerBound
            && context.clause.contains($0.range.lowerBound) }.map(\.lower)
        if context.figureShape == .level, before.contains("ended") || zip(before, before.dropFirst()).contains(where: { $0 == "end" && $1 == "of" }) {
            draft.unverifiableReason = "a level at the end of a period; the bundled table holds averages over the period"
            return draft
        }
        draft.take(context.resolveEntity(drafts: drafts))
        if indicator.indicator == knowledge.exchangeRateIndicator, let currencyEntity = currencyEntity(context, knowledge: knowledge) {
            draft.entity = currencyEntity
        }
        draft.period = context.resolvePeriod(drafts: drafts, indicator: indicator.indicator)
        if knowledge.frames.frames[indicator.indicator]?.shapes == [.growth], context.clauseHas(["shrank", "contracted", "shrunk", "fell"]) {
            draft.sign = -1
        }
        return draft
    }

    /// The country whose currency the sentence names ("1,363 won to the dollar" is Korea's rate).
    private func currencyEntity(_ context: MentionContext, knowledge: ClaimKnowledge) -> String? {
        context.sentenceWords.compactMap { CurrencyWords.code($0) }.compactMap { knowledge.frames.currencies[$0]?.country }.first
    }
}

/// Every rule that can produce a finding: the claim rules, the checks that need no data, and the
/// suppression bookkeeping. SARIF's `tool.driver.rules` and the documentation list these.
public enum RuleRegistry {
    public struct Rule: Sendable {
        public var id: String
        public var summary: String
    }

    public static var all: [Rule] {
        ClaimRules.catalog.map { Rule(id: $0.id, summary: $0.summary) } + [
            Rule(id: "same-figure-twice", summary: "The same quantity stated twice in a document with figures that cannot both hold"),
            Rule(id: "shares-over-100", summary: "Shares of one whole, by partner, that add up to more than 100%"),
            Rule(id: "unused-suppression", summary: "A figcheck:disable comment that suppresses nothing"),
        ]
    }
}

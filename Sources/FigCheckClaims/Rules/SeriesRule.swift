import FigCheckCore

/// Claims about a year's figure against the other years of the same series that the text gives:
/// "expanded by 3.4% in 2024, its strongest growth since 2021" (every year after 2021 below 3.4%,
/// 2021 itself not) and "the fourth year of growth in a row" (four years of growth back to the
/// figure's year, and a year without growth before them). The series is every figure of the
/// document with the same entity and measure, one per year, wherever it is said (often after the
/// claim: "Growth was 3.2% in 2023, 3% in 2022 and 4.8% in 2021").
///
/// These claims need the whole document's figures, so this rule runs after the per-figure rules,
/// not in their order.
package struct SeriesRule: Sendable {
    package static let extremeSinceId = "series-extreme-since"
    package static let firstSinceId = "series-first-since"
    package static let runId = "series-run"
    package static let catalog: [(id: String, kind: ClaimKind, summary: String)] = [
        (
            extremeSinceId, .comparison,
            "\"The strongest growth since 2021\": the year's figure against every year the text gives since then"
        ),
        (
            firstSinceId, .comparison,
            "\"Contracted for the first time since 2020\": growth below zero in the year and in 2020 only, of the years the text gives"
        ),
        (runId, .count, "\"The fourth year of growth in a row\": the run of years the text's own figures show"),
    ]

    /// Example sentences (as ClaimRule's): by rule id, the marked figure must be claimed, or not.
    package static let examples: [(id: String, sentence: String, triggers: Bool)] = [
        (
            extremeSinceId,
            "Korea's economy grew 2.9% in 2024, its fastest growth since «2021». Growth was 2.1% in 2023.", true
        ),
        (
            extremeSinceId,
            "Korea's economy grew 2.9% in 2024, as it has every year since «2021». Growth was 2.1% in 2023.", false
        ),
        (
            firstSinceId,
            "Korea's economy shrank 0.4% in 2024, contracting for the first time since «2022». Growth was 2.1% in 2023, after the economy shrank by 0.6% in 2022.",
            true
        ),
        (
            firstSinceId,
            "Korea's economy shrank 0.4% in 2024, its first report since «2022». Growth was 2.1% in 2023, after the economy shrank by 0.6% in 2022.",
            false
        ),
        (
            runId,
            "Korea's economy grew 2.9% in 2024, the «third» consecutive year of growth. Growth was 2.1% in 2023.", true
        ),
        (runId, "Korea's economy grew 2.9% in 2024, the «third» year of its plan. Growth was 2.1% in 2023.", false),
    ]

    /// The shape of a series claim and the figures it is checked against.
    package struct Claim: Sendable {
        package enum Shape: Sendable {
            /// "the strongest … since 2021": above every year after `since`, not above `since`.
            case extremeSince(since: Int, highest: Bool)
            /// "the fourth year of growth in a row": `rising` years back to the subject's year.
            case run(rising: Bool)
            /// "contracted for the first time since 2020": growth on the `rising` side of zero in the
            /// subject's year and in `since`, and in no year between.
            case firstSince(since: Int, rising: Bool)
        }
        package var shape: Shape
        package var subjectYear: Int
        package var subjectText: String
        /// The series, by year, as stated (sign applied).
        package var points: [Int: (value: Interval, text: String)]
        /// What the series measures, for the finding ("gdp growth of BRA").
        package var measure: String
        /// Whether every point's entity and measure were said or carried, not guessed.
        package var confident: Bool
    }

    static let highest: Set<String> = [
        "strongest", "fastest", "highest", "biggest", "largest", "best", "quickest", "sharpest",
    ]
    static let lowest: Set<String> = ["weakest", "slowest", "lowest", "smallest", "worst"]
    static let contractionVerbs: Set<String> = [
        "contracted", "contracting", "shrank", "shrinking", "shrunk", "fell", "falling", "declined",
        "declining",
    ]
    static let runWords: Set<String> = ["row", "consecutive", "straight", "successive", "running"]
    static let risingWords: Set<String> = [
        "growth", "expansion", "increase", "increases", "rise", "rises", "gains", "gain",
    ]
    static let fallingWords: Set<String> = [
        "decline", "declines", "contraction", "fall", "falls", "drop", "drops", "recession",
    ]

    /// The series claims of a document, read after every figure's own claim.
    /// `isGrowth` tells a measure that is itself a change (growth, a rate of change): only its sign
    /// says whether a year grew or fell.
    func drafts(in document: DocumentContext, claims: [ClaimDraft], isGrowth: (String) -> Bool = { _ in false })
        -> [ClaimDraft]
    {
        var found: [ClaimDraft] = []
        let series = claims.indices.filter { index in
            let claim = claims[index]
            guard [.value, .rate].contains(claim.kind), claim.entity != nil, claim.indicator != nil,
                let period = claim.period,
                period.first.year == period.last.year, period.first.month == 1, period.last.month == 12
            else { return false }
            return claim.mention.rangeEnd == nil
        }
        guard series.count >= 2 else { return [] }
        let bySentence = Dictionary(grouping: series) { claims[$0].sentenceIndex }
        for sentence in document.sentences {
            for mentionIndex in sentence.mentionIndices {
                let mention = document.mentions[mentionIndex]
                let context = MentionContext(mentionIndex: mentionIndex, sentence: sentence, document: document)
                guard let shape = Self.shape(of: context) else { continue }
                // The subject: the nearest figure of a series before the phrase, in its sentence or the two before.
                let subject = stride(from: sentence.index, through: max(0, sentence.index - 2), by: -1).lazy.compactMap
                { index in
                    bySentence[index]?.last { claims[$0].mention.range.upperBound <= mention.range.lowerBound }
                }.first
                guard let subject else { continue }
                let subjectClaim = claims[subject]
                // A series figure has its entity, measure and year (the filter above).
                guard let entity = subjectClaim.entity, let indicator = subjectClaim.indicator,
                    let subjectPeriod = subjectClaim.period
                else { continue }
                if case .firstSince = shape.shape, !isGrowth(indicator) { continue }
                let members = series.filter {
                    claims[$0].entity == subjectClaim.entity && claims[$0].indicator == subjectClaim.indicator
                }
                var points: [Int: (value: Interval, text: String)] = [:]
                var conflicting: Set<Int> = []
                for member in members {
                    guard let year = claims[member].period?.year else { continue }
                    if let known = points[year], !known.value.overlaps(claims[member].stated) {
                        conflicting.insert(year)
                    }
                    points[year] = points[year] ?? (claims[member].stated, claims[member].mention.text)
                }
                for year in conflicting { points[year] = nil }
                var draft = ClaimDraft(ruleId: shape.id, kind: shape.kind, context: context)
                draft.entity = subjectClaim.entity
                draft.indicator = subjectClaim.indicator
                draft.period = subjectClaim.period
                draft.series = Claim(
                    shape: shape.shape, subjectYear: subjectPeriod.year, subjectText: subjectClaim.mention.text,
                    points: points,
                    measure:
                        "\(indicator.replacingOccurrences(of: "_", with: " ")) of \(entity)",
                    confident: members.allSatisfy { claims[$0].isConfident })
                found.append(draft)
            }
        }
        return found
    }

    /// The series claim a mention makes, if any: a year after "<superlative> … since", or a count
    /// before "year(s) of growth in a row".
    static func shape(of context: MentionContext) -> (shape: Claim.Shape, id: String, kind: ClaimKind)? {
        let mention = context.mention
        if mention.kind == .year, context.wordsBefore(1) == ["since"], let year = Int(mention.text.prefix(4)) {
            let before = context.wordsBefore(5).dropLast()
            if let superlative = before.last(where: { highest.contains($0) || lowest.contains($0) }) {
                return (.extremeSince(since: year, highest: highest.contains(superlative)), extremeSinceId, .comparison)
            }
            // "contracting for the first time since 2020", "the first contraction since 2020".
            if before.contains("first") {
                let clause = context.clauseWords
                if clause.contains(where: { fallingWords.contains($0) || contractionVerbs.contains($0) }) {
                    return (.firstSince(since: year, rising: false), firstSinceId, .comparison)
                }
                if clause.contains(where: {
                    risingWords.contains($0) || ["grew", "expanded", "growing", "expanding"].contains($0)
                }) {
                    return (.firstSince(since: year, rising: true), firstSinceId, .comparison)
                }
            }
            return nil
        }
        guard [.ordinal, .number, .count].contains(mention.kind), mention.rangeEnd == nil, mention.value >= 2,
            mention.value <= 60,
            mention.value == mention.value.rounded()
        else { return nil }
        let after = context.wordsAfter(7)
        // "fourth year of growth in a row", "fourth consecutive year of growth", "four straight years of decline".
        guard let yearIndex = after.prefix(3).firstIndex(where: { $0 == "year" || $0 == "years" }) else { return nil }
        let around = Array(after.prefix(yearIndex)) + Array(after.dropFirst(yearIndex + 1))
        guard around.contains(where: runWords.contains) else { return nil }
        if around.contains(where: risingWords.contains) { return (.run(rising: true), runId, .count) }
        if around.contains(where: fallingWords.contains) { return (.run(rising: false), runId, .count) }
        return nil
    }
}

import FigCheckCore

/// The eight kinds of claim of PRODUCT.md.
package enum ClaimKind: String, Codable, Sendable, CaseIterable {
    case value
    case ratio
    case share
    case rate
    case change
    case comparison
    case count
    case dateArithmetic = "date_arithmetic"
    /// An amount restated in another currency: "110 trillion yuan ($15 trillion)".
    case conversion
}

/// How a part of a claim's meaning was found; anything but `said` and `carried` is a guess,
/// and a guess can make a claim needs_review but never inconsistent.
package enum Resolution: String, Sendable {
    /// Named in the claim's own clause (an entity or period: in its sentence).
    case said
    /// A measure named elsewhere in the sentence, not in the figure's own clause: understood, but
    /// not explicit enough to call a figure several times off the table an error.
    case inSentence
    /// Carried over from an earlier sentence of the paragraph ("that figure", "its", ellipsis).
    case carried
    /// The documented default (the latest full year before the document date).
    case defaulted
    /// A guess among several readings.
    case guessed
}

/// A period a claim is about, and how it was found.
package struct PeriodChoice: Sendable, Equatable {
    package var key: String
    package var first: CalendarDate
    package var last: CalendarDate
    package var resolution: Resolution

    package var year: Int { first.year }

    /// Creates a period choice.
    package init(key: String, first: CalendarDate, last: CalendarDate, resolution: Resolution) {
        self.key = key
        self.first = first
        self.last = last
        self.resolution = resolution
    }

    package static func year(_ year: Int, _ resolution: Resolution) -> PeriodChoice? {
        guard let first = CalendarDate(year: year, month: 1, day: 1),
            let last = CalendarDate(year: year, month: 12, day: 31)
        else { return nil }
        return PeriodChoice(key: "\(year)", first: first, last: last, resolution: resolution)
    }
}

/// How a comparison or change relates its two figures.
package enum Relation: String, Sendable {
    /// "three times larger", "doubled": A ÷ B.
    case ratio
    /// "5.5 percentage points higher": A − B.
    case difference
    /// "fell by 40 percent", "a rise of 1.7 percent": (A − B) ÷ B.
    case relativeChange
    /// "about 42% of Japan's 124 million": A ÷ B as a percentage.
    case percentOf
    /// "roughly a third more": A ÷ B − 1.
    case excess
    /// "75% higher than": (A ÷ B − 1) × 100.
    case percentMore
    /// "at $33,785, down $1,444 (4.3%)": the change over the level before it, with A the level now
    /// and B the absolute change: B ÷ (A − direction × B) × 100.
    case changeOnLevel
    /// "(= A + B)": the sum of two figures.
    case sum
    /// "W, of which P": a part, at most the whole A.
    case partOf
    /// "tops 60 trillion won for the first time": the newer figure A above the stated threshold,
    /// the older B not.
    case crossing
    /// "then to decline to $59": the figure A reached below (or above) the level B before it.
    case direction
    /// "A narrowly exceeded B", "the gap grew wider": A − B above zero (direction +1) or below it (−1).
    case order
}

/// One part of a ratio's numerator: a figure stated in the text, or a reference value looked up.
package enum NumeratorPart: Sendable, Equatable {
    case stated(Mention)
    case lookup(indicator: String, entity: String)
}

/// A claim as the rules understood it, before verification.
package struct ClaimDraft: Sendable {
    package var ruleId: String
    package var kind: ClaimKind
    package var mention: Mention
    package var sentenceIndex: Int
    package var paragraph: Int
    package var sentenceRange: Range<Int>
    package var entity: String?
    package var entityResolution: Resolution = .said
    package var indicator: String?
    package var indicatorResolution: Resolution = .said
    package var period: PeriodChoice?
    /// Change claims: the period of the newer figure ("fell by 2.1 points in 2024").
    package var newPeriod: PeriodChoice?
    /// Timeline claims: the date or span the rate is said to hold on.
    package var partner: String?
    package var scope: String?
    /// −1 when the verb turns the figure negative ("shrank 0.2%").
    package var sign: Double = 1
    /// Ratio claims: amount ÷ denominator indicator of the entity.
    package var numerator: [NumeratorPart] = []
    package var denominator: String?
    /// The indicators the numerator's parts measure (the stated amount's, or the looked-up ones).
    package var numeratorIndicators: [String] = []
    /// Share and count claims: the entities named around the figure, matched against the rows.
    package var candidates: [String] = []
    /// Comparison and change claims: the two figures compared, as indices into the document's drafts
    /// (nil for a figure looked up instead), and how they relate.
    package var operands: [(subject: Int?, base: Int?)] = []
    /// The two figures when the sentence itself ties them to the relation ("from 4.2% to 4.5%, a
    /// rise of 7%"): evidence enough for a mismatch to be an error; linked operands are not needed.
    package var statedOperands: StatedOperands?
    /// A relation said of several parallel pairs at once ("a lead of 2 points" in 2025 and in
    /// 2026): it must hold for each.
    package var statedPairs: [StatedOperands] = []
    /// "N times more than": ambiguous between N times as much and N + 1 times (PRODUCT.md).
    package var timesMore = false
    /// List counts: the items of the list the count introduces ("three members: A, B and C").
    package var listedItems: [String]?
    package var relation: Relation?
    /// A change's direction: +1 for raised/rose, −1 for cut/fell, 0 unknown.
    package var direction: Int = 0
    /// Date arithmetic: the start and end years or dates, and the counting conventions allowed.
    package var span: (start: CalendarDate, end: CalendarDate, startText: String, endText: String)?
    /// What the rules were unsure about, in words for the finding.
    package var uncertainties: [String] = []
    /// Why a claim cannot be checked, when a rule knows ("a forecast", "Section 301 duties").
    package var unverifiableReason: String?
    /// Dates of events: the date said, and the weekday said with it (0 Monday … 6 Sunday).
    package var statedDate: CalendarDate?
    package var statedWeekday: Int?
    /// "yesterday (June 3)", "last week (May 28)": the days from the dateline the words allow, and the words.
    package var daysFromDateline: (days: ClosedRange<Int>, word: String)?
    /// "a day later, on June 6": the date said before, the days the words count from it, and the words.
    package var countedFrom: (date: CalendarDate, days: Int, words: String)?
    /// Orders: the figure whose unit and scale the difference is shown in ("0.1 million tonnes").
    package var orderedFigure: Mention?
    /// Conversions: the amount converted from (the figure before the brackets).
    package var convertedFrom: Mention?
    /// "real" or "nominal", when the figure's clause says so ("inflation-adjusted").
    package var statedBasis: String?
    /// The publisher or definition the sentence cites for the figure ("NATO put …", "according
    /// to the IMF"), as the sources lexicon names it.
    package var namedSource: String?
    /// A forecast the text attributes to this publisher ("the IMF projects …"), checked against its
    /// forecast release current on the document's date; nil for other figures.
    package var forecastBy: String?
    /// "The world's fourth-largest economy": a rank among countries by this indicator's values
    /// (ordered largest first), not a figure of a ranking table.
    package var rankedBy: String?
    /// "An earlier projection of 6.5%": the text itself dates the forecast before the newest release.
    package var forecastIsAnEarlierOne = false
    /// "The strongest growth since 2021", "the fourth year of growth in a row": the claim's shape
    /// and the series of the text's own figures it is checked against.
    package var series: SeriesRule.Claim?

    init(ruleId: String, kind: ClaimKind, context: MentionContext) {
        self.ruleId = ruleId
        self.kind = kind
        mention = context.mention
        sentenceIndex = context.sentence.index
        paragraph = context.sentence.paragraph
        sentenceRange = context.sentence.range
    }

    /// Takes a resolved entity and how it was found (nothing when none was found).
    mutating func take(_ entity: (code: String, resolution: Resolution)?) {
        guard let entity else { return }
        self.entity = entity.code
        entityResolution = entity.resolution
    }

    /// The stated interval, sign applied.
    package var stated: Interval {
        var interval = mention.interval
        // "five times": a whole multiple said in words is as precise as its units digit, [4.5, 5.5].
        if mention.kind == .multiplier, mention.hedge == .none, interval.low == interval.high,
            mention.text.lowercased().hasSuffix("times"), mention.value == mention.value.rounded()
        {
            interval = Interval(low: mention.value - 0.5, high: mention.value + 0.5)
        }
        return sign < 0 ? interval.scaled(by: -1) : interval
    }

    /// Whether every part of the meaning was said or carried, so a mismatch may fail CI.
    package var isConfident: Bool {
        let parts = [entityResolution, indicatorResolution, period?.resolution ?? .said]
        return !parts.contains(.guessed) && uncertainties.isEmpty
    }
}

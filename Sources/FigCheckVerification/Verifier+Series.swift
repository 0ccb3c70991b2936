import FigCheckClaims
import FigCheckCore

extension Verifier {
    /// A year's figure against the other years of its series in the text: "the strongest growth
    /// since 2021", "the fourth year of growth in a row". Years the text does not give leave the
    /// claim unchecked; the figures are intervals at their written precision, so "above" means
    /// above for every value they allow.
    // Long: one switch over the series shapes ("highest since", "first growth since", "in a row"), each case a few
    // lines over the same points.
    func checkSeries(_ draft: ClaimDraft, _ series: SeriesRule.Claim) -> CheckOutcome {
        let points = series.points
        func shown(_ year: Int) -> String { points[year].map { "\($0.text) in \(year)" } ?? "none for \(year)" }
        guard let subject = points[series.subjectYear]?.value else {
            return unverifiable("the year's own figure was not read")
        }
        switch series.shape {
        case .extremeSince(let since, let highest):
            guard since < series.subjectYear else {
                return unverifiable("the year it counts from is not before the figure's")
            }
            let years = Array(since..<series.subjectYear)
            if let missing = years.first(where: { points[$0] == nil }) {
                return unverifiable("the text gives no figure of the \(series.measure) for \(missing)")
            }
            // Every year has its figure now: `figures[0]` is `since`'s, the rest the years between.
            let figures = years.compactMap { points[$0]?.value }
            let between = zip(years, figures).dropFirst()
            // Consistent when the stated figures allow it, as everywhere (PRODUCT.md "Tolerance"):
            // the year can be above (or below) every year after `since`, and `since` can be at
            // least as high (or low). Inconsistent only when a year between is surely beyond it.
            func canBeat(_ other: Interval) -> Bool { highest ? other.low < subject.high : other.high > subject.low }
            func surelyShort(_ other: Interval) -> Bool {
                highest ? other.high < subject.low : other.low > subject.high
            }
            let compared = ([series.subjectYear] + years.reversed()).map(shown).joined(separator: ", ")
            let primary = Recomputation(
                interval: subject,
                formula: "\(highest ? "max" : "min")(\(series.subjectYear)…\(since + 1)) vs \(since)",
                inputs: [], label: "the text's own figures", display: series.subjectText)
            let word = highest ? "above" : "below"
            let failing = between.first { !canBeat($0.1) }?.0
            if failing == nil, !surelyShort(figures[0]) {
                return CheckOutcome(
                    verdict: .consistent, primary: primary,
                    message:
                        "Stated since \(since); \(series.subjectText) in \(series.subjectYear) is \(word) every year after \(since) and not \(word) \(since) (\(compared)).",
                    hints: [])
            }
            let why =
                failing.map { "\(shown($0)) is not \(highest ? "below" : "above") it" }
                ?? "\(shown(since)) is \(highest ? "below" : "above") it too, so the run goes back further"
            return CheckOutcome(
                verdict: series.confident && failing != nil ? .inconsistent : .needsReview, primary: primary,
                message: "Stated since \(since), but \(why) (\(compared)).", hints: [])
        case .firstSince(let since, let rising):
            guard since < series.subjectYear else {
                return unverifiable("the year it counts from is not before the figure's")
            }
            let years = Array(since..<series.subjectYear)
            if let missing = years.first(where: { points[$0] == nil }) {
                return unverifiable("the text gives no figure of the \(series.measure) for \(missing)")
            }
            // Every year has its figure now: `figures[0]` is `since`'s, the rest the years between.
            let figures = years.compactMap { points[$0]?.value }
            let between = zip(years, figures).dropFirst()
            // On the side of zero the words say, or off it, for every value the written figures allow.
            func surelyOn(_ value: Interval) -> Bool { rising ? value.low > 0 : value.high < 0 }
            func surelyOff(_ value: Interval) -> Bool { rising ? value.high <= 0 : value.low >= 0 }
            let kind = rising ? "growth" : "a contraction"
            let compared = ([series.subjectYear] + years.reversed()).map(shown).joined(separator: ", ")
            let primary = Recomputation(
                interval: subject, formula: "firstSince(\(series.subjectYear), \(since))", inputs: [],
                label: "the text's own figures", display: series.subjectText)
            if surelyOn(subject), surelyOn(figures[0]), between.allSatisfy({ surelyOff($0.1) }) {
                return CheckOutcome(
                    verdict: .consistent, primary: primary,
                    message:
                        "Stated the first \(rising ? "growth" : "contraction") since \(since); the text's figures show \(kind) in \(series.subjectYear) and \(since) and in no year between (\(compared)).",
                    hints: [])
            }
            let why: String
            if let year = between.first(where: { surelyOn($0.1) })?.0 {
                why = "\(shown(year)) is \(kind) too"
            } else if !surelyOn(subject) {
                why = "\(shown(series.subjectYear)) is not \(kind)"
            } else if surelyOff(figures[0]) {
                why = "\(shown(since)) is not \(kind), so the last one was earlier"
            } else {
                return unverifiable(
                    "a figure is too near zero to say whether it \(rising ? "grew" : "fell") (\(compared))")
            }
            let wrongBetween = between.contains { surelyOn($0.1) } || surelyOff(subject)
            return CheckOutcome(
                verdict: series.confident && wrongBetween ? .inconsistent : .needsReview, primary: primary,
                message:
                    "Stated the first \(rising ? "growth" : "contraction") since \(since), but \(why) (\(compared)).",
                hints: [])
        case .run(let rising):
            let stated = draft.mention.value
            var count = 0
            var year = series.subjectYear
            while let point = points[year] {
                let inRun = rising ? point.value.low > 0 : point.value.high < 0
                let outOfRun = rising ? point.value.high <= 0 : point.value.low >= 0
                if inRun { count += 1; year -= 1; continue }
                guard outOfRun else {
                    return unverifiable("\(shown(year)) is too near zero to say whether it \(rising ? "grew" : "fell")")
                }
                break
            }
            let kind = rising ? "growth" : "decline"
            let compared = (year...series.subjectYear).reversed().map(shown).joined(separator: ", ")
            let primary = Recomputation(
                interval: .point(Double(count)), formula: "run(\(year + 1)…\(series.subjectYear))", inputs: [],
                label: "the text's own figures", display: "\(count)")
            guard points[year] != nil else {
                // The run reaches a year the text gives no figure for: it is at least `count` long.
                if Double(count) < stated {
                    return unverifiable(
                        "the text gives no figure of the \(series.measure) for \(year), so the run is at least \(count) years (\(compared))"
                    )
                }
                return unverifiable(
                    "the text gives no figure of the \(series.measure) for \(year), so whether the run began in \(year + 1) is not known"
                )
            }
            if Double(count) == stated {
                return CheckOutcome(
                    verdict: .consistent, primary: primary,
                    message:
                        "Stated \(draft.mention.text) in a row; the text's figures show \(count) years of \(kind) to \(series.subjectYear), after none in \(year) (\(compared)).",
                    hints: [])
            }
            return CheckOutcome(
                verdict: series.confident ? .inconsistent : .needsReview, primary: primary,
                message:
                    "Stated \(draft.mention.text) in a row, but the text's figures show \(count) years of \(kind) to \(series.subjectYear) (\(compared)).",
                hints: [])
        }
    }
}

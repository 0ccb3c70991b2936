import FigCheckCore
import FigCheckData

/// Tolerances a check applies (PRODUCT.md, "Tolerance" and "Verdicts").
package struct VerificationSettings: Sendable {
    /// Which vintage of the tables to use: the newest, or the newest released by a date.
    package var vintage: VintageSelection
    /// A mismatch within this relative distance is a near miss (a warning, not an error).
    package var nearMissRelative: Double
    /// The relative tolerance of "about" and "nearly", by claim kind or hedge, with "default"; the
    /// scanner reads hedges with 10%, and a different setting re-reads them here.
    package var tolerances: [String: Double]

    package init(
        vintage: VintageSelection = .newest, nearMissRelative: Double = 0.05, tolerances: [String: Double] = [:]
    ) {
        self.vintage = vintage
        self.nearMissRelative = nearMissRelative
        self.tolerances = tolerances
    }

    /// The tolerance for a hedged figure of a claim kind.
    func tolerance(kind: ClaimKind, hedge: Hedge) -> Double {
        tolerances[kind.rawValue] ?? tolerances[hedge.rawValue] ?? tolerances["default"] ?? 0.10
    }
}

/// One recomputation: the interval it gives, how, from what.
struct Recomputation {
    var interval: Interval
    var formula: String
    var inputs: [ComputationInput]
    /// What makes this reading differ from the claim's own ("KOR 2023 GDP in the WDI vintage of 2024-09-19").
    var label: String
    /// The value to print ("18.66%").
    var display: String
    /// The table's figure with the scale word off by 1,000: a slip that explains a figure far off.
    var isScaleSlip = false
}

/// The outcome of checking one claim before it becomes a finding.
struct CheckOutcome {
    var verdict: Verdict
    var primary: Recomputation?
    var message: String
    var hints: [String]
    var nearMiss: Bool = false
    /// The claim as finally read (a default period filled in, the row's partner chosen).
    var resolved: ClaimDraft?
    /// A relation whose figures were not found in the text.
    var operandsNotFound = false
}

/// Reference-data problems met while checking (a malformed table, a missing file): the claims go on
/// unverified, and the run reports the problem and fails with exit 2.
final class ReferenceProblems {
    private(set) var messages: [String] = []

    func record(_ error: Error) {
        let message = error.localizedDescription
        if !messages.contains(message) { messages.append(message) }
    }
}

/// Checks each claim against the reference tables and the other claims of the document.
struct Verifier {
    let knowledge: ClaimKnowledge
    let settings: VerificationSettings
    let documentDate: CalendarDate?
    let problems = ReferenceProblems()

    var catalog: ReferenceCatalog { knowledge.catalog }

    func check(_ draft: ClaimDraft, drafts: [ClaimDraft], document: DocumentContext) -> CheckOutcome {
        if let reason = draft.unverifiableReason {
            return CheckOutcome(verdict: .unverifiable, primary: nil, message: "Not checked: \(reason).", hints: [])
        }
        if let items = draft.listedItems { return checkListCount(draft, items: items) }
        if let series = draft.series { return checkSeries(draft, series) }
        switch draft.kind {
        case .value where draft.relation == .sum: return checkRelation(draft, drafts: drafts)
        case .value, .count: return checkValue(draft)
        case .conversion: return checkConversion(draft)
        case .ratio: return checkRatio(draft)
        case .share where draft.relation == .percentOf: return checkRelation(draft, drafts: drafts)
        case .share: return checkShare(draft)
        case .rate:
            var outcome = checkRate(draft)
            if outcome.resolved == nil {
                var resolved = draft
                if resolved.period == nil, let date = documentDate {
                    resolved.period = PeriodChoice(
                        key: "\(date.year)", first: .januaryFirst(date.year),
                        last: date, resolution: .defaulted)
                }
                outcome.resolved = resolved
            }
            return outcome
        case .comparison where draft.ruleId == "rank":
            if let measure = draft.rankedBy { return checkRankBy(draft, measure: measure) }
            return checkValue(draft)
        case .comparison, .change: return checkRelation(draft, drafts: drafts)
        case .dateArithmetic where draft.relation == .order: return checkRelation(draft, drafts: drafts)
        case .dateArithmetic: return checkDates(draft, document: document)
        }
    }

    // MARK: - Verdicts

    /// The verdict of a stated interval against the claim's own reading and the other readings
    /// (other years, vintages, scopes, components), which become hints.
    func judge(
        _ draft: ClaimDraft, primary: Recomputation, sameKeyOtherVintages: [Recomputation] = [],
        alternatives: [Recomputation], describe: String
    ) -> CheckOutcome {
        var outcome = judgement(
            draft, primary: primary, sameKeyOtherVintages: sameKeyOtherVintages, alternatives: alternatives,
            describe: describe)
        outcome.resolved = draft
        return outcome
    }

    // Long: one verdict from a recomputation, its tolerance, near miss and other vintages; the cases share the
    // computed interval.
    private func judgement(
        _ draft: ClaimDraft, primary: Recomputation, sameKeyOtherVintages: [Recomputation],
        alternatives: [Recomputation], describe: String
    ) -> CheckOutcome {
        let stated = draft.stated
        let statedText = draft.mention.text
        if stated.overlaps(primary.interval) {
            let disagreeing = sameKeyOtherVintages.filter { !stated.overlaps($0.interval) }
            if !disagreeing.isEmpty {
                let others = disagreeing.map { "\($0.display) with \($0.label)" }.joined(separator: "; ")
                return CheckOutcome(
                    verdict: .needsReview, primary: primary,
                    message:
                        "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)) agrees, but \(others) does not: the vintages of the data disagree.",
                    hints: matchingHints(stated, alternatives))
            }
            return CheckOutcome(
                verdict: .consistent, primary: primary,
                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label))."
                    + laterVintageNote(primary), hints: [])
        }
        let hints = matchingHints(stated, alternatives)
        if let objection = sourceObjection(draft, primary: primary, describe: describe, hints: hints) {
            return objection
        }
        // The newest vintage disagrees but an earlier one of the same figure agrees: the data disagree.
        if let older = sameKeyOtherVintages.last(where: { stated.overlaps($0.interval) }) {
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)) disagrees, but \(older.display) with \(older.label) agrees: the vintages of the data disagree.",
                hints: hints)
        }
        let gap = stated.gap(to: primary.interval)
        let reference = max(abs(primary.interval.midpoint), 1e-12)
        let nearMiss = gap / reference <= settings.nearMissRelative
        if let objection = frameObjection(
            draft, primary: primary, alternatives: alternatives, describe: describe, hints: hints)
        {
            return objection
        }
        if !draft.isConfident {
            var uncertain = draft.uncertainties
            if draft.entityResolution == .guessed { uncertain.append("which country or group it is about") }
            if draft.period?.resolution == .guessed { uncertain.append("which period it is about") }
            if draft.indicatorResolution == .guessed { uncertain.append("what it measures") }
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), but the reading is uncertain: \(uncertain.joined(separator: "; ")).",
                hints: hints)
        }
        let defaulted =
            draft.period?.resolution == .defaulted
            ? " (no period said; the latest full year before the document date)" : ""
        return CheckOutcome(
            verdict: .inconsistent, primary: primary,
            message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label))\(defaulted)."
                + laterVintageNote(primary),
            hints: hints, nearMiss: nearMiss)
    }

    private func matchingHints(_ stated: Interval, _ alternatives: [Recomputation]) -> [String] {
        var seen: Set<String> = []
        return alternatives.filter { stated.overlaps($0.interval) }.compactMap { alternative in
            let hint = "\(alternative.display) matches: \(alternative.label)."
            return seen.insert(hint).inserted ? hint : nil
        }.prefix(4).map { $0 }
    }

    /// Why a figure for `year` is a forecast or an early estimate: the year was not over at the
    /// document's date, and outturns published later are not what its author could check against.
    func forecastReason(_ year: Int) -> String? {
        guard let date = documentDate, year >= date.year else { return nil }
        return
            "a forecast or early estimate for \(year), a year not over on the document's date (\(date)); it is judged only against a forecast vintage of that date, and none is bundled for this measure"
    }

    func unverifiable(_ why: String) -> CheckOutcome {
        CheckOutcome(verdict: .unverifiable, primary: nil, message: "Not checked: \(why).", hints: [])
    }

    // MARK: - Inputs

    func input(_ value: ReferenceValue) -> ComputationInput {
        var key = ["entity": value.observation.entity, "period": value.observation.period]
        if let partner = value.observation.partner { key["partner"] = partner }
        if let scope = value.observation.scope { key["scope"] = scope }
        let source =
            value.observation.provenance.map { "\($0.publisher), \($0.url)" }
            ?? "\(value.table.publisher), \(value.table.dataset)\(value.table.seriesCode.map { " \($0)" } ?? "")"
        return ComputationInput(
            table: value.table.id, key: key, value: value.observation.value, vintage: value.table.vintage,
            source: source)
    }

    /// "WDI 2025-12-17" or the publisher of a curated row.
    func sourceLabel(_ value: ReferenceValue) -> String {
        if value.table.kind == .series {
            return
                "\(value.table.publisher.contains("World Bank") ? "WDI" : value.table.publisher) \(value.table.vintage)"
        }
        return value.observation.provenance?.publisher ?? value.table.publisher
    }

    /// The vintage selection the settings allow, as a filter on a table's vintage.
    func allowed(_ vintage: String) -> Bool {
        switch settings.vintage {
        case .newest: return true
        case .asOf(let date): return CalendarDate(iso: vintage).map { $0 <= date } ?? false
        case .exactly(let exact): return vintage == exact
        }
    }

    /// All rows of a table; nil (the problem recorded for the report) when it cannot be read.
    func observations(inTable id: String) -> [Observation]? {
        do {
            return try catalog.observations(inTable: id)
        } catch {
            problems.record(error)
            return nil
        }
    }

    /// Rows of curated tables for an indicator.
    func factRows(_ indicator: String) -> [ReferenceValue] {
        var rows: [ReferenceValue] = []
        for entry in catalog.tables(for: indicator)
        where entry.metadata.kind != .series && allowed(entry.metadata.vintage) {
            guard let observations = observations(inTable: entry.metadata.id) else { continue }
            for row in observations where row.indicator == indicator {
                rows.append(ReferenceValue(observation: row, table: entry.metadata))
            }
        }
        return rows
    }

    /// The default year of a figure that names none: the latest full year before the document date.
    var defaultYear: Int? { documentDate.map { $0.year - 1 } }

    func display(_ value: Double, unit: String) -> String {
        switch unit {
        case "percent": return FigureFormat.number(value) + "%"
        case "USD": return "$" + FigureFormat.money(value)
        case "persons": return FigureFormat.count(value)
        case "rank": return "#\(Int(value))"
        default: return FigureFormat.number(value)
        }
    }
}

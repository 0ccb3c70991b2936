import FigCheckCore
import FigCheckData

/// Tolerances a check applies (PRODUCT.md, "Tolerance" and "Verdicts").
public struct VerificationSettings: Sendable {
    /// Which vintage of the tables to use: the newest, or the newest released by a date.
    public var vintage: VintageSelection
    /// A mismatch within this relative distance is a near miss (a warning, not an error).
    public var nearMissRelative: Double
    /// The relative tolerance of "about" and "nearly", by claim kind or hedge, with "default"; the
    /// scanner reads hedges with 10%, and a different setting re-reads them here.
    public var tolerances: [String: Double]

    public init(vintage: VintageSelection = .newest, nearMissRelative: Double = 0.05, tolerances: [String: Double] = [:]) {
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
        switch draft.kind {
        case .value, .count: return checkValue(draft)
        case .conversion: return checkConversion(draft)
        case .ratio: return checkRatio(draft)
        case .share: return checkShare(draft)
        case .rate:
            var outcome = checkRate(draft)
            if outcome.resolved == nil {
                var resolved = draft
                if resolved.period == nil, let date = documentDate {
                    resolved.period = PeriodChoice(key: "\(date.year)", first: CalendarDate(year: date.year, month: 1, day: 1)!,
                                                   last: date, resolution: .defaulted)
                }
                outcome.resolved = resolved
            }
            return outcome
        case .comparison where draft.ruleId == "rank": return checkValue(draft)
        case .comparison, .change: return checkRelation(draft, drafts: drafts)
        case .dateArithmetic: return checkDates(draft, document: document)
        }
    }

    // MARK: - Verdicts

    /// The verdict of a stated interval against the claim's own reading and the other readings
    /// (other years, vintages, scopes, components), which become hints.
    func judge(_ draft: ClaimDraft, primary: Recomputation, sameKeyOtherVintages: [Recomputation] = [],
               alternatives: [Recomputation], describe: String) -> CheckOutcome {
        var outcome = judgement(draft, primary: primary, sameKeyOtherVintages: sameKeyOtherVintages, alternatives: alternatives,
                                describe: describe)
        outcome.resolved = draft
        return outcome
    }

    private func judgement(_ draft: ClaimDraft, primary: Recomputation, sameKeyOtherVintages: [Recomputation],
                           alternatives: [Recomputation], describe: String) -> CheckOutcome {
        let stated = draft.stated
        let statedText = draft.mention.text
        if stated.overlaps(primary.interval) {
            let disagreeing = sameKeyOtherVintages.filter { !stated.overlaps($0.interval) }
            if !disagreeing.isEmpty {
                let others = disagreeing.map { "\($0.display) with \($0.label)" }.joined(separator: "; ")
                return CheckOutcome(verdict: .needsReview, primary: primary,
                                    message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)) agrees, but \(others) does not: the vintages of the data disagree.",
                                    hints: matchingHints(stated, alternatives))
            }
            return CheckOutcome(verdict: .consistent, primary: primary,
                                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label))." + laterVintageNote(primary), hints: [])
        }
        let hints = matchingHints(stated, alternatives)
        // A figure by a definition the tables do not carry ("NATO put …", "the Cabinet Office's
        // figure") may differ from them and still be right (corpus convention C3).
        if let source = draft.namedSource, let indicator = draft.indicator ?? draft.denominator,
           !knowledge.frames.carries(indicator, source: source) {
            let carried = knowledge.frames.sources(of: indicator).joined(separator: ", ")
            return CheckOutcome(verdict: .unverifiable, primary: primary,
                                message: "Stated \(statedText), as \(source) gives it; \(describe) = \(primary.display) (\(primary.label)) is by another definition (\(carried)), so the two may both be right.",
                                hints: hints)
        }
        // The newest vintage disagrees but an earlier one of the same figure agrees: the data disagree.
        if let older = sameKeyOtherVintages.last(where: { stated.overlaps($0.interval) }) {
            return CheckOutcome(verdict: .needsReview, primary: primary,
                                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)) disagrees, but \(older.display) with \(older.label) agrees: the vintages of the data disagree.",
                                hints: hints)
        }
        let gap = stated.gap(to: primary.interval)
        let reference = max(abs(primary.interval.midpoint), 1e-12)
        let nearMiss = gap / reference <= settings.nearMissRelative
        // Only a vintage released after the document covers the period: a gap in a rate of change
        // (growth is revised by whole points) may be a revision, not an error.
        if let date = knowledgeDate, case .newest = settings.vintage,
           let vintage = primary.inputs.compactMap({ CalendarDate(iso: $0.vintage) }).max(), vintage > date,
           !primary.inputs.contains(where: { (CalendarDate(iso: $0.vintage) ?? vintage) <= date }),
           draft.indicator.map({ knowledge.frames.frames[$0]?.shapes.contains(.growth) == true }) == true {
            return CheckOutcome(verdict: .needsReview, primary: primary,
                                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), but no vintage released by the document's date (\(date)) covers it: the \(vintage) figure may have been revised since the author wrote.",
                                hints: hints)
        }
        // Several times the table's figure: a misreading (per head for total, a component, another
        // unit) far more often than an error, unless the frame is fully explicit.
        let statedValue = stated.midpoint.isFinite ? stated.midpoint : draft.sign * draft.mention.value
        let ratio = abs(statedValue) / max(abs(primary.interval.midpoint), 1e-12)
        let explicit = draft.entityResolution == .said && draft.indicatorResolution == .said
            && [.said, .carried].contains(draft.period?.resolution ?? .said)
        let scaleSlip = alternatives.contains { $0.isScaleSlip && stated.overlaps($0.interval) }
        if (ratio >= 3 || ratio <= 1.0 / 3), !explicit, !scaleSlip, draft.kind != .conversion {
            return CheckOutcome(verdict: .needsReview, primary: primary,
                                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), \(FigureFormat.number(ratio >= 1 ? ratio : 1 / ratio)) times \(ratio >= 1 ? "smaller" : "larger") than stated: the figure probably measures something else (per head, a component, another unit or scope).",
                                hints: hints)
        }
        if !draft.isConfident {
            var uncertain = draft.uncertainties
            if draft.entityResolution == .guessed { uncertain.append("which country or group it is about") }
            if draft.period?.resolution == .guessed { uncertain.append("which period it is about") }
            if draft.indicatorResolution == .guessed { uncertain.append("what it measures") }
            return CheckOutcome(verdict: .needsReview, primary: primary,
                                message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), but the reading is uncertain: \(uncertain.joined(separator: "; ")).",
                                hints: hints)
        }
        let defaulted = draft.period?.resolution == .defaulted ? " (no period said; the latest full year before the document date)" : ""
        return CheckOutcome(verdict: .inconsistent, primary: primary,
                            message: "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label))\(defaulted)." + laterVintageNote(primary),
                            hints: hints, nearMiss: nearMiss)
    }

    /// Says so when the vintage used was released after the document's date (none before covers it).
    private func laterVintageNote(_ primary: Recomputation) -> String {
        // Series are published in vintages; curated facts carry their own dates per row.
        let seriesIDs = Set(catalog.entries.filter { $0.metadata.kind == .series }.map(\.metadata.id))
        let series = primary.inputs.filter { seriesIDs.contains($0.table) }
        guard let date = knowledgeDate, case .newest = settings.vintage,
              let vintage = series.compactMap({ CalendarDate(iso: $0.vintage) }).max(), vintage > date,
              !series.contains(where: { (CalendarDate(iso: $0.vintage) ?? vintage) <= date }) else { return "" }
        return " No vintage released by the document's date (\(date)) covers it; the earliest later one (\(vintage)) is used."
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
        return "a forecast or early estimate for \(year), a year not over on the document's date (\(date)); it is judged only against a forecast vintage of that date, and none is bundled for this measure"
    }

    func unverifiable(_ why: String) -> CheckOutcome {
        CheckOutcome(verdict: .unverifiable, primary: nil, message: "Not checked: \(why).", hints: [])
    }

    // MARK: - Inputs

    func input(_ value: ReferenceValue) -> ComputationInput {
        var key = ["entity": value.observation.entity, "period": value.observation.period]
        if let partner = value.observation.partner { key["partner"] = partner }
        if let scope = value.observation.scope { key["scope"] = scope }
        let source = value.observation.provenance.map { "\($0.publisher), \($0.url)" }
            ?? "\(value.table.publisher), \(value.table.dataset)\(value.table.seriesCode.map { " \($0)" } ?? "")"
        return ComputationInput(table: value.table.id, key: key, value: value.observation.value, vintage: value.table.vintage,
                                source: source)
    }

    /// "WDI 2025-12-17" or the publisher of a curated row.
    func sourceLabel(_ value: ReferenceValue) -> String {
        if value.table.kind == .series {
            return "\(value.table.publisher.contains("World Bank") ? "WDI" : value.table.publisher) \(value.table.vintage)"
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

    /// The date that decides which vintages the author could have known: `--as-of`, else the
    /// document's date; nil (every vintage) for a document without a date or an exact vintage.
    var knowledgeDate: CalendarDate? {
        switch settings.vintage {
        case .newest: return documentDate
        case .asOf(let date): return date
        case .exactly: return nil
        }
    }

    /// A series value in the vintages the author could have used, newest last: every vintage
    /// released on or before the knowledge date that covers the period, else the earliest later
    /// one (PRODUCT.md, "Reference data"). Without a date, every vintage.
    func seriesValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let all = allSeriesValues(indicator, entity, year)
        guard let date = knowledgeDate else { return all }
        let known = all.filter { CalendarDate(iso: $0.table.vintage).map { $0 <= date } ?? false }
        if !known.isEmpty { return known }
        return all.first.map { [$0] } ?? []
    }

    /// The vintages released after those `seriesValues` returns: the revisions since, for hints.
    func laterValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let used = Set(seriesValues(indicator, entity, year).map(\.table.vintage))
        guard let newestUsed = used.max() else { return [] }
        return allSeriesValues(indicator, entity, year).filter { $0.table.vintage > newestUsed }
    }

    /// A series value in every vintage the settings allow, oldest first.
    private func allSeriesValues(_ indicator: String, _ entity: String, _ year: Int) -> [ReferenceValue] {
        let key = ObservationKey(indicator: indicator, entity: entity, period: "\(year)")
        do {
            let exact: String? = { if case .exactly(let vintage) = settings.vintage { return vintage }; return nil }()
            return try catalog.allVintages(at: key).filter { exact == nil || $0.table.vintage == exact }
                .sorted { $0.table.vintage < $1.table.vintage }
        } catch {
            problems.record(error)
            return []
        }
    }

    /// Rows of curated tables for an indicator.
    func factRows(_ indicator: String) -> [ReferenceValue] {
        var rows: [ReferenceValue] = []
        for entry in catalog.tables(for: indicator) where entry.metadata.kind != .series && allowed(entry.metadata.vintage) {
            let observations: [Observation]
            do {
                observations = try catalog.observations(inTable: entry.metadata.id)
            } catch {
                problems.record(error)
                continue
            }
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

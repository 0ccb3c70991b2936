import FigCheckCore
import FigCheckData

extension Verifier {
    // MARK: - Objections of understanding

    /// A figure by a definition the tables do not carry ("NATO put …", "the Cabinet Office's
    /// figure") may differ from them and still be right (corpus convention C3): unverifiable.
    func sourceObjection(_ draft: ClaimDraft, primary: Recomputation, describe: String, hints: [String])
        -> CheckOutcome?
    {
        let statedText = draft.mention.text
        // A bilateral trade table holds one basis (goods); prose quotes others too (goods and
        // services, balance of payments). A mismatch is judged only when the text says the basis.
        if let indicator = draft.indicator, knowledge.frames.bilateralReporter(of: indicator) != nil,
            let basis = knowledge.frames.basis(of: indicator),
            draft.statedBasis != basis || draft.indicatorResolution != .said
        {
            let said =
                draft.indicatorResolution != .said
                ? "the text names the measure only for another figure"
                : draft.statedBasis.map { "the text gives \($0.replacingOccurrences(of: "_", with: " ")) trade" }
                    ?? "the text does not say goods, and trade figures also come as goods and services or on a balance-of-payments basis"
            return CheckOutcome(
                verdict: .unverifiable, primary: primary,
                message:
                    "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)) is \(basis) trade only, and \(said).",
                hints: hints)
        }
        if let source = draft.namedSource, let indicator = draft.indicator ?? draft.denominator,
            !knowledge.frames.carries(indicator, source: source)
        {
            let carried = knowledge.frames.sources(of: indicator).joined(separator: ", ")
            return CheckOutcome(
                verdict: .unverifiable, primary: primary,
                message:
                    "Stated \(statedText), as \(source) gives it; \(describe) = \(primary.display) (\(primary.label)) is by another definition (\(carried)), so the two may both be right.",
                hints: hints)
        }
        return nil
    }

    /// A mismatch that more likely means the figure was misread than wrong: growth known only
    /// from a later vintage, or a figure several times off the table whose frame is not explicit.
    func frameObjection(
        _ draft: ClaimDraft, primary: Recomputation, alternatives: [Recomputation], describe: String,
        hints: [String]
    ) -> CheckOutcome? {
        let stated = draft.stated
        let statedText = draft.mention.text
        // Only a vintage released after the document covers the period: a gap in a rate of change
        // (growth is revised by whole points) may be a revision, not an error.
        if let date = knowledgeDate, case .newest = settings.vintage,
            let vintage = primary.inputs.compactMap({ CalendarDate(iso: $0.vintage) }).max(), vintage > date,
            !primary.inputs.contains(where: { (CalendarDate(iso: $0.vintage) ?? vintage) <= date }),
            draft.indicator.map({ knowledge.frames.frames[$0]?.shapes.contains(.growth) == true }) == true
        {
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), but no vintage released by the document's date (\(date)) covers it: the \(vintage) figure may have been revised since the author wrote.",
                hints: hints)
        }
        // Several times the table's figure: a misreading (per head for total, a component, another
        // unit) far more often than an error, unless the frame is fully explicit.
        let statedValue = stated.midpoint.isFinite ? stated.midpoint : draft.sign * draft.mention.value
        let ratio = abs(statedValue) / max(abs(primary.interval.midpoint), 1e-12)
        let explicit =
            draft.entityResolution == .said && draft.indicatorResolution == .said
            && [.said, .carried].contains(draft.period?.resolution ?? .said)
        let scaleSlip = alternatives.contains { $0.isScaleSlip && stated.overlaps($0.interval) }
        if (ratio >= 3 || ratio <= 1.0 / 3), !explicit, !scaleSlip, draft.kind != .conversion {
            return CheckOutcome(
                verdict: .needsReview, primary: primary,
                message:
                    "Stated \(statedText); \(describe) = \(primary.display) (\(primary.label)), \(FigureFormat.number(ratio >= 1 ? ratio : 1 / ratio)) times \(ratio >= 1 ? "smaller" : "larger") than stated: the figure probably measures something else (per head, a component, another unit or scope).",
                hints: hints)
        }
        return nil
    }
}

import FigCheckCore

/// Checks that need no reference data and always run: the same quantity stated twice with
/// different figures, and shares of one whole that add up past 100%.
struct InternalConsistency {
    struct Issue {
        var draft: ClaimDraft
        var ruleId: String
        var message: String
        var other: ClaimDraft
    }

    /// The line of the original document a mention starts on.
    let lineOf: (ClaimDraft) -> Int

    func issues(in drafts: [ClaimDraft], document: DocumentContext) -> [Issue] {
        var issues: [Issue] = []
        // The same entity, measure and period, said twice, with intervals that cannot both hold.
        let values = drafts.filter {
            [.value, .ratio, .share, .count].contains($0.kind) && $0.isConfident
                && $0.entity != nil && $0.indicator ?? $0.denominator != nil
                && $0.period.map { $0.resolution == .said } == true
        }
        // Grouped by what they measure, so the check stays linear in the number of claims.
        var seen: [String: [ClaimDraft]] = [:]
        for later in values {
            let key = [
                later.entity ?? "", later.indicator ?? "", later.kind.rawValue,
                later.numeratorIndicators.joined(separator: "+"),
                later.period?.key ?? "", later.partner ?? "", later.scope ?? "", later.mention.kind.rawValue,
            ].joined(separator: "|")
            let earlierOnes = seen[key, default: []]
            if earlierOnes.count < 16 { seen[key, default: []].append(later) }
            guard let earlier = earlierOnes.first(where: { !$0.stated.overlaps(later.stated) }) else { continue }
            let line = lineOf(earlier)
            issues.append(
                Issue(
                    draft: later, ruleId: "same-figure-twice",
                    message:
                        "Stated \(later.mention.text) here but \(earlier.mention.text) on line \(line) for the same \(describe(later)).",
                    other: earlier))
        }
        // Shares of one entity's whole, by partner, for one period: more than 100% together.
        let shares = drafts.compactMap { draft -> (draft: ClaimDraft, key: String, partner: String)? in
            guard draft.kind == .share, let entity = draft.entity, let partner = draft.partner,
                let period = draft.period
            else { return nil }
            return (draft, "\(entity)|\(period.key)|\(draft.indicator ?? "")", partner)
        }
        let groups = Dictionary(grouping: shares, by: \.key)
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            var byPartner: [String: ClaimDraft] = [:]
            for share in group where byPartner[share.partner] == nil { byPartner[share.partner] = share.draft }
            guard byPartner.count > 1 else { continue }
            let parts = byPartner.values.sorted { $0.mention.range.lowerBound < $1.mention.range.lowerBound }
            let least = parts.reduce(0) { $0 + ($1.stated.low.isFinite ? $1.stated.low : 0) }
            guard least > 100, let last = parts.last, let entity = last.entity, let period = last.period else {
                continue
            }
            issues.append(
                Issue(
                    draft: last, ruleId: "shares-over-100",
                    message:
                        "The shares stated for \(entity) in \(period.key) (\(parts.map(\.mention.text).joined(separator: ", "))) add up to at least \(FigureFormat.number(least))%.",
                    other: parts[0]))
        }
        return issues
    }

    private func describe(_ draft: ClaimDraft) -> String {
        let measure = (draft.indicator ?? draft.denominator ?? "figure").replacingOccurrences(of: "_", with: " ")
        return "\(measure) of \(draft.entity ?? "?") in \(draft.period?.key ?? "?")"
    }
}

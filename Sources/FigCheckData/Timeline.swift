import FigCheckCore

/// A rate timeline as one entity sees it. A timeline table holds, for each indicator, entity and
/// scope, the values in force from each effective date until the next; rows of the table's
/// fallback entity (`fallbackEntity`, e.g. WLD for "every partner") hold for an entity until its
/// own first row for that scope. Rows announced after `knownOn` are left out (a retroactive rate
/// was not known before it was announced), and rows marked `not_applied` are never in force.
package enum Timeline {
    /// The rows in force one after another for `entity` and `scope`, in effective-date order.
    package static func steps(
        _ rows: [ReferenceValue], entity: String, scope: String?, partner: String? = nil,
        knownOn: CalendarDate? = nil
    ) -> [ReferenceValue] {
        let eligible = rows.filter { row in
            row.observation.effectiveDate != nil && !row.observation.neverApplied && row.observation.scope == scope
                && (partner == nil || row.observation.partner == partner) && known(row, on: knownOn)
        }
        let own = sorted(eligible.filter { $0.observation.entity == entity })
        let fallback = sorted(
            eligible.filter { row in
                row.table.fallbackEntity.map { $0 == row.observation.entity && $0 != entity } ?? false
            })
        guard let start = own.first?.observation.effectiveDate else { return fallback }
        return fallback.filter { ($0.observation.effectiveDate ?? start) < start } + own
    }

    /// Rates announced for `entity` (or its fallback) and `scope` but never applied.
    package static func neverApplied(
        _ rows: [ReferenceValue], entity: String, scope: String?,
        knownOn: CalendarDate? = nil
    ) -> [ReferenceValue] {
        sorted(
            rows.filter { row in
                row.observation.neverApplied && row.observation.scope == scope && known(row, on: knownOn)
                    && (row.observation.entity == entity || row.table.fallbackEntity == row.observation.entity)
            })
    }

    /// The row in force on `date`, if any.
    package static func inForce(_ steps: [ReferenceValue], on date: CalendarDate) -> ReferenceValue? {
        steps.last { ($0.observation.effectiveDate ?? date) <= date }
    }

    static func known(_ row: ReferenceValue, on date: CalendarDate?) -> Bool {
        guard let date, let announced = row.observation.announcedDate else { return true }
        return announced <= date
    }

    package static func sorted(_ rows: [ReferenceValue]) -> [ReferenceValue] {
        // ISO dates sort as text; rows of one date keep their file order.
        rows.sorted {
            ($0.observation.effectiveDate?.description ?? "", $0.table.id, $0.observation.line)
                < ($1.observation.effectiveDate?.description ?? "", $1.table.id, $1.observation.line)
        }
    }
}

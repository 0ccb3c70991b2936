/// What a reference table holds, and so which columns its CSV file has.
package enum TableKind: String, Codable, Sendable, CaseIterable {
    /// One indicator by entity and year: `entity,entity_name,period,value` (World Bank WDI), and an
    /// optional `status` column (`actual` or `projection`) where the publisher marks projections (IMF WEO).
    case series
    /// Curated facts, one source per row: see `FactColumns`.
    case facts
    /// Curated facts with effective dates: rates and targets in force from a date on.
    case timeline
    /// Countries and economies: `code,alpha2,numeric,name,official_name,short_name,capital,kind`.
    case entities
    /// Other names of entities: `alias,code,kind,note`.
    case aliases
    /// Groups and their members: `code,name,member`.
    case aggregates
    /// Words that name indicators: `phrase,indicator,note`.
    case lexicon
    /// What each indicator's tables hold: `indicator,shapes,sources,note`.
    case frames
    /// Names of publishers and definitions that prose cites: `phrase,source,note`.
    case sources
    /// ISO 4217 currencies, their country and exchange-rate entity: `currency,country,fx_entity,note`.
    case currencies
    /// Words that say a figure is real or nominal: `phrase,basis,note`.
    case bases
    /// Words that give the scope of a share: `phrase,scope,note`.
    case scopes

    /// The columns a CSV file of this kind must have, in this order.
    package var columns: [String] {
        switch self {
        case .series: return ["entity", "entity_name", "period", "value"]
        case .facts, .timeline: return FactColumns.all
        case .entities: return ["code", "alpha2", "numeric", "name", "official_name", "short_name", "capital", "kind"]
        case .aliases: return ["alias", "code", "kind", "note"]
        case .aggregates: return ["code", "name", "member"]
        case .lexicon: return ["phrase", "indicator", "note"]
        case .frames: return ["indicator", "shapes", "sources", "basis", "growth_indicator", "role", "note"]
        case .scopes: return ["phrase", "scope", "note"]
        case .bases: return ["phrase", "basis", "note"]
        case .sources: return ["phrase", "source", "note"]
        case .currencies: return ["currency", "country", "fx_entity", "fx_indicator", "note"]
        }
    }

    /// Columns a CSV file of this kind may add: a series' `status` (actual or projection); a
    /// timeline's `announced` date (a rate signed before it took effect, or a retroactive one known
    /// only from then), `status` (`not_applied`: announced for a date, superseded before it) and
    /// `stacks_with` (what the rate is added to).
    package var optionalColumns: [String] {
        switch self {
        case .series: return ["status"]
        case .timeline: return ["announced", "status", "stacks_with"]
        default: return []
        }
    }

    /// Whether rows hold numeric observations (as opposed to names).
    package var holdsObservations: Bool {
        self == .series || self == .facts || self == .timeline
    }
}

/// The columns of a curated facts or timeline table.
package enum FactColumns {
    package static let all = [
        "row_id", "indicator", "entity", "partner", "scope", "period", "effective_date", "value", "unit",
        "source_publisher", "source_url", "quote", "confidence", "notes",
    ]
    /// The confidence levels a curated row may state.
    package static let confidenceLevels: Set<String> = ["high", "medium-high", "medium", "low-medium", "low"]
}

/// The provenance and description of one reference table: the `*.meta.json` beside its CSV file.
package struct TableMetadata: Codable, Hashable, Sendable {
    /// What the table covers, as recorded when it was written.
    package struct Coverage: Codable, Hashable, Sendable {
        package var rows: Int
        package var entities: Int
        package var firstPeriod: String?
        package var lastPeriod: String?

        package init(rows: Int, entities: Int, firstPeriod: String?, lastPeriod: String?) {
            self.rows = rows
            self.entities = entities
            self.firstPeriod = firstPeriod
            self.lastPeriod = lastPeriod
        }
    }

    /// Bounds no value of the table can pass (a share above 100%, a negative GDP).
    package struct ValueRange: Codable, Hashable, Sendable {
        package var min: Double?
        package var max: Double?

        package init(min: Double?, max: Double?) {
            self.min = min
            self.max = max
        }
    }

    package var id: String
    package var title: String
    package var kind: TableKind
    /// The indicators the table has values for (one for a series).
    package var indicators: [String]
    /// The unit of the values (`USD`, `percent`, `persons`, `rank`, `LCU_per_USD` …), before `scale`.
    package var unit: String
    /// What a stored value must be multiplied by to be in `unit` (1 for WDI).
    package var scale: Double
    package var publisher: String
    package var dataset: String
    /// The publisher's own series code (`NY.GDP.MKTP.CD`), when there is one.
    package var seriesCode: String?
    package var url: String
    /// An SPDX-style licence identifier (`CC-BY-4.0`, `ODbL-1.0`, `PDDL-1.0`).
    package var licence: String
    /// What a report that uses the table must say.
    package var attribution: String
    /// The publisher's release date (YYYY-MM-DD), or for curated tables the date they were compiled.
    package var vintage: String
    /// When the data were retrieved from the publisher (YYYY-MM-DD).
    package var retrieved: String
    /// How the file reached us: repository, commit, path.
    package var obtainedFrom: String
    package var coverage: Coverage
    /// The columns that identify a row; no two rows may share them.
    package var keyColumns: [String]
    /// The CSV file, relative to this metadata file.
    package var file: String
    package var valueRange: ValueRange?
    package var notes: String?
    /// Timelines: the entity whose rows hold for every entity without rows of its own (WLD: "all
    /// partners"), if the table has one.
    package var fallbackEntity: String?

    package init(
        id: String, title: String, kind: TableKind, indicators: [String], unit: String, scale: Double,
        publisher: String, dataset: String, seriesCode: String?, url: String, licence: String,
        attribution: String, vintage: String, retrieved: String, obtainedFrom: String, coverage: Coverage,
        keyColumns: [String], file: String, valueRange: ValueRange?, notes: String?, fallbackEntity: String? = nil
    ) {
        self.fallbackEntity = fallbackEntity
        self.id = id
        self.title = title
        self.kind = kind
        self.indicators = indicators
        self.unit = unit
        self.scale = scale
        self.publisher = publisher
        self.dataset = dataset
        self.seriesCode = seriesCode
        self.url = url
        self.licence = licence
        self.attribution = attribution
        self.vintage = vintage
        self.retrieved = retrieved
        self.obtainedFrom = obtainedFrom
        self.coverage = coverage
        self.keyColumns = keyColumns
        self.file = file
        self.valueRange = valueRange
        self.notes = notes
    }
}

/// Where a curated row's figure comes from.
package struct RowProvenance: Hashable, Sendable {
    package var publisher: String
    package var url: String
    package var quote: String
    package var confidence: String
    package var notes: String
    /// The id of the row in the curated source it was read from ("A5b"), if any.
    package var rowID: String

    package init(publisher: String, url: String, quote: String, confidence: String, notes: String, rowID: String = "") {
        self.rowID = rowID
        self.publisher = publisher
        self.url = url
        self.quote = quote
        self.confidence = confidence
        self.notes = notes
    }
}

/// One reference value: what it measures, for whom, when, and from which table and line.
package struct Observation: Hashable, Sendable {
    package var tableID: String
    /// The 1-based line of the row in its CSV file.
    package var line: Int
    package var indicator: String
    package var entity: String
    package var entityName: String?
    package var partner: String?
    package var scope: String?
    /// A year (`2024`), half (`2025-H1`), quarter (`2025-Q2`), month (`2025-04`) or day (`2025-04-10`).
    package var period: String
    /// From when the value is in force (timeline tables).
    package var effectiveDate: CalendarDate?
    /// The value in the table's unit, scale applied.
    package var value: Double
    /// The value exactly as the table writes it.
    package var valueText: String
    package var unit: String
    /// Source, quote and confidence of a curated row.
    package var provenance: RowProvenance?
    /// The publisher marks the value a projection (a WEO year after its last actual one).
    package var isProjection: Bool
    /// Timelines: when the value was signed or announced, if the table says.
    package var announcedDate: CalendarDate?
    /// Timelines: announced for `effectiveDate` but superseded before it took effect.
    package var neverApplied: Bool = false
    /// Timelines: what the value is added to ("the MFN duty"), if the table says.
    package var stacksWith: String?

    package init(
        tableID: String, line: Int, indicator: String, entity: String, entityName: String?, partner: String?,
        scope: String?, period: String, effectiveDate: CalendarDate?, value: Double, valueText: String,
        unit: String, provenance: RowProvenance?, isProjection: Bool = false
    ) {
        self.tableID = tableID
        self.line = line
        self.indicator = indicator
        self.entity = entity
        self.entityName = entityName
        self.partner = partner
        self.scope = scope
        self.period = period
        self.effectiveDate = effectiveDate
        self.value = value
        self.valueText = valueText
        self.unit = unit
        self.provenance = provenance
        self.isProjection = isProjection
    }
}

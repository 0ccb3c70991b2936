import FigCheckCore
import FigCheckData

/// What the claim rules and verifiers know, loaded once per catalog and shared by every document
/// of a run: the reference tables, the entity directory, and the indicator lexicon as word
/// sequences with the unit each indicator is measured in.
package final class ClaimKnowledge: Sendable {
    /// A lexicon phrase as words, and the indicator it names.
    struct Cue: Sendable {
        var words: [String]
        var indicator: String
    }

    package let catalog: ReferenceCatalog
    package let directory: EntityDirectory
    /// Figure shapes and definitions of each indicator's tables, cited publishers, currencies.
    package let frames: FrameLexicon
    let cuesByFirstWord: [String: [Cue]]
    /// The first words of the cues, the sources (in lower case) and the basis phrases, for a quick
    /// "no" before the dictionaries (`WordFilter`).
    let cueFirstWords: WordFilter
    /// The tables published in vintages (series), read once rather than per claim.
    package let seriesTableIDs: Set<String>
    let sourceFirstWords: WordFilter
    let basisFirstWords: WordFilter
    /// A cited publisher's name as words (matched as written), its place in the lexicon's
    /// longest-first order, and the source it names.
    struct SourcePhrase: Sendable {
        var order: Int
        var words: [String]
        var source: String
    }
    /// Publisher names by their first word, so a sentence is matched word by word rather than
    /// name by name.
    let sourcesByFirstWord: [String: [SourcePhrase]]
    /// Basis phrases (lower-case words) by their first word.
    let basisPhrasesByFirstWord: [String: [[String]]]
    /// The unit of each indicator's tables: percent, USD, persons, rank, date, LCU_per_USD …
    let units: [String: String]
    /// Curated indicators: the entities and partners their rows name ("NATO" sets the targets;
    /// the country imposing a tariff is the partner of every row).
    let rowEntities: [String: [String]]
    let rowPartners: [String: Set<String>]
    /// The scopes the curated rows of each indicator have ("steel", "crude_and_condensate").
    package let rowScopes: [String: Set<String>]
    /// The indicators the rules give a role, from the frames lexicon.
    let gdpIndicator: String?
    package let targetIndicator: String?
    let shareIndicator: String?
    let exchangeRateIndicator: String?

    /// Reads the entity and lexicon tables of `catalog`.
    package init(catalog: ReferenceCatalog) throws {
        self.catalog = catalog
        directory = try EntityDirectory(catalog: catalog)
        let lexicon = try IndicatorLexicon(catalog: catalog)
        frames = try FrameLexicon(catalog: catalog)
        var cues: [String: [Cue]] = [:]
        for entry in lexicon.entries {
            let words = SentenceWords(entry.phrase).words.map(\.lower)
            guard let first = words.first else { continue }
            cues[first, default: []].append(Cue(words: words, indicator: entry.indicator))
        }
        // Longest phrase first, so "crude oil exports" wins over "exports".
        cuesByFirstWord = cues.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        var sources: [String: [SourcePhrase]] = [:]
        for (order, name) in frames.sourceNames.enumerated() {
            let words = name.phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            sources[first, default: []].append(SourcePhrase(order: order, words: words, source: name.source))
        }
        sourcesByFirstWord = sources
        var bases: [String: [[String]]] = [:]
        for phrase in frames.basisPhrases {
            if let first = phrase.words.first { bases[first, default: []].append(phrase.words) }
        }
        basisPhrasesByFirstWord = bases
        cueFirstWords = WordFilter(lowercasedWords: cues.keys)
        seriesTableIDs = Set(catalog.entries.filter { $0.metadata.kind == .series }.map(\.metadata.id))
        sourceFirstWords = WordFilter(lowercasedWords: sources.keys.map { $0.lowercased() })
        basisFirstWords = WordFilter(lowercasedWords: bases.keys)
        var units: [String: String] = [:]
        var rowEntities: [String: [String]] = [:]
        var rowPartners: [String: Set<String>] = [:]
        var rowScopes: [String: Set<String>] = [:]
        for indicator in catalog.indicators {
            guard let table = catalog.tables(for: indicator).last else { continue }
            units[indicator] = table.metadata.unit
            // Curated tables mix units (shares and volumes); their rows say which.
            guard table.metadata.kind != .series else { continue }
            // Every curated table of the indicator (China's tariff layers and the other partners' rates).
            var rows: [Observation] = []
            for curated in catalog.tables(for: indicator) where curated.metadata.kind != .series {
                rows += try catalog.observations(inTable: curated.metadata.id).filter { $0.indicator == indicator }
            }
            if let row = rows.first { units[indicator] = row.unit }
            var seen = Set<String>()
            rowEntities[indicator] = rows.map(\.entity).filter { seen.insert($0).inserted }
            rowPartners[indicator] = Set(rows.compactMap(\.partner))
            rowScopes[indicator] = Set(rows.compactMap(\.scope))
        }
        self.units = units
        self.rowEntities = rowEntities
        self.rowPartners = rowPartners
        self.rowScopes = rowScopes
        gdpIndicator = frames.indicator(withRole: "gdp")
        targetIndicator = frames.indicator(withRole: "target")
        shareIndicator = frames.indicator(withRole: "share_by_partner")
        exchangeRateIndicator = frames.indicator(withRole: "exchange_rate")
    }

    /// The unit an indicator is measured in, or nil for an indicator without a table.
    package func unit(of indicator: String) -> String? { units[indicator] }

    /// Whether the indicator's tables are yearly WDI series (as opposed to curated facts).
    package func isAnnualSeries(_ indicator: String) -> Bool {
        catalog.tables(for: indicator).contains { $0.metadata.kind == .series }
    }

    func isTimeline(_ indicator: String) -> Bool {
        catalog.tables(for: indicator).contains { $0.metadata.kind == .timeline }
    }
}

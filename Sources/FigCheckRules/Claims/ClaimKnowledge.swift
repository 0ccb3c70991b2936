import FigCheckCore
import FigCheckData

/// What the claim rules and verifiers know, loaded once per catalog and shared by every document
/// of a run: the reference tables, the entity directory, and the indicator lexicon as word
/// sequences with the unit each indicator is measured in.
public final class ClaimKnowledge: Sendable {
    /// A lexicon phrase as words, and the indicator it names.
    struct Cue: Sendable {
        var words: [String]
        var indicator: String
    }

    public let catalog: ReferenceCatalog
    public let directory: EntityDirectory
    /// Figure shapes and definitions of each indicator's tables, cited publishers, currencies.
    public let frames: FrameLexicon
    let cuesByFirstWord: [String: [Cue]]
    /// The unit of each indicator's tables: percent, USD, persons, rank, date, LCU_per_USD …
    let units: [String: String]

    /// Reads the entity and lexicon tables of `catalog`.
    public init(catalog: ReferenceCatalog) throws {
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
        var units: [String: String] = [:]
        for indicator in catalog.indicators {
            guard let table = catalog.tables(for: indicator).last else { continue }
            units[indicator] = table.metadata.unit
            // Curated tables mix units (shares and volumes); their rows say which.
            if table.metadata.kind != .series,
               let row = try catalog.observations(inTable: table.metadata.id).first(where: { $0.indicator == indicator }) {
                units[indicator] = row.unit
            }
        }
        self.units = units
    }

    /// The unit an indicator is measured in, or nil for an indicator without a table.
    public func unit(of indicator: String) -> String? { units[indicator] }

    /// Whether the indicator's tables are yearly WDI series (as opposed to curated facts).
    func isAnnualSeries(_ indicator: String) -> Bool {
        catalog.tables(for: indicator).contains { $0.metadata.kind == .series }
    }

    func isTimeline(_ indicator: String) -> Bool {
        catalog.tables(for: indicator).contains { $0.metadata.kind == .timeline }
    }
}

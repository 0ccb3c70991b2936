import FigCheckCore
import Foundation

/// What the claim layer knows about measures beyond the words that name them, read from the
/// lexicon tables: the figure shapes and definitions each indicator's tables hold, the names of
/// publishers prose cites, and which country issues each currency. Knowledge lives in these
/// tables, so the rules that use it stay generic.
package struct FrameLexicon: Sendable {
    /// The shape of figure a table holds or a sentence states.
    package enum Shape: String, Sendable, CaseIterable {
        /// A money amount ("$1.7 trillion").
        case amount
        /// A number of people or things.
        case count
        /// A rate or level ("unemployment of 6.6%", "1,363 won to the dollar").
        case level
        /// A change over a period ("grew 2.9%", "up 38% on the year").
        case growth
        /// A percentage of GDP ("2.1% of GDP", "relative to GDP").
        case shareOfGDP = "share_of_gdp"
        /// A percentage of some other whole ("51% of total imports", "80% of the world total").
        case shareOfTotal = "share_of_total"
    }

    /// The frame of one indicator's tables.
    package struct IndicatorFrame: Sendable {
        package var shapes: Set<Shape>
        /// The publishers (as `sources` names them) whose figures the tables carry.
        package var sources: Set<String>
        /// "nominal" or "real" where it matters, else empty.
        package var basis: String
        /// The indicator of this one's growth ("the economy … grew 3.3%"), else empty.
        package var growthIndicator: String
        /// What the rules use the indicator for ("gdp", "target", "pledge_component:<name>"), else empty.
        package var role: String
        /// For a bilateral indicator, the reporter's indicator of the same flow seen from the partner
        /// ("Mexico's shipments to the US" are US imports from Mexico), else empty.
        package var mirror: String
        /// A publisher whose forecasts of this indicator are bundled, in dated vintages, and the
        /// indicator of that series ("IMF" → imf_gdp_growth), else nil.
        package var forecast: (source: String, indicator: String)?
        package var note: String
    }

    /// A publisher's name as prose writes it.
    package struct SourceName: Sendable {
        package var phrase: String
        package var source: String
    }

    package private(set) var frames: [String: IndicatorFrame] = [:]
    package private(set) var sourceNames: [SourceName] = []
    /// Phrases (lower-case words) that say a figure's basis, and the basis ("real", "nominal").
    package private(set) var basisPhrases: [(words: [String], basis: String)] = []
    /// Words that give a share's scope, in table order, and the scope value of the share tables.
    package private(set) var scopeWords: [(word: String, scope: String)] = []
    /// ISO 4217 code → the issuing country, and its entity in the Fed H.10 tables (nil when none).
    package private(set) var currencies: [String: Currency] = [:]

    /// A currency's issuing country and the monthly exchange-rate series that prices it in dollars.
    package struct Currency: Sendable {
        package var country: String
        package var fxEntity: String?
        package var fxIndicator: String?
    }

    /// An empty lexicon: every indicator accepts every shape and source.
    package init() {}

    /// Reads the frame, source and currency tables among the lexicon tables of `catalog`.
    package init(catalog: ReferenceCatalog) throws {
        for entry in catalog.entries
        where [.frames, .sources, .currencies, .bases, .scopes].contains(entry.metadata.kind) {
            let (header, records) = try TableParser.records(of: entry.metadata, at: entry.dataURL)
            for record in records {
                func field(_ name: String) -> String {
                    guard let index = header[name], index < record.fields.count else { return "" }
                    return record.fields[index].trimmingWhitespace()
                }
                switch entry.metadata.kind {
                case .frames:
                    let shapes = Set(field("shapes").split(separator: "|").compactMap { Shape(rawValue: String($0)) })
                    let sources = Set(field("sources").split(separator: "|").map { String($0) })
                    frames[field("indicator")] = IndicatorFrame(
                        shapes: shapes, sources: sources, basis: field("basis"),
                        growthIndicator: field("growth_indicator"), role: field("role"),
                        mirror: field("mirror"),
                        forecast: Self.sourceAndIndicator(field("forecast")), note: field("note"))
                case .sources:
                    sourceNames.append(SourceName(phrase: field("phrase"), source: field("source")))
                case .bases:
                    let words = field("phrase").lowercased().split(separator: " ").map(String.init)
                    if !words.isEmpty { basisPhrases.append((words, field("basis"))) }
                case .scopes:
                    scopeWords.append((field("phrase").lowercased(), field("scope")))
                case .currencies:
                    let fx = field("fx_entity")
                    let series = field("fx_indicator")
                    currencies[field("currency")] = Currency(
                        country: field("country"), fxEntity: fx.isEmpty ? nil : fx,
                        fxIndicator: series.isEmpty ? nil : series)
                default:
                    break
                }
            }
        }
        // Longest name first, so "International Monetary Fund" is matched before a shorter name in it.
        sourceNames.sort { ($0.phrase.count, $0.phrase) > ($1.phrase.count, $1.phrase) }
        basisPhrases.sort { $0.words.count > $1.words.count }
    }

    /// Whether an indicator's tables hold figures of `shape` (indicators without a frame hold any).
    package func accepts(_ indicator: String, shape: Shape) -> Bool {
        guard let frame = frames[indicator], !frame.shapes.isEmpty else { return true }
        return frame.shapes.contains(shape)
    }

    /// Whether an indicator's tables carry figures by `source`'s definition (indicators without a
    /// frame, such as curated tables whose rows cite their own publishers, carry any).
    package func carries(_ indicator: String, source: String) -> Bool {
        guard let frame = frames[indicator], !frame.sources.isEmpty else { return true }
        return frame.sources.contains(source)
    }

    /// The indicators with a role, sorted; the role's name after "role:" where it has one.
    package func indicators(withRole role: String) -> [(indicator: String, name: String)] {
        frames.compactMap { indicator, frame -> (String, String)? in
            if frame.role == role { return (indicator, "") }
            if frame.role.hasPrefix(role + ":") { return (indicator, String(frame.role.dropFirst(role.count + 1))) }
            return nil
        }.sorted { $0.0 < $1.0 }
    }

    /// The reporter of a bilateral indicator (role `bilateral:<reporter>`: one country's trade with
    /// each partner), else nil.
    package func bilateralReporter(of indicator: String) -> String? {
        guard let role = frames[indicator]?.role, role.hasPrefix("bilateral:") else { return nil }
        return String(role.dropFirst("bilateral:".count))
    }

    /// The reporter's indicator of the flow a bilateral indicator measures, seen from the partner
    /// (imports from ↔ exports to; two-way trade is its own mirror), else nil.
    /// "IMF:imf_gdp_growth" → ("IMF", "imf_gdp_growth"); nil when empty or malformed.
    static func sourceAndIndicator(_ text: String) -> (source: String, indicator: String)? {
        let parts = text.split(separator: ":", maxSplits: 1).map { String($0) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }

    /// The series of `source`'s forecasts of `indicator`, when bundled.
    package func forecastIndicator(of indicator: String, by source: String) -> String? {
        guard let forecast = frames[indicator]?.forecast, forecast.source == source else { return nil }
        return forecast.indicator
    }

    package func mirror(of indicator: String) -> String? {
        guard let mirror = frames[indicator]?.mirror, !mirror.isEmpty else { return nil }
        return mirror
    }

    /// The one indicator with a role, if exactly one has it.
    package func indicator(withRole role: String) -> String? {
        let found = indicators(withRole: role)
        return found.count == 1 ? found[0].indicator : nil
    }

    /// The scope the words of a sentence give a share ("crude" → crude and condensate), if any.
    package func scope(in words: Set<String>) -> String? {
        scopeWords.first { words.contains($0.word) }?.scope
    }

    /// The first scope of the table, among `allowed`, whose phrase occurs in `words` (lower-case
    /// words in order; a phrase of several words must occur on consecutive words).
    package func scope(inSequence words: [String], among allowed: Set<String>) -> String? {
        for entry in scopeWords where allowed.contains(entry.scope) {
            let phrase = entry.word.split(separator: " ").map(String.init)
            guard let first = phrase.first, phrase.count <= words.count else { continue }
            for start in words.indices where words[start] == first && start + phrase.count <= words.count {
                if Array(words[start..<(start + phrase.count)]) == phrase { return entry.scope }
            }
        }
        return nil
    }

    /// The basis ("real", "nominal") of an indicator's tables, nil where it does not matter.
    package func basis(of indicator: String) -> String? {
        guard let basis = frames[indicator]?.basis, !basis.isEmpty else { return nil }
        return basis
    }

    /// The indicator of an indicator's growth, if a table holds it.
    package func growth(of indicator: String) -> String? {
        guard let growth = frames[indicator]?.growthIndicator, !growth.isEmpty else { return nil }
        return growth
    }

    /// The publishers whose figures an indicator's tables carry, for messages.
    package func sources(of indicator: String) -> [String] {
        (frames[indicator]?.sources).map { $0.sorted() } ?? []
    }
}

import FigCheckCore
import Foundation

/// Countries, aggregates and every name they go by, from the catalog's entity, alias and
/// aggregate tables: answers "which entity does this phrase name?" and "who is in the EU?".
package struct EntityDirectory: Sendable {
    /// An entity of the directory.
    package struct Entity: Sendable, Hashable {
        package var code: String
        package var name: String
        package var officialName: String
        package var capital: String
        /// `country` or `aggregate`.
        package var kind: String
    }

    /// How a phrase named an entity.
    package struct Match: Sendable, Hashable {
        package var code: String
        /// `name`, `abbreviation`, `adjective`, `demonym`, `metonym`, `alternative_spelling`.
        package var kind: String
        /// The table the name came from.
        package var table: String
    }

    package private(set) var entities: [String: Entity] = [:]
    /// Abbreviations, as written ("US", "PRC").
    private var byExactAlias: [String: [Match]] = [:]
    /// Other names, in lower case.
    private var byFoldedAlias: [String: [Match]] = [:]
    /// The most words of a name beginning with each (folded) first word: a finder walking a
    /// sentence skips a word that begins no name, and tries only phrases as long as a name can be.
    private var longestNameByFirstWord: [String: Int] = [:]
    /// The first words of `longestNameByFirstWord`, for the finder's quick "no".
    package private(set) var firstWords = WordFilter(lowercasedWords: [])
    /// The second, third and fourth words of the names (in lower case), so the finder tries a
    /// phrase of several words only when each word can be in its place.
    private var laterWords: [WordFilter] = []
    private var laterWordSets: [Set<String>] = Array(repeating: [], count: 3)
    private var members: [String: [String]] = [:]

    /// Reads the entity, alias and aggregate tables of `catalog`.
    package init(catalog: ReferenceCatalog) throws {
        let kinds: Set<TableKind> = [.entities, .aliases, .aggregates]
        for entry in catalog.entries where kinds.contains(entry.metadata.kind) {
            let (header, records) = try TableParser.records(of: entry.metadata, at: entry.dataURL)
            func field(_ name: String, _ record: CSVReader.Record) -> String {
                guard let index = header[name], index < record.fields.count else { return "" }
                return record.fields[index]
            }
            let table = entry.metadata.id
            switch entry.metadata.kind {
            case .entities:
                for record in records {
                    let entity = Entity(
                        code: field("code", record), name: field("name", record),
                        officialName: field("official_name", record),
                        capital: field("capital", record), kind: field("kind", record))
                    entities[entity.code] = entity
                    for name in [entity.name, entity.officialName, Self.withoutArticle(field("short_name", record))]
                    where !name.isEmpty {
                        add(name, Match(code: entity.code, kind: "name", table: table))
                    }
                }
            case .aliases:
                for record in records {
                    add(
                        field("alias", record),
                        Match(code: field("code", record), kind: field("kind", record), table: table))
                }
            case .aggregates:
                for record in records { members[field("code", record), default: []].append(field("member", record)) }
            default:
                continue
            }
        }
        firstWords = WordFilter(lowercasedWords: longestNameByFirstWord.keys)
        laterWords = laterWordSets.map { WordFilter(lowercasedWords: $0) }
        laterWordSets = []
    }

    /// False when no name has a word of this hash at `position` (1 for the second word, up to 3);
    /// a position past the filters is always a maybe.
    package func mayHaveWord(at position: Int, hash: UInt32) -> Bool {
        position < 1 || position > laterWords.count || laterWords[position - 1].mayContain(hash)
    }

    /// The entities `phrase` may name, most specific first (an exact-case abbreviation before a
    /// case-insensitive name). "US" names the United States; "us" names nothing.
    package func resolve(_ phrase: String) -> [Match] {
        let trimmed = phrase.trimmingWhitespace()
        let exact = byExactAlias[trimmed] ?? []
        let folded = byFoldedAlias[trimmed.lowercased()] ?? []
        var seen: Set<String> = []
        return (exact + folded).filter { seen.insert("\($0.code)|\($0.kind)").inserted }
    }

    /// The first of `resolve(phrase)`, without building the list: `phrase` has no surrounding
    /// whitespace and `lowercased` is its lower case (the claim reader has both for every word).
    package func firstMatch(_ phrase: String, lowercased: String) -> Match? {
        byExactAlias[phrase]?.first ?? byFoldedAlias[lowercased]?.first
    }

    /// The most words a name beginning with `word` (in lower case) has; 0 when no name begins with it.
    package func longestName(startingWithLowercased word: String) -> Int {
        longestNameByFirstWord[word] ?? 0
    }

    /// The members of an aggregate (EUU, G7, OED, NATO), or nil when it is not one.
    package func members(of code: String) -> [String]? { members[code] }

    /// Abbreviations (all capitals, like "US", "EU", "PRC") match only as written; other names
    /// match in any case.
    private mutating func add(_ alias: String, _ match: Match) {
        let isAbbreviation = alias.count <= 6 && alias == alias.uppercased() && alias != alias.lowercased()
        if isAbbreviation {
            if !(byExactAlias[alias]?.contains(match) ?? false) { byExactAlias[alias, default: []].append(match) }
        } else {
            let key = alias.lowercased()
            if !(byFoldedAlias[key]?.contains(match) ?? false) { byFoldedAlias[key, default: []].append(match) }
        }
        let words = alias.split(separator: " ")
        for (position, word) in words.dropFirst().prefix(laterWordSets.count).enumerated() {
            laterWordSets[position].insert(word.lowercased())
        }
        if let firstWord = words.first {
            longestNameByFirstWord[firstWord.lowercased(), default: 0] = max(
                longestNameByFirstWord[firstWord.lowercased()] ?? 0, words.count)
        }
    }

    /// "Republic of Korea (the)" → "Republic of Korea".
    private static func withoutArticle(_ name: String) -> String {
        name.hasSuffix(" (the)") ? String(name.dropLast(6)) : name
    }
}

/// The indicator lexicon: which indicators a word or phrase names ("nominal GDP" → gdp_current_usd).
package struct IndicatorLexicon: Sendable {
    /// One phrase and what it names.
    package struct Entry: Sendable, Hashable {
        package var phrase: String
        package var indicator: String
        package var note: String
    }

    package private(set) var entries: [Entry] = []
    private var byPhrase: [String: [String]] = [:]

    /// Reads the lexicon tables of `catalog`.
    package init(catalog: ReferenceCatalog) throws {
        for entry in catalog.entries where entry.metadata.kind == .lexicon {
            let (header, records) = try TableParser.records(of: entry.metadata, at: entry.dataURL)
            for record in records {
                func field(_ name: String) -> String {
                    guard let index = header[name], index < record.fields.count else { return "" }
                    return record.fields[index]
                }
                let item = Entry(phrase: field("phrase"), indicator: field("indicator"), note: field("note"))
                entries.append(item)
                byPhrase[item.phrase.lowercased(), default: []].append(item.indicator)
            }
        }
    }

    /// The indicators a phrase names (case-insensitive), in table order.
    package func indicators(named phrase: String) -> [String] {
        byPhrase[phrase.trimmingWhitespace().lowercased()] ?? []
    }
}

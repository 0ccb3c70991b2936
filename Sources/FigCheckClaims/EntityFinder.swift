import FigCheckCore
import FigCheckData

/// Finds the countries and groups a sentence names: names, abbreviations, demonyms
/// ("Chinese goods"), capitals used as metonyms ("Washington"), and "we"/"our"/"us" for the
/// document's subject. Names that are also other things ("Georgia" the US state, "Jordan" the
/// name) are found but marked uncertain, so a claim resting on them can only be reviewed.
package struct EntityFinder: Sendable {
    /// An entity named in a sentence.
    package struct Found: Sendable, Equatable {
        package var code: String
        /// The words as written, and their byte range in the sentence.
        package var text: String
        package var range: Range<Int>
        /// How it was named: name, abbreviation, adjective, demonym, metonym, pronoun …
        package var kind: String
        /// "Japan's", "its" → the owner of what follows.
        package var possessive: Bool
        /// True when the words may name something else.
        package var uncertain: Bool
    }

    /// Names that are also US states, people or common words: found, but uncertain.
    static let ambiguousNames: Set<String> = [
        "georgia", "jordan", "chad", "turkey", "guinea", "niger", "china", "panama",
        "jersey", "cuba", "mali", "peru",
    ]
    /// Of those, the ones usually meant as the country in policy writing.
    static let usuallyCountries: Set<String> = ["china", "turkey", "cuba", "peru", "panama", "jordan"]
    static let subjectPronouns: [String: Bool] = ["we": false, "our": true, "us": false, "ours": true]

    let directory: EntityDirectory
    /// The country "we" stands for, if the user said.
    package var subject: String?

    /// Creates a finder over the entity tables.
    package init(directory: EntityDirectory, subject: String?) {
        self.directory = directory
        self.subject = subject
    }

    /// The entities named in `sentence`, in order.
    package func entities(in sentence: String) -> [Found] {
        entities(inWords: SentenceWords(sentence).words)
    }

    /// The entities named by a sentence's words (as `SentenceWords` splits them), in order: the
    /// claim reader passes the words it has already split.
    package func entities(inWords words: [SentenceWords.Word]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let subject, let possessive = Self.subjectPronouns[word.lower], word.text != "US" {
                found.append(
                    Found(
                        code: subject, text: word.text, range: word.range, kind: "pronoun",
                        possessive: possessive, uncertain: false))
                index += 1
                continue
            }
            // Most words begin no name: skip them before building the phrases they would start,
            // and try no phrase longer than a name beginning with the word.
            let longest =
                directory.firstWords.mayContain(word.lowerHash)
                ? directory.longestName(startingWithLowercased: word.lower) : 0
            guard longest > 0 else {
                index += 1
                continue
            }
            var matched = false
            for length in stride(from: min(4, longest, words.count - index), through: 1, by: -1) {
                guard (1..<length).allSatisfy({ directory.mayHaveWord(at: $0, hash: words[index + $0].lowerHash) })
                else { continue }
                let slice = words[index..<(index + length)]
                let phrase = length == 1 ? word.text : slice.map(\.text).joined(separator: " ")
                let lower = length == 1 ? word.lower : slice.map(\.lower).joined(separator: " ")
                guard let match = directory.firstMatch(phrase, lowercased: lower) else { continue }
                // A capitalised word only, unless it is an abbreviation: "china" in lower case is porcelain.
                // Aliases of kind "common" are ordinary words that name an entity ("worldwide").
                guard let first = slice.first?.text.first, first.isUppercase || match.kind == "common" else { continue }
                let last = slice[slice.index(before: slice.endIndex)]
                let uncertain = Self.ambiguousNames.contains(lower) && !Self.usuallyCountries.contains(lower)
                found.append(
                    Found(
                        code: match.code, text: phrase,
                        range: slice[slice.startIndex].range.lowerBound..<last.range.upperBound,
                        kind: match.kind, possessive: last.possessive, uncertain: uncertain))
                index += length
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return found
    }
}

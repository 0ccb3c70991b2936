/// The content words of a sentence, reduced to stems, as evidence that two sentences speak of the
/// same thing: "profits dropped 25%" and "its profits drop 25%" share "profit"; "the number of
/// unemployed" and "unemployment had risen" share "unemploy". Function words, figures and the words
/// any statistic uses ("rise", "year", "percent") are left out, so a shared stem is a shared subject.
package enum MeasureWords {
    /// Nouns that refer back to a figure already given ("the 10% figure", "his $500 billion number").
    package static let referenceNouns: Set<String> = ["figure", "number", "claim", "estimate", "statistic"]

    /// The stems of the words, without the generic ones.
    package static func stems<Words: Sequence>(_ words: Words) -> Set<String>
    where Words.Element == SentenceWords.Word {
        var stems: Set<String> = []
        for word in words {
            guard let stem = stem(word.lower) else { continue }
            stems.insert(stem)
        }
        return stems
    }

    /// The stems of a sentence's words that may name what it measures: not the names of countries
    /// and groups, not owners ("Acme's", "Japan's") and not other proper names (capitalised inside
    /// the sentence), since two sentences about one owner share its name whatever they measure.
    package static func stems(of sentence: SentenceContext) -> Set<String> {
        stems(
            sentence.words.enumerated().filter { position, word in
                guard !word.possessive, !sentence.entities.contains(where: { $0.range.overlaps(word.range) }) else {
                    return false
                }
                let first = word.text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                let acronym = word.text.unicodeScalars.allSatisfy { $0.properties.isUppercase }
                return position == 0 || !first || acronym
            }.map(\.element))
    }

    /// The stem of one lower-case word, or nil for a word that says nothing about the subject.
    package static func stem(_ lower: String) -> String? {
        guard lower.utf8.count >= 3, lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }),
            !generic.contains(lower)
        else { return nil }
        var stem = lower
        for suffix in ["ments", "ment", "ings", "ing", "ies", "ed", "es", "s"]
        where stem.hasSuffix(suffix)
            && stem.utf8.count - suffix.utf8.count >= 4
        {
            stem.removeLast(suffix.count)
            if suffix == "ies" { stem += "y" }
            break
        }
        return generic.contains(stem) ? nil : stem
    }

    /// Words every statistical sentence may use: they tie no two sentences to one subject.
    static let generic: Set<String> = [
        // Function words.
        "about", "above", "after", "again", "against", "also", "although", "among", "around", "because", "been",
        "before",
        "being", "below", "between", "both", "could", "does", "down", "during", "each", "even", "from", "have",
        "having",
        "here", "into", "itself", "just", "last", "least", "less", "more", "most", "much", "next", "only", "other",
        "over",
        "same", "should", "since", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "under", "until", "upon", "very", "were", "what", "when", "where", "which", "while",
        "will", "with", "within", "would", "your", "still", "well", "already", "nearly", "almost", "roughly", "some",
        "the", "and", "for", "was", "but", "its", "has", "had", "are", "not", "all", "can", "per", "one", "two", "six",
        "ten", "new", "old", "out", "end", "day", "yet", "now", "may", "say", "set", "put", "got", "own", "via", "who",
        "how", "any", "off", "far", "few", "big", "his", "her", "him", "our", "you", "she", "they", "too", "why", "did",
        "get", "let", "see", "use", "way", "top", "low", "high", "lot", "bit", "due", "key", "ago", "net", "sum",
        // Quantities, periods and their words.
        "percent", "cent", "point", "points", "percentage", "billion", "million", "trillion", "thousand", "hundred",
        "year", "years", "month", "months", "week", "weeks", "quarter", "quarters", "today", "earlier", "later",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "annual", "annually", "monthly",
        // Verbs and nouns of change, of saying and of reporting.
        "rise", "rose", "risen", "fall", "fell", "fallen", "drop", "dropp", "increase", "increas", "decrease",
        "decreas",
        "decline", "declin", "grow", "grew", "grown", "growth", "gain", "lose", "lost", "jump", "climb", "slip",
        "shrank",
        "shrunk", "raise", "rais", "reduce", "reduc", "higher", "lower", "larger", "smaller", "record", "compared",
        "said", "says", "say", "told", "according", "report", "reported", "figure", "number", "data", "total", "level",
        "estimate", "estimat", "show", "shows", "showed", "latest", "first", "second", "third", "time", "times",
    ]
}

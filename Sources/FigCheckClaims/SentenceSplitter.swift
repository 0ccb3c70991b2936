/// Splits analysed text into sentences and paragraphs, the units claims are read in.
///
/// A sentence ends at ".", "!" or "?" followed by a space and a capital, digit, quote or
/// currency sign, at a paragraph break (a blank line), before a table row and before the item of
/// a bulleted list. Abbreviations that end in a full stop
/// ("U.S.", "Mr.", "Jan.", "e.g.") and decimal points do not end a sentence.
package struct SentenceSplitter: Sendable {
    /// A sentence: its byte range in the text and the paragraph it belongs to (0-based).
    package struct Sentence: Sendable, Equatable {
        package var range: Range<Int>
        package var paragraph: Int
    }

    /// Words that end in a full stop without ending the sentence (lower case, without the stop).
    static let abbreviations: Set<String> = [
        "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "no", "nos",
        "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "approx", "fig", "p", "pp", "vol", "art", "sec", "ed", "est", "jr", "sr", "dept",
    ]

    /// Words that commonly open a sentence: after "U.S." they mark a new sentence, where a
    /// capitalised noun ("U.S. Census Bureau") continues a name.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "it", "its", "in", "on", "at", "for", "by", "with", "from", "to", "of", "but", "and", "or",
        "so",
        "yet", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "there", "their", "his", "her",
        "our", "as", "when", "while", "after", "before", "since", "if", "although", "though", "however", "meanwhile",
        "still", "some", "many", "most", "other", "others", "one", "no", "not", "all", "both", "each", "such", "what",
        "why", "how", "who", "where", "then", "now", "today", "last", "next", "over", "under", "between", "among",
        "during", "despite", "even", "only", "also", "instead", "indeed", "yes",
    ]

    /// Creates a splitter.
    package init() {}

    /// The sentences of `text`, in order.
    package func sentences(in text: String) -> [Sentence] {
        let bytes = Array(text.utf8)
        var sentences: [Sentence] = []
        var paragraph = 0
        var start = skipSpace(bytes, from: 0)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                // A blank line (or a line break before an empty line) ends the paragraph.
                var next = index + 1
                while next < bytes.count,
                    bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\r")
                        || bytes[next] == UInt8(ascii: "\t")
                { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "\n") || next == bytes.count {
                    append(&sentences, start..<index, paragraph: paragraph, bytes: bytes)
                    paragraph += 1
                    start = skipSpace(bytes, from: next)
                    index = start
                    continue
                }
                // Each row of a table ("| Vietnam | 46 | …") is read on its own.
                let pipe = UInt8(ascii: "|")
                // So is each item of a bulleted list, and the line before the list (its heading).
                if start < bytes.count,
                    bytes[start] == pipe || (next < bytes.count && bytes[next] == pipe)
                        || startsListItem(bytes, at: next)
                {
                    append(&sentences, start..<index, paragraph: paragraph, bytes: bytes)
                    start = skipSpace(bytes, from: index + 1)
                    index = start
                    continue
                }
            }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = index + 1
                // Closing quotes and brackets belong to the sentence they close.
                while end < bytes.count, isCloser(bytes, at: end) { end += closerLength(bytes, at: end) }
                if endsSentence(bytes, punctuation: index, after: end) {
                    append(&sentences, start..<end, paragraph: paragraph, bytes: bytes)
                    start = skipSpace(bytes, from: end)
                    if containsBlankLine(bytes, end..<start) { paragraph += 1 }
                    index = start
                    continue
                }
            }
            index += 1
        }
        append(&sentences, start..<bytes.count, paragraph: paragraph, bytes: bytes)
        return sentences
    }

    /// "• ", "- ", "* ", "– " or "· " at `index`: a line that opens an item of a bulleted list.
    private func startsListItem(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let marker: Int
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"): marker = 1
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xA2 || bytes[index + 2] == 0x93):
            marker = 3  // • and –
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xB7: marker = 2  // ·
        default: return false
        }
        return index + marker < bytes.count && bytes[index + marker] == UInt8(ascii: " ")
    }

    private func endsSentence(_ bytes: [UInt8], punctuation: Int, after end: Int) -> Bool {
        guard end < bytes.count else { return true }
        guard bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\n") || bytes[end] == 0xC2 else {
            return false
        }
        if bytes[punctuation] == UInt8(ascii: ".") {
            // "20.4" has no space; "U.S. investment" and "Mr. Lee" are abbreviations.
            var wordStart = punctuation
            while wordStart > 0, isWordByte(bytes[wordStart - 1]) || bytes[wordStart - 1] == UInt8(ascii: ".") {
                wordStart -= 1
            }
            let word = String(decoding: bytes[wordStart..<punctuation], as: UTF8.self).lowercased()
            if Self.abbreviations.contains(word) {
                // "the U.S. The next": a country's abbreviation can end a sentence when a word that
                // opens sentences follows; before a name ("the U.S. Trade Representative") it is
                // the name's first word. Other abbreviations never end one.
                guard word == "u.s" || word == "u.k" || word == "e.u" else { return false }
                let next = skipSpace(bytes, from: end)
                var nextEnd = next
                while nextEnd < bytes.count, isWordByte(bytes[nextEnd]) { nextEnd += 1 }
                let nextWord = String(decoding: bytes[next..<nextEnd], as: UTF8.self).lowercased()
                if !nextWord.isEmpty, nextWord.first?.isLetter == true, !Self.sentenceOpeners.contains(nextWord) {
                    return false
                }
            }
            if word.count == 1, word.first?.isLetter == true { return false }  // initials: "J. Lee"
        }
        let next = skipSpace(bytes, from: end)
        guard next < bytes.count else { return true }
        let first = bytes[next]
        let isCapital = first &- 0x41 < 26
        let isDigit = first &- 0x30 < 10
        let opens =
            first == UInt8(ascii: "\"") || first == UInt8(ascii: "(") || first == UInt8(ascii: "$")
            || first == 0xE2 || first >= 0xC3  // curly quotes, currency signs, non-Latin capitals
        return isCapital || isDigit || opens || bytes[punctuation] != UInt8(ascii: ".")
    }

    private func append(_ sentences: inout [Sentence], _ range: Range<Int>, paragraph: Int, bytes: [UInt8]) {
        var end = range.upperBound
        while end > range.lowerBound, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > range.lowerBound else { return }
        sentences.append(Sentence(range: range.lowerBound..<end, paragraph: paragraph))
    }

    private func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// Whether the whitespace in `range` holds an empty line.
    private func containsBlankLine(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var breaks = 0
        for byte in bytes[range] {
            if byte == UInt8(ascii: "\n") {
                breaks += 1
                if breaks >= 2 { return true }
            } else if byte != UInt8(ascii: "\r") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                breaks = 0
            }
        }
        return false
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// ' " ) ] and the curly closing quotes ’ ” (E2 80 99, E2 80 9D).
    private func isCloser(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")")
            || byte == UInt8(ascii: "]")
        {
            return true
        }
        return byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x9D)
    }

    private func closerLength(_ bytes: [UInt8], at index: Int) -> Int {
        bytes[index] == 0xE2 ? 3 : 1
    }
}

import FigCheckCore

/// The words of a sentence with their byte ranges, for the claim rules' phrase matching.
package struct SentenceWords {
    package struct Word: Equatable {
        /// As written.
        var text: String
        package var lower: String
        /// `WordFilter.hash(lower)`, computed once for the look-ups every word meets.
        package var lowerHash: UInt32
        package var range: Range<Int>
        /// Followed directly by "'s" or "’s".
        var possessive: Bool
    }

    let words: [Word]

    /// Splits `sentence` into words: letters, digits, inner dots ("U.S.") and inner hyphens
    /// ("U.S.-bound" gives "U.S." and "bound").
    init(_ sentence: String) {
        let bytes = Array(sentence.utf8)
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            guard Self.isWordStart(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count,
                Self.isWordByte(bytes[index])
                    || (bytes[index] == UInt8(ascii: ".")
                        && index + 1 < bytes.count && Self.isWordStart(bytes[index + 1])
                        && index > start && bytes[index - 1] != UInt8(ascii: "."))
            {
                index += 1
            }
            // "U.S." keeps its last dot when the word is dotted letters.
            if index < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[start..<index].contains(UInt8(ascii: "."))
            {
                index += 1
            }
            var possessive = false
            var end = index
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "'"), bytes[index + 1] | 0x20 == UInt8(ascii: "s")
            {
                possessive = true
                end = index
                index += 2
            } else if index + 3 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99,
                bytes[index + 3] | 0x20 == UInt8(ascii: "s")
            {
                possessive = true
                end = index
                index += 4
            }
            guard end > start else {
                index = max(index, start + 1)
                continue
            }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let lower = text.lowercased()
            words.append(
                Word(
                    text: text, lower: lower, lowerHash: WordFilter.hash(lower), range: start..<end,
                    possessive: possessive))
        }
        self.words = words
    }

    /// Letters, digits and the lead bytes of non-ASCII letters; E2 leads punctuation (quotes, dashes).
    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || (byte >= 0xC3 && byte != 0xE2)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte >= 0x80 && byte != 0xE2
    }
}

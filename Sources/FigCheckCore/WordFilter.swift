/// A quick "certainly not" for word look-ups: a 65,536-bit set of the hashes of the words an
/// index starts with. Most words of a text start no name, measure or source; asking the filter
/// costs one array read, where a dictionary look-up hashes the whole string each time (a sixth of
/// a long document's check). A "maybe" still goes to the dictionary.
package struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    /// A filter of `words`, each already in lower case.
    package init(lowercasedWords words: some Sequence<String>) {
        for word in words {
            let hash = Self.hash(word)
            bits[Int(hash >> 6) & 1023] |= 1 << (hash & 63)
        }
    }

    /// False only when no word of the filter has this hash.
    package func mayContain(_ hash: UInt32) -> Bool {
        bits[Int(hash >> 6) & 1023] & (1 << (hash & 63)) != 0
    }

    /// FNV-1a over the word's UTF-8, the hash `SentenceWords` computes once per word.
    package static func hash(_ word: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in word.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}

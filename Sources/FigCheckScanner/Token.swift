/// A token of the analysed text: a run of letters, a run of digits, spaces, a line break, or one
/// punctuation or symbol character. Tokens hold byte offsets only, never copies of the text.
struct Token: Equatable {
    enum Kind: UInt8 {
        case word
        case digits
        case space
        case newline
        /// One punctuation or symbol character; `scalar` says which.
        case symbol
    }

    // 32-bit offsets keep a token at 16 bytes (documents are far below 2 GiB: inputs are capped).
    private var start32: Int32
    private var end32: Int32
    /// The Unicode scalar of a symbol token (0 for other kinds).
    var scalar: UInt32
    var kind: Kind

    init(start: Int, end: Int, kind: Kind, scalar: UInt32) {
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
        self.scalar = scalar
        self.kind = kind
    }

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var length: Int { Int(end32 - start32) }
}

/// Splits UTF-8 bytes into tokens in one linear pass.
enum Tokenizer {
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let start = index
            if byte < 0x80 {
                if isDigit(byte) {
                    while index < count, isDigit(bytes[index]) { index += 1 }
                    tokens.append(Token(start: start, end: index, kind: .digits, scalar: 0))
                } else if isLetter(byte) {
                    index = wordEnd(bytes, from: index)
                    tokens.append(Token(start: start, end: index, kind: .word, scalar: 0))
                } else if byte == 0x20 || byte == 0x09 {
                    while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 || isWideSpace(bytes, index) {
                        index += bytes[index] < 0x80 ? 1 : 2 + (bytes[index] == 0xC2 ? 0 : 1)
                    }
                    tokens.append(Token(start: start, end: index, kind: .space, scalar: 0))
                } else if byte == 0x0A || byte == 0x0D {
                    // "\r\n" is one line break.
                    index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    tokens.append(Token(start: start, end: index, kind: .newline, scalar: 0))
                } else {
                    index += 1
                    tokens.append(Token(start: start, end: index, kind: .symbol, scalar: UInt32(byte)))
                }
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            if isSpaceScalar(scalar) {
                index += length
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 || isWideSpace(bytes, index) {
                    index += bytes[index] < 0x80 ? 1 : 2 + (bytes[index] == 0xC2 ? 0 : 1)
                }
                tokens.append(Token(start: start, end: index, kind: .space, scalar: 0))
            } else if isSymbolScalar(scalar) {
                index += length
                tokens.append(Token(start: start, end: index, kind: .symbol, scalar: scalar))
            } else {
                index = wordEnd(bytes, from: index)
                tokens.append(Token(start: start, end: index, kind: .word, scalar: 0))
            }
        }
        return tokens
    }

    /// The end of a word: ASCII letters and non-ASCII letters (anything that is not a space or
    /// symbol scalar).
    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard isLetter(byte) else { break }
                index += 1
            } else {
                let (scalar, length) = decode(bytes, at: index)
                if isSpaceScalar(scalar) || isSymbolScalar(scalar) { break }
                index += length
            }
        }
        return index == start ? start + 1 : index
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// No-break space (C2 A0), and the thin and narrow no-break spaces (E2 80 89, E2 80 AF).
    @inline(__always) private static func isWideSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xA0 }
        if byte == 0xE2 {
            return index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89)
        }
        return false
    }

    static func isSpaceScalar(_ scalar: UInt32) -> Bool {
        scalar == 0xA0 || scalar == 0x202F || scalar == 0x2009 || scalar == 0x2002 || scalar == 0x2003
            || scalar == 0x3000
    }

    /// Punctuation and symbols: Latin-1 signs, general punctuation, currency signs, number forms,
    /// arrows and other symbol blocks, and the replacement character.
    static func isSymbolScalar(_ scalar: UInt32) -> Bool {
        (0xA1...0xBF).contains(scalar) || scalar == 0xD7 || scalar == 0xF7 || (0x2000...0x2BFF).contains(scalar)
            || (0x3000...0x303F).contains(scalar) || scalar == 0xFFFD || (0xFF01...0xFF0F).contains(scalar)
    }

    /// Decodes the (valid) UTF-8 sequence at `index`.
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let count = bytes.count
        if lead < 0xE0, index + 1 < count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < count {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        }
        if index + 3 < count {
            return (
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }
}

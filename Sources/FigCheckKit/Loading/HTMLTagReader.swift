/// One start or end tag read from HTML source.
struct HTMLTag {
    /// The lowercased element name.
    var name: String
    var isEnd: Bool
    var isSelfClosing: Bool
    /// Attribute values (entities decoded), by lowercased name.
    var attributes: [String: String]
    /// The bytes of the tag, `<` to `>` inclusive.
    var range: Range<Int>
}

/// Reads tags from HTML bytes without building a tree, so deep or broken nesting costs nothing.
///
/// Searches for a closing `>` or quote are remembered, so a document full of unclosed `<a title="`
/// is still read in linear time rather than rescanned from every `<`.
struct HTMLTagReader {
    let bytes: [UInt8]
    private var lastSearch: [UInt8: (from: Int, found: Int?)] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the tag starting at `bytes[index]` (which is `<`), or nil when the `<` starts no tag.
    // Long: the tag tokenizer (name, attributes, quoting, self-closing) over one cursor, bounded by construction.
    mutating func tag(at index: Int) -> HTMLTag? {
        guard next(UInt8(ascii: ">"), from: index) != nil else { return nil }
        var cursor = index + 1
        let end = bytes.count
        var isEnd = false
        if cursor < end, bytes[cursor] == UInt8(ascii: "/") {
            isEnd = true
            cursor += 1
        }
        let nameStart = cursor
        guard cursor < end, Self.isLetter(bytes[cursor]) else { return nil }
        while cursor < end, Self.isNameByte(bytes[cursor]) { cursor += 1 }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        var isSelfClosing = false
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") {
                return HTMLTag(
                    name: name, isEnd: isEnd, isSelfClosing: isSelfClosing,
                    attributes: attributes, range: index..<(cursor + 1))
            }
            if Self.isSpace(byte) {
                cursor += 1
                continue
            }
            if byte == UInt8(ascii: "/") {
                isSelfClosing = true
                cursor += 1
                continue
            }
            isSelfClosing = false
            let attributeStart = cursor
            while cursor < end, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
                bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/")
            { cursor += 1 }
            let attributeName = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
            while cursor < end, Self.isSpace(bytes[cursor]) { cursor += 1 }
            var value = ""
            if cursor < end, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < end, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < end else { return nil }
                let quote = bytes[cursor]
                let valueStart: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = cursor + 1
                    guard let close = next(quote, from: valueStart) else { return nil }
                    cursor = close + 1
                    value = String(decoding: bytes[valueStart..<close], as: UTF8.self)
                } else {
                    valueStart = cursor
                    while cursor < end, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                }
            }
            if !attributeName.isEmpty, attributes[attributeName] == nil {
                attributes[attributeName] = HTMLEntities.decodeAll(value)
            }
        }
        return nil
    }

    /// The offset of the first `needle` at or after `from`, compared ASCII case-insensitively.
    static func find(_ needle: String, in bytes: [UInt8], from: Int) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = from
        let last = bytes.count - pattern.count
        while index <= last {
            if lowercased(bytes[index]) == first {
                var matched = true
                for offset in 1..<pattern.count where lowercased(bytes[index + offset]) != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The offset of the first `byte` at or after `from`, remembering the last answer per byte.
    mutating func next(_ byte: UInt8, from: Int) -> Int? {
        if let cached = lastSearch[byte], cached.from <= from, (cached.found ?? Int.max) >= from {
            return cached.found
        }
        var index = from
        var found: Int?
        while index < bytes.count {
            if bytes[index] == byte {
                found = index
                break
            }
            index += 1
        }
        lastSearch[byte] = (from, found)
        return found
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }
}

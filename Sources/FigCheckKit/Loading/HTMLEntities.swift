/// Decodes HTML character references (`&amp;`, `&#8212;`, `&#x2014;`).
enum HTMLEntities {
    /// The named references that occur in articles; unknown names are kept as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "minus": "\u{2212}", "hyphen": "\u{2010}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "hellip": "\u{2026}", "bull": "\u{2022}",
        "middot": "\u{00B7}", "prime": "\u{2032}", "Prime": "\u{2033}", "euro": "\u{20AC}", "pound": "\u{00A3}",
        "yen": "\u{00A5}", "cent": "\u{00A2}", "dollar": "$", "percnt": "%", "permil": "\u{2030}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "times": "\u{00D7}", "divide": "\u{00F7}",
        "plusmn": "\u{00B1}", "deg": "\u{00B0}", "frac12": "\u{00BD}", "frac14": "\u{00BC}",
        "frac34": "\u{00BE}", "sup1": "\u{00B9}", "sup2": "\u{00B2}", "sup3": "\u{00B3}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "shy": "\u{00AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "sect": "\u{00A7}", "para": "\u{00B6}", "dagger": "\u{2020}", "Dagger": "\u{2021}", "num": "#",
        "colon": ":", "comma": ",", "period": ".", "lpar": "(", "rpar": ")", "sol": "/",
    ]

    /// Decodes the reference starting at `bytes[index]` (which is `&`): the text it stands for and
    /// the number of bytes it spans, or nil when it is not a reference.
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (text: String, length: Int)? {
        var cursor = index + 1
        let limit = min(end, index + 40)
        guard cursor < limit else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < limit && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
            if hex { cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < limit, let digit = digitValue(bytes[cursor], hex: hex) {
                value = value &* (hex ? 16 : 10) &+ digit
                if value > 0x10FFFF { return nil }
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            let length = (cursor < limit && bytes[cursor] == UInt8(ascii: ";") ? cursor + 1 : cursor) - index
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(Character(scalar)), length)
        }
        let nameStart = cursor
        while cursor < limit, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor < limit, bytes[cursor] == UInt8(ascii: ";"), cursor > nameStart,
            let text = named[String(decoding: bytes[nameStart..<cursor], as: UTF8.self)]
        else { return nil }
        return (text, cursor + 1 - index)
    }

    /// Decodes every reference in an attribute value.
    static func decodeAll(_ string: String) -> String {
        let bytes = Array(string.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return string }
        var result = ""
        var index = 0
        var runStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (text, length) = decode(bytes, at: index, end: bytes.count) {
                result += String(decoding: bytes[runStart..<index], as: UTF8.self) + text
                index += length
                runStart = index
            } else {
                index += 1
            }
        }
        return result + String(decoding: bytes[runStart..<bytes.count], as: UTF8.self)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

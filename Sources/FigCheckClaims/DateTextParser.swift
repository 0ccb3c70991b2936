import FigCheckCore

/// Reads a calendar date written out on its own: `2023-05-01`, `2025-10-01 16:48:15`,
/// `2023-05-01T08:00:00Z`, `2023/05/01`, `May 1, 2023`, `1 May 2023`, `Monday, May 1, 2023`.
/// It accepts only a whole string that is a date (and optionally a time), never a date inside prose.
package enum DateTextParser {
    /// English month names and their usual abbreviations, lowercased.
    static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// The date `string` consists of, or nil.
    package static func parse(_ string: String) -> CalendarDate? {
        let trimmed = string.trimmingWhitespace()
        if let date = parseNumeric(trimmed) { return date }
        return parseWritten(trimmed)
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD` or `YYYY.MM.DD`, optionally followed by a time (`T08:00:00Z`,
    /// ` 16:48:15`, `+09:00`).
    private static func parseNumeric(_ string: String) -> CalendarDate? {
        let bytes = Array(string.utf8)
        guard bytes.count >= 10 else { return nil }
        let separator = bytes[4]
        guard [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(separator),
            bytes[7] == separator,
            let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10])
        else { return nil }
        if bytes.count > 10 {
            guard isTime(Array(bytes[10...])) else { return nil }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A time after a date: `T`/space then digits, colons, fractions and a zone.
    private static func isTime(_ rest: [UInt8]) -> Bool {
        guard let first = rest.first, first == UInt8(ascii: "T") || first == UInt8(ascii: " ") else { return false }
        let body = rest.dropFirst().filter { $0 != UInt8(ascii: " ") }
        guard let lead = body.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead) else { return false }
        let allowed = Set("0123456789:.+-ZzAMPamp".utf8)
        return body.allSatisfy { allowed.contains($0) } && body.contains(UInt8(ascii: ":"))
    }

    /// `May 1, 2023`, `1 May 2023`, `May 1st 2023`, with an optional leading weekday.
    private static func parseWritten(_ string: String) -> CalendarDate? {
        var words = string.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
        if let first = words.first, weekdays.contains(first) { words.removeFirst() }
        guard words.count == 3 else { return nil }
        if let month = months[words[0]], let day = dayNumber(words[1]), let year = yearNumber(words[2]) {
            return CalendarDate(year: year, month: month, day: day)
        }
        if let day = dayNumber(words[0]), let month = months[words[1]], let year = yearNumber(words[2]) {
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }

    private static func dayNumber(_ word: String) -> Int? {
        var digitsOnly = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digitsOnly.hasSuffix(suffix) {
            digitsOnly = digitsOnly.dropLast(2)
        }
        guard (1...2).contains(digitsOnly.count), let day = Int(digitsOnly) else { return nil }
        return day
    }

    private static func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word) else { return nil }
        return year
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

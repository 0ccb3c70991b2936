/// A calendar day without time or zone: what a publication date or an effective date is.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// English month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// "April 2025".
    public var monthAndYear: String { "\(Self.monthNames[month - 1]) \(year)" }

    /// Creates a date, or nil when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first of January of `year`, which always exists (the year is kept within 1…9999).
    public static func januaryFirst(_ year: Int) -> CalendarDate {
        CalendarDate(valid: min(max(year, 1), 9999), month: 1, day: 1)
    }

    /// A day already known to exist.
    private init(valid year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (and tolerates a time or zone after it, as in ISO 8601 timestamps).
    public init?(iso string: String) {
        let bytes = Array(string.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
            let day = Int(String(decoding: bytes[8..<10], as: UTF8.self))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`, nothing after it (what flags, settings and table cells accept).
    public init?(exactISO string: String) {
        guard string.utf8.count == 10 else { return nil }
        self.init(iso: string)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
        return "\(year)-\(month)-\(day)"
    }

    /// Earlier dates first.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Reads a `YYYY-MM-DD` string.
    public init(from decoder: Decoder) throws {
        let string = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: string) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a YYYY-MM-DD date: \(string)"))
        }
        self = date
    }

    /// Writes a `YYYY-MM-DD` string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate {
    /// Days since a fixed epoch (proleptic Gregorian), for differences between dates.
    public var dayNumber: Int {
        let adjust = (14 - month) / 12
        let y = year + 4800 - adjust
        let m = month + 12 * adjust - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The date `days` later (or earlier).
    public func adding(days: Int) -> CalendarDate {
        var number = dayNumber + days
        number += 32044
        let b = (4 * number + 3) / 146097
        let c = number - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        let day = e - (153 * m + 2) / 5 + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        return CalendarDate(year: year, month: month, day: day) ?? self
    }
}

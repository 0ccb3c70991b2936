/// A closed interval of real numbers, possibly unbounded, with the arithmetic PRODUCT.md asks
/// for: a stated figure is an interval, and a value computed from stated figures carries their
/// intervals through every operation.
package struct Interval: Hashable, Sendable, CustomStringConvertible {
    package var low: Double
    package var high: Double
    /// "over 90%" excludes 90 itself; written precision and closed hedges include their ends.
    package var lowOpen: Bool
    package var highOpen: Bool

    package init(low: Double, high: Double, lowOpen: Bool = false, highOpen: Bool = false) {
        self.low = Swift.min(low, high)
        self.high = Swift.max(low, high)
        self.lowOpen = lowOpen
        self.highOpen = highOpen
    }

    /// An exact value (a reference figure, at its published precision).
    package static func point(_ value: Double) -> Interval { Interval(low: value, high: value) }

    /// The interval a mention commits to (nil bounds are unbounded).
    package init(low: Double?, high: Double?, lowInclusive: Bool = true, highInclusive: Bool = true) {
        self.init(low: low ?? -.infinity, high: high ?? .infinity, lowOpen: !lowInclusive, highOpen: !highInclusive)
    }

    package var isBounded: Bool { low.isFinite && high.isFinite }

    /// The middle of a bounded interval, or its finite end.
    package var midpoint: Double {
        if isBounded { return (low + high) / 2 }
        return low.isFinite ? low : high
    }

    /// Whether the two intervals share a point, respecting open ends.
    package func overlaps(_ other: Interval) -> Bool {
        if high < other.low || other.high < low { return false }
        if high == other.low, highOpen || other.lowOpen { return false }
        if other.high == low, other.highOpen || lowOpen { return false }
        return true
    }

    /// How far apart the intervals are (0 when they overlap).
    package func gap(to other: Interval) -> Double {
        if overlaps(other) { return 0 }
        return high < other.low ? other.low - high : low - other.high
    }

    package static func + (lhs: Interval, rhs: Interval) -> Interval {
        Interval(low: lhs.low + rhs.low, high: lhs.high + rhs.high)
    }

    package static func - (lhs: Interval, rhs: Interval) -> Interval {
        Interval(low: lhs.low - rhs.high, high: lhs.high - rhs.low)
    }

    package static func * (lhs: Interval, rhs: Interval) -> Interval {
        let corners = [lhs.low * rhs.low, lhs.low * rhs.high, lhs.high * rhs.low, lhs.high * rhs.high].filter {
            !$0.isNaN
        }
        return Interval(low: corners.min() ?? -.infinity, high: corners.max() ?? .infinity)
    }

    /// Division; nil when the divisor may be zero.
    package static func / (lhs: Interval, rhs: Interval) -> Interval? {
        guard rhs.low > 0 || rhs.high < 0 else { return nil }
        return lhs * Interval(low: 1 / rhs.high, high: 1 / rhs.low)
    }

    package func scaled(by factor: Double) -> Interval {
        Interval(
            low: low * factor, high: high * factor, lowOpen: factor >= 0 ? lowOpen : highOpen,
            highOpen: factor >= 0 ? highOpen : lowOpen)
    }

    package var description: String {
        "[\(FigureFormat.number(low)), \(FigureFormat.number(high))]"
    }
}

/// How figures are written in findings: few digits, thousands separators, scale words for money.
package enum FigureFormat {
    /// A plain number with up to `digits` significant decimals ("18.66", "1,875.39", "0.2").
    package static func number(_ value: Double, decimals: Int? = nil) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value.isNaN { return "?" }
        let places = decimals ?? (abs(value) >= 100 ? 2 : (abs(value) >= 1 ? 2 : 3))
        var text = rounded(value, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return groupThousands(text)
    }

    /// A money amount with a scale word: 1.87539e12 → "1,875.39 bn", 350e9 → "350 bn", 36238 → "36,238.64".
    package static func money(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return number(value / 1e9) + " bn" }
        if magnitude >= 1e6 { return number(value / 1e6) + " mn" }
        return number(value)
    }

    /// A count with a scale word: 1.45e9 → "1,450.94 mn".
    package static func count(_ value: Double) -> String {
        abs(value) >= 1e6 ? number(value / 1e6) + " mn" : number(value, decimals: 0)
    }

    /// `value` with `places` decimals, rounded half away from zero, in ASCII digits.
    static func rounded(_ value: Double, places: Int) -> String {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        var integer = scaled
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(integer.truncatingRemainder(dividingBy: 10)))
            integer = (integer / 10).rounded(.down)
        } while integer >= 1 || digits.count <= places
        digits.reverse()
        if places > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - places) }
        if value < 0 && scaled != 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// "1234567.5" → "1,234,567.5": commas between the thousands of the whole part.
    static func groupThousands(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var grouped: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") { grouped.append(bytes.removeFirst()) }
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        for (position, byte) in bytes[..<point].enumerated() {
            if position > 0 && (point - position) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(byte)
        }
        grouped += bytes[point...]
        return String(decoding: grouped, as: UTF8.self)
    }
}

/// A number read from the text, before its unit and context are known.
struct ParsedNumber {
    var value: Double
    /// The number as a plain decimal string, as written ("1,875.39" → "1875.39"; spelled → "25").
    var decimalText: String
    /// Token indices of the number, inclusive.
    var first: Int
    var last: Int
    /// Digits written after the decimal point; nil for spelled-out numbers (exact as words go).
    var fractionDigits: Int?
    /// Zeros ending a written integer ("300" → 2), which are not significant.
    var trailingZeros: Int = 0
    var spelled = false
    var isOrdinal = false
    /// A ratio such as "two thirds", "3/4", "a half".
    var isFraction = false
    /// A scale word or letter that is part of the number ("350 billion", "10k").
    var scale: Double = 1
    var scaleText: String?
    /// A plain integer written in digits without grouping (candidate year).
    var plainInteger = false
    var integerDigits = 0
    /// One to three digits, a dot and three digits ("45.000", "3.275"): a decimal in English, a
    /// thousands group in much of Europe. Settled by the currency and the document (`Context`).
    var dotMayGroupThousands = false
}

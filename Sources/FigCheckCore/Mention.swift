/// What a number in the text measures.
package enum MentionKind: String, Codable, Sendable, CaseIterable {
    case percent
    case percentagePoints = "percentage_points"
    case currency
    case count
    case year
    case date
    case ordinal
    case multiplier
    case fraction
    case duration
    /// A physical measure: "4,000 km", "50 mg", "2.1 mb/d".
    case measure
    case number
}

/// The qualifier in front of a figure, which turns its interval (PRODUCT.md, "Tolerance").
package enum Hedge: String, Codable, Sendable, CaseIterable {
    case none
    /// about, around, approximately, roughly, some, close to: ± a relative tolerance.
    case approximately
    /// nearly, almost: up to the value, and the tolerance below it.
    case nearly
    /// over, more than, above, exceeding, upwards of: above the value.
    case over
    /// under, less than, below, fewer than: below the value.
    case under
    /// at least: the value or more.
    case atLeast = "at_least"
    /// up to, at most: the value or less.
    case atMost = "at_most"
    /// equal to, equals: the value, said emphatically.
    case exactly
}

/// Why a number in the text is not a quantity and produces no claim.
package enum NotQuantityReason: String, Codable, Sendable, CaseIterable {
    case sectionNumber = "section_number"
    case phoneNumber = "phone_number"
    case listMarker = "list_marker"
    case footnoteMarker = "footnote_marker"
    case pageNumber = "page_number"
    case url
    case email
    case version
    case timeOfDay = "time_of_day"
    case identifier
    case tableIndex = "table_index"
    /// Other numbers on a line of page furniture (a list of other articles with their dates).
    case pageFurniture = "page_furniture"
}

/// A number found in the text, with what it measures and the interval it stands for.
package struct Mention: Hashable, Sendable {
    /// The whole mention in the analysed text (hedge, sign, currency, number, scale and unit).
    package var range: Range<Int>
    /// Just the number (for "$350 billion", "350 billion"; for "twenty percent", "twenty").
    package var numberRange: Range<Int>
    package var text: String
    package var kind: MentionKind
    /// The value in its unit, scale applied ("$350 billion" → 350e9; "20.4%" → 20.4).
    package var value: Double
    /// The number exactly as written, as a plain decimal ("350", "20.4", "1,875.39" → "1875.39").
    package var decimalText: String
    /// The interval the text commits to: written precision, hedge and range ends applied; nil is
    /// unbounded on that side.
    package var low: Double?
    package var high: Double?
    /// percent, percentage_point, ISO 4217 code, years, months, days, times …
    package var unit: String?
    /// The ISO 4217 code of a money amount.
    package var currency: String?
    /// The scale word as written ("billion", "bn", "k").
    package var scale: String?
    package var hedge: Hedge
    /// The hedge as written ("roughly", "more than").
    package var hedgeText: String?
    /// For a range ("between 10% and 15%", "10–15%"), the upper end's value.
    package var rangeEnd: Double?
    /// Whether the bounds include their end ("at least 5" does, "more than 5" does not).
    package var lowInclusive: Bool
    package var highInclusive: Bool
    /// The digits can be read two ways and nothing in the text settles which ("45.000 €": 45,000 or
    /// 45.000): `value` is the likelier reading, `otherReading` the other; no claim is checked on it.
    package var ambiguous = false
    package var otherReading: Double?

    package init(
        range: Range<Int>, numberRange: Range<Int>, text: String, kind: MentionKind, value: Double,
        decimalText: String, low: Double?, high: Double?, unit: String?, currency: String?, scale: String?,
        hedge: Hedge, hedgeText: String?, rangeEnd: Double?
    ) {
        self.range = range
        self.numberRange = numberRange
        self.text = text
        self.kind = kind
        self.value = value
        self.decimalText = decimalText
        self.low = low
        self.high = high
        self.unit = unit
        self.currency = currency
        self.scale = scale
        self.hedge = hedge
        self.hedgeText = hedgeText
        self.rangeEnd = rangeEnd
        self.lowInclusive = hedge != .over
        self.highInclusive = hedge != .under
    }
}

/// A number in the text that is not a quantity ("Section 232", a phone number, a URL).
package struct IgnoredNumber: Hashable, Sendable {
    package var range: Range<Int>
    package var text: String
    package var reason: NotQuantityReason

    package init(range: Range<Int>, text: String, reason: NotQuantityReason) {
        self.range = range
        self.text = text
        self.reason = reason
    }
}

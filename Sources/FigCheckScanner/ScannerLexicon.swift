import FigCheckCore

/// The words the scanner knows: spelled-out numbers, ordinals and fractions, scale words, units,
/// currencies, hedges, and the words before a number that make it a label ("Section 232").
/// Keys are lower case.
enum ScannerLexicon {
    /// Cardinal number words.
    enum Cardinal {
        case digit(Int)  // zero … nine
        case teen(Int)  // ten … nineteen
        case ten(Int)  // twenty … ninety
        case hundred
        case scale(Double)  // thousand, million, billion, trillion, lakh, crore
        case dozen
    }

    static let cardinals: [String: Cardinal] = {
        var table: [String: Cardinal] = [
            "zero": .digit(0), "nought": .digit(0), "naught": .digit(0), "nil": .digit(0),
            "hundred": .hundred, "hundreds": .hundred,
            "thousand": .scale(1e3), "thousands": .scale(1e3), "million": .scale(1e6), "millions": .scale(1e6),
            "billion": .scale(1e9), "billions": .scale(1e9), "trillion": .scale(1e12), "trillions": .scale(1e12),
            "quadrillion": .scale(1e15), "quadrillions": .scale(1e15),
            "lakh": .scale(1e5), "lakhs": .scale(1e5), "crore": .scale(1e7), "crores": .scale(1e7),
            "dozen": .dozen, "dozens": .dozen, "dz": .dozen, "dzs": .dozen, "doz": .dozen, "dozs": .dozen,
        ]
        for (index, word) in digitWords.enumerated() where index > 0 { table[word] = .digit(index) }
        for (index, word) in teenWords.enumerated() { table[word] = .teen(10 + index) }
        for (index, word) in tenWords.enumerated() { table[word] = .ten(20 + 10 * index) }
        return table
    }()

    static let digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let teenWords = [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ]
    static let tenWords = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Ordinal words and their values; plural forms are fraction denominators ("two thirds").
    static let ordinals: [String: (value: Double, plural: Bool)] = {
        let singles =
            [
                "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "nineth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
                "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
                "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
                "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                "hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
                "trillionth": 1e12, "quadrillionth": 1e15,
            ] as [String: Double]
        var table: [String: (Double, Bool)] = [:]
        for (word, value) in singles {
            table[word] = (value, false)
            table[word + "s"] = (value, true)
        }
        table["halves"] = (2, true)
        table["quarters"] = (4, true)
        return table
    }()

    /// Scale words after a figure: "350 billion", "$2.1bn", "10k".
    static let scaleWords: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6, "m": 1e6,
        "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "g": 1e9, "trillion": 1e12, "tn": 1e12, "tln": 1e12,
        "trn": 1e12, "t": 1e12, "quadrillion": 1e15, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
        "hundred": 1e2,
    ]

    /// Single-letter scales written against the digits, and whether lower case counts ("10k" yes,
    /// "1m" no: that is a metre).
    static let attachedScaleLetters: [UInt8: (scale: Double, lowerCaseToo: Bool)] = [
        UInt8(ascii: "k"): (1e3, true), UInt8(ascii: "m"): (1e6, false), UInt8(ascii: "b"): (1e9, true),
        UInt8(ascii: "g"): (1e9, false), UInt8(ascii: "t"): (1e12, false),
    ]

    /// Units of time for durations.
    static let durationUnits: [String: String] = [
        "year": "years", "years": "years", "yr": "years", "yrs": "years", "month": "months", "months": "months",
        "week": "weeks", "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
        "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
        "minute": "minutes", "minutes": "minutes", "quarter": "quarters", "quarters": "quarters",
    ]

    /// Words for "per hundred".
    static let percentWords: Set<String> = ["percent", "percents", "percentage", "pct", "per-cent"]

    /// Currencies written as words after (or before) the figure, by ISO 4217 code.
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
        "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "quid": "GBP", "yen": "JPY", "jpy": "JPY",
        "won": "KRW", "krw": "KRW", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "kuai": "CNY",
        "元": "CNY", "rupee": "INR", "rupees": "INR", "inr": "INR", "franc": "CHF", "francs": "CHF", "chf": "CHF",
        "peso": "MXN", "pesos": "MXN", "mxn": "MXN", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
        "roubles": "RUB", "rub": "RUB", "lira": "TRY", "liras": "TRY", "try": "TRY", "cad": "CAD", "aud": "AUD",
        "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "twd": "TWD", "brl": "BRL", "real": "BRL", "reais": "BRL",
        "bitcoin": "XBT", "bitcoins": "XBT", "btc": "XBT", "satoshi": "XBT", "satoshis": "XBT", "cent": "USD¢",
        "cents": "USD¢", "pence": "GBP¢",
        "penny": "GBP¢", "pennies": "GBP¢", "markka": "FIM", "pesetas": "ESP", "peseta": "ESP",
        "guilders": "NLG", "guilder": "NLG", "kip": "LAK", "lari": "GEL",
        "buck": "USD", "bucks": "USD", "円": "JPY", "kopeck": "RUB¢", "kopecks": "RUB¢", "kopek": "RUB¢",
        "kopeks": "RUB¢", "paise": "INR¢",
        "paisa": "INR¢",
    ]

    /// Words in front of a currency word that name whose currency it is ("Hong Kong dollars").
    static let currencyQualifiers: [String: [String: String]] = [
        "us": ["dollar": "USD", "dollars": "USD"], "u.s.": ["dollar": "USD", "dollars": "USD"],
        "american": ["dollar": "USD", "dollars": "USD"],
        "canadian": ["dollar": "CAD", "dollars": "CAD"], "australian": ["dollar": "AUD", "dollars": "AUD"],
        "singapore": ["dollar": "SGD", "dollars": "SGD"], "taiwan": ["dollar": "TWD", "dollars": "TWD"],
        "swiss": ["franc": "CHF", "francs": "CHF"], "french": ["franc": "FRF", "francs": "FRF"],
        "chinese": ["yuan": "CNY"], "japanese": ["yen": "JPY"], "korean": ["won": "KRW"],
        "indian": ["rupee": "INR", "rupees": "INR"], "mexican": ["peso": "MXN", "pesos": "MXN"],
        "turkish": ["lira": "TRY"], "russian": ["ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB"],
        "finnish": ["markka": "FIM"], "dutch": ["guilders": "NLG", "guilder": "NLG"],
        "british": ["pound": "GBP", "pounds": "GBP"], "brazilian": ["real": "BRL", "reais": "BRL"],
    ]

    /// Currency signs in front of (or after) a figure.
    static let currencySigns: [UInt32: String] = [
        0x24: "USD", 0x20AC: "EUR", 0xA3: "GBP", 0xA5: "JPY", 0x20A9: "KRW", 0x20B9: "INR", 0x20BD: "RUB",
        0x20BA: "TRY", 0x20BF: "XBT", 0x20A1: "CRC", 0x20BE: "GEL", 0x20AD: "LAK", 0x20AB: "VND", 0x20B1: "PHP",
        0x20AA: "ILS", 0x0E3F: "THB", 0xA2: "USD¢", 0x20A6: "NGN", 0x20B4: "UAH", 0x20B8: "KZT", 0x09F3: "BDT",
        0x20BC: "AZN", 0x20A4: "GBP", 0x20B5: "GHS", 0x20B2: "PYG", 0x20AE: "MNT", 0x5186: "JPY",
    ]

    /// Abbreviations English-language news writes for some currencies, matched as written (case
    /// and all): before the figure "Rs 450", "RM 12", "Rp 50,000", "Tk 60"; after it "45 kr",
    /// "120 TL" (where those are written). "kr" is also the Norwegian, Danish and Icelandic
    /// crown: the Swedish is assumed.
    static let regionalAbbreviations: [String: String] = [
        "Rs": "INR", "RM": "MYR", "Rp": "IDR", "Tk": "BDT", "kr": "SEK", "TL": "TRY",
    ]
    static let regionalAbbreviationsAfterTheFigure: Set<String> = ["kr", "TL"]
    /// Their first bytes, for a test before any string is made.
    static let regionalAbbreviationFirstBytes = ByteSet(regionalAbbreviations.keys.compactMap(\.utf8.first))

    /// Letters written before "$" that say which dollar ("US$", "HK$", "C$"), lower case.
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "u.s": "USD", "u.s.": "USD", "usd": "USD", "hk": "HKD", "c": "CAD", "ca": "CAD", "cad": "CAD",
        "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "s": "SGD", "sg": "SGD", "nt": "TWD",
        "r": "BRL", "mex": "MXN", "mx": "MXN", "mxn": "MXN", "sgd": "SGD", "can": "CAD", "rd": "DOP",
        // Not scales: "T$" is the paʻanga, "B$" the Brunei dollar, "J$" Jamaica's, "G$" Guyana's,
        // "N$" Namibia's.
        "t": "TOP", "b": "BND", "j": "JMD", "g": "GYD", "n": "NAD",
    ]

    /// ISO 4217 codes accepted in capitals around a figure ("USD 200", "115USD", "30 MUSD").
    static let isoCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "KRW", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "HKD", "SGD", "NZD", "RUB", "TRY",
        "BRL", "MXN", "TWD", "SEK", "NOK", "DKK", "PLN", "ZAR", "SAR", "AED", "IDR", "THB", "VND", "PHP", "MYR",
    ]

    /// Hedges, by their words (multi-word hedges are matched word by word, longest first).
    static let hedges: [(words: [String], hedge: Hedge)] = [
        (["less", "than", "or", "equal", "to"], .atMost), (["fewer", "than", "or", "equal", "to"], .atMost),
        (["more", "than", "or", "equal", "to"], .atLeast), (["greater", "than", "or", "equal", "to"], .atLeast),
        (["equal", "to", "or", "less", "than"], .atMost), (["equal", "to", "or", "fewer", "than"], .atMost),
        (["equal", "to", "or", "more", "than"], .atLeast), (["equal", "to", "or", "greater", "than"], .atLeast),
        (["at", "least", "or", "equal", "to"], .atLeast), (["at", "most", "or", "equal", "to"], .atMost),
        (["smaller", "or", "equal", "than"], .atMost), (["lower", "or", "equal", "than"], .atMost),
        (["less", "or", "equal", "than"], .atMost), (["higher", "or", "equal", "than"], .atLeast),
        (["bigger", "or", "equal", "than"], .atLeast), (["greater", "or", "equal", "than"], .atLeast),
        (["larger", "or", "equal", "than"], .atLeast), (["more", "or", "equal", "than"], .atLeast),
        (["equal", "to"], .exactly), (["equals", "to"], .exactly), (["equaling", "to"], .exactly),
        (["equals"], .exactly), (["bigger", "than"], .over),
        (["no", "more", "than"], .atMost), (["no", "less", "than"], .atLeast), (["not", "more", "than"], .atMost),
        (["not", "less", "than"], .atLeast), (["as", "much", "as"], .atMost), (["as", "many", "as"], .atMost),
        (["as", "little", "as"], .atLeast), (["more", "than"], .over), (["less", "than"], .under),
        (["fewer", "than"], .under), (["greater", "than"], .over), (["larger", "than"], .over),
        (["higher", "than"], .over), (["lower", "than"], .under), (["smaller", "than"], .under),
        (["at", "least"], .atLeast), (["at", "most"], .atMost), (["up", "to"], .atMost),
        (["close", "to"], .approximately),
        (["upwards", "of"], .over), (["in", "excess", "of"], .over), (["just", "over"], .over),
        (["just", "under"], .under), (["well", "over"], .over), (["well", "under"], .under),
        (["an", "estimated"], .approximately), (["some"], .approximately), (["about"], .approximately),
        (["around"], .approximately), (["approximately"], .approximately), (["approx"], .approximately),
        (["roughly"], .approximately), (["circa"], .approximately), (["nearly"], .nearly), (["almost"], .nearly),
        (["over"], .over), (["above"], .over), (["exceeding"], .over), (["exceeds"], .over), (["exceed"], .over),
        (["surpassing"], .over), (["surpass"], .over), (["beyond"], .over), (["under"], .under), (["below"], .under),
        (["within"], .atMost), (["maximum"], .atMost), (["minimum"], .atLeast),
    ]

    /// Hedge phrases by their last word, longest first, so the words before a number are compared
    /// only with the phrases that can end there.
    static let hedgesByLastWord: [String: [(words: [String], hedge: Hedge)]] = {
        var table: [String: [(words: [String], hedge: Hedge)]] = [:]
        for entry in hedges {
            guard let last = entry.words.last else { continue }
            table[last, default: []].append(entry)
        }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// Words before a number that make it a label, not a quantity ("Section 232", "Article 5").
    static let labelWords: [String: NotQuantityReason] = [
        "section": .sectionNumber, "sec": .sectionNumber, "sections": .sectionNumber, "article": .sectionNumber,
        "art": .sectionNumber, "articles": .sectionNumber, "chapter": .sectionNumber, "clause": .sectionNumber,
        "paragraph": .sectionNumber, "para": .sectionNumber, "title": .sectionNumber, "rule": .sectionNumber,
        "amendment": .sectionNumber, "annex": .sectionNumber, "appendix": .sectionNumber, "part": .sectionNumber,
        "resolution": .sectionNumber, "eo": .sectionNumber, "page": .pageNumber, "pages": .pageNumber,
        "p": .pageNumber, "pp": .pageNumber, "figure": .tableIndex, "fig": .tableIndex, "table": .tableIndex,
        "no": .tableIndex, "nos": .tableIndex, "nr": .tableIndex, "nrs": .tableIndex, "item": .tableIndex,
        "version": .version, "v": .version, "vol": .sectionNumber, "volume": .sectionNumber, "issue": .tableIndex,
        "footnote": .footnoteMarker, "note": .footnoteMarker, "flight": .identifier, "route": .identifier,
        "room": .identifier, "box": .identifier, "apartment": .identifier, "suite": .identifier,
    ]

    /// Month names for dates ("May 1, 2023", "on August 18").
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Every word that can start a mention: number words, articles, fractions, months, percent
    /// and multiplier words. Other words are skipped with one lookup.
    static let mentionStarters: Set<String> = {
        var words = Set(cardinals.keys).union(ordinals.keys).union(months.keys).union(percentWords)
            .union(multiplierWords.keys)
        words.formUnion(["a", "an", "half", "halves", "quarter", "quarters", "per", "point"])
        return words
    }()

    /// Words that can continue a number phrase after digits ("3 hundred and 21", "1 over 3",
    /// "3 dozens", "2.33 k").
    static let phraseContinuers: Set<String> = {
        var words = Set(cardinals.keys).union(ordinals.keys)
        words.formUnion([
            "and", "over", "out", "in", "point", "half", "halves", "quarter", "quarters", "of",
            "k", "bn", "bln", "mn", "mln", "tn", "tln", "trn",
        ])
        return words
    }()

    /// A cheap filter before `mentionStarters`: which (length, first letter, last letter) triples
    /// occur among them, so most words are passed over without building a string.
    static let starterShapes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (32 * 32 * 32) / 64)
        for word in mentionStarters {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, let last = bytes.last else { continue }
            let index = shape(length: bytes.count, first: first, last: last)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    /// A bit index from a word's length and its first and last letters (any case, any byte).
    @inline(__always) static func shape(length: Int, first: UInt8, last: UInt8) -> Int {
        (min(length, 31) << 10) | (Int((first | 0x20) & 31) << 5) | Int((last | 0x20) & 31)
    }

    @inline(__always) static func mayStartMention(length: Int, first: UInt8, last: UInt8) -> Bool {
        let index = shape(length: length, first: first, last: last)
        return starterShapes[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Multipliers written as one word.
    static let multiplierWords: [String: Double] = [
        "twice": 2, "thrice": 3, "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "triple": 3, "tripled": 3,
        "triples": 3, "tripling": 3, "quadruple": 4, "quadrupled": 4, "quadruples": 4, "halved": 0.5,
        "halves": 0.5, "halving": 0.5, "tenfold": 10, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
        "hundredfold": 100,
    ]

    // Small word sets the rules test against, kept here so the hot path allocates nothing.
    static let determinersBeforeOne: Set<String> = [
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "one", "someone", "anyone",
    ]
    static let wordsBeforeNounDouble: Set<String> = ["a", "the", "two", "in"]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    static let knownGluedSuffixes: Set<String> = ["st", "nd", "rd", "th", "e", "x", "s"]
    static let currencyWordsBeforeAmount: Set<String> = [
        "rmb", "usd", "eur", "gbp", "sen", "dollar", "dollars", "euro", "euros",
    ]
    static let percentagePointAbbreviations: Set<String> = ["pp", "ppt", "ppts", "pps"]
    static let timeOfDayWords: Set<String> = ["am", "pm", "a.m", "p.m"]
    static let greaterWords: Set<String> = ["more", "greater", "above", "over", "higher", "larger", "bigger"]
    static let lesserWords: Set<String> = ["less", "fewer", "below", "under", "lower", "smaller"]
    static let dimensionWords: Set<String> = [
        "thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "gap", "bottle",
    ]
    static let ambiguousCurrencyWords: Set<String> = ["real", "try", "rub", "kip", "lari"]
    /// Currency words that "a" makes one of ("a dollar", "a penny", "a euro").
    static let singularCurrencyWords: Set<String> = [
        "dollar", "euro", "pound", "penny", "cent", "rupee", "peso", "franc",
        "yen", "yuan", "rouble", "ruble", "buck", "quid",
    ]
    /// Their first letters and longest length, to pass over most words after "a" without a string.
    static let singularCurrencyFirstBytes = ByteSet(singularCurrencyWords.compactMap(\.utf8.first))
    static let longestSingularCurrencyWord = singularCurrencyWords.map(\.utf8.count).max() ?? 0
    static let minorCurrencyUnits: Set<String> = ["cents", "cent", "pence", "penny"]
    static let pairJoiners: Set<String> = ["and", "but", ",", "and also"]
    static let wordsAfterPlainNumber: Set<String> = [
        "and", "or", "to", "of", "in", "on", "at", "by", "from", "per", "the", "a", "an", "is", "are", "was", "were",
    ]
}

/// A set of bytes tested by indexing, for the scanner's hot path (a `Set<UInt8>` would hash).
struct ByteSet {
    private var members = [Bool](repeating: false, count: 256)

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { members[Int(byte)] = true }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
}

/// The currency words the scanner knows, for the claim rules ("won" → KRW).
package enum CurrencyWords {
    /// The ISO 4217 code a currency word names, if any (lower-case word).
    package static func code(_ word: String) -> String? { ScannerLexicon.currencyWords[word] }
}

/// Units of measure written after a figure ("1,500,000 kilometres", "4,000 km", "50 mg",
/// "32 degrees Celsius", "2.1 mb/d"): names in any case and plural, symbols as written. Names
/// follow the SI brochure and common English usage; SI prefixes are generated for the units that
/// take them.
enum PhysicalUnits {
    struct Unit: Equatable {
        var name: String
        var entity: String
    }

    private struct Base {
        var name: String
        var entity: String
        var names: [String]
        var symbols: [String]
        var prefixed: Bool
    }

    private static let bases: [Base] = [
        Base(name: "metre", entity: "length", names: ["metre", "meter"], symbols: ["m"], prefixed: true),
        Base(name: "gram", entity: "mass", names: ["gram", "gramme"], symbols: ["g"], prefixed: true),
        Base(name: "litre", entity: "volume", names: ["litre", "liter"], symbols: ["l", "L", "ℓ"], prefixed: true),
        Base(name: "second", entity: "time", names: [], symbols: ["s", "sec"], prefixed: true),
        Base(name: "watt", entity: "power", names: ["watt"], symbols: ["W"], prefixed: true),
        Base(name: "watt hour", entity: "energy", names: ["watt hour", "watt-hour"], symbols: ["Wh"], prefixed: true),
        Base(name: "joule", entity: "energy", names: ["joule"], symbols: ["J"], prefixed: true),
        Base(
            name: "electronvolt", entity: "energy", names: ["electronvolt", "electron volt"], symbols: ["eV"],
            prefixed: true),
        Base(name: "byte", entity: "data storage", names: ["byte"], symbols: ["B"], prefixed: true),
        Base(name: "bit", entity: "data storage", names: ["bit"], symbols: ["bit"], prefixed: true),
        Base(name: "hertz", entity: "frequency", names: ["hertz"], symbols: ["Hz"], prefixed: true),
        Base(name: "gray", entity: "radiation absorbed dose", names: ["gray"], symbols: ["Gy"], prefixed: true),
        Base(name: "annum", entity: "time", names: ["annum"], symbols: ["a"], prefixed: true),
        Base(name: "tonne", entity: "mass", names: ["tonne", "metric ton", "ton"], symbols: ["t"], prefixed: false),
        Base(name: "mile", entity: "length", names: ["mile", "statute mile"], symbols: ["mi"], prefixed: false),
        Base(name: "inch", entity: "length", names: ["inch"], symbols: ["in", "″"], prefixed: false),
        Base(name: "foot", entity: "length", names: ["foot", "feet"], symbols: ["ft"], prefixed: false),
        Base(name: "yard", entity: "length", names: ["yard"], symbols: ["yd"], prefixed: false),
        Base(name: "nautical mile", entity: "length", names: ["nautical mile"], symbols: ["nmi"], prefixed: false),
        Base(name: "pound-mass", entity: "mass", names: [], symbols: ["lb", "lbs", "lbm"], prefixed: false),
        Base(name: "ounce", entity: "mass", names: ["ounce"], symbols: ["oz"], prefixed: false),
        Base(name: "gallon", entity: "volume", names: ["gallon"], symbols: ["gal"], prefixed: false),
        Base(name: "barrel", entity: "volume", names: ["barrel"], symbols: ["bbl"], prefixed: false),
        Base(name: "cup", entity: "volume", names: ["cup"], symbols: [], prefixed: false),
        Base(name: "tablespoon", entity: "volume", names: ["tablespoon"], symbols: ["tbsp"], prefixed: false),
        Base(name: "teaspoon", entity: "volume", names: ["teaspoon"], symbols: ["tsp"], prefixed: false),
        Base(
            name: "degree Celsius", entity: "temperature",
            names: [
                "degree celsius", "celsius", "centigrade",
                "degree centigrade",
            ], symbols: ["°C", "℃"], prefixed: false),
        Base(
            name: "degree fahrenheit", entity: "temperature", names: ["degree fahrenheit", "fahrenheit"],
            symbols: ["°F", "℉"], prefixed: false),
        Base(name: "kelvin", entity: "temperature", names: ["kelvin"], symbols: ["K"], prefixed: false),
        Base(name: "hour", entity: "time", names: [], symbols: ["h", "hr", "hrs"], prefixed: false),
        Base(name: "minute", entity: "time", names: [], symbols: ["min", "mins"], prefixed: false),
        Base(
            name: "square kilometre", entity: "area", names: ["square kilometre", "square kilometer"],
            symbols: ["km2", "km²", "sq km", "km^2"], prefixed: false),
        Base(
            name: "square metre", entity: "area", names: ["square metre", "square meter"],
            symbols: ["m2", "m²", "m^2"],
            prefixed: false),
        Base(
            name: "square mile", entity: "area", names: ["square mile"], symbols: ["sq mi", "mi2", "mi²"],
            prefixed: false),
        Base(name: "hectare", entity: "area", names: ["hectare"], symbols: ["ha"], prefixed: false),
        Base(name: "acre", entity: "area", names: ["acre"], symbols: [], prefixed: false),
        Base(
            name: "cubic kilometre", entity: "volume", names: ["cubic kilometre", "cubic kilometer", "km cubed"],
            symbols: ["km3", "km³", "km^3"], prefixed: false),
        Base(
            name: "cubic metre", entity: "volume", names: ["cubic metre", "cubic meter"], symbols: ["m3", "m³", "m^3"],
            prefixed: false),
        Base(name: "square kilometre", entity: "area", names: ["km squared"], symbols: [], prefixed: false),
        Base(
            name: "kilometre per hour", entity: "speed", names: ["kilometre per hour", "kilometer per hour"],
            symbols: ["km/h", "kph", "kmh"], prefixed: false),
        Base(name: "mile per hour", entity: "speed", names: ["mile per hour"], symbols: ["mph"], prefixed: false),
        Base(
            name: "barrel per day", entity: "volumetric flow", names: ["barrel per day", "barrel a day"],
            symbols: ["b/d", "bpd", "bbl/d"], prefixed: false),
        Base(
            name: "million barrels per day", entity: "volumetric flow",
            names: [
                "million barrels per day",
                "million barrels a day",
            ],
            symbols: ["mb/d", "mbd", "mmb/d", "Mb/d"], prefixed: false),
        Base(
            name: "ton per day", entity: "mass flow", names: ["ton per day", "tonne per day"], symbols: ["tpd"],
            prefixed: false),
        Base(name: "megayear", entity: "time", names: [], symbols: ["Ma", "Myr"], prefixed: false),
        Base(name: "gigayear", entity: "time", names: ["gigaannum"], symbols: ["Ga", "Gyr"], prefixed: false),
        Base(name: "kibibyte", entity: "data storage", names: ["kibibyte"], symbols: ["KiB"], prefixed: false),
        Base(name: "mebibyte", entity: "data storage", names: ["mebibyte"], symbols: ["MiB"], prefixed: false),
        Base(name: "gibibyte", entity: "data storage", names: ["gibibyte"], symbols: ["GiB"], prefixed: false),
        Base(
            name: "cubic centimetre", entity: "volume", names: ["cubic centimetre", "cubic centimeter"],
            symbols: ["cc", "cm3", "cm³"], prefixed: false),
    ]

    private static let prefixes: [(name: String, symbol: String)] = [
        ("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T"), ("peta", "P"), ("exa", "E"), ("centi", "c"),
        ("milli", "m"), ("micro", "µ"), ("nano", "n"), ("pico", "p"), ("femto", "f"), ("atto", "a"), ("deci", "d"),
    ]

    /// Names (lower case, singular and plural) and symbols (as written) to units.
    static let (byName, bySymbol): ([String: Unit], [String: Unit]) = {
        var names: [String: Unit] = [:]
        var symbols: [String: Unit] = [:]
        func addName(_ name: String, _ unit: Unit) {
            let lower = name.lowercased()
            names[lower] = unit
            names[plural(lower)] = unit
        }
        for base in bases {
            let unit = Unit(name: base.name, entity: base.entity)
            for name in base.names { addName(name, unit) }
            for symbol in base.symbols { symbols[symbol] = unit }
            guard base.prefixed else { continue }
            for prefix in prefixes {
                let prefixed = Unit(name: prefix.name + base.name, entity: base.entity)
                for name in base.names { addName(prefix.name + name, prefixed) }
                for symbol in base.symbols where symbol.count <= 3 {
                    symbols[prefix.symbol + symbol] = symbols[prefix.symbol + symbol] ?? prefixed
                }
            }
        }
        names["feet"] = Unit(name: "foot", entity: "length")
        names["inches"] = Unit(name: "inch", entity: "length")
        names["degrees celsius"] = Unit(name: "degree Celsius", entity: "temperature")
        names["degrees fahrenheit"] = Unit(name: "degree fahrenheit", entity: "temperature")
        names["kilometres per hour"] = Unit(name: "kilometre per hour", entity: "speed")
        names["kilometers per hour"] = Unit(name: "kilometre per hour", entity: "speed")
        names["miles per hour"] = Unit(name: "mile per hour", entity: "speed")
        names["barrels per day"] = Unit(name: "barrel per day", entity: "volumetric flow")
        names["barrels a day"] = Unit(name: "barrel per day", entity: "volumetric flow")
        names["tons per day"] = Unit(name: "ton per day", entity: "mass flow")
        names["tonnes per day"] = Unit(name: "ton per day", entity: "mass flow")
        // "a" (annum) is the article; "m" is the metre, never milli-annum.
        symbols["a"] = nil
        symbols["m"] = Unit(name: "metre", entity: "length")
        return (names, symbols)
    }()

    /// Symbols that read as ordinary words or other things on their own: they count only at the
    /// end of a sentence or before a non-word ("2 in.", "3 to 4 L of wine" is the exception).
    /// Prefixed symbols are among them: "in 2020 as the economy shrank" is a year, not 2020 attoseconds.
    static let wordLikeSymbols: Set<String> = [
        "in", "am", "pm", "s", "h", "d", "t", "l", "g", "m", "min", "ha", "cc",
        "sec", "gal", "B", "J", "K", "W", "L", "as", "Ms", "da", "ca", "pa", "ma",
    ]

    /// First letters (lower-cased) of every unit name and symbol: a word starting otherwise
    /// cannot begin a unit, which saves building candidate strings for most words.
    static let firstLetters: Set<UInt8> = {
        var letters: Set<UInt8> = []
        for key in Array(byName.keys) + Array(bySymbol.keys) {
            if let first = key.utf8.first { letters.insert(first < 0x80 ? first | 0x20 : first) }
        }
        return letters
    }()

    /// The (length, first letter, last letter) shapes of the first word of every unit name and
    /// symbol, as a bitset: a word of any other shape cannot start a unit.
    static let firstWordShapes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (32 * 32 * 32) / 64)
        for key in Array(byName.keys) + Array(bySymbol.keys) {
            let letters = Array(key.utf8.prefix { ($0 | 0x20) &- 0x61 < 26 || $0 >= 0x80 })
            guard let first = letters.first, let last = letters.last else { continue }
            let index = ScannerLexicon.shape(length: letters.count, first: first, last: last)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    @inline(__always) static func mayStartUnit(length: Int, first: UInt8, last: UInt8) -> Bool {
        let index = ScannerLexicon.shape(length: length, first: first, last: last)
        return firstWordShapes[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    static func plural(_ name: String) -> String {
        if name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("ch") { return name + "es" }
        if let space = name.firstIndex(of: " "), name.contains(" per ") || name.contains(" a ") {
            return plural(String(name[..<space])) + name[space...]
        }
        return name + "s"
    }
}

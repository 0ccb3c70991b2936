import FigCheckCore
import FigCheckVerification
import Testing

/// Number shapes of real text beyond the conformance suites: the world's currencies, cents, other
/// grouping conventions, South Asian scales and spelled numbers. Each example is a sentence of
/// our own and the mention it must give (or must not give).
@Suite("Number shapes of real text")
struct NumberShapeTests {
    let scanner = MentionScanner()

    struct Reading: Sendable, CustomTestStringConvertible {
        var sentence: String
        var text: String
        var kind: MentionKind
        var value: Double
        var currency: String? = nil
        var testDescription: String { sentence }
    }

    func mention(_ text: String, in sentence: String) -> Mention? {
        scanner.scan(sentence).mentions.first { $0.text == text }
    }

    func expect(_ reading: Reading, sourceLocation: SourceLocation = #_sourceLocation) {
        let mentions = scanner.scan(reading.sentence).mentions
        guard let found = mentions.first(where: { $0.text == reading.text }) else {
            Issue.record("no mention \"\(reading.text)\"; read: \(mentions.map(\.text))", sourceLocation: sourceLocation)
            return
        }
        #expect(found.kind == reading.kind, sourceLocation: sourceLocation)
        #expect(abs(found.value - reading.value) <= abs(reading.value) * 1e-9, "value \(found.value)", sourceLocation: sourceLocation)
        #expect(found.currency == reading.currency, sourceLocation: sourceLocation)
    }

    // MARK: Spelled numbers (class 6) and years after "in" (class 7)

    static let spelled: [Reading] = [
        Reading(sentence: "The debt of a quadrillion won is a myth.", text: "a quadrillion won", kind: .currency, value: 1e15, currency: "KRW"),
        Reading(sentence: "Derivatives worth two quadrillion dollars were cited.", text: "two quadrillion dollars", kind: .currency,
                value: 2e15, currency: "USD"),
        Reading(sentence: "She was the four million two hundred fifty-six thousandth visitor.",
                text: "four million two hundred fifty-six thousandth", kind: .ordinal, value: 4_256_000),
        Reading(sentence: "It was the two hundred thousandth car off the line.", text: "two hundred thousandth", kind: .ordinal,
                value: 200_000),
        Reading(sentence: "She was the four million two hundred fifty six thousandth visitor.",
                text: "four million two hundred fifty six thousandth", kind: .ordinal, value: 4_256_000),
        Reading(sentence: "The rate moved by point 45 on the day.", text: "point 45", kind: .number, value: 0.45),
        Reading(sentence: "The rate moved by point 05 on the day.", text: "point 05", kind: .number, value: 0.05),
        Reading(sentence: "The rate moved by point four five.", text: "point four five", kind: .number, value: 0.45),
        Reading(sentence: "About three point four million people voted.", text: "About three point four million", kind: .count,
                value: 3_400_000),
        Reading(sentence: "Sales were thirty-one in 2022.", text: "thirty-one", kind: .number, value: 31),
        Reading(sentence: "There was just one in 2019.", text: "one", kind: .number, value: 1),
        Reading(sentence: "One in five workers is a migrant.", text: "One in five", kind: .fraction, value: 0.2),
    ]

    @Test("spelled numbers: quadrillion, compound ordinals, leading 'point', a decimal before a scale; a year is never a denominator",
          arguments: spelled)
    func spelledNumbers(_ reading: Reading) { expect(reading) }

    @Test("'point' alone, and 'at one point' before a count, are not read as new numbers")
    func pointWithoutNumber() {
        #expect(scanner.scan("That is the point. The point of view differs.").mentions.isEmpty)
        let years = scanner.scan("Sales were thirty-one in 2022 and just one in 2019.").mentions
        #expect(!years.contains { $0.kind == .fraction })
        #expect(years.filter { $0.kind == .year }.map(\.value) == [2022, 2019])
    }

    @Test("a prefixed unit symbol that is an English word ('as', 'Ms') does not follow a year or a number as its unit")
    func wordLikePrefixedSymbols() {
        let mentions = scanner.scan("The economy shrank in 2020 as the pandemic hit, and 40 Ms Lee said so; a 20 ms delay.").mentions
        #expect(mentions.filter { $0.kind == .year }.map(\.value) == [2020], "\(mentions.map(\.text))")
        #expect(!mentions.contains { $0.text.hasSuffix(" as") || $0.text.hasSuffix(" Ms") }, "\(mentions.map(\.text))")
        #expect(mentions.contains { $0.text == "20 ms" && $0.kind == .measure }, "\(mentions.map(\.text))")
    }

    // MARK: Currencies: codes and names (class 1), signs and dollars (class 2), cents (class 3)

    static let currencies: [Reading] = [
        Reading(sentence: "The taxi to the airport was 85 OMR.", text: "85 OMR", kind: .currency, value: 85, currency: "OMR"),
        Reading(sentence: "Parking is PLN7.25 an hour.", text: "PLN7.25", kind: .currency, value: 7.25, currency: "PLN"),
        Reading(sentence: "Tea was 2.60EUR at the station.", text: "2.60EUR", kind: .currency, value: 2.6, currency: "EUR"),
        Reading(sentence: "The ferry costs 15THB.", text: "15THB", kind: .currency, value: 15, currency: "THB"),
        Reading(sentence: "A tourist visa costs 300 KES.", text: "300 KES", kind: .currency, value: 300, currency: "KES"),
        Reading(sentence: "The fine was 25 dirhams.", text: "25 dirhams", kind: .currency, value: 25, currency: "AED"),
        Reading(sentence: "A loaf costs forty rand now.", text: "forty rand", kind: .currency, value: 40, currency: "ZAR"),
        Reading(sentence: "Entry is 30 Egyptian pounds for adults.", text: "30 Egyptian pounds", kind: .currency, value: 30,
                currency: "EGP"),
        Reading(sentence: "The stamp costs 2 Swiss francs.", text: "2 Swiss francs", kind: .currency, value: 2, currency: "CHF"),
        Reading(sentence: "Lunch was 300 baht.", text: "300 baht", kind: .currency, value: 300, currency: "THB"),
        Reading(sentence: "Wages rose to 70,000 naira a month.", text: "70,000 naira", kind: .currency, value: 70_000, currency: "NGN"),
        Reading(sentence: "The deal was worth 5 billion Kuwaiti dinars.", text: "5 billion Kuwaiti dinars", kind: .currency,
                value: 5e9, currency: "KWD"),
        Reading(sentence: "A kilo of rice is Rs 60 in the market.", text: "Rs 60", kind: .currency, value: 60, currency: "INR"),
        Reading(sentence: "The ticket is Rs. 450.", text: "Rs. 450", kind: .currency, value: 450, currency: "INR"),
        Reading(sentence: "The meal came to RM 12.", text: "RM 12", kind: .currency, value: 12, currency: "MYR"),
        Reading(sentence: "The bill came to Rp 50,000.", text: "Rp 50,000", kind: .currency, value: 50_000, currency: "IDR"),
        Reading(sentence: "A beer costs 45 kr in Stockholm.", text: "45 kr", kind: .currency, value: 45, currency: "SEK"),
        Reading(sentence: "The simit sold for 12 TL.", text: "12 TL", kind: .currency, value: 12, currency: "TRY"),
        Reading(sentence: "Rice costs Tk 60 a kilo.", text: "Tk 60", kind: .currency, value: 60, currency: "BDT"),
        Reading(sentence: "Fuel is ₦650 a litre.", text: "₦650", kind: .currency, value: 650, currency: "NGN"),
        Reading(sentence: "Bread is ₴40.", text: "₴40", kind: .currency, value: 40, currency: "UAH"),
        Reading(sentence: "The old note said ₤5 on it.", text: "₤5", kind: .currency, value: 5, currency: "GBP"),
        Reading(sentence: "Gas is ₸250 a unit.", text: "₸250", kind: .currency, value: 250, currency: "KZT"),
        Reading(sentence: "A ride is 45 Norwegian kroner.", text: "45 Norwegian kroner", kind: .currency, value: 45, currency: "NOK"),
        Reading(sentence: "A coffee is 500円 here.", text: "500円", kind: .currency, value: 500, currency: "JPY"),
        Reading(sentence: "A ticket is R$ 50.", text: "R$ 50", kind: .currency, value: 50, currency: "BRL"),
        Reading(sentence: "It sold for 8 R$ at the stall.", text: "8 R$", kind: .currency, value: 8, currency: "BRL"),
        Reading(sentence: "The fare is SGD$10.", text: "SGD$10", kind: .currency, value: 10, currency: "SGD"),
        Reading(sentence: "Fees rose to CAN$30.", text: "CAN$30", kind: .currency, value: 30, currency: "CAD"),
        Reading(sentence: "The invoice says $2,450.00 NZD in total.", text: "$2,450.00 NZD", kind: .currency, value: 2450,
                currency: "NZD"),
        Reading(sentence: "Aid of T$5 million was pledged.", text: "T$5 million", kind: .currency, value: 5e6, currency: "TOP"),
        Reading(sentence: "The budget is B$10 million.", text: "B$10 million", kind: .currency, value: 1e7, currency: "BND"),
        Reading(sentence: "A patty costs J$200.", text: "J$200", kind: .currency, value: 200, currency: "JMD"),
        Reading(sentence: "Bus fare is G$1,000.", text: "G$1,000", kind: .currency, value: 1000, currency: "GYD"),
        Reading(sentence: "Gum is 25¢ a pack.", text: "25¢", kind: .currency, value: 25, currency: "USD"),
        Reading(sentence: "It lists at $1.49, or 99c on sale.", text: "99c", kind: .currency, value: 99, currency: "USD"),
        Reading(sentence: "He owed two dollars and 15 cents.", text: "two dollars and 15 cents", kind: .currency, value: 2.15,
                currency: "USD"),
        Reading(sentence: "The app costs a dollar.", text: "a dollar", kind: .currency, value: 1, currency: "USD"),
        Reading(sentence: "It is not worth a penny.", text: "a penny", kind: .currency, value: 1, currency: "GBP"),
        Reading(sentence: "A match cost 30 kopecks.", text: "30 kopecks", kind: .currency, value: 30, currency: "RUB"),
        Reading(sentence: "The plan costs Rs 10 crore.", text: "Rs 10 crore", kind: .currency, value: 1e8, currency: "INR"),
        Reading(sentence: "The outlay is ₹1.5 lakh crore.", text: "₹1.5 lakh crore", kind: .currency, value: 1.5e12, currency: "INR"),
        Reading(sentence: "Some 3 lakh people attended.", text: "Some 3 lakh", kind: .count, value: 3e5),
        Reading(sentence: "The loan is USD 5bn over ten years.", text: "USD 5bn", kind: .currency, value: 5e9, currency: "USD"),
        Reading(sentence: "The fund holds INR 4 billion.", text: "INR 4 billion", kind: .currency, value: 4e9, currency: "INR"),
    ]

    @Test("the world's currencies: ISO codes before or after, glued or spaced; names with and without a country word; regional abbreviations; signs; which dollar; cents",
          arguments: currencies)
    func currencyShapes(_ reading: Reading) { expect(reading) }

    @Test("what looks like a currency but is not: abbreviations in other roles, codes that are words, grades, scales")
    func currencyLookalikes() {
        // "RM" as initials, "TL" as an abbreviation of something else, "kr" inside a word.
        for sentence in ["Signed RM 3 days ago.", "Yesterday Mr Rs 3 said so.", "The TL 5 line is closed.", "The TL;DR is 2 lines.", "The team had 12 TLs on site.",
                         "The krone fell 45 points.", "ALL 50 STATES AGREED.", "TOP 10 PICKS", "She got a 5c grade in maths.",
                         "It costs $3. She got a 5c grade.", "She lost 3 marks.", "He poured a dram of 12 year old whisky."] {
            let result = scanner.scan(sentence)
            let mentions = result.mentions
            #expect(!mentions.isEmpty || !result.ignored.isEmpty, "\(sentence): the number was not seen at all")
            let money = mentions.filter { $0.currency != nil && !$0.text.contains("$3") }
            #expect(money.isEmpty, "\(sentence): read as money: \(money.map(\.text))")
        }
        // A plain "$" with a capital letter before it is no scale: "T$5" is not 5 trillion.
        #expect(mention("T$5", in: "Aid of T$5 was pledged.")?.value == 5)
    }

    // MARK: Other grouping conventions (class 4)

    static let groupings: [Reading] = [
        Reading(sentence: "The sofa was 2 480,50 € in Lyon.", text: "2 480,50 €", kind: .currency, value: 2480.5, currency: "EUR"),
        Reading(sentence: "The flat sold for € 3.275.000 last year.", text: "€ 3.275.000", kind: .currency, value: 3_275_000,
                currency: "EUR"),
        Reading(sentence: "The villa sold for 3.275.000,25 € in May.", text: "3.275.000,25 €", kind: .currency, value: 3_275_000.25,
                currency: "EUR"),
        Reading(sentence: "A bowl of pho is 45.000 ₫ now.", text: "45.000 ₫", kind: .currency, value: 45_000, currency: "VND"),
        // A scale word makes the dot a decimal mark, whatever the currency.
        Reading(sentence: "Income per head was about 5.009 million yen.", text: "about 5.009 million yen", kind: .currency,
                value: 5_009_000, currency: "JPY"),
        Reading(sentence: "The watch costs CHF 2'375.40 in Geneva.", text: "CHF 2'375.40", kind: .currency, value: 2375.4,
                currency: "CHF"),
        // The document's other numbers decide: decimal commas elsewhere make the dot a group.
        Reading(sentence: "Inflation was 2,5 percent. The fee is €45.000 in total.", text: "€45.000", kind: .currency,
                value: 45_000, currency: "EUR"),
        // Decimal points and comma groups elsewhere make it a decimal (a fuel price).
        Reading(sentence: "Sales were 1,234 units and growth 2.5%. Fuel is €1.659 a litre.", text: "€1.659", kind: .currency,
                value: 1.659, currency: "EUR"),
    ]

    @Test("grouping by spaces, dots and apostrophes, decimal commas; a dot before three digits settled by the currency or the document",
          arguments: groupings)
    func groupingConventions(_ reading: Reading) { expect(reading) }

    @Test("a dot before three digits that nothing settles: flagged ambiguous with both readings, and no claim is checked on it")
    func ambiguousGrouping() throws {
        let found = try #require(mention("€45.000", in: "The fee is €45.000 in total."))
        #expect(found.ambiguous)
        #expect(found.value == 45_000 && found.otherReading == 45)
        let settled = try #require(mention("45.000 ₫", in: "A bowl is 45.000 ₫ now."))
        #expect(!settled.ambiguous && settled.otherReading == nil)
        // Not a phone number, not a version, never a confident €0 or a page number.
        #expect(scanner.scan("The flat sold for € 3.275.000 last year.").ignored.isEmpty)
        #expect(mention("3.275.000", in: "Call 3.275.000 now.") == nil)
    }
}

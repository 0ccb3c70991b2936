import FigCheckCore
import FigCheckVerification
import Foundation
import Testing

/// The scanner's rules, each with sentences it must read and sentences it must leave alone.
@Suite("Mention scanner rules")
struct MentionScannerTests {
    let scanner = MentionScanner()

    struct Example: Sendable, CustomTestStringConvertible {
        var sentence: String
        var text: String
        var kind: MentionKind
        var value: Double
        var low: Double?
        var high: Double?
        var currency: String? = nil
        var rangeEnd: Double? = nil
        var testDescription: String { sentence }
    }

    static let examples: [Example] = [
        Example(sentence: "Tariffs rose to between 10% and 15% last year.", text: "between 10% and 15%", kind: .percent,
                value: 10, low: 9.5, high: 15.5, rangeEnd: 15),
        Example(sentence: "Margins of 10–15% are common.", text: "10–15%", kind: .percent, value: 10, low: 9.5, high: 15.5,
                rangeEnd: 15),
        Example(sentence: "It will cost $2-3 billion.", text: "$2-3 billion", kind: .currency, value: 2e9, low: 1.5e9,
                high: 3.5e9, currency: "USD", rangeEnd: 3e9),
        Example(sentence: "Growth was -0.2% in the quarter.", text: "-0.2%", kind: .percent, value: -0.2, low: -0.25, high: -0.15),
        Example(sentence: "Output fell by minus five percent.", text: "minus five percent", kind: .percent, value: -5, low: -5, high: -5),
        Example(sentence: "Nearly 20% of voters agreed.", text: "Nearly 20%", kind: .percent, value: 20, low: 18, high: 20.5),
        Example(sentence: "About 300 people came.", text: "About 300", kind: .count, value: 300, low: 250, high: 350),
        Example(sentence: "At least 5% must be spent.", text: "At least 5%", kind: .percent, value: 5, low: 5, high: nil),
        Example(sentence: "It can cut up to 700 jobs.", text: "up to 700", kind: .count, value: 700, low: nil, high: 700),
        Example(sentence: "Korea's GDP was ₩2,556 trillion.", text: "₩2,556 trillion", kind: .currency, value: 2556e12,
                low: 2555.5e12, high: 2556.5e12, currency: "KRW"),
        Example(sentence: "The fund holds €10M in bonds.", text: "€10M", kind: .currency, value: 1e7, low: 0.95e7, high: 1.05e7,
                currency: "EUR"),
        Example(sentence: "It was valued at £8.10 million.", text: "£8.10 million", kind: .currency, value: 8.1e6, low: 8.095e6,
                high: 8.105e6, currency: "GBP"),
        Example(sentence: "A US$ 4 billion loan was agreed.", text: "US$ 4 billion", kind: .currency, value: 4e9, low: 3.5e9,
                high: 4.5e9, currency: "USD"),
        Example(sentence: "Debt reached 1.5 trillion dollars.", text: "1.5 trillion dollars", kind: .currency, value: 1.5e12,
                low: 1.45e12, high: 1.55e12, currency: "USD"),
        Example(sentence: "Korea's economy is $1.71tn.", text: "$1.71tn", kind: .currency, value: 1.71e12, low: 1.705e12,
                high: 1.715e12, currency: "USD"),
        Example(sentence: "Turnout fell 3 percentage points.", text: "3 percentage points", kind: .percentagePoints, value: 3,
                low: 2.5, high: 3.5),
        Example(sentence: "A third of the budget went to defence.", text: "A third", kind: .fraction, value: 1.0 / 3,
                low: 1.0 / 3, high: 1.0 / 3),
        Example(sentence: "Two-thirds of exports go to China.", text: "Two-thirds", kind: .fraction, value: 2.0 / 3,
                low: 2.0 / 3, high: 2.0 / 3),
        Example(sentence: "One in five workers is a migrant.", text: "One in five", kind: .fraction, value: 0.2, low: 0.2, high: 0.2),
        Example(sentence: "Prices rose tenfold.", text: "tenfold", kind: .multiplier, value: 10, low: 10, high: 10),
        Example(sentence: "Imports doubled in a decade.", text: "doubled", kind: .multiplier, value: 2, low: 2, high: 2),
        Example(sentence: "They bought a dozen eggs.", text: "a dozen", kind: .count, value: 12, low: 12, high: 12),
        Example(sentence: "Twenty-five members signed.", text: "Twenty-five", kind: .count, value: 25, low: 25, high: 25),
        Example(sentence: "The alliance is in its 70th year.", text: "70th", kind: .ordinal, value: 70, low: 70, high: 70),
        Example(sentence: "Korea was ruled for 36 years.", text: "36 years", kind: .duration, value: 36, low: 35.5, high: 36.5),
        Example(sentence: "The budget for 2012–13 was cut.", text: "2012–13", kind: .year, value: 2012, low: 2012, high: 2013,
                rangeEnd: 2013),
        Example(sentence: "Russia exports 4.3 mb/d of crude.", text: "4.3 mb/d", kind: .measure, value: 4.3, low: 4.25, high: 4.35),
        Example(sentence: "The survey reached 1,234,567 homes.", text: "1,234,567", kind: .count, value: 1_234_567,
                low: 1_234_566.5, high: 1_234_567.5),
        Example(sentence: "India lent 13 lakh rupees.", text: "13 lakh rupees", kind: .currency, value: 1.3e6, low: 1.25e6,
                high: 1.35e6, currency: "INR"),
    ]

    @Test("reads figures with their kind, value and interval", arguments: examples)
    func reads(_ example: Example) throws {
        let result = scanner.scan(example.sentence)
        let mention = try #require(result.mentions.first { $0.text == example.text },
                                   "\(example.text) not among \(result.mentions.map(\.text))")
        #expect(mention.kind == example.kind)
        #expect(abs(mention.value - example.value) <= max(1e-9, abs(example.value) * 1e-12))
        #expect(SeedMentionTests.close(mention.low, example.low), "low \(String(describing: mention.low))")
        #expect(SeedMentionTests.close(mention.high, example.high), "high \(String(describing: mention.high))")
        #expect(mention.currency == example.currency)
        #expect(mention.rangeEnd == example.rangeEnd)
    }

    static let notQuantities: [(String, String, NotQuantityReason)] = [
        ("Tariffs under Section 232 apply.", "232", .sectionNumber),
        ("Article 5 of the treaty applies.", "5", .sectionNumber),
        ("Call 555-0100 for details.", "555-0100", .phoneNumber),
        ("Call +1-222-2222-2222 now.", "+1-222-2222-2222", .phoneNumber),
        ("See https://example.org/2025/report-30 for data.", "https://example.org/2025/report-30", .url),
        ("Write to data2025@example.org today.", "data2025@example.org", .email),
        ("Install version 2.1.3 first.", "2.1.3", .version),
        ("We meet at 10:30 tomorrow.", "10:30", .timeOfDay),
        ("At 2 pm everybody will be gone.", "2 pm", .timeOfDay),
        ("B-2 bombers flew the mission.", "2", .identifier),
        ("The G7 met in June.", "7", .identifier),
        ("See page 12.", "12", .pageNumber),
    ]

    @Test("leaves labels, contacts, versions and times alone", arguments: notQuantities)
    func ignores(sentence: String, text: String, reason: NotQuantityReason) {
        let result = scanner.scan(sentence)
        #expect(result.ignored.contains { $0.text == text && $0.reason == reason }, "\(result.ignored)")
        #expect(!result.mentions.contains { $0.text.contains(text) }, "\(result.mentions.map(\.text))")
    }

    @Test("a long run of comma-joined digits is one identifier; figures with commas still read")
    func commaRuns() {
        let run = (1...40).map(String.init).joined(separator: ",")
        let result = scanner.scan("The series \(run) ended. It cost 1,234,567 dollars and 12,34,567 rupees; inflation was 1,3 percent.")
        #expect(result.ignored.map(\.text) == [run])
        #expect(result.mentions.map(\.value) == [1_234_567, 1_234_567, 1.3])
    }

    @Test("ISO and short dates are date mentions, not counts")
    func dates() {
        let result = scanner.scan("Filed 2025-10-01; listed 25-10-01; met on 5/17/2018.")
        #expect(result.mentions.map(\.kind) == [.date, .date, .date])
        #expect(result.mentions.map(\.decimalText) == ["2025-10-01", "2025-10-01", "2018-05-17"])
    }

    @Test("list markers and pagination are not quantities")
    func listsAndPages() {
        let result = scanner.scan("Steps:\n1. Collect 30 samples.\n2. Weigh them.\n\n1 2 3 4\n")
        #expect(result.mentions.map(\.text) == ["30"])
        #expect(result.ignored.filter { $0.reason == .listMarker }.count == 2)
        #expect(result.ignored.filter { $0.reason == .pageNumber }.count == 4)
    }

    @Test("a soft line wrap inside a paragraph does not split a figure; a blank line or a list item does")
    func lineWraps() {
        #expect(scanner.scan("India's GDP reached nearly\n$4 trillion.").mentions.map(\.text) == ["nearly\n$4 trillion"])
        #expect(scanner.scan("It grew 5\r\npercent.").mentions.map(\.kind) == [.percent])
        #expect(scanner.scan("It grew about\n\n5 percent.").mentions.map(\.hedge) == [.none])
        #expect(scanner.scan("- rose 10\n- 15 new plants").mentions.map(\.rangeEnd) == [nil, nil])
    }

    @Test("a pronoun 'one' is no number, a counted one is")
    func pronounOne() {
        #expect(scanner.scan("The one you mentioned is invalid.").mentions.isEmpty)
        #expect(scanner.scan("One battery was moved.").mentions.map(\.value) == [1])
    }
}

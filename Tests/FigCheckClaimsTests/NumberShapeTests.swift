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
}

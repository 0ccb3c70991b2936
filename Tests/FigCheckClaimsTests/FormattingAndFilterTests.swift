@testable import FigCheckClaims
import FigCheckCore
import Testing

/// Two small pieces the speed work rewrote over bytes: figure formatting in findings' messages,
/// and the word filter that answers "certainly not" before a dictionary look-up.
@Suite("Figure formatting and the word filter")
struct FormattingAndFilterTests {
    @Test("numbers in messages: decimals by magnitude, rounding, signs and thousands", arguments: [
        (0.0, nil, "0"), (5.0, nil, "5"), (18.6604, nil, "18.66"), (0.1234, nil, "0.123"), (-2.5, nil, "-2.5"),
        (1875.39, nil, "1,875.39"), (1_234_567.0, 0, "1,234,567"), (999.995, nil, "1,000"), (-1234.5, 0, "-1,235"),
        (-0.0001, nil, "0"), (100.0, 1, "100"), (12.0, 3, "12"), (0.5, 0, "1"), (123.0, nil, "123"),
    ] as [(Double, Int?, String)])
    func number(value: Double, decimals: Int?, expected: String) {
        #expect(FigureFormat.number(value, decimals: decimals) == expected)
    }

    @Test("money with a scale word and counts in millions")
    func moneyAndCounts() {
        #expect(FigureFormat.money(1.87539e12) == "1,875.39 bn")
        #expect(FigureFormat.money(350e9) == "350 bn")
        #expect(FigureFormat.count(51_751_065) == "51.75 mn")
        #expect(FigureFormat.count(300) == "300")
    }

    @Test("the word filter says maybe for every word it holds and no for nearly all others")
    func wordFilter() {
        let held = (0..<500).map { "word\($0)" }
        let filter = WordFilter(lowercasedWords: held)
        #expect(held.allSatisfy { filter.mayContain(WordFilter.hash($0)) })
        let others = (0..<10_000).map { "other\($0)" }
        let maybes = others.filter { filter.mayContain(WordFilter.hash($0)) }.count
        // 500 of 65,536 bits set: about 0.8% false maybes.
        #expect(maybes < 300, "\(maybes) false maybes")
        #expect(WordFilter.hash("korea") == WordFilter.hash("korea") && WordFilter.hash("korea") != WordFilter.hash("Korea"))
    }
}

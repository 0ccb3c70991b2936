import FigCheckCore
import FigCheckVerification
import Foundation
import Testing

/// Hostile inputs finish, with sane results. The bound is on input size, never on time: a
/// quadratic rule would make these runs take minutes and the suite would show it.
@Suite("Scanner on hostile input")
struct HostileInputTests {
    let scanner = MentionScanner()

    @Test("a 1 MB line of digits is one identifier, not a number with a million digits")
    func longDigitRun() {
        let result = scanner.scan(String(repeating: "7", count: 1_000_000))
        #expect(result.mentions.isEmpty)
        #expect(result.ignored.count == 1)
    }

    @Test("10,000 percent signs, dollar signs and brackets produce nothing")
    func symbolRuns() {
        for symbol in ["%", "$", "[", "(", "-", "^", "/"] {
            let result = scanner.scan(String(repeating: symbol, count: 10_000))
            #expect(result.mentions.isEmpty, "\(symbol)")
        }
    }

    @Test("invalid UTF-8, replaced by the loader, and stray continuation bytes do not stop the scan")
    func invalidBytes() {
        let bytes: [UInt8] = Array("Rates of 5% ".utf8) + [0xFF, 0xFE, 0x80] + Array(" and 7%.".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(scanner.scan(text).mentions.map(\.text) == ["5%", "7%"])
    }

    @Test("a long run of alternating numbers and words scales linearly in mentions")
    func manyNumbers() {
        let text = String(repeating: "rose 5% to $3 billion, about 300 people; ", count: 20_000)
        let result = scanner.scan(text)
        #expect(result.mentions.count == 60_000)
    }

    @Test("number words without end and chains of hedges stay bounded")
    func wordChains() {
        let words = String(repeating: "one hundred and ", count: 20_000)
        let result = scanner.scan(words)
        #expect(!result.mentions.isEmpty)
        let hedges = String(repeating: "more than ", count: 20_000) + "5%"
        #expect(scanner.scan(hedges).mentions.count == 1)
    }
}

import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// The scanner on the two seed articles: every figure the claims need, with its interval.
@Suite("Mentions in the seed articles")
struct SeedMentionTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: MentionKind
        var value: Double
        var low: Double?
        var high: Double?
        var currency: String? = nil
        var hedge: Hedge = .none
        var testDescription: String { text }
    }

    static func analyse(_ seed: URL) async throws -> DocumentAnalysis {
        let document = try await DocumentReader().read(seed.path)
        return Pipeline(stages: [MentionScanStage()]).analyse(document)
    }

    static let hansun: [Expected] = [
        Expected(text: "$350 billion", kind: .currency, value: 350e9, low: 349.5e9, high: 350.5e9, currency: "USD"),
        Expected(text: "20.4%", kind: .percent, value: 20.4, low: 20.35, high: 20.45),
        Expected(text: "25%", kind: .percent, value: 25, low: 24.5, high: 25.5),
        Expected(text: "13.1%", kind: .percent, value: 13.1, low: 13.05, high: 13.15),
        Expected(text: "6.9%", kind: .percent, value: 6.9, low: 6.85, high: 6.95),
        Expected(text: "145%", kind: .percent, value: 145, low: 144.5, high: 145.5),
        Expected(text: "30%", kind: .percent, value: 30, low: 29.5, high: 30.5),
        Expected(text: "over 90%", kind: .percent, value: 90, low: 90, high: nil, hedge: .over),
        Expected(text: "exceeding 100%", kind: .percent, value: 100, low: 100, high: nil, hedge: .over),
        Expected(text: "51%", kind: .percent, value: 51, low: 50.5, high: 51.5),
        Expected(text: "11%", kind: .percent, value: 11, low: 10.5, high: 11.5),
        Expected(text: "5%", kind: .percent, value: 5, low: 4.5, high: 5.5),
        Expected(text: "$4 billion", kind: .currency, value: 4e9, low: 3.5e9, high: 4.5e9, currency: "USD"),
        Expected(text: "roughly three times", kind: .multiplier, value: 3, low: 2.7, high: 3.3, hedge: .approximately),
        Expected(text: "300", kind: .count, value: 300, low: 250, high: 350),
        Expected(text: "25th", kind: .ordinal, value: 25, low: 25, high: 25),
        Expected(text: "4th", kind: .ordinal, value: 4, low: 4, high: 4),
        Expected(text: "13th", kind: .ordinal, value: 13, low: 13, high: 13),
        Expected(text: "two years", kind: .duration, value: 2, low: 2, high: 2),
        Expected(text: "six months", kind: .duration, value: 6, low: 6, high: 6),
        Expected(text: "February 1, 1981", kind: .date, value: 19_810_201, low: 19_810_201, high: 19_810_201),
    ]

    static let pacific: [Expected] = [
        Expected(text: "70th", kind: .ordinal, value: 70, low: 70, high: 70),
        Expected(text: "36 years", kind: .duration, value: 36, low: 35.5, high: 36.5),
        Expected(text: "6th", kind: .ordinal, value: 6, low: 6, high: 6),
        Expected(text: "1953", kind: .year, value: 1953, low: 1953, high: 1953),
        Expected(text: "May 1, 2023", kind: .date, value: 20_230_501, low: 20_230_501, high: 20_230_501),
    ]

    @Test("every figure of the Hansun seed is found with its value and interval", arguments: hansun)
    func hansunFigures(_ expected: Expected) async throws {
        try Self.check(expected, in: try await Self.analyse(TestPaths.hansunSeed))
    }

    @Test("every figure of the Pacific Council seed is found with its value and interval", arguments: pacific)
    func pacificFigures(_ expected: Expected) async throws {
        try Self.check(expected, in: try await Self.analyse(TestPaths.pacificCouncilSeed))
    }

    static func check(_ expected: Expected, in analysis: DocumentAnalysis) throws {
        let mention = try #require(analysis.mentions.first { $0.text == expected.text }, "\(expected.text) not found")
        #expect(mention.kind == expected.kind)
        #expect(abs(mention.value - expected.value) <= abs(expected.value) * 1e-12)
        #expect(Self.close(mention.low, expected.low), "low \(String(describing: mention.low))")
        #expect(Self.close(mention.high, expected.high), "high \(String(describing: mention.high))")
        #expect(mention.currency == expected.currency)
        #expect(mention.hedge == expected.hedge)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= max(1e-9, abs(y) * 1e-12)
        default: return false
        }
    }

    @Test("all 70th-anniversary mentions of the Pacific Council seed are ordinals")
    func anniversaries() async throws {
        let analysis = try await Self.analyse(TestPaths.pacificCouncilSeed)
        #expect(analysis.mentions.filter { $0.text == "70th" && $0.kind == .ordinal }.count == 3)
    }

    @Test("the page furniture at the bottom of the Hansun seed raises no quantity")
    func furniture() async throws {
        let analysis = try await Self.analyse(TestPaths.hansunSeed)
        let lines = try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let listStart = try #require(lines.firstIndex { $0.hasPrefix("62 [ISSUE&FOCUS OCT]") }) + 1
        let document = analysis.document
        let furnitureMentions = analysis.mentions.filter { document.location(of: $0.range).line >= listStart }
        #expect(furnitureMentions.isEmpty, "\(furnitureMentions.map(\.text))")
        let ignored = analysis.ignoredNumbers.filter { document.location(of: $0.range).line >= listStart }
        #expect(ignored.filter { $0.reason == .tableIndex }.count == 20)
        #expect(ignored.filter { $0.reason == .pageNumber }.map(\.text) == ["1", "2", "3", "4"])
        #expect(ignored.contains { $0.text == "25-10-01" && $0.reason == .pageFurniture })
    }

    @Test("identifiers and times near the top are not quantities")
    func identifiers() async throws {
        let analysis = try await Self.analyse(TestPaths.hansunSeed)
        let ignored = Dictionary(analysis.ignoredNumbers.map { ($0.text, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(ignored["16:48:15"] == .timeOfDay)
        #expect(ignored["250930"] == .identifier)
        #expect(ignored["2"] == .identifier)   // B-2 bombers
        #expect(ignored["157"] == .identifier) // the O-157 issue
    }
}

import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// Checks that need no reference data: a figure stated twice differently, shares past 100%, and
/// comparisons recomputed from the text's own figures.
@Suite("Internal consistency")
struct InternalConsistencyTests {
    static func check(_ text: String) async throws -> [Finding] {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("draft.md")
        try Data(text.utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        return pipeline.analyse(document).findings
    }

    @Test("the same quantity stated twice with figures that cannot both hold")
    func sameFigureTwice() async throws {
        let findings = try await Self.check("""
            ---
            date: 2025-06-01
            ---

            Korea had 51.8 million people in 2024. By another count Korea had 49.1 million people in 2024.
            """)
        let twice = try #require(findings.first { $0.ruleId == "same-figure-twice" })
        #expect(twice.text == "49.1 million")
        #expect(twice.verdict == .inconsistent)
        #expect(twice.message == "Stated 49.1 million here but 51.8 million on line 5 for the same population of KOR in 2024.")
    }

    @Test("shares of one whole that add up past 100%")
    func sharesOverHundred() async throws {
        let findings = try await Self.check("""
            ---
            date: 2025-06-01
            ---

            In 2024, 60% of Iran's crude exports went to China and 55% went to Syria.
            """)
        let over = try #require(findings.first { $0.ruleId == "shares-over-100" })
        #expect(over.message.contains("add up to at least 114%"))
    }

    @Test("a comparison recomputed from the text's own figures, right and wrong")
    func comparisons() async throws {
        let findings = try await Self.check("""
            ---
            date: 2025-06-01
            ---

            France's jobless rate was 7.4% in 2024 and Japan's 2.5%. France's rate was nearly three times Japan's.
            Italy's rate was 6.6% in 2024, five times Japan's.
            """)
        #expect(findings.first { $0.text == "nearly three times" }?.verdict == .consistent)
        let five = try #require(findings.first { $0.text == "five times" })
        #expect(five.verdict == .inconsistent)
        #expect(five.message.contains("2.64×"))
    }
}

import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// The seed articles' claims, checked as the product brief says they must be.
@Suite("Seed claims")
struct SeedClaimTests {
    static func findings(_ seed: URL, subject: String? = "KOR") async throws -> [Finding] {
        let document = try await DocumentReader(options: ReadingOptions(subject: subject)).read(seed.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        return pipeline.analyse(document).findings
    }

    /// The finding whose figure is `text` in the sentence containing `context`.
    static func finding(_ findings: [Finding], _ text: String, in context: String) throws -> Finding {
        try #require(findings.first { $0.text == text && $0.sentence.contains(context) }, "no finding for \(text)")
    }

    @Test("Hansun 2025-10-01, subject KOR: every verdict of the brief")
    func hansun() async throws {
        let findings = try await Self.findings(TestPaths.hansunSeed)
        let pledge = try Self.finding(findings, "$350 billion", in: "we pledged")
        #expect(pledge.verdict == .consistent)

        let ratio = try Self.finding(findings, "20.4%", in: "last year")
        #expect(ratio.verdict == .inconsistent)
        #expect(ratio.severity == .error)
        #expect(ratio.about == ClaimSubject(entity: "KOR", indicator: "investment_pledge_to_us/gdp_current_usd", period: "2024", scope: nil))
        #expect(ratio.computed?.formula == "350 bn / 1,875.39 bn × 100")
        // The vintage the author could have used: none before 2025-10-01 covers 2024, so the earliest after.
        #expect(ratio.computed?.inputs.last?.vintage == "2025-12-17")
        #expect(ratio.message.contains("18.66%"))
        #expect(ratio.hints.contains { $0.contains("KOR 2023 GDP in the WDI vintage of 2024-09-19") && $0.hasPrefix("20.43%") })

        let withEnergy = try Self.finding(findings, "25%", in: "energy purchases")
        #expect([.inconsistent, .needsReview].contains(withEnergy.verdict))
        #expect(withEnergy.message.contains("24%"))

        let japan = try Self.finding(findings, "13.1%", in: "Japan")
        #expect([.inconsistent, .needsReview].contains(japan.verdict))
        #expect(japan.hints.contains { $0.contains("JPN 2023 GDP") })

        let europe = try Self.finding(findings, "6.9%", in: "EU")
        #expect([.inconsistent, .needsReview].contains(europe.verdict))
        #expect(europe.hints.contains { $0.contains("including the energy purchases") && $0.hasPrefix("6.92%") })

        let threeTimes = try Self.finding(findings, "roughly three times", in: "larger")
        #expect(threeTimes.verdict == .consistent)
        #expect(threeTimes.kind == "comparison")
        // Both operands named, and the ratio they give (2.96×).
        #expect(threeTimes.message.contains("20.4%") && threeTimes.message.contains("6.9%") && threeTimes.message.contains("2.96"),
                "\(threeTimes.message)")

        #expect(try Self.finding(findings, "145%", in: "Chinese goods").verdict == .consistent)
        let april = try Self.finding(findings, "30%", in: "in April")
        #expect(april.verdict == .inconsistent)
        #expect(april.message.contains("2025-05-14"))

        #expect(try Self.finding(findings, "51%", in: "In 2020").verdict == .consistent)
        #expect(try Self.finding(findings, "11%", in: "that figure").verdict == .consistent)
        let iran = try Self.finding(findings, "over 90%", in: "Iranian crude")
        #expect([.inconsistent, .needsReview].contains(iran.verdict))

        // The page furniture (the list of other papers, lines 100 onwards) raises nothing.
        #expect(!findings.contains { $0.location.line >= 100 })
        // No false alarm anywhere else.
        let failing = findings.filter { $0.severity == .error }.map(\.text).sorted()
        #expect(failing == ["20.4%", "30%", "6.9%"])
    }

    @Test("Pacific Council 2023-05-01: the 70th anniversary, 36 years and the 6th rank")
    func pacificCouncil() async throws {
        let findings = try await Self.findings(TestPaths.pacificCouncilSeed, subject: nil)
        let anniversaries = findings.filter { $0.text == "70th" }
        #expect(anniversaries.count == 3)
        #expect(anniversaries.allSatisfy { $0.verdict == .consistent && $0.computed?.formula == "2023 − 1953" })
        let colonial = try Self.finding(findings, "36 years", in: "colonial rule")
        #expect(colonial.severity == .info)
        #expect(colonial.verdict != .inconsistent)
        let rank = try Self.finding(findings, "6th", in: "most powerful")
        #expect(rank.verdict == .consistent)
        #expect(rank.about.period == "2023")
        #expect(!findings.contains { $0.severity >= .warning })
    }
}

import Foundation
import Testing
import TestSupport

/// `figcheck claims`: each figure's frame with the evidence of every slot, before verification.
@Suite("figcheck claims")
struct ClaimsCommandTests {
    static func claims(_ text: String, date: String) throws -> [[String: Any]] {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("claims.txt")
        try Data(text.utf8).write(to: file)
        let result = try FigCheckBinary.run(["claims", file.path, "--date", date, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        return try #require(object["claims"] as? [[String: Any]])
    }

    static func slot(_ claim: [String: Any], _ name: String) -> (value: String, evidence: String)? {
        guard let slot = claim[name] as? [String: Any], let value = slot["value"] as? String,
              let evidence = slot["evidence"] as? String else { return nil }
        return (value, evidence)
    }

    @Test("the slots of a figure with a named source, and of an elided parallel figure")
    func frames() throws {
        let claims = try Self.claims("""
            By the alliance's count, NATO put Danish defence spending in 2023 at 2.01% of GDP.
            Korea's economy grew 2.0% in 2024, and Japan's 0.1%.
            """, date: "2025-03-01")
        let nato = try #require(claims.first { $0["text"] as? String == "2.01%" })
        #expect(nato["source"] as? String == "NATO")
        #expect(Self.slot(nato, "entity")?.value == "DNK")
        #expect(Self.slot(nato, "measure")?.value == "military_expenditure_share_of_gdp")
        #expect(Self.slot(nato, "period")?.value == "2023")
        #expect(Self.slot(nato, "period")?.evidence == "said")
        let japan = try #require(claims.first { $0["text"] as? String == "0.1%" })
        #expect(Self.slot(japan, "entity")?.value == "JPN")
        #expect(Self.slot(japan, "measure")?.value == "gdp_growth")
        // The measure is elided: named in the sentence, not in the figure's own clause.
        #expect(Self.slot(japan, "measure")?.evidence == "in_sentence")
    }

    @Test("a conversion is read as one, from the amount before it")
    func conversion() throws {
        let claims = try Self.claims("Output passed 100 trillion yuan ($15.5 trillion) in 2021.", date: "2022-01-20")
        let converted = try #require(claims.first { ($0["text"] as? String)?.contains("15.5") == true })
        #expect(converted["kind"] as? String == "conversion")
        let reading = try #require(converted["reading"] as? [String: Any])
        #expect(reading["type"] as? String == "conversion")
        #expect(reading["from"] as? String == "100 trillion yuan")
    }

    @Test("a missing input is exit 2 with one line")
    func missingInput() throws {
        let result = try FigCheckBinary.run(["claims", "/nonexistent/draft.txt"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("/nonexistent/draft.txt"))
    }
}

import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

@Suite("Markdown loading")
struct MarkdownLoaderTests {
    let path = TestPaths.fixture("pledges-notes.md").path

    func load() async throws -> Document {
        try await DocumentReader().read(path)
    }

    @Test("the prose is kept and markup, code, links targets and images are dropped")
    func proseOnly() async throws {
        let document = try await load()
        #expect(document.format == .markdown)
        let text = document.text
        #expect(text.contains("The $350 billion pledge is said to be 20.4% of last year's GDP; see the"))
        #expect(text.contains("World Bank table\nfor the denominator."))
        #expect(text.contains("Japan's pledge stood at 13.1% of its GDP."))
        #expect(text.contains("Including energy purchases, it reaches 25%."))
        #expect(text.contains("Pledge notes"))
        for dropped in ["1875.39", "42%", "99%", "77%", "88%", "data.worldbank.org", "GDP 2024", "annex-33",
                        "report-2025", "tags:", "```", "**", "# Pledge", "1. Japan"] {
            #expect(!text.contains(dropped), "\(dropped) should not be analysed")
        }
        // A table keeps its pipes and delimiter row: a figure's measure is its column's header.
        #expect(text.contains("| Pledger | Share of GDP |\n|---------|-------------:|\n| Korea   | 20.4%        |"))
    }

    @Test("front matter gives the date as metadata, with its line")
    func frontMatterDate() async throws {
        let document = try await load()
        #expect(document.metadata.date == CalendarDate(year: 2025, month: 8, day: 1))
        #expect(document.metadata.dateSource == .meta)
        #expect(document.metadata.dateEvidence?.line == 3)
        #expect(document.metadata.title == "Pledge notes")
    }

    @Test("front matter is YAML: comments, quotes and nested keys as YAML reads them; invalid YAML is skipped quietly")
    func frontMatterAsYAML() throws {
        let reader = DocumentReader()
        let commented = "---\n# notes first\nauthor:\n  date: 2020-01-01\npublished: '2025-08-01' # the web edition\n---\nGrowth was 3%.\n"
        let document = try reader.load(Array(commented.utf8), source: "x.md", declared: .markdown)
        // The nested author.date is not the publication date; the quoted, commented one is, on line 5.
        #expect(document.metadata.date == CalendarDate(year: 2025, month: 8, day: 1))
        #expect(document.metadata.dateEvidence?.line == 5)
        #expect(document.text.contains("Growth was 3%.") && !document.text.contains("2020"))

        let invalid = "---\ntitle: [unclosed\ndate: 2025-08-01\n---\nGrowth was 3%.\n"
        let skipped = try reader.load(Array(invalid.utf8), source: "x.md", declared: .markdown)
        #expect(skipped.metadata.date == nil && skipped.metadata.title == nil)
        #expect(skipped.text.contains("Growth was 3%.") && !skipped.text.contains("unclosed"))
        // Offsets after the skipped block still map back to the original bytes.
        let location = skipped.location(of: try #require(skipped.text.utf8Range(of: "3%")))
        #expect(location.line == 5)
    }

    @Test("offsets map into the original file, past dropped markup")
    func offsetsMapBack() async throws {
        let document = try await load()
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for (needle, line) in [("20.4%", 9), ("13.1%", 13), ("6.9%", 14), ("25%", 23), ("World Bank table", 10)] {
            let location = document.location(of: try #require(document.text.utf8Range(of: needle)))
            #expect(location.line == line, "\(needle)")
            let slice = original[location.offset..<(location.offset + location.length)]
            #expect(String(decoding: slice, as: UTF8.self) == needle)
        }
    }

    @Test("an unterminated fence or comment hides the rest, and hostile lines stay fast")
    func unterminatedAndHostileInput() throws {
        let reader = DocumentReader()
        let fenced = try reader.load(Array("Before 1%.\n```\ncode 2%\n".utf8), source: "x.md", declared: .markdown)
        #expect(fenced.text.contains("1%") && !fenced.text.contains("2%"))
        let brackets = String(repeating: "[", count: 200_000) + " 5% " + String(repeating: "`", count: 3)
        let hostile = try reader.load(Array(brackets.utf8), source: "x.md", declared: .markdown)
        #expect(hostile.text.contains("5%"))
    }
}

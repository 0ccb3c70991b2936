import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

@Suite("HTML loading")
struct HTMLLoaderTests {
    let path = TestPaths.fixture("tariff-news-page.html").path

    func load() async throws -> Document {
        try await DocumentReader().read(path)
    }

    @Test("article prose is kept; scripts, styles, navigation, header, footer and asides are dropped")
    func furnitureIsDropped() async throws {
        let document = try await load()
        #expect(document.format == .html)
        let text = document.text
        #expect(text.contains("Tariff truce: what the numbers say\n"))
        #expect(text.contains("The tariff on Chinese goods stood at 145%\u{00A0}in April, then fell to 30% on May\u{00A0}14."))
        #expect(text.contains("April 10 145%"))
        for dropped in ["dataLayer", "12345", "55%", "99%", "font-family", "Subscribe", "Markets 24/7", "Section 232",
                        "Most read", "555-0100", "125%", "<p>", "&amp;", "Example News"] {
            #expect(!text.contains(dropped), "\(dropped) should not be analysed")
        }
    }

    @Test("entities are decoded")
    func entities() async throws {
        let text = try await load().text
        #expect(text.contains("90\u{00A0}days \u{2014} \u{201C}a pause, not a peace\u{201D} & nothing more."))
        #expect(text.contains("Korea\u{2019}s pledge of $350\u{00A0}billion equals 20.4% of its GDP"))
    }

    @Test("the publication date comes from article:published_time")
    func metaDate() async throws {
        let document = try await load()
        #expect(document.metadata.date == CalendarDate(year: 2025, month: 5, day: 20))
        #expect(document.metadata.dateSource == .meta)
        #expect(document.metadata.dateEvidence?.line == 6)
        #expect(document.metadata.title == "Tariff truce: what the numbers say \u{2014} Example News")
    }

    @Test("offsets of text and of decoded entities map to the original line and column")
    func offsetsMapBack() async throws {
        let document = try await load()
        let original = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let percent = document.location(of: try #require(document.text.utf8Range(of: "20.4%")))
        #expect(lines[percent.line - 1].contains("equals 20.4% of its GDP"))
        let column = try #require(lines[percent.line - 1].range(of: "20.4%"))
        #expect(percent.column == lines[percent.line - 1].unicodeScalars.distance(
            from: lines[percent.line - 1].startIndex, to: column.lowerBound) + 1)
        // "$350&#160;billion": the decoded no-break space maps to the whole reference.
        let amount = document.location(of: try #require(document.text.utf8Range(of: "$350\u{00A0}billion")))
        let originalBytes = Array(original.utf8)
        let slice = String(decoding: originalBytes[amount.offset..<(amount.offset + amount.length)], as: UTF8.self)
        #expect(slice == "$350&#160;billion")
    }

    @Test("deep nesting and unclosed tags are read without recursion or quadratic time")
    func hostileMarkup() throws {
        let reader = DocumentReader()
        let nested = String(repeating: "<div>", count: 100_000) + "Depth 3%" + String(repeating: "</div>", count: 100_000)
        let document = try reader.load(Array(nested.utf8), source: "nested.html", declared: .html)
        #expect(document.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Depth 3%")
        let unclosed = "<p>Start 1%</p>" + String(repeating: "<a title=\"x ", count: 50_000)
        let broken = try reader.load(Array(unclosed.utf8), source: "broken.html", declared: .html)
        #expect(broken.text.contains("Start 1%"))
    }

    @Test("a page without </head> still has a body")
    func unclosedHead() throws {
        let page = "<html><head><title>T</title><meta name=\"date\" content=\"2024-03-05\"><body><p>Body 4%</p></body></html>"
        let document = try DocumentReader().load(Array(page.utf8), source: "page.html", declared: nil)
        #expect(document.format == .html)
        #expect(document.text.contains("Body 4%"))
        #expect(document.metadata.date == CalendarDate(year: 2024, month: 3, day: 5))
    }
}

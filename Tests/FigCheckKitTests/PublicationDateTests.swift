import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

@Suite("Publication dates")
struct PublicationDateTests {
    @Test("both seeds are dated from their datelines")
    func seeds() async throws {
        let reader = DocumentReader()
        let hansun = try await reader.read(TestPaths.hansunSeed.path)
        #expect(hansun.metadata.date == CalendarDate(year: 2025, month: 10, day: 1))
        #expect(hansun.metadata.dateSource == .text)
        #expect(hansun.metadata.dateEvidence?.line == 27)
        let pacific = try await reader.read(TestPaths.pacificCouncilSeed.path)
        #expect(pacific.metadata.date == CalendarDate(year: 2023, month: 5, day: 1))
        #expect(pacific.metadata.dateSource == .text)
        #expect(pacific.metadata.dateEvidence?.line == 5)
    }

    @Test("--date wins over the document", arguments: [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed])
    func flagWins(seed: URL) async throws {
        let flagged = CalendarDate(year: 2024, month: 2, day: 29)
        let reader = DocumentReader(options: ReadingOptions(date: flagged, subject: "KOR"))
        let document = try await reader.read(seed.path)
        #expect(document.metadata.date == flagged)
        #expect(document.metadata.dateSource == .flag)
        #expect(document.metadata.subject == "KOR")
    }

    static let datelines: [(String, CalendarDate?)] = [
        ("Published May 1, 2023", CalendarDate(year: 2023, month: 5, day: 1)),
        ("2025-10-01 16:48:15", CalendarDate(year: 2025, month: 10, day: 1)),
        ("Posted on: 1 May 2023", CalendarDate(year: 2023, month: 5, day: 1)),
        ("Published: Monday, Sept. 8, 2025", CalendarDate(year: 2025, month: 9, day: 8)),
        ("Date: 2024/12/24", CalendarDate(year: 2024, month: 12, day: 24)),
        ("2023-05-01T08:00:00Z", CalendarDate(year: 2023, month: 5, day: 1)),
        ("On February 1, 1981-amid oil shocks and severe cold-President Chun visited.", nil),
        ("Files : 250930_briefE.pdf", nil),
        ("Published February 30, 2023", nil),
        ("62 [ISSUE&FOCUS OCT]The Reason for the Existence 25-10-01", nil),
    ]

    @Test("datelines are recognised and prose dates are not", arguments: datelines)
    func dateline(line: String, expected: CalendarDate?) {
        let text = "Headline\n\n\(line)\n\nBody text.\n"
        #expect(PublicationDateDetector().detect(in: text)?.date == expected)
    }

    @Test("a published dateline wins over an earlier updated one; updated is the fallback")
    func publishedBeatsUpdated() {
        let detector = PublicationDateDetector()
        #expect(detector.detect(in: "Updated June 2, 2024\nPublished June 1, 2024\n")?.date
            == CalendarDate(year: 2024, month: 6, day: 1))
        #expect(detector.detect(in: "Last updated: June 2, 2024\nText.\n")?.date
            == CalendarDate(year: 2024, month: 6, day: 2))
    }

    @Test("a date below the top of the document is not a dateline")
    func onlyNearTheTop() {
        let text = String(repeating: "A line of prose.\n", count: 100) + "Published May 1, 2023\n"
        #expect(PublicationDateDetector().detect(in: text) == nil)
    }
}

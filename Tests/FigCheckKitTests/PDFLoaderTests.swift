import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// PDF input through Poppler's pdftotext: text and dates read, pages kept apart, clear errors for
/// a broken PDF and for a machine without pdftotext.
@Suite("PDF loading", .serialized)
struct PDFLoaderTests {
    static let fixture = TestPaths.fixture("population-note.pdf")

    @Test("a PDF is read through pdftotext: its figures, its dateline, one page per paragraph")
    func readsText() async throws {
        let document = try await DocumentReader().read(Self.fixture.path)
        #expect(document.format == .pdf)
        #expect(document.metadata.date == CalendarDate(iso: "2025-05-01"))
        #expect(document.text.contains("India had 1.45 billion people in 2024, and Japan had 98 million."))
        // The page break (a form feed) becomes a paragraph break.
        #expect(document.text.contains("Japan had 98 million.\n\n\nKorea spent 2.6%"))
        #expect(document.warnings.contains { $0.contains("pdftotext -layout") })
    }

    @Test("a file that only starts like a PDF is a one-line error")
    func brokenPDF() async throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\nthis is not really a PDF\n".utf8).write(to: file)
        await #expect(throws: FigCheckError.self) { try await DocumentReader().read(file.path) }
        do {
            _ = try await DocumentReader().read(file.path)
        } catch {
            #expect(error.localizedDescription.hasPrefix("\(file.path): pdftotext could not read it"))
            #expect(!error.localizedDescription.contains("\n"))
        }
    }

    @Test("without pdftotext the error says what to install")
    func withoutPoppler() async throws {
        setenv("FIGCHECK_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        defer { unsetenv("FIGCHECK_PDFTOTEXT") }
        do {
            _ = try await DocumentReader().read(Self.fixture.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.localizedDescription.contains("apt-get install poppler-utils"))
        }
    }
}

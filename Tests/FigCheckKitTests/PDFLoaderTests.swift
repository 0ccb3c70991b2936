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

    /// A stand-in pdftotext that writes `bytes` of chatter to standard error, then its output.
    static func chattyPdftotext(writing bytes: Int, exitStatus: Int = 0) throws -> URL {
        let script = try TestPaths.temporaryDirectory().appendingPathComponent("pdftotext")
        try Data("""
            #!/bin/sh
            # Arguments as figcheck passes them: -layout -enc UTF-8 -q INPUT OUTPUT
            head -c \(bytes) /dev/zero | tr '\\0' 'w' >&2
            printf 'Exports rose 4.2%% in 2024.\\n' > "$6"
            exit \(exitStatus)
            """.utf8).write(to: script)
        chmod(script.path, 0o755)
        return script
    }

    @Test("a pdftotext that writes 1 MB to standard error is read at once, not held until the time limit")
    func chattyStandardError() throws {
        let loader = PDFLoader(timeout: 20, executable: try Self.chattyPdftotext(writing: 1_000_000))
        let started = Date()
        let loaded = try loader.load(Array("%PDF-1.4\n".utf8), source: "chatty.pdf", budget: .unlimited)
        #expect(Date().timeIntervalSince(started) < 10, "took \(Date().timeIntervalSince(started)) s")
        #expect(loaded.text.contains("Exports rose 4.2% in 2024."))
        // A failing run still gives the first line of what it said, whatever its length.
        let failing = PDFLoader(timeout: 20, executable: try Self.chattyPdftotext(writing: 1_000_000, exitStatus: 1))
        #expect(throws: FigCheckError.self) { try failing.load(Array("%PDF-1.4\n".utf8), source: "bad.pdf", budget: .unlimited) }
    }
}

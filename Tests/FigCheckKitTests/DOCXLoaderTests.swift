import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

@Suite("DOCX loading")
struct DOCXLoaderTests {
    @Test("a LibreOffice DOCX gives its paragraphs in order, one per line")
    func paragraphsInOrder() async throws {
        let document = try await DocumentReader().read(TestPaths.fixture("briefing-draft.docx").path)
        #expect(document.format == .docx)
        let lines = document.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Investment pledges: briefing draft")
        #expect(lines.contains("Japan's pledge stood at 13.1% of its GDP, and the EU's at 6.9%."))
        #expect(lines.last == "The tariff on Chinese goods was cut from 145% to 30% on May 14.")
        let japan = try #require(lines.firstIndex(of: "Japan"))
        #expect(lines[japan + 1] == "$550 billion")
        #expect(document.metadata.title == "Pledges briefing draft")
        #expect(document.metadata.date == CalendarDate(year: 2025, month: 5, day: 14))
        #expect(document.metadata.dateSource == .text)
    }

    @Test("locations are paragraph (line) and character (column)")
    func locationsAreParagraphs() async throws {
        let document = try await DocumentReader().read(TestPaths.fixture("briefing-draft.docx").path)
        let location = document.location(of: try #require(document.text.utf8Range(of: "6.9%")))
        #expect(location.line == 4)
        #expect(location.column == 59)
    }

    @Test("an archive that expands past the limit is refused, even when its header understates the size")
    func zipBombIsRefused() throws {
        let limits = LoaderLimits(maxUncompressedBytes: 1024 * 1024)
        let reader = DocumentReader(options: ReadingOptions(limits: limits))
        let honest = ZIPWriter.bomb(size: 4 * 1024 * 1024)
        #expect(honest.count < 64 * 1024)
        let refusal = FigCheckError.malformedDocument(
            source: "bomb.docx", reason: "DOCX part word/document.xml expands past the 1048576-byte limit")
        #expect(throws: refusal) { try reader.load(honest, source: "bomb.docx", declared: .docx) }
        // The same archive with both headers claiming 100 bytes: refused while decompressing, as
        // soon as it inflates past what its headers declare.
        let lying = Self.understatingSizes(of: honest, as: 100)
        #expect(lying != honest)
        let understated = FigCheckError.malformedDocument(
            source: "bomb.docx", reason: "DOCX part word/document.xml expands past the 100 bytes its header declares")
        #expect(throws: understated) { try reader.load(lying, source: "bomb.docx", declared: .docx) }
    }

    /// Rewrites the uncompressed-size field of every local and central ZIP header.
    static func understatingSizes(of bytes: [UInt8], as size: UInt32) -> [UInt8] {
        var patched = bytes
        let little = withUnsafeBytes(of: size.littleEndian, Array.init)
        for index in 0..<(bytes.count - 4) {
            let signature = bytes[index..<(index + 4)]
            if signature.elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                patched.replaceSubrange((index + 22)..<(index + 26), with: little)
            } else if signature.elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                patched.replaceSubrange((index + 24)..<(index + 28), with: little)
            }
        }
        return patched
    }

    @Test("an archive with too many entries is refused")
    func tooManyEntries() throws {
        let many = ZIPWriter.archive((0..<30).map { ZIPWriter.Entry("part\($0).xml", text: "x") })
        let reader = DocumentReader(options: ReadingOptions(limits: LoaderLimits(maxArchiveEntries: 20)))
        #expect(throws: FigCheckError.malformedDocument(source: "many.docx",
                                                        reason: "DOCX archive has more than 20 entries")) {
            try reader.load(many, source: "many.docx", declared: .docx)
        }
    }

    @Test("a .docx that is not a ZIP archive, or has no document part, is a clear error")
    func notAnArchive() throws {
        let reader = DocumentReader()
        #expect(throws: FigCheckError.malformedDocument(source: "fake.docx", reason: "not a valid DOCX (ZIP) archive")) {
            try reader.load(Array("just text".utf8), source: "fake.docx", declared: .docx)
        }
        let other = ZIPWriter.archive([ZIPWriter.Entry("other.xml", text: "<x/>", deflate: false)])
        #expect(throws: FigCheckError.malformedDocument(source: "empty.docx",
                                                        reason: "DOCX archive has no word/document.xml")) {
            try reader.load(other, source: "empty.docx", declared: .docx)
        }
    }
}

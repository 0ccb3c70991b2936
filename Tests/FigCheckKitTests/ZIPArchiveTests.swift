import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// The DOCX loader's ZIP reader is bounded by construction: whatever its headers claim, an archive
/// is refused (or read) after examining a number of bytes bounded by its size and the limits. The
/// bound is checked by counting the bytes examined, not with a clock.
@Suite("ZIP reader")
struct ZIPArchiveTests {
    static let limit = 1024 * 1024
    static let document = ZIPWriter.docx(paragraphs: ["Exports rose 4.2% in 2024.", "Imports fell."], title: "Trade note")

    /// Reads `bytes` as the loader does (directory, then the document part), returning the
    /// problem met and the bytes examined.
    static func read(_ bytes: [UInt8]) -> (problem: ZIPArchive.Problem?, examined: Int) {
        let meter = ZIPArchive.ReadMeter()
        do {
            let archive = try ZIPArchive(bytes, maxEntries: 2_000, meter: meter)
            guard let part = archive.entry("word/document.xml") else { return (nil, meter.bytes) }
            _ = try archive.extract(part, limit: limit)
            return (nil, meter.bytes)
        } catch {
            return (error, meter.bytes)
        }
    }

    /// The bound: each byte of the archive examined a small number of times, plus what the part
    /// may inflate to.
    static func expectBounded(_ examined: Int, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(examined <= 3 * bytes.count + limit, "examined \(examined) bytes of a \(bytes.count)-byte archive",
                sourceLocation: sourceLocation)
    }

    @Test("a DOCX written with stored and deflated parts reads back, with its title")
    func roundTrip() throws {
        let loaded = try DOCXLoader().load(Self.document, source: "note.docx")
        #expect(loaded.text == "Exports rose 4.2% in 2024.\nImports fell.")
        #expect(loaded.title == "Trade note")
        let stored = ZIPWriter.archive([ZIPWriter.Entry("word/document.xml", text: """
            <w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Stored 12%</w:t></w:r></w:p></w:body></w:document>
            """, deflate: false)])
        #expect(try DOCXLoader().load(stored, source: "stored.docx").text == "Stored 12%")
        let (problem, examined) = Self.read(Self.document)
        #expect(problem == nil)
        Self.expectBounded(examined, Self.document)
    }

    @Test("headers that claim sizes far beyond the file, a truncated directory and wrapped offsets are refused")
    func lyingHeaders() throws {
        let part = "word/document.xml"
        let records = ZIPDamage.offsets(of: ZIPDamage.directorySignature, in: Self.document).count
        let cases: [(String, [UInt8], ZIPArchive.Problem)] = [
            ("compressed size", ZIPDamage.compressedSizeBeyondFile(Self.document), .entryOutOfBounds(path: part)),
            ("uncompressed size", ZIPDamage.patching(Self.document, at: try #require(ZIPDamage.directoryRecord(of: part, in: Self.document))
                + ZIPDamage.uncompressedSizeField, 0x7FFF_0000), .entryTooLarge(path: part, limit: Self.limit)),
            ("directory size", ZIPDamage.directorySizeBeyondFile(Self.document), .corruptDirectory("it lies outside the archive")),
            ("truncated directory", ZIPDamage.truncatedDirectory(Self.document), .corruptDirectory("it ends before its \(records) entries")),
            ("cut in the directory", Array(Self.document[..<(Self.document.count - 40)]), .notAnArchive),
            ("wrapped offset", ZIPDamage.wrappedOffset(Self.document), .entryOutOfBounds(path: part)),
            ("wrapped data end", ZIPDamage.wrappedDataEnd(Self.document), .entryOutOfBounds(path: part)),
        ]
        for (name, bytes, expected) in cases {
            #expect(bytes != Self.document, "\(name)")
            let (problem, examined) = Self.read(bytes)
            #expect(problem == expected, "\(name)")
            Self.expectBounded(examined, bytes)
        }
    }

    @Test("a deflate stream that does not end inside its entry stops at the entry's end")
    func unendingStream() throws {
        // The part's compressed size shrunk by half: the stream runs out of input before its end.
        let record = try #require(ZIPDamage.directoryRecord(of: "word/document.xml", in: Self.document))
        let compressed = ZIPDamage.u32(Self.document, record + ZIPDamage.compressedSizeField)
        let bytes = ZIPDamage.patching(Self.document, at: record + ZIPDamage.compressedSizeField, UInt32(compressed / 2))
        let (problem, examined) = Self.read(bytes)
        #expect(problem == .corruptEntry(path: "word/document.xml", reason: "its compressed data ends early"))
        Self.expectBounded(examined, bytes)
    }

    @Test("every DOCX the fuzzer found trouble with is refused after bounded work")
    func fuzzedArchives() throws {
        let inputs = FuzzRegressionTests.inputs("docx")
        #expect(inputs.count >= 5)
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            let (problem, examined) = Self.read(bytes)
            #expect(problem != nil, "\(input.lastPathComponent)")
            Self.expectBounded(examined, bytes)
        }
    }

    @Test("a spent budget stops inflating")
    func budgetStopsInflating() throws {
        let bomb = ZIPWriter.bomb(size: 512 * 1024)
        let archive = try ZIPArchive(bomb, maxEntries: 10)
        let part = try #require(archive.entry("word/document.xml"))
        #expect(throws: ZIPArchive.Problem.budgetSpent) { try archive.extract(part, limit: Self.limit, budget: WorkBudget(seconds: 0)) }
        #expect(throws: FigCheckError.gaveUp(source: "bomb.docx", seconds: 0, stage: "loading")) {
            try DOCXLoader().load(bomb, source: "bomb.docx", budget: WorkBudget(seconds: 0))
        }
    }
}

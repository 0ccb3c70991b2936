import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

@Suite("Plain text loading")
struct PlainTextLoaderTests {
    let reader = DocumentReader()

    @Test("a seed article is analysed as it is, byte for byte")
    func seedIsVerbatim() async throws {
        let document = try await reader.read(TestPaths.hansunSeed.path)
        let original = try Data(contentsOf: TestPaths.hansunSeed)
        #expect(document.format == .text)
        #expect(Array(document.text.utf8) == [UInt8](original))
        #expect(document.warnings.isEmpty)
    }

    @Test("offsets in a seed map back to the right line and column")
    func seedOffsetsMapToLineAndColumn() async throws {
        let document = try await reader.read(TestPaths.hansunSeed.path)
        let range = try #require(document.text.utf8Range(of: "$350 billion we pledged"))
        let location = document.location(of: range)
        let lines = try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines[location.line - 1]
        let column = try #require(line.range(of: "$350 billion we pledged")).lowerBound
        #expect(location.column == line.unicodeScalars.distance(from: line.startIndex, to: column) + 1)
        #expect(location.offset == range.lowerBound)
        #expect(location.length == "$350 billion we pledged".utf8.count)
    }

    @Test("columns count characters, not bytes, after non-ASCII text")
    func columnsCountScalars() throws {
        let text = "Korea’s “pledge” is 20.4%\n"
        let document = try reader.load(Array(text.utf8), source: "inline.txt", declared: .text)
        let range = try #require(document.text.utf8Range(of: "20.4%"))
        let location = document.location(of: range)
        #expect(location.line == 1)
        #expect(location.column == 21)
        #expect(location.offset == text.utf8Range(of: "20.4%")?.lowerBound)
    }

    @Test("columns stay right deep into long lines of mixed-width characters")
    func columnsInLongLines() throws {
        // Lines of several kilobytes mixing 1-, 2-, 3- and 4-byte characters, 2048 bytes in all so
        // the end offset falls on a boundary of the column index.
        var text = ""
        let pieces = ["a", "é", "₩", "😀", " 1.5% "]
        var piece = 0
        while text.utf8.count < 2040 {
            text += text.utf8.count % 700 < 5 ? "\n" : pieces[piece % pieces.count]
            piece += 1
        }
        text += String(repeating: "x", count: 2048 - text.utf8.count)
        let bytes = Array(text.utf8)
        #expect(bytes.count == 2048)
        let map = SourceMap.identity(bytes)
        var line = 1
        var column = 1
        for offset in 0...bytes.count {
            if offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                let location = map.location(ofOriginal: offset)
                #expect(location.line == line && location.column == column, "offset \(offset)")
            }
            guard offset < bytes.count else { break }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    @Test("CR LF line ends are kept, and lines and offsets count them")
    func crlfIsKept() async throws {
        let path = TestPaths.fixture("crlf-invalid.txt").path
        let document = try await reader.read(path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let range = try #require(document.text.utf8Range(of: "70"))
        let location = document.location(of: range)
        #expect(location.line == 3)
        #expect(location.column == 21)
        #expect(Array(bytes[location.offset..<(location.offset + 2)]) == Array("70".utf8))
        #expect(document.metadata.date == CalendarDate(year: 2023, month: 5, day: 1))
    }

    @Test("invalid UTF-8 is replaced, reported, and offsets after it still map to the file")
    func invalidBytesAreReplaced() async throws {
        let path = TestPaths.fixture("crlf-invalid.txt").path
        let document = try await reader.read(path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(document.text.contains("Korea\u{FFFD}\u{FFFD} spent"))
        #expect(document.warnings == ["2 invalid UTF-8 bytes replaced with U+FFFD"])
        let range = try #require(document.text.utf8Range(of: "2.8%"))
        let location = document.location(of: range)
        #expect(Array(bytes[location.offset..<(location.offset + location.length)]) == Array("2.8%".utf8))
        #expect(location.line == 4)
        #expect(location.column == 15)
    }

    @Test("a byte-order mark is skipped but offsets still count it")
    func byteOrderMark() async throws {
        let document = try await reader.read(TestPaths.fixture("bom.txt").path)
        #expect(document.text.hasPrefix("Published: 1 May 2023"))
        let location = document.location(of: try #require(document.text.utf8Range(of: "BOM")))
        #expect(location.offset == 3 + "Published: 1 May 2023\n".utf8.count)
        #expect(location.line == 2 && location.column == 1)
        #expect(document.metadata.date == CalendarDate(year: 2023, month: 5, day: 1))
    }
}

extension String {
    /// The UTF-8 byte range of the first occurrence of `needle`.
    func utf8Range(of needle: String) -> Range<Int>? {
        guard let range = range(of: needle) else { return nil }
        let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        return start..<(start + needle.utf8.count)
    }
}

import CZlib
import Foundation

/// Writes small ZIP archives for tests (DOCX fixtures, zip bombs, archives with lying headers):
/// stored or raw-deflated entries, a central directory and an end record, nothing else.
public enum ZIPWriter {
    /// One file of the archive.
    public struct Entry {
        public var path: String
        public var contents: [UInt8]
        public var deflate: Bool

        public init(_ path: String, _ contents: [UInt8], deflate: Bool = true) {
            self.path = path
            self.contents = contents
            self.deflate = deflate
        }

        public init(_ path: String, text: String, deflate: Bool = true) {
            self.init(path, Array(text.utf8), deflate: deflate)
        }
    }

    /// The archive's bytes.
    public static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let data = entry.deflate ? deflated(entry.contents) : entry.contents
            let crc = entry.contents.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let method: UInt16 = entry.deflate ? 8 : 0
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(entry.contents.count))
            out += le16(UInt16(name.count)) + le16(0) + name + data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21)
            directory += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(entry.contents.count))
            directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return out
    }

    /// A DOCX of these paragraphs (plain runs), with an optional title in its core properties.
    public static func docx(paragraphs: [String], title: String? = nil) -> [UInt8] {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped($0))</w:t></w:r></w:p>" }.joined()
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        var entries = [Entry("[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                       Entry("word/document.xml", text: document)]
        if let title {
            entries.append(Entry("docProps/core.xml", text: """
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escaped(title))</dc:title></cp:coreProperties>
                """))
        }
        return archive(entries)
    }

    /// A DOCX-shaped zip bomb: `word/document.xml` of `size` zero bytes, deflated to a few kilobytes.
    public static func bomb(size: Int) -> [UInt8] {
        archive([Entry("word/document.xml", [UInt8](repeating: 0, count: size))])
    }

    /// Raw deflate (no zlib header), as ZIP stores it.
    static func deflated(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<written])
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}

/// Damaged copies of an archive, each the shape of a hostile or broken DOCX: headers that claim
/// sizes beyond the file, a truncated central directory, offsets that wrap 32 bits.
public enum ZIPDamage {
    public static let directorySignature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    public static let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// Offsets of the records with `signature`.
    public static func offsets(of signature: [UInt8], in bytes: [UInt8]) -> [Int] {
        (0..<max(0, bytes.count - 3)).filter { bytes[$0..<($0 + 4)].elementsEqual(signature) }
    }

    /// The central-directory record of the entry at `path`.
    public static func directoryRecord(of path: String, in bytes: [UInt8]) -> Int? {
        offsets(of: directorySignature, in: bytes).first { record in
            String(decoding: bytes[(record + 46)..<(record + 46 + u16(bytes, record + 28))], as: UTF8.self) == path
        }
    }

    public static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    public static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }

    /// `bytes` with the 32-bit little-endian field at `offset` set to `value`.
    public static func patching(_ bytes: [UInt8], at offset: Int, _ value: UInt32) -> [UInt8] {
        var patched = bytes
        for index in 0..<4 { patched[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        return patched
    }

    /// Field offsets within a central-directory record and the end record.
    public static let compressedSizeField = 20, uncompressedSizeField = 24, localOffsetField = 42, directorySizeField = 12

    /// The part's compressed size claimed far beyond the file.
    public static func compressedSizeBeyondFile(_ bytes: [UInt8], part: String = "word/document.xml") -> [UInt8] {
        guard let record = directoryRecord(of: part, in: bytes) else { return bytes }
        return patching(bytes, at: record + compressedSizeField, 0x7FFF_0000)
    }

    /// The end record's directory size claimed far beyond the file.
    public static func directorySizeBeyondFile(_ bytes: [UInt8]) -> [UInt8] {
        guard let end = offsets(of: endSignature, in: bytes).last else { return bytes }
        return patching(bytes, at: end + directorySizeField, 0x7FFF_0000)
    }

    /// The last directory record cut out, the end record (still claiming every entry) kept with
    /// its directory size shrunk to match.
    public static func truncatedDirectory(_ bytes: [UInt8]) -> [UInt8] {
        let records = offsets(of: directorySignature, in: bytes)
        guard let first = records.first, let last = records.last, let end = offsets(of: endSignature, in: bytes).last else { return bytes }
        let cut = Array(bytes[..<last]) + Array(bytes[end...])
        return patching(cut, at: last + directorySizeField, UInt32(last - first))
    }

    /// The part's local-header offset set near 2^32.
    public static func wrappedOffset(_ bytes: [UInt8], part: String = "word/document.xml") -> [UInt8] {
        guard let record = directoryRecord(of: part, in: bytes) else { return bytes }
        return patching(bytes, at: record + localOffsetField, 0xFFFF_FFF0)
    }

    /// The part's compressed size chosen so that its end, computed in 32 bits, wraps to a small
    /// and plausible offset inside the file.
    public static func wrappedDataEnd(_ bytes: [UInt8], part: String = "word/document.xml") -> [UInt8] {
        guard let record = directoryRecord(of: part, in: bytes) else { return bytes }
        let local = u32(bytes, record + localOffsetField)
        return patching(bytes, at: record + compressedSizeField, UInt32(truncatingIfNeeded: (1 << 32) - local - 20))
    }
}

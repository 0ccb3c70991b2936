import CZlib
import FigCheckCore

/// A read-only ZIP reader for DOCX, bounded by construction.
///
/// It trusts no size or offset in the archive: the end record, the central directory and every
/// entry's local header and data must lie inside the bytes given, and each loop advances through
/// a byte range known to lie inside them, so no header can make it read past the end, seek
/// backwards or run without end. Only what a DOCX needs is read: stored and deflated entries
/// (deflate through the system zlib), no ZIP64, encryption or multi-disk archives. (figcheck once
/// read DOCX through ZIPFoundation, whose reads trust the headers' sizes: three inputs of a few
/// kilobytes made it loop forever.)
package struct ZIPArchive {
    /// One file in the archive, as its central directory record describes it. Its local header
    /// and data are checked when it is extracted, so a damaged part that is never read does not
    /// make the document unreadable.
    package struct Entry: Sendable {
        package var path: String
        /// 0 stored, 8 deflated.
        package var method: Int
        package var crc32: UInt32
        package var compressedSize: Int
        package var uncompressedSize: Int
        /// The offset of the entry's local header, as the directory gives it (not yet checked).
        package var localHeader: Int
    }

    /// Why an archive or an entry cannot be read; the message completes "DOCX …".
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case notAnArchive
        case unsupported(String)
        case tooManyEntries(limit: Int)
        case corruptDirectory(String)
        case entryOutOfBounds(path: String)
        case entryTooLarge(path: String, limit: Int)
        case expandsPastDeclared(path: String, declared: Int)
        case corruptEntry(path: String, reason: String)
        /// The work budget ran out while an entry was inflating.
        case budgetSpent

        package var description: String {
            switch self {
            case .notAnArchive: return "not a valid DOCX (ZIP) archive"
            case let .unsupported(what): return "DOCX archive uses \(what), which is not read"
            case let .tooManyEntries(limit): return "DOCX archive has more than \(limit) entries"
            case let .corruptDirectory(reason): return "DOCX archive's central directory is corrupt (\(reason))"
            case let .entryOutOfBounds(path): return "DOCX part \(path) runs past the end of the archive"
            case let .entryTooLarge(path, limit): return "DOCX part \(path) expands past the \(limit)-byte limit"
            case let .expandsPastDeclared(path, declared):
                return "DOCX part \(path) expands past the \(declared) bytes its header declares"
            case let .corruptEntry(path, reason): return "DOCX part \(path) is corrupt (\(reason))"
            case .budgetSpent: return "the time budget ran out"
            }
        }
    }

    /// Counts the bytes a reader examines: the end-record search, directory records, local
    /// headers, compressed input consumed and output produced. Tests bound it by the archive's
    /// size and the limits, which is how "bounded by construction" is checked without a clock.
    package final class ReadMeter {
        package private(set) var bytes = 0
        package init() {}
        func add(_ count: Int) { bytes += count }
    }

    let bytes: [UInt8]
    /// The entries in central-directory order.
    package let entries: [Entry]
    let meter: ReadMeter
    /// Where the central directory starts: every entry's header and data lie before it.
    let directoryStart: Int

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let endRecordSize = 22
    private static let directoryRecordSize = 46
    private static let localHeaderSize = 30

    /// Reads the end record and the central directory; refuses more than `maxEntries` entries.
    package init(_ bytes: [UInt8], maxEntries: Int, meter: ReadMeter = ReadMeter()) throws(Problem) {
        self.bytes = bytes
        self.meter = meter
        let end = try Self.endRecord(in: bytes, meter: meter)
        var entries: [Entry] = []
        var cursor = end.directory.lowerBound
        // Each record is read only if it lies wholly inside the directory's range, and the cursor
        // moves forward by at least its fixed size: the loop ends within the range.
        for _ in 0..<end.entryCount {
            guard cursor + Self.directoryRecordSize <= end.directory.upperBound else {
                throw .corruptDirectory("it ends before its \(end.entryCount) entries")
            }
            guard Self.u32(bytes, cursor) == Self.directorySignature else {
                throw .corruptDirectory("entry \(entries.count + 1) has no record signature")
            }
            let flags = Self.u16(bytes, cursor + 8)
            let method = Self.u16(bytes, cursor + 10)
            let crc = Self.u32(bytes, cursor + 16)
            let compressed = Int(Self.u32(bytes, cursor + 20))
            let uncompressed = Int(Self.u32(bytes, cursor + 24))
            let nameLength = Int(Self.u16(bytes, cursor + 28))
            let extraLength = Int(Self.u16(bytes, cursor + 30))
            let commentLength = Int(Self.u16(bytes, cursor + 32))
            let localOffset = Int(Self.u32(bytes, cursor + 42))
            let recordEnd = cursor + Self.directoryRecordSize + nameLength + extraLength + commentLength
            guard recordEnd <= end.directory.upperBound else {
                throw .corruptDirectory("entry \(entries.count + 1) runs past the directory's end")
            }
            let nameStart = cursor + Self.directoryRecordSize
            let path = Self.printableName(bytes[nameStart..<(nameStart + nameLength)])
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .unsupported("ZIP64 sizes (part \(path))")
            }
            if flags & 1 != 0 { throw .unsupported("encryption (part \(path))") }
            entries.append(
                Entry(
                    path: path, method: Int(method), crc32: crc, compressedSize: compressed,
                    uncompressedSize: uncompressed, localHeader: localOffset))
            meter.add(recordEnd - cursor)
            cursor = recordEnd
            if entries.count > maxEntries { throw .tooManyEntries(limit: maxEntries) }
        }
        self.entries = entries
        directoryStart = end.directory.lowerBound
    }

    /// The entry at `path`, if the archive has one.
    package func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// Decompresses `entry`, refusing it when its declared or actual size passes `limit`, when it
    /// inflates past the size it declares, or when its CRC-32 does not match. Stops when `budget`
    /// is spent.
    package func extract(_ entry: Entry, limit: Int, budget: WorkBudget = .unlimited) throws(Problem) -> [UInt8] {
        guard entry.uncompressedSize <= limit else { throw .entryTooLarge(path: entry.path, limit: limit) }
        let data = try dataRange(of: entry)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard data.count == entry.uncompressedSize else {
                throw .corruptEntry(path: entry.path, reason: "a stored part whose sizes differ")
            }
            output = Array(bytes[data])
            meter.add(data.count)
        case 8:
            output = try inflate(entry, data: data, budget: budget)
        default:
            throw .unsupported("compression method \(entry.method) (part \(entry.path))")
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc32 else { throw .corruptEntry(path: entry.path, reason: "its CRC-32 does not match") }
        return output
    }

    /// The entry's compressed bytes: its local header must lie before the central directory and
    /// carry its signature, and its data (after the header's own name and extra field, whose
    /// lengths may differ from the directory's) must end before the directory too.
    private func dataRange(of entry: Entry) throws(Problem) -> Range<Int> {
        let header = entry.localHeader
        guard header + Self.localHeaderSize <= directoryStart, Self.u32(bytes, header) == Self.localHeaderSignature
        else {
            throw .entryOutOfBounds(path: entry.path)
        }
        let start =
            header + Self.localHeaderSize + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= directoryStart else { throw .entryOutOfBounds(path: entry.path) }
        meter.add(Self.localHeaderSize)
        return start..<(start + entry.compressedSize)
    }

    /// Raw deflate of the entry's data range. Every pass of the loop either consumes input or
    /// produces output (zlib answers Z_BUF_ERROR otherwise, which ends it), the input is the
    /// entry's range and the output is capped at the declared size: the loop is bounded.
    private func inflate(_ entry: Entry, data: Range<Int>, budget: WorkBudget) throws(Problem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptEntry(path: entry.path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let declared = entry.uncompressedSize
        var output: [UInt8] = []
        // Deflate cannot expand more than about 1,032 to 1: a header that lies costs no memory.
        output.reserveCapacity(min(declared, data.count * 1_032 + 64))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        var consumed = 0
        let result: Problem? = bytes.withUnsafeBufferPointer { archive -> Problem? in
            guard let base = archive.baseAddress else { return .corruptEntry(path: entry.path, reason: "no data") }
            stream.next_in = UnsafeMutablePointer(mutating: base + data.lowerBound)
            stream.avail_in = uInt(data.count)
            while status == Z_OK {
                if budget.isSpent { return .budgetSpent }
                let before = Int(stream.avail_in)
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                consumed += before - Int(stream.avail_in)
                guard output.count + produced <= declared else {
                    return .expandsPastDeclared(path: entry.path, declared: declared)
                }
                output.append(contentsOf: chunk[0..<produced])
            }
            return nil
        }
        meter.add(consumed + output.count)
        if let result { throw result }
        guard status == Z_STREAM_END else {
            let reason = status == Z_BUF_ERROR ? "its compressed data ends early" : "its compressed data is invalid"
            throw .corruptEntry(path: entry.path, reason: reason)
        }
        guard output.count == declared else {
            throw .corruptEntry(
                path: entry.path, reason: "it expands to \(output.count) bytes, not the \(declared) declared")
        }
        return output
    }

    /// The end-of-central-directory record: searched backwards from the end over at most the
    /// record and its longest comment; its directory must lie inside the archive, before it.
    private static func endRecord(in bytes: [UInt8], meter: ReadMeter) throws(Problem)
        -> (directory: Range<Int>, entryCount: Int)
    {
        guard bytes.count >= endRecordSize else { throw .notAnArchive }
        let lowest = max(0, bytes.count - endRecordSize - 0xFFFF)
        var position = bytes.count - endRecordSize
        while position >= lowest, u32(bytes, position) != endRecordSignature { position -= 1 }
        meter.add(bytes.count - max(position, lowest))
        guard position >= lowest else { throw .notAnArchive }
        let disk = u16(bytes, position + 4)
        let directoryDisk = u16(bytes, position + 6)
        let entriesOnDisk = u16(bytes, position + 8)
        let entryCount = u16(bytes, position + 10)
        let size = u32(bytes, position + 12)
        let offset = u32(bytes, position + 16)
        if entryCount == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .unsupported("ZIP64 records") }
        guard disk == 0, directoryDisk == 0, entriesOnDisk == entryCount else { throw .unsupported("several disks") }
        let start = Int(offset)
        let end = start + Int(size)
        guard end <= position else { throw .corruptDirectory("it lies outside the archive") }
        return (start..<end, Int(entryCount))
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }

    /// The entry's name, printable and short: it goes into one-line errors.
    private static func printableName(_ raw: ArraySlice<UInt8>) -> String {
        let decoded = String(decoding: raw, as: UTF8.self)
        return String(
            decoded.unicodeScalars.map { scalar -> Character in
                scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FFFD}" ? "?" : Character(scalar)
            }.prefix(120))
    }
}

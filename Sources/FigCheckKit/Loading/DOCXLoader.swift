import FigCheckCore
import Foundation
import SWXMLHash
import ZIPFoundation

/// DOCX (Office Open XML): the paragraphs of the main document part in order, one per line.
///
/// A DOCX has no useful byte offsets of its own (its text is compressed XML), so the original that
/// locations refer to is the extracted text: line N is the Nth paragraph, column the character in it.
/// Archives with too many entries or too much uncompressed data are refused before and while
/// decompressing, so a zip bomb costs neither memory nor time.
public struct DOCXLoader: DocumentLoader {
    let limits: LoaderLimits

    /// Creates a loader with the given archive limits.
    public init(limits: LoaderLimits = LoaderLimits()) {
        self.limits = limits
    }

    public func load(_ bytes: [UInt8], source: String) throws -> LoadedText {
        if let problem = Self.boundsProblem(bytes) {
            throw FigCheckError.malformedDocument(source: source, reason: problem)
        }
        // The archive is read from a temporary file, not from memory: ZIPFoundation's in-memory
        // archives leak their whole buffer (found by fuzzing), which a long batch would feel.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("figcheck-docx-\(getpid())-\(UUID().uuidString).zip")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            throw FigCheckError.malformedDocument(source: source, reason: "cannot stage the archive (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        let archive: Archive
        do {
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            throw FigCheckError.malformedDocument(source: source, reason: "not a valid DOCX (ZIP) archive")
        }
        let entries = Array(archive.prefix(limits.maxArchiveEntries + 1))
        guard entries.count <= limits.maxArchiveEntries else {
            throw FigCheckError.malformedDocument(
                source: source, reason: "DOCX archive has more than \(limits.maxArchiveEntries) entries")
        }
        guard let main = entries.first(where: { $0.path == "word/document.xml" }) else {
            throw FigCheckError.malformedDocument(source: source, reason: "DOCX archive has no word/document.xml")
        }
        let xml = try extract(main, from: archive, source: source, archiveBytes: bytes.count)
        var paragraphs = try Self.paragraphs(in: xml, source: source)
        while paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        let original = Array(paragraphs.joined(separator: "\n").utf8)
        var builder = AnalysedTextBuilder()
        builder.copy(original, 0..<original.count)
        var loaded = LoadedText(builder: builder, original: original)
        if let core = entries.first(where: { $0.path == "docProps/core.xml" }),
           let coreXML = try? extract(core, from: archive, source: source, archiveBytes: bytes.count) {
            let title = XMLHash.parse(coreXML)["cp:coreProperties"]["dc:title"].element?.text
            loaded.title = title.flatMap { $0.isEmpty ? nil : $0 }
        }
        return loaded
    }

    /// Checks that every part the central directory lists lies inside the archive: ZIPFoundation
    /// reads past the end of the file forever when a part's data runs past it (a hang found by
    /// fuzzing). Returns the problem, or nil.
    static func boundsProblem(_ bytes: [UInt8]) -> String? {
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count, let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        var index = 0
        while index + 46 <= bytes.count {
            // Central directory records: "PK\u{1}\u{2}".
            guard bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 else {
                index += 1
                continue
            }
            guard let compressed = u32(index + 20), let nameLength = u16(index + 28), let localOffset = u32(index + 42) else { break }
            let rawName = String(decoding: bytes[min(bytes.count, index + 46)..<min(bytes.count, index + 46 + nameLength)], as: UTF8.self)
            // Printable and short: the name goes into a one-line error.
            let name = String(rawName.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FFFD}" ? "?" : Character($0) }.prefix(60))
            guard compressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF else { return "DOCX part \(name) uses ZIP64 sizes, which are not read" }
            guard let localName = u16(localOffset + 26), let localExtra = u16(localOffset + 28),
                  localOffset + 30 + localName + localExtra + compressed <= bytes.count else {
                return "DOCX part \(name) runs past the end of the archive"
            }
            index += 46 + nameLength
        }
        return nil
    }

    /// Decompresses one entry, refusing it when its declared or actual size passes the limit.
    private func extract(_ entry: Entry, from archive: Archive, source: String, archiveBytes: Int) throws -> Data {
        // A part cannot hold more compressed bytes than the whole archive: ZIPFoundation would
        // read past the end of the file forever (a hang found by fuzzing).
        guard entry.compressedSize + 30 + UInt64(entry.path.utf8.count) <= UInt64(archiveBytes) else {
            throw FigCheckError.malformedDocument(
                source: source, reason: "DOCX part \(entry.path) claims more compressed bytes than the archive holds")
        }
        let limit = limits.maxUncompressedBytes
        let tooLarge = FigCheckError.malformedDocument(
            source: source, reason: "DOCX part \(entry.path) expands past the \(limit)-byte limit")
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var data = Data()
        do {
            let declared = Int(entry.uncompressedSize)
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; count what actually comes out.
                guard data.count + chunk.count <= limit else { throw tooLarge }
                // A part that inflates past its declared size is corrupt, and ZIPFoundation keeps
                // inflating it forever (a hang found by fuzzing).
                guard data.count + chunk.count <= declared else {
                    throw FigCheckError.malformedDocument(
                        source: source, reason: "DOCX part \(entry.path) expands past the \(declared) bytes its header declares")
                }
                data.append(chunk)
            }
        } catch let error as FigCheckError {
            throw error
        } catch {
            throw FigCheckError.malformedDocument(source: source, reason: "DOCX part \(entry.path) is corrupt")
        }
        return data
    }

    /// The text of each `w:p`, in document order: `w:t` runs, tabs, breaks; deleted text and field
    /// codes left out. Walks with an explicit stack so deep nesting cannot exhaust the call stack.
    static func paragraphs(in xml: Data, source: String) throws -> [String] {
        let root = XMLHash.config { $0.detectParsingErrors = true }.parse(xml)
        if case .parsingError = root {
            throw FigCheckError.malformedDocument(source: source, reason: "word/document.xml is not well-formed XML")
        }
        guard let body = root["w:document"]["w:body"].element else {
            throw FigCheckError.malformedDocument(source: source, reason: "word/document.xml has no w:body")
        }
        var paragraphs: [String] = []
        var current: String?
        // Each stack item is an element to visit, or the end of a paragraph to close.
        var stack: [(element: SWXMLHash.XMLElement, closesParagraph: Bool)] = [(body, false)]
        while let (element, closes) = stack.popLast() {
            if closes {
                paragraphs.append(current ?? "")
                current = nil
                continue
            }
            switch element.name {
            case "w:p":
                if let open = current { paragraphs.append(open) }
                current = ""
                stack.append((element, true))
            case "w:t":
                current = (current ?? "") + element.text.replacingOccurrences(of: "\n", with: " ")
                continue
            case "w:tab", "w:ptab":
                current = (current ?? "") + "\t"
            case "w:br", "w:cr":
                current = (current ?? "") + " "
            case "w:noBreakHyphen":
                current = (current ?? "") + "\u{2011}"
            case "w:del", "w:instrText", "w:delText", "w:fldChar":
                continue
            default:
                break
            }
            for child in element.children.reversed() {
                if let child = child as? SWXMLHash.XMLElement { stack.append((child, false)) }
            }
        }
        if let open = current { paragraphs.append(open) }
        return paragraphs
    }
}

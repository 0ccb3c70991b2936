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
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; count what actually comes out.
                guard data.count + chunk.count <= limit else { throw tooLarge }
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

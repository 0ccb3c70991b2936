import FigCheckCore
import Foundation
import SWXMLHash

/// DOCX (Office Open XML): the paragraphs of the main document part in order, one per line.
///
/// A DOCX has no useful byte offsets of its own (its text is compressed XML), so the original that
/// locations refer to is the extracted text: line N is the Nth paragraph, column the character in it.
/// The archive is read by ``ZIPArchive``, which is bounded by construction; archives with too many
/// entries or too much uncompressed data are refused before and while decompressing, so neither
/// a zip bomb nor a lying header costs memory or time.
public struct DOCXLoader: DocumentLoader {
    let limits: LoaderLimits

    /// Creates a loader with the given archive limits.
    public init(limits: LoaderLimits = LoaderLimits()) {
        self.limits = limits
    }

    /// The paragraphs of `word/document.xml`, read within the archive limits.
    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        func failure(_ problem: ZIPArchive.Problem) -> FigCheckError {
            problem == .budgetSpent
                ? .gaveUpLoading(source, budget)
                : .malformedDocument(source: source, reason: problem.description)
        }
        let archive: ZIPArchive
        let xml: [UInt8]
        do {
            archive = try ZIPArchive(bytes, maxEntries: limits.maxArchiveEntries)
            guard let main = archive.entry("word/document.xml") else {
                throw FigCheckError.malformedDocument(source: source, reason: "DOCX archive has no word/document.xml")
            }
            xml = try archive.extract(main, limit: limits.maxUncompressedBytes, budget: budget)
        } catch let problem as ZIPArchive.Problem {
            throw failure(problem)
        }
        var paragraphs = try Self.paragraphs(in: Data(xml), source: source, budget: budget)
        while paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        let original = Array(paragraphs.joined(separator: "\n").utf8)
        var builder = AnalysedTextBuilder()
        builder.copy(original, 0..<original.count)
        var loaded = LoadedText(builder: builder, original: original)
        // The title is optional: a core-properties part that cannot be read is left out. Its limit
        // is what the document part left of the total.
        if let core = archive.entry("docProps/core.xml"),
            let coreXML = try? archive.extract(core, limit: limits.maxUncompressedBytes - xml.count, budget: budget)
        {
            let title = XMLHash.parse(Data(coreXML))["cp:coreProperties"]["dc:title"].element?.text
            loaded.title = title.flatMap { $0.isEmpty ? nil : $0 }
        }
        return loaded
    }

    /// The text of each `w:p`, in document order: `w:t` runs, tabs, breaks; deleted text and field
    /// codes left out. Walks with an explicit stack so deep nesting cannot exhaust the call stack.
    static func paragraphs(in xml: Data, source: String, budget: WorkBudget = .unlimited) throws -> [String] {
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
        var visited = 0
        while let (element, closes) = stack.popLast() {
            visited += 1
            if visited % 4_096 == 0, budget.isSpent {
                throw FigCheckError.gaveUpLoading(source, budget)
            }
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

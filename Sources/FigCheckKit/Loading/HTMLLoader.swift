import FigCheckCore
import FigCheckVerification

/// HTML: the prose of the page, with scripts, styles, navigation and page furniture dropped,
/// entities decoded, whitespace collapsed, and block elements turned into line breaks.
/// Publication dates and the title come from meta tags.
public struct HTMLLoader: DocumentLoader {
    /// Elements whose content is never prose.
    static let rawTextElements: Set<String> = ["script", "style", "title", "textarea", "xmp"]
    /// Elements whose content is furniture: navigation, forms, embedded objects.
    static let furnitureElements: Set<String> = [
        "nav", "aside", "form", "noscript", "template", "svg", "math", "iframe", "object", "button",
        "select", "head", "dialog", "menu",
    ]
    /// Page header and footer are furniture except inside an article or main element, where they
    /// hold the headline and dateline.
    static let pageFurnitureElements: Set<String> = ["header", "footer"]
    static let furnitureRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu"]
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "main", "blockquote", "pre", "table", "tr", "caption", "figure", "figcaption", "hr",
        "address", "details", "summary", "body", "header", "footer",
    ]
    static let cellElements: Set<String> = ["td", "th"]
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ]

    /// Creates the loader.
    public init() {}

    /// The page's prose, its `<title>` and its publication date from the meta tags.
    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        var walker = HTMLWalker(bytes: bytes)
        guard walker.walk(budget: budget) else {
            throw FigCheckError.gaveUpLoading(source, budget)
        }
        var loaded = LoadedText(builder: walker.builder, original: bytes)
        if let best = walker.dates.min(by: { $0.priority < $1.priority }) {
            loaded.metadataDate = (best.date, loaded.sourceMap.location(ofOriginal: best.offset))
        }
        loaded.title = walker.title
        return loaded
    }
}

/// One pass over the HTML bytes, building the analysed text.
private struct HTMLWalker {
    struct OpenElement {
        var name: String
        var isFurniture: Bool
    }

    struct DateCandidate {
        var date: CalendarDate
        var priority: Int
        var offset: Int
    }

    let bytes: [UInt8]
    var reader: HTMLTagReader
    var builder = AnalysedTextBuilder()
    var open: [OpenElement] = []
    var furnitureDepth = 0
    var articleDepth = 0
    var preDepth = 0
    var dates: [DateCandidate] = []
    var title: String?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.reader = HTMLTagReader(bytes)
    }

    /// Walks the bytes; false when `budget` ran out first.
    mutating func walk(budget: WorkBudget) -> Bool {
        var index = ByteOrderMark.contentStart(bytes)
        var steps = 0
        while index < bytes.count {
            steps += 1
            if steps % 4_096 == 0, budget.isSpent { return false }
            if bytes[index] == UInt8(ascii: "<") {
                index = markup(at: index)
            } else {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                if furnitureDepth == 0 { text(index..<end) }
                index = end
            }
        }
        return true
    }

    /// Handles the markup at `index` (a `<`) and returns where reading resumes.
    mutating func markup(at index: Int) -> Int {
        if bytes[index...].starts(with: Array("<!--".utf8)) {
            guard let close = HTMLTagReader.find("-->", in: bytes, from: index + 4) else { return bytes.count }
            return close + 3
        }
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
            return (reader.next(UInt8(ascii: ">"), from: index) ?? bytes.count - 1) + 1
        }
        guard let tag = reader.tag(at: index) else {
            if furnitureDepth == 0 { builder.copy(bytes, index..<(index + 1)) }
            return index + 1
        }
        if tag.isEnd {
            closeElement(tag)
            return tag.range.upperBound
        }
        if tag.name == "meta" { readMeta(tag) }
        if tag.name == "time" { readTime(tag) }
        if HTMLLoader.rawTextElements.contains(tag.name) && !tag.isSelfClosing {
            return skipRawText(tag)
        }
        openElement(tag)
        return tag.range.upperBound
    }

    mutating func openElement(_ tag: HTMLTag) {
        if tag.name == "body", open.contains(where: { $0.name == "head" }) {
            // An unclosed <head> ends where <body> starts.
            closeElement(HTMLTag(name: "head", isEnd: true, isSelfClosing: false, attributes: [:], range: tag.range))
        }
        if furnitureDepth == 0 {
            if HTMLLoader.blockElements.contains(tag.name) {
                builder.breakLine(at: tag.range.lowerBound)
            } else if HTMLLoader.cellElements.contains(tag.name) {
                builder.separate(at: tag.range.lowerBound)
            }
        }
        guard !HTMLLoader.voidElements.contains(tag.name), !tag.isSelfClosing else { return }
        let role = tag.attributes["role"]?.lowercased() ?? ""
        let isFurniture =
            HTMLLoader.furnitureElements.contains(tag.name)
            || (HTMLLoader.pageFurnitureElements.contains(tag.name) && articleDepth == 0)
            || HTMLLoader.furnitureRoles.contains(role)
            || tag.attributes["hidden"] != nil || tag.attributes["aria-hidden"] == "true"
        open.append(OpenElement(name: tag.name, isFurniture: isFurniture))
        if isFurniture { furnitureDepth += 1 }
        if tag.name == "article" || tag.name == "main" { articleDepth += 1 }
        if tag.name == "pre" { preDepth += 1 }
    }

    /// Closes the innermost open element of the tag's name and every element opened inside it
    /// (browsers do the same with unclosed `<p>` and `<li>`). A stray end tag changes nothing.
    mutating func closeElement(_ tag: HTMLTag) {
        guard let position = open.lastIndex(where: { $0.name == tag.name }) else { return }
        for element in open[position...] {
            if element.isFurniture { furnitureDepth -= 1 }
            if element.name == "article" || element.name == "main" { articleDepth -= 1 }
            if element.name == "pre" { preDepth -= 1 }
        }
        open.removeSubrange(position...)
        if furnitureDepth == 0 && HTMLLoader.blockElements.contains(tag.name) {
            builder.breakLine(at: tag.range.lowerBound)
        }
    }

    /// Skips the content of `<script>`, `<style>`, `<title>` and the like, reading the title and
    /// JSON-LD publication dates on the way.
    mutating func skipRawText(_ tag: HTMLTag) -> Int {
        let contentStart = tag.range.upperBound
        let close = HTMLTagReader.find("</\(tag.name)", in: bytes, from: contentStart) ?? bytes.count
        let content = String(decoding: bytes[contentStart..<close], as: UTF8.self)
        if tag.name == "title", title == nil {
            title = HTMLEntities.decodeAll(content).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if tag.name == "script", tag.attributes["type"]?.lowercased() == "application/ld+json" {
            readJSONLD(content, offset: contentStart)
        }
        guard close < bytes.count else { return bytes.count }
        return (reader.next(UInt8(ascii: ">"), from: close) ?? bytes.count - 1) + 1
    }

    /// Copies a run of text, collapsing whitespace (outside `<pre>`) and decoding entities.
    mutating func text(_ range: Range<Int>) {
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                builder.copy(bytes, runStart..<index)
                if let (decoded, length) = HTMLEntities.decode(bytes, at: index, end: range.upperBound) {
                    builder.insert(decoded, replacing: index..<(index + length))
                    index += length
                } else {
                    builder.copy(bytes, index..<(index + 1))
                    index += 1
                }
                runStart = index
            } else if preDepth == 0 && HTMLTagReader.isSpace(byte) {
                builder.copy(bytes, runStart..<index)
                var end = index + 1
                while end < range.upperBound, HTMLTagReader.isSpace(bytes[end]) { end += 1 }
                let endsInWhitespace = builder.lastByte.map { HTMLTagReader.isSpace($0) } ?? true
                if !endsInWhitespace {
                    if byte == UInt8(ascii: " ") && end == index + 1 {
                        builder.copy(bytes, index..<end)
                    } else {
                        builder.insert(" ", replacing: index..<end)
                    }
                }
                index = end
                runStart = index
            } else {
                index += 1
            }
        }
        builder.copy(bytes, runStart..<range.upperBound)
    }

    /// Meta tags that carry a publication date, most specific first.
    static let metaDateKeys: [String: Int] = [
        "article:published_time": 0, "datepublished": 1, "citation_publication_date": 2,
        "dc.date.issued": 2, "dcterms.issued": 2, "dcterms.date": 3, "dc.date": 3, "publishdate": 3,
        "pubdate": 3, "publication_date": 3, "sailthru.date": 4, "date": 4, "og:published_time": 4,
        "article:modified_time": 9, "datemodified": 9,
    ]

    mutating func readMeta(_ tag: HTMLTag) {
        let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"] ?? "")
            .lowercased()
        guard let content = tag.attributes["content"] else { return }
        if key == "og:title", title == nil { title = content }
        guard let priority = Self.metaDateKeys[key], let date = DateTextParser.parse(content) else { return }
        dates.append(DateCandidate(date: date, priority: priority, offset: tag.range.lowerBound))
    }

    mutating func readTime(_ tag: HTMLTag) {
        guard let value = tag.attributes["datetime"], let date = DateTextParser.parse(value) else { return }
        if tag.attributes["pubdate"] != nil || tag.attributes["itemprop"]?.lowercased() == "datepublished" {
            dates.append(DateCandidate(date: date, priority: 1, offset: tag.range.lowerBound))
        }
    }

    /// Reads `"datePublished": "…"` from JSON-LD without a JSON parser (the block may be invalid).
    mutating func readJSONLD(_ content: String, offset: Int) {
        guard let keyRange = content.range(of: "\"datePublished\"") else { return }
        let rest = content[keyRange.upperBound...].drop(while: { $0 == " " || $0 == ":" || $0.isNewline })
        guard rest.first == "\"" else { return }
        let value = rest.dropFirst().prefix(while: { $0 != "\"" })
        guard let date = DateTextParser.parse(String(value)) else { return }
        let keyOffset = content.utf8.distance(from: content.utf8.startIndex, to: keyRange.lowerBound)
        dates.append(DateCandidate(date: date, priority: 1, offset: offset + keyOffset))
    }
}

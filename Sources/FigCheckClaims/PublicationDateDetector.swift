import FigCheckCore

/// Finds a document's publication date in a dateline near the top of its text: a line that is only
/// a date, optionally after "Published", "Posted", "Updated" or "Date", and optionally with a time
/// ("Published May 1, 2023", "2025-10-01 16:48:15", "Posted on: 1 May 2023").
///
/// Dates inside prose ("On February 1, 1981 …") are never taken: the whole line must be a dateline.
package struct PublicationDateDetector: Sendable {
    /// A dateline that was found.
    package struct Match: Sendable, Equatable {
        package var date: CalendarDate
        /// The byte range of the line in the analysed text.
        package var range: Range<Int>
    }

    /// How many lines from the top are searched.
    package var maxLines: Int
    /// How many bytes from the top are searched.
    package var maxBytes: Int

    /// Creates a detector searching the first `maxLines` lines and `maxBytes` bytes.
    package init(maxLines: Int = 60, maxBytes: Int = 8192) {
        self.maxLines = maxLines
        self.maxBytes = maxBytes
    }

    /// Prefixes that mark a publication dateline, strongest first. "Updated" lines are used only
    /// when nothing says when the document was published.
    private static let publishedPrefixes = [
        "first published", "published on", "published", "posted on", "posted",
        "date published", "dated", "date", "on",
    ]
    private static let updatedPrefixes = ["last updated", "updated on", "updated", "modified"]

    /// The publication date of `text`, if a dateline is found near the top.
    package func detect(in text: String) -> Match? {
        var fallback: Match?
        var offset = 0
        var lineNumber = 0
        // Only the top is read: a line starting within `maxBytes` and of at most 80 bytes lies in
        // the first `maxBytes` + 82 bytes (a longer line cut there is still too long to count),
        // so a 20 MB document is not split into lines to read its first few.
        for line in text.utf8.prefix(maxBytes + 82).split(
            separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        {
            defer { offset += line.count + 1 }
            lineNumber += 1
            if lineNumber > maxLines || offset > maxBytes { break }
            guard line.count <= 80 else { continue }
            let content = String(decoding: line, as: UTF8.self)
            let range = offset..<(offset + line.count)
            switch Self.classify(content) {
            case .published(let date): return Match(date: date, range: range)
            case .updated(let date): if fallback == nil { fallback = Match(date: date, range: range) }
            case nil: continue
            }
        }
        return fallback
    }

    private enum Dateline {
        case published(CalendarDate)
        case updated(CalendarDate)
    }

    private static func classify(_ line: String) -> Dateline? {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let date = DateTextParser.parse(trimmed) { return .published(date) }
        let lowered = trimmed.lowercased()
        for prefix in updatedPrefixes {
            if let date = dateAfter(prefix: prefix, in: lowered, original: trimmed) { return .updated(date) }
        }
        for prefix in publishedPrefixes {
            if let date = dateAfter(prefix: prefix, in: lowered, original: trimmed) { return .published(date) }
        }
        return nil
    }

    private static func dateAfter(prefix: String, in lowered: String, original: String) -> CalendarDate? {
        guard lowered.hasPrefix(prefix) else { return nil }
        var rest = Substring(original.dropFirst(prefix.count))
        guard rest.first.map({ $0 == " " || $0 == ":" || $0 == "\t" }) ?? false else { return nil }
        rest = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "\t" })
        if rest.lowercased().hasPrefix("on ") { rest = rest.dropFirst(3) }
        return DateTextParser.parse(String(rest))
    }
}

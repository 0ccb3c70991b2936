import FigCheckCore
import FigCheckVerification
import Foundation

/// YAML front matter at the top of a Markdown file (`---` … `---`): the top-level scalar keys
/// figcheck reads (`date`, `published`, `title`), read line by line so invalid YAML costs nothing.
struct FrontMatter {
    /// The byte range of the whole block, fences included.
    var range: Range<Int>
    var date: (value: CalendarDate, offset: Int)?
    var title: String?

    static let dateKeys = ["date", "published", "publishdate", "pubdate", "published_at", "date_published"]

    /// Reads the front matter starting at `start`, or nil when the file has none.
    init?(_ bytes: [UInt8], start: Int) {
        guard let firstLineEnd = Self.lineEnd(bytes, from: start),
              Self.trimmed(bytes, start..<firstLineEnd) == "---" else { return nil }
        range = start..<start
        var lineStart = firstLineEnd + 1
        while lineStart < bytes.count {
            let end = Self.lineEnd(bytes, from: lineStart) ?? bytes.count
            let line = Self.trimmed(bytes, lineStart..<end)
            if line == "---" || line == "..." {
                range = start..<min(bytes.count, end + 1)
                return
            }
            read(line: String(decoding: bytes[lineStart..<end], as: UTF8.self), offset: lineStart)
            lineStart = end + 1
        }
        return nil
    }

    private mutating func read(line: String, offset: Int) {
        guard !line.hasPrefix(" "), !line.hasPrefix("\t"), let colon = line.firstIndex(of: ":") else { return }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        if Self.dateKeys.contains(key), date == nil, let parsed = DateTextParser.parse(value) {
            date = (parsed, offset)
        } else if key == "title", title == nil, !value.isEmpty {
            title = value
        }
    }

    private static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import FigCheckCore
import FigCheckVerification
import Foundation
import Yams

/// YAML front matter at the top of a Markdown file (`---` … `---`): the fences found line by line,
/// the block between them parsed by Yams for the top-level keys figcheck reads (`date`,
/// `published`, `title`). Front matter that is not valid YAML, or not a mapping, is skipped as a
/// block and gives no metadata.
struct FrontMatter {
    /// The byte range of the whole block, fences included.
    var range: Range<Int>
    var date: (value: CalendarDate, offset: Int)?
    var title: String?

    static let dateKeys = ["date", "published", "publishdate", "pubdate", "published_at", "date_published"]

    /// Reads the front matter starting at `start`, or nil when the file has none.
    init?(_ bytes: [UInt8], start: Int) {
        guard let firstLineEnd = Self.lineEnd(bytes, from: start),
            Self.trimmed(bytes, start..<firstLineEnd) == "---"
        else { return nil }
        // The byte offset of each line of the block, for the line a key's mark names.
        var lineStarts: [Int] = []
        var lineStart = firstLineEnd + 1
        while lineStart < bytes.count {
            let end = Self.lineEnd(bytes, from: lineStart) ?? bytes.count
            let line = Self.trimmed(bytes, lineStart..<end)
            if line == "---" || line == "..." {
                range = start..<min(bytes.count, end + 1)
                let block = String(decoding: bytes[(firstLineEnd + 1)..<lineStart], as: UTF8.self)
                read(block, lineStarts: lineStarts)
                return
            }
            lineStarts.append(lineStart)
            lineStart = end + 1
        }
        return nil
    }

    private mutating func read(_ block: String, lineStarts: [Int]) {
        guard let node = try? Yams.compose(yaml: block), let mapping = node.mapping else { return }
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string?.lowercased(), let value = valueNode.scalar?.string else { continue }
            if Self.dateKeys.contains(key), date == nil, let parsed = DateTextParser.parse(value) {
                // Yams' marks count lines from 1.
                let line = (keyNode.mark?.line ?? 1) - 1
                date = (
                    parsed, lineStarts.indices.contains(line) ? lineStarts[line] : lineStarts.first ?? range.lowerBound
                )
            } else if key == "title", title == nil, !value.isEmpty {
                title = value
            }
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

/// The Markdown tables of a text: a header row, a delimiter row (`|---|---|`), then body rows, each
/// line starting with `|`. A figure in a body row takes its column's header as what it measures
/// ("| Brazil | 50 |" under "| Country | Tariff rate (%) |"), and the line before the header, if it
/// is prose, is the table's caption.
enum TableLayout {
    struct Table {
        /// The header cells, trimmed; cell 0 is the first column.
        var headers: [String]
        /// The byte range of the body rows.
        var body: Range<Int>
        /// The line before the header, when it is prose.
        var caption: Range<Int>?
        /// The one period the caption names, filled in by the reader.
        var captionPeriod: PeriodResolver.Found?
    }

    /// The tables of `bytes`, in order. One pass over the lines.
    static func tables(in bytes: [UInt8]) -> [Table] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func trimmed(_ line: Range<Int>) -> ArraySlice<UInt8> {
            var slice = bytes[line]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
            return slice
        }
        func isRow(_ line: Range<Int>) -> Bool { trimmed(line).first == UInt8(ascii: "|") }
        func isDelimiter(_ line: Range<Int>) -> Bool {
            let slice = trimmed(line)
            return slice.first == UInt8(ascii: "|") && slice.contains(UInt8(ascii: "-"))
                && slice.allSatisfy { [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20].contains($0) }
        }
        var tables: [Table] = []
        var index = 0
        while index + 1 < lines.count {
            guard isRow(lines[index]), isDelimiter(lines[index + 1]) else {
                index += 1
                continue
            }
            let headerText = String(decoding: trimmed(lines[index]), as: UTF8.self)
            var headers = headerText.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            // "| a | b |" splits into "", "a", "b", "": the outer empties are no columns.
            if headers.first == "" { headers.removeFirst() }
            if headers.last == "" { headers.removeLast() }
            var end = index + 2
            while end < lines.count, isRow(lines[end]) { end += 1 }
            // The caption: the prose line before the header, across at most one blank line.
            var above = index - 1
            if above >= 0, trimmed(lines[above]).isEmpty { above -= 1 }
            let caption =
                above >= 0 && !trimmed(lines[above]).isEmpty && !isRow(lines[above]) && lines[above].count <= 200
                ? lines[above] : nil
            if end > index + 2 {
                tables.append(
                    Table(
                        headers: headers, body: lines[index + 2].lowerBound..<lines[end - 1].upperBound,
                        caption: caption, captionPeriod: nil))
            }
            index = end
        }
        return tables
    }
}

/// A small RFC 4180 CSV reader over UTF-8 bytes: quoted fields (with `""` escapes, commas and
/// line breaks inside), CRLF or LF line ends. Fast enough to load a 15,000-row table in a few
/// milliseconds, which keeps `figcheck check` start-up cheap.
package struct CSVReader {
    /// One parsed record and the 1-based line it starts on.
    package struct Record {
        package var line: Int
        package var fields: [String]
    }

    /// Why a file is not valid CSV.
    package enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
    }

    /// Where one record lies in the file: the 1-based line it starts on and its bytes, without
    /// the line end.
    package struct Span: Equatable, Sendable {
        package var line: Int
        package var range: Range<Int>
    }

    /// Parses all records of `bytes`.
    package static func records(_ bytes: [UInt8]) throws -> [Record] {
        try records(bytes[...], firstLine: 1)
    }

    /// Parses the records of one span of a file (the line numbers continue from `firstLine`).
    package static func records(_ bytes: [UInt8], in span: Span) throws -> [Record] {
        try records(bytes[span.range], firstLine: span.line)
    }

    /// Finds every record of `bytes` without building its fields: each record's span and the text
    /// of its field number `keyColumn` (empty when it has fewer fields). The same records as
    /// ``records(_:)``, at a fraction of the cost, so a large table can be parsed a part at a time.
    // Long: the quote-and-field state machine over the bytes, kept whole to mirror `records` (a test compares the
    // two on every shipped table).
    package static func spans(_ bytes: [UInt8], keyColumn: Int) throws -> [(span: Span, key: String)] {
        var spans: [(span: Span, key: String)] = []
        var key: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var recordStart = index
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var fieldIndex = 0
        var fieldLength = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
            carriageReturn = UInt8(ascii: "\r")

        func content(_ byte: UInt8) {
            fieldLength += 1
            if fieldIndex == keyColumn { key.append(byte) }
        }
        func endRecord(at end: Int) {
            // A line holding one empty field is blank: not a record (as in `records`).
            if fieldIndex > 0 || fieldLength > 0 {
                spans.append((Span(line: recordLine, range: recordStart..<end), String(decoding: key, as: UTF8.self)))
            }
            key.removeAll(keepingCapacity: true)
            fieldIndex = 0
            fieldLength = 0
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        content(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    content(byte)
                }
            } else if byte == quote && fieldLength == 0 && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if byte == comma {
                fieldIndex += 1
                fieldLength = 0
                fieldWasQuoted = false
            } else if byte == newline || byte == carriageReturn {
                let end = index
                if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline { index += 1 }
                endRecord(at: end)
                line += 1
                recordLine = line
                recordStart = index + 1
            } else {
                content(byte)
            }
            index += 1
        }
        if inQuotes { throw Failure.unterminatedQuote(line: recordLine) }
        endRecord(at: bytes.count)
        return spans
    }

    private static func records(_ bytes: ArraySlice<UInt8>, firstLine: Int) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.startIndex + 3 : bytes.startIndex
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var fieldWasQuoted = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
            carriageReturn = UInt8(ascii: "\r")

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.endIndex && bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if byte == comma {
                endField()
            } else if byte == newline || byte == carriageReturn {
                if byte == carriageReturn && index + 1 < bytes.endIndex && bytes[index + 1] == newline { index += 1 }
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) {
                    records.append(Record(line: recordLine, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw Failure.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    /// Writes one CSV record, quoting fields that need it.
    package static func line(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\n"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

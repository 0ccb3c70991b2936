/// Writes JSON as it goes, in chunks, in exactly the layout Foundation's `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents, `"key" : value`,
/// an empty container as an opening line, a blank line and its closing bracket, numbers as
/// `Double.description` without a trailing `.0`. A report of 100,000 figures is written without
/// first building the whole tree and the whole string (the encoder's cost and memory were more
/// than the scanning's).
///
/// The caller writes each object's keys in sorted order (byte order of their UTF-8, as
/// `.sortedKeys` sorts); debug builds check it.
package struct JSONStreamWriter {
    private var buffer: [UInt8] = []
    /// For each open container: whether it has an element yet.
    private var open: [Bool] = []
    private var afterKey = false
    private let chunkSize: Int
    private let sink: ([UInt8]) -> Void
    #if DEBUG
        private var lastKeys: [String?] = []
    #endif

    /// Hands the output to `sink` in chunks of about `chunkSize` bytes (and the rest at `finish`).
    package init(chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 1024)
    }

    /// Writes everything into one string (small outputs, tests).
    package static func string(_ write: (inout JSONStreamWriter) -> Void) -> String {
        var bytes: [UInt8] = []
        var writer = JSONStreamWriter(chunkSize: 1 << 20) { bytes += $0 }
        write(&writer)
        writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }

    package mutating func beginObject() {
        valuePrefix()
        buffer.append(UInt8(ascii: "{"))
        open.append(false)
        #if DEBUG
            lastKeys.append(nil)
        #endif
    }

    package mutating func endObject() {
        #if DEBUG
            lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    package mutating func beginArray() {
        valuePrefix()
        buffer.append(UInt8(ascii: "["))
        open.append(false)
    }

    package mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// The next key of the open object; keys come in sorted order.
    package mutating func key(_ name: String) {
        #if DEBUG
            if let last = lastKeys[lastKeys.count - 1] {
                assert(last.utf8.lexicographicallyPrecedes(name.utf8), "JSON keys out of order: \(last) before \(name)")
            }
            lastKeys[lastKeys.count - 1] = name
        #endif
        elementPrefix()
        writeQuoted(name)
        buffer.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        afterKey = true
    }

    package mutating func string(_ value: String) {
        valuePrefix()
        writeQuoted(value)
    }

    package mutating func number(_ value: Double) {
        valuePrefix()
        if value == 0, value.sign == .minus {
            buffer.append(contentsOf: Self.negativeZero)
        } else if value == value.rounded(), abs(value) < 1e15 {
            writeDigits(Int64(value))
        } else {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            buffer.append(contentsOf: text.utf8)
        }
    }

    package mutating func integer(_ value: Int) {
        valuePrefix()
        writeDigits(Int64(value))
    }

    package mutating func bool(_ value: Bool) {
        valuePrefix()
        buffer.append(contentsOf: value ? Self.trueText : Self.falseText)
    }

    package mutating func null() {
        valuePrefix()
        buffer.append(contentsOf: Self.nullText)
    }

    /// A string, or null for nil.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number, or null for nil.
    package mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    /// Ends the output with a line end and hands over the rest.
    package mutating func finish() {
        buffer.append(UInt8(ascii: "\n"))
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Layout

    private mutating func valuePrefix() {
        if afterKey {
            afterKey = false
        } else {
            elementPrefix()
        }
    }

    private mutating func elementPrefix() {
        guard let last = open.indices.last else { return }
        if open[last] { buffer.append(UInt8(ascii: ",")) } else { open[last] = true }
        newline(indent: open.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = open.removeLast()
        if !hadElements { buffer.append(UInt8(ascii: "\n")) }
        newline(indent: open.count)
        buffer.append(bracket)
        if buffer.count >= chunkSize {
            sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private mutating func newline(indent: Int) {
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { buffer.append(UInt8(ascii: " ")) }
    }

    private mutating func writeDigits(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let nullText = Array("null".utf8), trueText = Array("true".utf8), falseText = Array("false".utf8),
        negativeZero = Array("-0".utf8)

    private mutating func writeQuoted(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape are copied whole.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                buffer.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
                case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "t"))
                case 0x08: buffer.append(UInt8(ascii: "b"))
                case 0x0C: buffer.append(UInt8(ascii: "f"))
                default:
                    buffer.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)],
                    ])
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }
}

import FigCheckCore

/// Chooses the loader for an input: by file extension, by HTTP content type, and by sniffing the
/// bytes when neither says; refuses binary data.
public enum FormatDetector {
    /// The format a file extension names, or nil when it names none figcheck knows.
    public static func format(forExtension pathExtension: String) -> DocumentFormat? {
        switch pathExtension.lowercased() {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd", "mdx": return .markdown
        case "html", "htm", "xhtml": return .html
        case "docx": return .docx
        case "pdf": return .pdf
        default: return nil
        }
    }

    /// The format an HTTP `Content-Type` names, or nil when it is generic (text/plain, octet-stream).
    public static func format(forContentType contentType: String) -> DocumentFormat? {
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        switch mediaType {
        case "text/html", "application/xhtml+xml": return .html
        case "text/markdown", "text/x-markdown": return .markdown
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return .docx
        case "application/pdf": return .pdf
        default: return nil
        }
    }

    /// The format of `bytes` from their content, after `declared` (from the extension or the
    /// content type) when there is one; throws for binary data and formats figcheck cannot read.
    public static func detect(_ bytes: [UInt8], declared: DocumentFormat?, source: String) throws -> DocumentFormat {
        let isZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if declared == .docx || (declared == nil && isZip) {
            return .docx
        }
        if declared == .pdf || bytes.starts(with: Array("%PDF-".utf8)) {
            return .pdf
        }
        if isBinary(bytes) { throw FigCheckError.binaryInput(source: source) }
        if let declared { return declared }
        return sniffText(bytes)
    }

    /// Binary data: NUL bytes, or mostly bytes that are neither UTF-8 nor text controls, in the
    /// first 8 KiB.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        let sample = Array(bytes.prefix(8192))
        guard !sample.isEmpty else { return false }
        if sample.contains(0) { return true }
        var suspicious = 0
        var index = 0
        while index < sample.count {
            let byte = sample[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                suspicious += 1
                index += 1
            } else if byte >= 0x80 {
                let length = UTF8Validation.sequenceLength(sample, at: index, end: sample.count)
                // A sequence cut off by the end of the sample is not evidence of binary data.
                if length == 0 && index + 4 < sample.count { suspicious += 1 }
                index += max(1, length)
            } else {
                index += 1
            }
        }
        return suspicious * 10 > sample.count
    }

    /// HTML when the text starts like a page, Markdown when it has front matter, headings or
    /// fences, plain text otherwise.
    static func sniffText(_ bytes: [UInt8]) -> DocumentFormat {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        let lowered = head.lowercased().trimmingWhitespace()
        if lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html") || lowered.hasPrefix("<?xml")
            || lowered.contains("<body") || lowered.contains("<head")
        {
            return .html
        }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false).prefix(40)
        if lines.first?.trimmingWhitespace() == "---" { return .markdown }
        let markdownLines = lines.filter { line in
            line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("```") || line.hasPrefix("~~~")
                || line.contains("](")
        }
        return markdownLines.isEmpty ? .text : .markdown
    }
}

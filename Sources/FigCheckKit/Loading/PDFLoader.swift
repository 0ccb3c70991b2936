import FigCheckCore
import Foundation

/// PDF through Poppler's `pdftotext -layout` (Debian `poppler-utils`), run as a subprocess with a
/// time limit. The analysed text is pdftotext's; locations are lines and columns of that text
/// (a PDF has no lines of its own), and page breaks become blank lines.
public struct PDFLoader: DocumentLoader {
    /// Longest time pdftotext may take on one document.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 30) {
        self.timeout = timeout
    }

    /// Where pdftotext is, or nil when Poppler is not installed.
    static var executable: URL? {
        // FIGCHECK_PDFTOTEXT names another pdftotext (or, in tests, a missing one).
        if let explicit = ProcessInfo.processInfo.environment["FIGCHECK_PDFTOTEXT"] {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in paths + ["/usr/bin", "/usr/local/bin"] {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        guard let executable = Self.executable else {
            throw FigCheckError.unsupportedFormat(
                source: source, detail: "PDF needs Poppler's pdftotext (Debian: apt-get install poppler-utils)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("figcheck-pdf-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.pdf")
        let output = directory.appendingPathComponent("output.txt")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // The document's budget may leave less time than pdftotext's own limit.
        let allowed = min(timeout, budget.remainingSeconds ?? timeout)
        if finished.wait(timeout: .now() + allowed) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 1)
            }
            if allowed < timeout { throw FigCheckError.gaveUpLoading(source, budget) }
            throw FigCheckError.malformedDocument(source: source, reason: "pdftotext took longer than \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, let extracted = FileManager.default.contents(atPath: output.path) else {
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw FigCheckError.malformedDocument(source: source, reason: "pdftotext could not read it (\(detail))")
        }
        // Form feeds between pages become paragraph breaks; the text is then read as plain text.
        let text = String(decoding: extracted, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
        var loaded = try PlainTextLoader().load(Array(text.utf8), source: source, budget: budget)
        loaded.warnings.append("\(source): PDF read through pdftotext -layout; locations are lines and columns of the extracted text")
        return loaded
    }
}

import FigCheckCore
import Foundation

/// PDF through Poppler's `pdftotext -layout` (Debian `poppler-utils`), run as a subprocess with a
/// time limit. The analysed text is pdftotext's; locations are lines and columns of that text
/// (a PDF has no lines of its own), and page breaks become blank lines.
public struct PDFLoader: DocumentLoader {
    /// Longest time pdftotext may take on one document.
    public var timeout: TimeInterval
    /// The pdftotext to run (nil: found on PATH, or named by FIGCHECK_PDFTOTEXT).
    public var executableOverride: URL?

    /// Creates a loader that runs `executable` (nil: pdftotext on PATH, or FIGCHECK_PDFTOTEXT) for
    /// at most `timeout` seconds a document.
    public init(timeout: TimeInterval = 30, executable: URL? = nil) {
        self.timeout = timeout
        self.executableOverride = executable
    }

    /// The most of pdftotext's standard error kept for the error message; the rest is read and
    /// dropped, so a chatty run never fills the pipe and blocks.
    static let keptStandardError = 64 * 1024

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

    /// The text `pdftotext` extracts, page by page.
    public func load(_ bytes: [UInt8], source: String, budget: WorkBudget) throws -> LoadedText {
        guard let executable = executableOverride ?? Self.executable else {
            throw FigCheckError.unsupportedFormat(
                source: source, detail: "PDF needs Poppler's pdftotext (Debian: apt-get install poppler-utils)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "figcheck-pdf-\(getpid())-\(UUID().uuidString)")
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
        // Standard error is drained while pdftotext runs: a pipe holds 64 KiB, and a process
        // that writes more waits for a reader (which, read only at the end, never came).
        let drained = StandardErrorDrain(errors.fileHandleForReading, keeping: Self.keptStandardError)
        // The document's budget may leave less time than pdftotext's own limit.
        let allowed = min(timeout, budget.remainingSeconds ?? timeout)
        if finished.wait(timeout: .now() + allowed) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 1)
            }
            if allowed < timeout { throw FigCheckError.gaveUpLoading(source, budget) }
            throw FigCheckError.malformedDocument(
                source: source, reason: "pdftotext took longer than \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, let extracted = FileManager.default.contents(atPath: output.path) else {
            let detail =
                String(decoding: drained.collected(waitingAtMost: 1), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw FigCheckError.malformedDocument(source: source, reason: "pdftotext could not read it (\(detail))")
        }
        // Form feeds between pages become paragraph breaks; the text is then read as plain text.
        let text = String(decoding: extracted, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
        var loaded = try PlainTextLoader().load(Array(text.utf8), source: source, budget: budget)
        loaded.warnings.append(
            "\(source): PDF read through pdftotext -layout; locations are lines and columns of the extracted text")
        return loaded
    }
}

/// Reads a pipe to its end on its own thread, keeping the first `limit` bytes.
final class StandardErrorDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var kept = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, keeping limit: Int) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                if kept.count < limit { kept.append(chunk.prefix(limit - kept.count)) }
                lock.unlock()
            }
            done.signal()
        }
        thread.start()
    }

    /// What was kept, once the pipe has ended (or after `seconds`, if something still holds it open).
    func collected(waitingAtMost seconds: Double) -> Data {
        _ = done.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return kept
    }
}

import FigCheckCore
import Foundation

/// Problems that stop one input or the whole run. Each message names the input and the cause in
/// one line, as the command line prints it.
public enum FigCheckError: LocalizedError, Equatable {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case unreadableInput(source: String, reason: String)
    case binaryInput(source: String)
    case inputTooLarge(source: String, limit: Int)
    case unsupportedScheme(source: String)
    case unsupportedFormat(source: String, detail: String)
    case malformedDocument(source: String, reason: String)
    case fetchFailed(source: String, reason: String)
    case invalidOption(name: String, value: String, reason: String)
    /// The document's time budget (`--max-seconds`) ran out during `stage`.
    case gaveUp(source: String, seconds: Double, stage: String)

    /// One line naming the input and the cause.
    public var errorDescription: String? {
        switch self {
        case let .fileNotFound(path):
            return "\(path): no such file"
        case let .isDirectory(path):
            return "\(path): is a directory, not a document"
        case let .unreadableInput(source, reason):
            return "\(source): cannot be read: \(reason)"
        case let .binaryInput(source):
            return "\(source): binary data, not a text, Markdown, HTML or DOCX document"
        case let .inputTooLarge(source, limit):
            return "\(source): larger than the \(limit)-byte input limit"
        case let .unsupportedScheme(source):
            return "\(source): unsupported URL scheme (only http:// and https:// are fetched)"
        case let .unsupportedFormat(source, detail):
            return "\(source): unsupported format (\(detail))"
        case let .malformedDocument(source, reason):
            return "\(source): \(reason)"
        case let .fetchFailed(_, reason):
            return reason
        case let .invalidOption(name, value, reason):
            return "\(name) \(value): \(reason)"
        case let .gaveUp(source, seconds, stage):
            let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return "\(source): gave up after \(limit) s (during \(stage); --max-seconds sets the limit)"
        }
    }
}

extension FigCheckError {
    /// The budget ran out while a loader read `source`.
    static func gaveUpLoading(_ source: String, _ budget: WorkBudget) -> FigCheckError {
        .gaveUp(source: source, seconds: budget.seconds ?? 0, stage: "loading")
    }
}

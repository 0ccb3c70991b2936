import Foundation

/// Problems with reference data that stop a run (exit code 2), each naming the file or table.
package enum ReferenceDataError: LocalizedError, Equatable {
    case missingDirectory(path: String)
    case unreadableMetadata(path: String, reason: String)
    case missingTableFile(path: String)
    case malformedTable(path: String, line: Int, reason: String)
    case duplicateTableID(id: String, paths: [String])
    case unknownTable(id: String)
    case writeFailed(path: String, reason: String)

    package var errorDescription: String? {
        switch self {
        case let .missingDirectory(path):
            return "\(path): reference data directory not found"
        case let .unreadableMetadata(path, reason):
            return "\(path): unreadable table metadata: \(reason)"
        case let .missingTableFile(path):
            return "\(path): table file named by its metadata is missing"
        case let .malformedTable(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .duplicateTableID(id, paths):
            return "table id \(id) is used by more than one table: \(paths.joined(separator: ", "))"
        case let .unknownTable(id):
            return "\(id): no such table or indicator (figcheck data list shows them)"
        case let .writeFailed(path, reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

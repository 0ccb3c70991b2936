import FigCheckKit
import Foundation

extension Batch {
    static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "docx", "pdf"]
    static let manifestExtensions: Set<String> = ["list", "manifest", "lst"]

    /// The documents the inputs name, in a stable order, without duplicates.
    package static func expand(_ inputs: [String], standardInput: () -> String = { "" }) throws -> [String] {
        var documents: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) { if seen.insert(path).inserted { documents.append(path) } }
        for input in inputs {
            if input == "-" {
                standardInput().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }.forEach(add)
                continue
            }
            if input.contains("://") { add(input); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let enumerator = FileManager.default.enumerator(atPath: input)
                    var found: [String] = []
                    while let path = enumerator?.nextObject() as? String {
                        let name = (path as NSString).lastPathComponent
                        if !name.hasPrefix("."), extensions.contains((path as NSString).pathExtension.lowercased()) {
                            found.append((input as NSString).appendingPathComponent(path))
                        }
                    }
                    found.sorted().forEach(add)
                } else if manifestExtensions.contains((input as NSString).pathExtension.lowercased()) {
                    let text = try String(contentsOfFile: input, encoding: .utf8)
                    let base = (input as NSString).deletingLastPathComponent
                    for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
                    where !line.isEmpty && !line.hasPrefix("#") {
                        add(
                            line.contains("://") || line.hasPrefix("/") || base.isEmpty
                                ? line : (base as NSString).appendingPathComponent(line))
                    }
                } else {
                    add(input)
                }
            } else if input.contains("*") || input.contains("?") {
                let cwd = FileManager.default.currentDirectoryPath
                let enumerator = FileManager.default.enumerator(atPath: cwd)
                var found: [String] = []
                while let path = enumerator?.nextObject() as? String {
                    if !path.hasPrefix(".build"), PathGlob.matches(input, path) { found.append(path) }
                }
                found.sorted().forEach(add)
            } else {
                add(input)  // reported as unreadable by the run, like any other failure
            }
        }
        return documents
    }

    /// A shard of a run: `index` of `count` (1-based, as `--shard 2/4` says it).
    package struct Shard: Sendable, Equatable, CustomStringConvertible {
        package var index: Int
        package var count: Int

        /// Parses "I/N" with 1 ≤ I ≤ N.
        package init(parsing text: String) throws {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
                (1...count).contains(index)
            else {
                throw BatchError.badShard(text)
            }
            self.index = index
            self.count = count
        }

        package var description: String { "\(index)/\(count)" }

        /// Whether a document belongs to this shard. The choice hangs on the document's name alone
        /// (the first 64 bits of its SHA-256), so every machine of a matrix agrees on it without
        /// talking to the others, and adding a document to the archive moves no other one.
        package func contains(_ source: String) -> Bool {
            let prefix = ContentHash.hex(source).prefix(16)
            guard let value = UInt64(prefix, radix: 16) else { return false }
            return Int(value % UInt64(count)) == index - 1
        }
    }
}

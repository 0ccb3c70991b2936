import Foundation
import Testing
import TestSupport

/// A function, initialiser or computed property of more than 60 lines is split, or says why it is
/// not in a `// Long: …` comment just above its declaration (the doc comment may sit between).
/// swift-format has no rule for it, so this test keeps the habit.
@Suite("Function length")
struct FunctionLengthTests {
    static let limit = 60

    /// A declaration whose body is longer than the limit.
    struct LongBody: CustomStringConvertible {
        var file: String
        var line: Int
        var length: Int
        var justified: Bool
        var description: String { "\(file):\(line) (\(length) lines)" }
    }

    static let pattern = 
        #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|private|fileprivate|internal|static|mutating|override|final|nonisolated)\s+)*(?:func\s|init[?!]?\s*[(<]|var\s+\w+\s*:[^={]*\{\s*$)"#

    /// The long bodies of one source file: braces counted outside string literals and comments.
    static func longBodies(in text: String, file: String) -> [LongBody] {
        let lines = text.components(separatedBy: "\n")
        // Lines inside a multi-line string literal hold no code.
        var code: [String] = []
        var inMultiLineString = false
        for line in lines {
            let fences = line.components(separatedBy: "\"\"\"").count - 1
            code.append(inMultiLineString ? "" : line)
            if fences % 2 == 1 { inMultiLineString.toggle() }
        }
        /// The change in brace depth over a line, and whether it opens one.
        func braces(_ line: String) -> (change: Int, opens: Bool) {
            var depth = 0
            var opens = false
            var inString = false
            var previous: Character = " "
            var escaped = false
            for character in line {
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                } else if character == "\"" {
                    inString = true
                } else if character == "/" && previous == "/" {
                    break
                } else if character == "{" {
                    depth += 1
                    opens = true
                } else if character == "}" {
                    depth -= 1
                }
                previous = character
            }
            return (depth, opens)
        }
        var found: [LongBody] = []
        guard let declaration = try? Regex(pattern) else { return [] }
        for (index, line) in code.enumerated() where line.firstMatch(of: declaration) != nil {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") { continue }
            var depth = 0
            var opened = false
            var end = index
            while end < code.count {
                let (change, opens) = braces(code[end])
                opened = opened || opens
                depth += change
                if opened && depth <= 0 { break }
                // A requirement or a declaration without a body.
                if !opened && end > index + 8 { break }
                end += 1
            }
            guard opened, end < code.count else { continue }
            let length = end - index + 1
            guard length > limit else { continue }
            // The justification: a `// Long:` line among the comment lines just above.
            var above = index - 1
            var justified = false
            while above >= 0 {
                let comment = lines[above].trimmingCharacters(in: .whitespaces)
                guard comment.hasPrefix("//") || comment.hasPrefix("@") else { break }
                if comment.hasPrefix("// Long:") { justified = true }
                above -= 1
            }
            found.append(LongBody(file: file, line: index + 1, length: length, justified: justified))
        }
        return found
    }

    @Test("the measure finds a long body and its justification, and passes a short one")
    func measure() {
        let body = Array(repeating: "        total += 1", count: 70).joined(separator: "\n")
        let long = "    func sum() -> Int {\n        var total = 0\n\(body)\n        return total\n    }\n"
        let short = "    /// Doc.\n    func one() -> Int {\n        let text = \"}\"\n        return 1\n    }\n"
        let justified = "    /// Doc.\n    // Long: one state machine.\n" + long
        #expect(Self.longBodies(in: long + short, file: "x").map(\.length) == [74])
        #expect(Self.longBodies(in: long, file: "x").first?.justified == false)
        #expect(Self.longBodies(in: justified, file: "x").first?.justified == true)
        let template = "    static func page() -> String {\n        \"\"\"\n" + body.replacingOccurrences(of: "total += 1", with: "}")
            + "\n        \"\"\"\n    }\n"
        #expect(Self.longBodies(in: template, file: "x").first?.length == 74)
    }

    @Test("every body over 60 lines in Sources, Benchmarks and Fuzz is split or says why")
    func sourcesHaveShortBodies() throws {
        var unjustified: [LongBody] = []
        var measured = 0
        for folder in ["Sources", "Benchmarks", "Fuzz"] {
            let root = TestPaths.repository.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let relative = folder + "/" + url.path.dropFirst(root.path.count + 1)
                let bodies = Self.longBodies(in: try String(contentsOf: url, encoding: .utf8), file: relative)
                measured += bodies.count
                unjustified += bodies.filter { !$0.justified }
            }
        }
        #expect(measured > 0, "the measure found no long body at all; is it reading the sources?")
        #expect(unjustified.isEmpty, "split these, or say why in a `// Long:` comment: \(unjustified)")
    }
}

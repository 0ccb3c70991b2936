import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// The evaluation corpus: well-formed, big enough, and every annotated figure found by the scanner.
@Suite("Evaluation corpus")
struct CorpusTests {
    struct Annotation: Decodable {
        var document: String
        var text: String
        var kind: String
        var expected: String
        var reference: String
        var error: String
    }

    static let folder = TestPaths.repository.appendingPathComponent("Tests/Corpus")

    static func annotations() throws -> [Annotation] {
        let lines = try String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(Annotation.self, from: Data($0.utf8)) }
    }

    @Test("at least 15 texts and 150 annotations, with the verdicts and errors PRODUCT.md names")
    func wellFormed() throws {
        let gold = try Self.annotations()
        let documents = Set(gold.map(\.document))
        #expect(documents.count >= 15)
        #expect(gold.count >= 150)
        let verdicts: Set<String> = ["consistent", "inconsistent", "needs_review", "unverifiable", "not_a_claim"]
        for annotation in gold {
            #expect(verdicts.contains(annotation.expected), "\(annotation.document) \(annotation.text)")
            #expect(!annotation.reference.isEmpty)
            let text = try String(contentsOf: Self.folder.appendingPathComponent("texts/\(annotation.document)"),
                                  encoding: .utf8)
            #expect(text.replacingOccurrences(of: "\n", with: " ").contains(annotation.text),
                    "\(annotation.document): \(annotation.text)")
        }
        let errors = Set(gold.map(\.error))
        for kind in ["stale_year", "wrong_month", "pct_vs_pp", "scale_word", "component"] {
            #expect(errors.contains(kind), "no \(kind) error in the corpus")
        }
    }

    @Test("the scanner finds every annotated claim figure")
    func detection() async throws {
        let gold = try Self.annotations().filter { $0.expected != "not_a_claim" }
        var found = 0
        for (document, annotations) in Dictionary(grouping: gold, by: \.document) {
            let path = Self.folder.appendingPathComponent("texts/\(document)").path
            let loaded = try await DocumentReader().read(path)
            let texts = MentionScanner().scan(loaded.text).mentions.map { $0.text.replacingOccurrences(of: "\n", with: " ") }
            for annotation in annotations {
                if texts.contains(where: { $0.contains(annotation.text) || annotation.text.contains($0) }) {
                    found += 1
                } else {
                    Issue.record("\(document): \(annotation.text) not found among \(texts)")
                }
            }
        }
        print("corpus: scanner found \(found) of \(gold.count) annotated claim figures")
        #expect(found == gold.count)
    }
}

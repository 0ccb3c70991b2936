import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// Inputs the fuzzers (Fuzz/, Scripts/fuzz) found trouble with, replayed through the same code
/// paths in every test run: each must end normally (a thrown error is fine).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = TestPaths.repository.appendingPathComponent("Tests/Fixtures/fuzz")

    static func inputs(_ target: String) -> [URL] {
        let directory = folder.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
    }

    @Test("every kept input of every target is handled", arguments: ["scanner", "check", "markdown", "html", "docx", "table"])
    func replay(target: String) throws {
        for input in Self.inputs(target) {
            let bytes = try [UInt8](Data(contentsOf: input))
            switch target {
            case "scanner":
                _ = MentionScanner().scan(String(decoding: bytes, as: UTF8.self))
            case "check":
                let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
                let text = String(decoding: bytes, as: UTF8.self)
                _ = pipeline.analyse(Document(source: "fuzz", format: .text, text: text, sourceMap: .identity(Array(text.utf8))))
            case "markdown":
                _ = try? MarkdownLoader().load(bytes, source: "fuzz.md")
            case "html":
                _ = try? HTMLLoader().load(bytes, source: "fuzz.html")
            case "docx":
                #expect(throws: (any Error).self) { try DOCXLoader().load(bytes, source: "fuzz.docx") }
            default:
                // A facts table with this content: refused with a clear error, or read.
                let directory = try TestPaths.copy(TestPaths.dataFixture("mini-data"))
                let table = try #require(FileManager.default.enumerator(atPath: directory.path)?.allObjects
                    .compactMap { $0 as? String }.first { $0.hasSuffix(".csv") && $0.contains("curated") })
                try Data(bytes).write(to: directory.appendingPathComponent(table))
                let problems = ReferenceDataValidator.validate(directory)
                if bytes.isEmpty { #expect(problems.contains { $0.message.contains("empty file") }) }
            }
        }
    }
}

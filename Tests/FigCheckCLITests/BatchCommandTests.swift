import Foundation
import Testing
import TestSupport

/// `figcheck batch` on the built binary: a folder with good and broken documents, a manifest.
@Suite("figcheck batch")
struct BatchCommandTests {
    @Test("a folder with two broken files: every good document reported, the failures listed, dashboard written, exit 2")
    func folderWithFailures() throws {
        let directory = try TestPaths.temporaryDirectory()
        let input = directory.appendingPathComponent("in/nested")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let corpus = TestPaths.repository.appendingPathComponent("Tests/Corpus/texts")
        let texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".md") }.sorted()
        for (index, name) in texts.enumerated() {
            let target = (index % 2 == 0 ? directory.appendingPathComponent("in") : input).appendingPathComponent(name)
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: target)
        }
        try Data("not a zip".utf8).write(to: input.appendingPathComponent("broken.docx"))
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF]).write(to: input.appendingPathComponent("broken.pdf"))
        try Data("ignored".utf8).write(to: input.appendingPathComponent("notes.csv"))
        let out = directory.appendingPathComponent("reports")
        let result = try FigCheckBinary.run(["batch", directory.appendingPathComponent("in").path, "--out", out.path,
                                             "--jobs", "2", "--run-id", "nightly"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.split(separator: "\n").filter { $0.hasPrefix("figcheck: ") }.count == 2)
        let run = out.appendingPathComponent("nightly")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json")))
            as? [String: Any])
        #expect(summary["documents"] as? Int == texts.count + 2)
        #expect(summary["failed"] as? Int == 2)
        let entries = try #require(summary["entries"] as? [[String: Any]])
        for entry in entries where (entry["errors"] as? [String])?.isEmpty == true {
            let html = try #require(entry["html"] as? String)
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(html).path))
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(try #require(entry["json"] as? String)).path))
        }
        let dashboard = try String(contentsOf: run.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(dashboard.contains("\(texts.count + 2) documents"))
        #expect(dashboard.contains("2 could not be checked"))
        #expect(dashboard.contains("href=\"documents/"))
        let leftovers = FileManager.default.enumerator(atPath: run.path)?.allObjects.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
    }

    @Test("a manifest names documents and URLs line by line; a clean run exits 0")
    func manifest() throws {
        let directory = try TestPaths.temporaryDirectory()
        let manifest = directory.appendingPathComponent("nightly.list")
        // Relative lines are relative to the manifest's folder.
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("examples/us-korea-alliance-at-70.md"),
                                         to: directory.appendingPathComponent("alliance.md"))
        try Data("# example articles\n\(TestPaths.pacificCouncilSeed.path)\n\nalliance.md\n".utf8).write(to: manifest)
        let result = try FigCheckBinary.run(["batch", manifest.path, "--out", directory.appendingPathComponent("out").path,
                                             "--run-id", "r1"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("2 documents, 0 could not be checked"))
    }
}

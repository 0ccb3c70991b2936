import Foundation
import Testing
import TestSupport

/// Bounded work for every document, on the built binary: a hostile DOCX is refused in one line,
/// whatever its headers claim; a document that outlasts its time budget (`--max-seconds`,
/// `max-seconds:` in `.figcheck.yml`) is given up with exit 2 and one line; a batch records such
/// documents as failed and finishes.
@Suite("Bounded work (binary)")
struct BoundedWorkTests {
    /// The DOCX our own fuzzer made that once kept `check` spinning without end.
    static let endlessRead = TestPaths.repository.appendingPathComponent("Tests/Fixtures/fuzz/docx/endless-read-hang")

    /// Exit 2 with exactly one line on standard error, naming `input` and saying `cause`.
    static func expectOneLineRefusal(_ result: FigCheckBinary.Result, input: String, cause: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        BadInputMatrixTests.expectRefused(result, input: input + ":", cause: cause, sourceLocation: sourceLocation)
    }

    /// A long text (the seeds' bodies repeated) that takes a while to check.
    static func longText(in directory: URL, copies: Int = 40) throws -> URL {
        let seeds = try [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed].map { try String(contentsOf: $0, encoding: .utf8) }
        let file = directory.appendingPathComponent("long-report.txt")
        try Data(String(repeating: seeds.joined(separator: "\n\n") + "\n\n", count: copies).utf8).write(to: file)
        return file
    }

    @Test("the endless-read DOCX: exit 2 and one line, 20 runs in a row")
    func endlessReadDOCX() throws {
        // The copy in ../shared/repro is the same file when it is there.
        let repro = TestPaths.shared.appendingPathComponent("repro/docx-endless-read.docx")
        if FileManager.default.fileExists(atPath: repro.path) {
            #expect(try Data(contentsOf: repro) == Data(contentsOf: Self.endlessRead))
        }
        for _ in 0..<20 {
            let result = try FigCheckBinary.run(["check", Self.endlessRead.path, "--format", "json"])
            Self.expectOneLineRefusal(result, input: Self.endlessRead.path, cause: "DOCX part word/document.xml")
        }
    }

    @Test("DOCX files whose headers lie are refused in one line each")
    func lyingHeaders() throws {
        let directory = try TestPaths.temporaryDirectory()
        let good = ZIPWriter.docx(paragraphs: ["Exports rose 4.2% in 2024."])
        let cases: [(String, [UInt8], String)] = [
            ("sizes.docx", ZIPDamage.compressedSizeBeyondFile(good), "runs past the end of the archive"),
            ("directory.docx", ZIPDamage.truncatedDirectory(good), "central directory is corrupt"),
            ("offset.docx", ZIPDamage.wrappedOffset(good), "runs past the end of the archive"),
        ]
        for (name, bytes, cause) in cases {
            let file = directory.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            Self.expectOneLineRefusal(try FigCheckBinary.run(["check", file.path]), input: file.path, cause: cause)
        }
    }

    @Test("a document past --max-seconds or the configured max-seconds is given up: exit 2, one line naming the stage")
    func budgetGivesUp() throws {
        let directory = try TestPaths.temporaryDirectory()
        let long = try Self.longText(in: directory)
        let flag = try FigCheckBinary.run(["check", long.path, "--max-seconds", "0.05", "--format", "json"])
        Self.expectOneLineRefusal(flag, input: long.path, cause: "gave up after 0.05 s (during ")
        #expect(flag.standardOutput.contains("\"errors\""), "the report says the document was not checked")
        try Data("version: 1\nmax-seconds: 0.05\n".utf8).write(to: directory.appendingPathComponent(".figcheck.yml"))
        let configured = try FigCheckBinary.run(["check", long.path, "--data", TestPaths.referenceData.path], in: directory)
        Self.expectOneLineRefusal(configured, input: long.path, cause: "gave up after 0.05 s")
        // The flag wins over the file; a short article fits in the default budget.
        let short = try FigCheckBinary.run(["check", TestPaths.hansunSeed.path, "--max-seconds", "120", "--subject", "KOR",
                                            "--data", TestPaths.referenceData.path, "--fail-on", "never"], in: directory)
        #expect(short.exitCode == 0, "\(short.standardError)")
        let bad = try FigCheckBinary.run(["check", long.path, "--max-seconds", "0"])
        #expect(bad.exitCode == 2 && bad.standardError.contains("--max-seconds 0"), "\(bad.standardError)")
    }

    @Test("a batch over the endless-read DOCX, a document past its budget and the seeds finishes and lists the failures")
    func batchGoesOn() throws {
        let directory = try TestPaths.temporaryDirectory()
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.endlessRead, to: input.appendingPathComponent("endless.docx"))
        for seed in [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed] {
            try FileManager.default.copyItem(at: seed, to: input.appendingPathComponent(seed.lastPathComponent))
        }
        let long = try Self.longText(in: directory, copies: 2_000)
        try FileManager.default.moveItem(at: long, to: input.appendingPathComponent("long-report.txt"))
        let out = directory.appendingPathComponent("out")
        // Five seconds is far more than a seed needs and far less than 2,000 copies of both (40 MB)
        // need in a debug build.
        let result = try FigCheckBinary.run(["batch", input.path, "--out", out.path, "--run-id", "night", "--max-seconds", "5"])
        #expect(result.exitCode == 2, "\(result.standardError)")
        let run = out.appendingPathComponent("night")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json")))
            as? [String: Any])
        #expect(summary["documents"] as? Int == 4)
        #expect(summary["failed"] as? Int == 2)
        let entries = try #require(summary["entries"] as? [[String: Any]])
        let errors = entries.flatMap { ($0["errors"] as? [String]) ?? [] }
        #expect(errors.contains { $0.contains("endless.docx: DOCX part") }, "\(errors)")
        #expect(errors.contains { $0.contains("long-report.txt: gave up after 5 s") }, "\(errors)")
        #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("index.html").path))
    }
}

import FigCheckClaims
import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// Long documents: an honest report of any length keeps every claim, while a hostile run of bare
/// figures stays bounded by its size (the claim cap is proportional to the text, not fixed).
@Suite("Long documents")
struct LongDocumentTests {
    static func document(_ text: String) -> Document {
        Document(source: "long.txt", format: .text, text: text, sourceMap: .identity(Array(text.utf8)),
                 metadata: DocumentMetadata(date: CalendarDate(year: 2025, month: 6, day: 1), dateSource: .flag))
    }

    /// The mentions and claims of `text` (the reading stages only; nothing is verified).
    static func read(_ text: String) throws -> DocumentAnalysis {
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        var analysis = DocumentAnalysis(document: document(text))
        for stage in pipeline.stages.prefix(2) { stage.run(&analysis) }
        return analysis
    }

    @Test("a report of 6,000 claims in ordinary sentences keeps every one (a fixed cap of 5,000 would not)")
    func honestReportKeepsEveryClaim() throws {
        let paragraph = "In 2020 the regional council reported that its road budget rose 5% on the year before.\n\n"
        let analysis = try Self.read(String(repeating: paragraph, count: 6_000))
        #expect(analysis.claims.count == 6_000)
        #expect(!analysis.diagnostics.contains { $0.kind == Diagnostic.Kind.incomplete })
    }

    @Test("a run of 30,000 bare figures is cut at one claim per 40 bytes, and the report says where")
    func hostileRunIsBounded() throws {
        let text = String(repeating: "rose 5% ", count: 30_000)
        let analysis = try Self.read(text)
        let cap = text.utf8.count / 40
        #expect(analysis.claims.count == cap)
        let incomplete = analysis.diagnostics.filter { $0.kind == Diagnostic.Kind.incomplete }
        #expect(incomplete.count == 1)
        #expect(incomplete.first?.message == "more than \(cap) claims: the figures after line 1 were not checked")
    }

    /// Every stage of the check over the seed articles repeated `copies` times: how many sentence
    /// reads the claims layer made (counted in debug builds), and how many sentences there are.
    static func sentenceReads(copies: Int) throws -> (reads: Int, sentences: Int, claims: Int) {
        let seeds = try [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed].map { try String(contentsOf: $0, encoding: .utf8) }
        let text = String(repeating: seeds.joined(separator: "\n\n") + "\n\n", count: copies)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        var analysis = DocumentAnalysis(document: document(text))
        for stage in pipeline.stages { stage.run(&analysis) }
        let workings = try #require(analysis.claimWorkings as? ClaimReaderWorkings)
        return (workings.context.sentences.reads.count.load(ordering: .relaxed), workings.context.sentences.count, analysis.claims.count)
    }

    @Test("linear by operation count: four times the text, four times the sentence reads (no per-claim scan of the document)")
    func sentenceReadsGrowLinearly() throws {
        let small = try Self.sentenceReads(copies: 3)
        let large = try Self.sentenceReads(copies: 12)
        #expect(large.sentences == 4 * small.sentences && large.claims == 4 * small.claims)
        // Exactly 4 for a linear reader; the margin is for the first and last copies' edges only.
        let ratio = Double(large.reads) / Double(small.reads)
        #expect(ratio < 4.2, "\(small.reads) reads of \(small.sentences) sentences, then \(large.reads) of \(large.sentences): ×\(ratio)")
    }
}

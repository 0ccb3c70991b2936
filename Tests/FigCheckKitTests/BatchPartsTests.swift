import FigCheckCore
@testable import FigCheckBatch
@testable import FigCheckKit
import Foundation
import Testing

/// The parts of a batch run that need no binary: content hashes, shards, and the comparison of
/// two runs' findings.
@Suite("batch parts")
struct BatchPartsTests {
    @Test("SHA-256 gives the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(message: String, digest: String) {
        #expect(ContentHash.hex(message) == digest)
    }

    @Test("SHA-256 of a million 'a's, fed in uneven pieces")
    func sha256Long() {
        var hash = ContentHash()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let size = min(piece, 1_000_000 - fed)
            hash.update([UInt8](repeating: 0x61, count: size))
            fed += size
            piece = piece * 3 % 997 + 1
        }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("shards split documents into disjoint parts that cover them all, about evenly")
    func shards() throws {
        let documents = (0..<3000).map { "archive/folder-\($0 % 17)/document-\($0).md" }
        let shards = try (1...4).map { try Batch.Shard(parsing: "\($0)/4") }
        var counts = [0, 0, 0, 0]
        for document in documents {
            let owners = shards.indices.filter { shards[$0].contains(document) }
            #expect(owners.count == 1)
            if let owner = owners.first { counts[owner] += 1 }
        }
        #expect(counts.allSatisfy { (650...850).contains($0) }, "\(counts)")
        for bad in ["0/4", "5/4", "1/0", "a/b", "1/2/3", "", "2"] {
            #expect(throws: BatchError.badShard(bad)) { try Batch.Shard(parsing: bad) }
        }
    }

    static func record(_ source: String, _ findings: [(String, String)], failed: Bool = false) -> BatchStore.DocumentRecord {
        let keys = findings.map { Baseline.Entry(document: source, ruleId: $0.0, text: $0.1, sentence: "The sentence of \($0.1).") }
        let entry = Batch.Entry(source: source, json: nil, html: nil, summary: VerdictSummary([]), failing: 0,
                                errors: failed ? ["broken"] : [], contentHash: nil, reused: false)
        return BatchStore.DocumentRecord(runID: "r", entry: entry, findings: keys)
    }

    @Test("changes between runs: new, resolved and unchanged findings counted like a baseline; failures left out")
    func compare() {
        let previous = [
            Self.record("a.md", [("ratio-of-gdp", "20.4%"), ("ratio-of-gdp", "20.4%"), ("rank", "6th")]),
            Self.record("b.md", [("change", "40%")]),
            Self.record("gone.md", [("count", "300")]),
            Self.record("broken-now.md", [("count", "12")]),
        ]
        let current = [
            Self.record("a.md", [("ratio-of-gdp", "20.4%"), ("rank", "6th"), ("value", "1.45 billion")]),
            Self.record("b.md", [("change", "40%")]),
            Self.record("added.md", [("rate-in-force", "30%")]),
            Self.record("broken-now.md", [], failed: true),
        ]
        let changes = Batch.compare(current: current, previous: previous, previousRun: "night-1")
        #expect(changes.new.map(\.text).sorted() == ["1.45 billion", "30%"])
        #expect(changes.resolved.map(\.text).sorted() == ["20.4%", "300"])
        #expect(changes.unchanged == 3)
        #expect(changes.addedDocuments == ["added.md"])
        #expect(changes.removedDocuments == ["gone.md"])
        #expect(!changes.isEmpty)
        let same = Batch.compare(current: current, previous: current, previousRun: "x")
        #expect(same.isEmpty && same.unchanged == 5)
    }
}

@Suite("batch dashboard")
struct BatchDashboardTests {
    @Test("the dashboard escapes document names, figures and sentences, and quotes at most 500 changes")
    func escapingAndLimit() {
        let hostile = "<img src=x onerror=alert(1)>.md"
        let keys = (0..<620).map { Baseline.Entry(document: hostile, ruleId: "ratio-of-gdp", text: "<b>\($0)%</b>", sentence: "A & B <script>") }
        let entry = Batch.Entry(source: hostile, json: "documents/a\"b.json", html: nil, summary: VerdictSummary([]), failing: 1,
                                errors: [], contentHash: nil, reused: false)
        let summary = Batch.Summary(schemaVersion: 1, runID: "<run>", tool: .init(name: "figcheck", version: "0"), dataVersion: "d",
                                    settings: "s", shard: nil, documents: 1, failed: 0, reused: 0, totals: VerdictSummary([]),
                                    changes: Batch.Changes(previousRun: "<prev>", new: keys, resolved: [], unchanged: 0,
                                                           addedDocuments: [hostile], removedDocuments: []),
                                    entries: [entry])
        let html = BatchDashboard.render(summary)
        #expect(!html.contains("<img") && !html.contains("<script>") && !html.contains("<b>1%"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.md"))
        #expect(html.contains("documents/a&quot;b.json") || html.contains("documents/a&#34;b.json"))
        #expect(html.components(separatedBy: "<li class=\"new\">").count - 1 == 500)
        #expect(html.contains("… and 120 more in summary.json."))
        #expect(html.contains("620 new"))
    }
}

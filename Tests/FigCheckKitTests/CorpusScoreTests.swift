import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// The claim checks scored against the evaluation corpus; fails when a score falls below the floor
/// recorded in `Tests/Corpus/floors.json`.
@Suite("Corpus scores")
struct CorpusScoreTests {
    struct Floors: Decodable {
        var detectionRecall: Double
        var verdictAccuracy: Double
        var errorsCaught: Double
        var falseAlarmRateMax: Double
    }

    static let folder = TestPaths.repository.appendingPathComponent("Tests/Corpus")

    @Test("the tuning corpus: scores stay at or above the recorded floors")
    func tuningCorpus() async throws {
        try await Self.scoreAndCompare(folder: Self.folder, label: "corpus")
    }

    /// Texts written after the rules were tuned and not used to tune them: the honest estimate.
    @Test("the held-out texts: scores stay at or above their recorded floors")
    func heldOut() async throws {
        try await Self.scoreAndCompare(folder: Self.folder.appendingPathComponent("held-out"), label: "held-out")
    }

    static func scoreAndCompare(folder: URL, label: String) async throws {
        let scorer = CorpusScorer(folder: folder)
        let annotations = try scorer.annotations()
        let documents = Set(annotations.map(\.document)).sorted()
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        var reports: [String: DocumentReport] = [:]
        for name in documents {
            let document = try await DocumentReader().read(folder.appendingPathComponent("texts/\(name)").path)
            let analysis = pipeline.analyse(document)
            reports[name] = DocumentReport(document: document, findings: analysis.findings, mentions: analysis.mentions.count)
        }
        let outcomes = try scorer.match(annotations, reports: reports)
        let scores = scorer.score(outcomes)
        for outcome in outcomes where outcome.verdict?.rawValue != outcome.annotation.expected
            && !(outcome.annotation.expected == "not_a_claim" && outcome.verdict == nil) {
            print("\(label) miss: \(outcome.annotation.document) \"\(outcome.annotation.text)\" expected \(outcome.annotation.expected), got \(outcome.verdict?.rawValue ?? "no finding") — \(outcome.message ?? "")")
        }
        print(String(format: "%@: detection %.1f%% (%d/%d), verdict accuracy %.1f%%, errors caught %.1f%% of %d, false alarms %.1f%% (%d of %d consistent), not-claims flagged %d",
                     label, scores.detectionRecall * 100, scores.detected, scores.claims, scores.verdictAccuracy * 100,
                     scores.errorsCaught * 100, scores.errors, scores.falseAlarmRate * 100, scores.falseAlarms,
                     scores.consistentClaims, scores.notClaimsFlagged))
        let floors = try JSONDecoder().decode(Floors.self, from: Data(contentsOf: folder.appendingPathComponent("floors.json")))
        #expect(scores.detectionRecall >= floors.detectionRecall)
        #expect(scores.verdictAccuracy >= floors.verdictAccuracy)
        #expect(scores.errorsCaught >= floors.errorsCaught)
        #expect(scores.falseAlarmRate <= floors.falseAlarmRateMax)
        #expect(scores.notClaimsFlagged == 0)
    }
}

import Foundation
import Testing
import TestSupport

/// The claims layer scored on real texts: `../shared/corpus-real/score.py` runs the built binary
/// over both sets, and the scores must stay at or above the floors in `Tests/Corpus/real-floors.json`.
@Suite("Real-text corpus scores")
struct CorpusRealScoreTests {
    struct Floors: Decodable {
        var detection: Double
        var confirmed: Double
        var caught: Double
        var falseAlarmMax: Double
        var precision: Double
    }

    /// The scorer's figures for one set, read from its output.
    struct Scores {
        var detection = 0.0, confirmed = 0.0, caught = 0.0, falseAlarm = 0.0, precision = 0.0
        var alarms = 0
    }

    static func score(set: String) throws -> Scores {
        let script = TestPaths.shared.appendingPathComponent("corpus-real/score.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--figcheck", FigCheckBinary.url.path, "--set", set]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        print(text)
        var scores = Scores()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("SUMMARY") {
                for field in line.split(separator: " ").dropFirst() {
                    let parts = field.split(separator: "=")
                    guard parts.count == 2, let value = Double(parts[1].dropLast()) else { continue }
                    switch parts[0] {
                    case "detect": scores.detection = value
                    case "confirm": scores.confirmed = value
                    case "catch": scores.caught = value
                    case "false_alarm": scores.falseAlarm = value
                    case "precision": scores.precision = value
                    default: break
                    }
                }
            } else if line.hasPrefix("precision of"), let counts = line.split(separator: ":").last?.split(separator: "=").first,
                      let alarms = counts.split(separator: "/").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                scores.alarms = alarms
            }
        }
        #expect(process.terminationStatus == 0, "score.py failed")
        #expect(!text.contains("run failed"), "figcheck failed on a document")
        return scores
    }

    @Test("both sets stay at or above their recorded floors", arguments: ["A", "B"])
    func floors(set: String) throws {
        let floorsFile = TestPaths.repository.appendingPathComponent("Tests/Corpus/real-floors.json")
        let all = try JSONDecoder().decode([String: Floors].self, from: Data(contentsOf: floorsFile).strippingNote())
        let floors = try #require(all[set])
        let scores = try Self.score(set: set)
        #expect(scores.detection >= floors.detection)
        #expect(scores.confirmed >= floors.confirmed)
        #expect(scores.caught >= floors.caught)
        #expect(scores.falseAlarm <= floors.falseAlarmMax)
        if scores.alarms > 0 { #expect(scores.precision >= floors.precision) }
    }
}

private extension Data {
    /// The floors file without its "note" entry, so the rest decodes as floors by set.
    func strippingNote() throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: self) as? [String: Any] else { return self }
        object.removeValue(forKey: "note")
        return try JSONSerialization.data(withJSONObject: object)
    }
}

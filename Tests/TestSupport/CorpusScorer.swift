import FigCheckCore
import Foundation

/// Scores figcheck's findings against an annotated corpus (`Tests/Corpus/gold.jsonl`): detection
/// recall, verdict accuracy, errors caught and false alarms.
public struct CorpusScorer {
    /// One annotated figure of the gold file.
    public struct Annotation: Decodable, Sendable {
        public var document: String
        public var text: String
        public var kind: String
        public var expected: String
        public var reference: String
        public var error: String
    }

    /// What the findings did with one annotation.
    public struct Outcome: Sendable {
        public var annotation: Annotation
        /// The finding at the annotated figure, if any.
        public var verdict: Verdict?
        public var message: String?
    }

    /// The scores, as fractions in 0…1.
    public struct Scores: Codable, Sendable {
        public var annotations: Int
        public var claims: Int
        public var detected: Int
        public var detectionRecall: Double
        public var verdictAccuracy: Double
        public var errors: Int
        public var errorsCaught: Double
        public var consistentClaims: Int
        public var falseAlarms: Int
        public var falseAlarmRate: Double
        /// Numbers that are not claims but were given a failing finding.
        public var notClaimsFlagged: Int
    }

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func annotations() throws -> [Annotation] {
        let lines = try String(contentsOf: folder.appendingPathComponent("gold.jsonl"), encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(Annotation.self, from: Data($0.utf8)) }
    }

    /// Matches each annotation to the finding at its figure (the k-th occurrence of its text for the
    /// k-th annotation with that text), given the report of each document keyed by file name.
    public func match(_ annotations: [Annotation], reports: [String: DocumentReport]) throws -> [Outcome] {
        var seen: [String: Int] = [:]
        var outcomes: [Outcome] = []
        for annotation in annotations {
            let key = annotation.document + "\u{0}" + annotation.text
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let original = try Data(contentsOf: folder.appendingPathComponent("texts/\(annotation.document)"))
            let flattened = Array(original.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 })
            guard let start = Self.offset(of: Array(annotation.text.utf8), in: flattened, occurrence: occurrence) else {
                outcomes.append(Outcome(annotation: annotation, verdict: nil, message: nil))
                continue
            }
            let range = start..<(start + annotation.text.utf8.count)
            let finding = reports[annotation.document]?.claims.first { claim in
                let claimRange = claim.location.offset..<(claim.location.offset + max(1, claim.location.length))
                return claimRange.overlaps(range)
            }
            outcomes.append(Outcome(annotation: annotation, verdict: finding?.verdict, message: finding?.message))
        }
        return outcomes
    }

    public func score(_ outcomes: [Outcome]) -> Scores {
        let claims = outcomes.filter { $0.annotation.expected != "not_a_claim" }
        let detected = claims.filter { $0.verdict != nil }
        let correct = detected.filter { $0.verdict?.rawValue == $0.annotation.expected }
        let errors = claims.filter { $0.annotation.expected == "inconsistent" }
        let caught = errors.filter { $0.verdict == .inconsistent || $0.verdict == .needsReview }
        let consistent = claims.filter { $0.annotation.expected == "consistent" }
        let alarms = consistent.filter { $0.verdict == .inconsistent }
        let notClaims = outcomes.filter { $0.annotation.expected == "not_a_claim" && $0.verdict == .inconsistent }
        func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        return Scores(annotations: outcomes.count, claims: claims.count, detected: detected.count,
                      detectionRecall: ratio(detected.count, claims.count),
                      verdictAccuracy: ratio(correct.count, detected.count), errors: errors.count,
                      errorsCaught: ratio(caught.count, errors.count), consistentClaims: consistent.count,
                      falseAlarms: alarms.count, falseAlarmRate: consistent.isEmpty ? 0 : Double(alarms.count) / Double(consistent.count),
                      notClaimsFlagged: notClaims.count)
    }

    private static func offset(of needle: [UInt8], in haystack: [UInt8], occurrence: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var found = 0
        var index = 0
        while index + needle.count <= haystack.count {
            // Whole figures only: "3%" is not found inside "2.3%".
            let before = index > 0 ? haystack[index - 1] : UInt8(ascii: " ")
            let glued = before &- 0x30 < 10 || before == UInt8(ascii: ".") || before == UInt8(ascii: ",")
            if !glued, haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle {
                if found == occurrence { return index }
                found += 1
                index += needle.count
                continue
            }
            index += 1
        }
        return nil
    }
}

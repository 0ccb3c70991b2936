import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// Every claim rule against its own example sentences (SwiftLint-style): the figure marked «…»
/// is claimed by the rule in its triggering examples and not in the others.
@Suite("Claim rule examples")
struct ClaimRuleExampleTests {
    static let pipeline: Pipeline = {
        let catalog = try! ReferenceCatalog(directory: TestPaths.referenceData)
        return Pipeline.standard(knowledge: try! ClaimKnowledge(catalog: catalog))
    }()

    @Test("each rule recognises its triggering examples and leaves the others", arguments: ClaimRules.examples)
    func example(_ example: ClaimRules.Example) throws {
        let open = try #require(example.sentence.range(of: "«"))
        let close = try #require(example.sentence.range(of: "»"))
        let marked = String(example.sentence[open.upperBound..<close.lowerBound])
        let text = example.sentence.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        let start = example.sentence[..<open.lowerBound].utf8.count
        let markedRange = start..<(start + marked.utf8.count)
        let document = Document(source: "example", format: .text, text: text, sourceMap: .identity(Array(text.utf8)),
                                metadata: DocumentMetadata(date: CalendarDate(iso: "2025-10-01"), dateSource: .flag, subject: "KOR"))
        let findings = Self.pipeline.analyse(document).findings
        let finding = findings.first { finding in
            (finding.location.offset..<(finding.location.offset + finding.location.length)).overlaps(markedRange)
        }
        if example.triggers {
            #expect(finding?.ruleId == example.ruleId, "\(marked): \(findings.map { "\($0.text) \($0.ruleId)" })")
        } else {
            #expect(finding?.ruleId != example.ruleId, "\(marked) was claimed by \(example.ruleId)")
        }
    }

    @Test("every rule has triggering and non-triggering examples")
    func everyRuleHasExamples() {
        for rule in ClaimRules.catalog {
            #expect(ClaimRules.examples.contains { $0.ruleId == rule.id && $0.triggers }, "\(rule.id)")
            #expect(ClaimRules.examples.contains { $0.ruleId == rule.id && !$0.triggers }, "\(rule.id)")
        }
    }
}

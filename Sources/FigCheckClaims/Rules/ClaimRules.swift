import FigCheckCore
import FigCheckData

/// A claim recogniser: decides whether a number, in its sentence, makes a claim of its kind and
/// what the claim is about. Each rule carries sentences it must and must not recognise, which one
/// parameterised test runs (as SwiftLint's rules do).
protocol ClaimRule: Sendable {
    /// Stable id, used in reports, suppressions and baselines.
    var id: String { get }
    var kind: ClaimKind { get }
    /// One line for `tool.driver.rules` and the docs.
    var summary: String { get }
    /// Sentences (in a document dated 2025-10-01 whose subject is KOR) in which the marked figure
    /// `«…»` must be claimed by this rule.
    var triggeringExamples: [String] { get }
    /// Sentences in which the marked figure must not be claimed by this rule.
    var nonTriggeringExamples: [String] { get }
    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft?
}

/// The rules, in the order they are tried: the first that recognises a figure claims it.
package enum ClaimRules {
    static let all: [any ClaimRule] = [
        ConversionRule(), DigitBoundRule(), DateArithmeticRule(), DateRule(), ListCountRule(), StatedFormulaRule(),
        PartOfWholeRule(), BracketedShareRule(), FractionOfCountRule(), TotalOfPartsRule(), ThresholdRule(), LeadRule(),
        BalanceRule(), OvershootRule(), GapRule(), RankRule(), ComparisonRule(), ChangeRule(), RateRule(),
        ShareOfStatedTotalRule(), ShareRule(), RatioRule(),
        CountRule(), DirectionRule(), ValueRule(),
    ]

    /// The id, kind and summary of every rule, for reports and documentation.
    package static var catalog: [(id: String, kind: ClaimKind, summary: String)] {
        all.map { ($0.id, $0.kind, $0.summary) } + SeriesRule.catalog + StatedPartsRule.catalog + OrderRule.catalog
    }

    /// One example sentence of a rule: the figure marked «…» must (or must not) be claimed by it.
    package struct Example: Sendable, CustomStringConvertible {
        package var ruleId: String
        package var sentence: String
        package var triggers: Bool

        package var description: String { "\(ruleId) \(triggers ? "claims" : "does not claim"): \(sentence)" }
    }

    /// Every rule's triggering and non-triggering examples, for one parameterised test.
    package static var examples: [Example] {
        all.flatMap { rule in
            rule.triggeringExamples.map { Example(ruleId: rule.id, sentence: $0, triggers: true) }
                + rule.nonTriggeringExamples.map { Example(ruleId: rule.id, sentence: $0, triggers: false) }
        }
            + (SeriesRule.examples + StatedPartsRule.examples + OrderRule.examples).map {
                Example(ruleId: $0.id, sentence: $0.sentence, triggers: $0.triggers)
            }
    }

    static let unitsByMentionKind: [MentionKind: Set<String>] = [
        .percent: ["percent"], .currency: ["USD"], .count: ["persons"], .number: ["persons", "LCU_per_USD", "mb/d"],
        .ordinal: ["rank"], .measure: ["mb/d"],
    ]

    static let gdpWords: Set<String> = ["gdp", "output", "economy"]
}

/// Every rule that can produce a finding: the claim rules, the checks that need no data, and the
/// suppression bookkeeping. SARIF's `tool.driver.rules` and the documentation list these.
package enum RuleRegistry {
    package struct Rule: Sendable {
        package var id: String
        package var summary: String
    }

    package static var all: [Rule] {
        ClaimRules.catalog.map { Rule(id: $0.id, summary: $0.summary) } + [
            Rule(
                id: "same-figure-twice",
                summary: "The same quantity stated twice in a document with figures that cannot both hold"),
            Rule(id: "shares-over-100", summary: "Shares of one whole, by partner, that add up to more than 100%"),
            Rule(id: "unused-suppression", summary: "A figcheck:disable comment that suppresses nothing"),
        ]
    }
}

// The reader's and the scanner's types reach FigCheckVerification's users with it.
@_exported import FigCheckClaims
import FigCheckCore
import FigCheckData

/// The verification stage of the pipeline (Claims ─► Findings): checks each claim the reading
/// stage found against the reference tables and the rest of the document.
package struct ClaimVerificationStage: AnalysisStage {
    package let name = "claim-verification"
    package let knowledge: ClaimKnowledge
    package let settings: VerificationSettings

    /// Creates the stage over loaded knowledge (shared between documents).
    package init(knowledge: ClaimKnowledge, settings: VerificationSettings = VerificationSettings()) {
        self.knowledge = knowledge
        self.settings = settings
    }

    package func run(_ analysis: inout DocumentAnalysis) {
        // Without the reading stage before it there is nothing to verify.
        guard let reading = analysis.claimWorkings as? ClaimReaderWorkings else { return }
        let document = analysis.document
        let context = reading.context
        let read = reading.drafts
        let verifier = Verifier(knowledge: knowledge, settings: settings, documentDate: document.metadata.date)
        var findings: [Finding] = []
        // Hedged figures re-read with the configured tolerance ("about 19%": ± 10% unless set otherwise).
        let drafts = read.map { draft -> ClaimDraft in
            guard draft.mention.hedge == .approximately || draft.mention.hedge == .nearly else { return draft }
            let tolerance = settings.tolerance(kind: draft.kind, hedge: draft.mention.hedge)
            guard tolerance != 0.10 else { return draft }
            var adjusted = draft
            let value = draft.mention.value
            adjusted.mention.low = value - tolerance * abs(value)
            adjusted.mention.high = draft.mention.hedge == .nearly ? value : value + tolerance * abs(value)
            return adjusted
        }
        var outcomes: [CheckOutcome] = []
        outcomes.reserveCapacity(drafts.count)
        for draft in drafts {
            // A spent budget stops here; the pipeline gives the document up.
            if analysis.budget.isSpent { return }
            outcomes.append(verifier.check(draft, drafts: drafts, document: context))
        }
        let lineOf: (ClaimDraft) -> Int = { document.sourceMap.location(ofAnalysed: $0.mention.range).line }
        let restatements = Restatements(lineOf: lineOf)
        restatements.adopt(drafts, outcomes: &outcomes, document: context)
        restatements.adoptBounds(drafts, outcomes: &outcomes, document: context)
        for (draft, outcome) in zip(drafts, outcomes) {
            findings.append(finding(outcome.resolved ?? draft, outcome, document: document, context: context))
        }
        let internalChecks = InternalConsistency(lineOf: lineOf)
        for issue in internalChecks.issues(in: drafts, document: context) {
            var draft = issue.draft
            draft.ruleId = issue.ruleId
            let outcome = CheckOutcome(
                verdict: .inconsistent, primary: nil, message: issue.message, hints: [], resolved: draft)
            findings.append(finding(draft, outcome, document: document, context: context))
        }
        analysis.diagnostics += verifier.problems.messages.map { Diagnostic(.referenceData, stage: name, $0) }
        analysis.findings += findings.sorted { ($0.location.offset, $0.ruleId) < ($1.location.offset, $1.ruleId) }
    }

    private func finding(_ draft: ClaimDraft, _ outcome: CheckOutcome, document: Document, context: DocumentContext)
        -> Finding
    {
        let location = document.sourceMap.location(ofAnalysed: draft.mention.range)
        let severity: Severity
        switch outcome.verdict {
        case .consistent, .unverifiable: severity = .info
        case .needsReview: severity = .warning
        case .inconsistent: severity = outcome.nearMiss ? .warning : .error
        }
        let computed = outcome.primary.map { primary in
            Computation(
                value: Self.rounded(primary.interval.midpoint), low: Self.rounded(primary.interval.low),
                high: Self.rounded(primary.interval.high), formula: primary.formula, inputs: primary.inputs)
        }
        var message = outcome.message
        if outcome.verdict == .inconsistent, outcome.nearMiss { message += " A near miss." }
        var finding = Finding(
            id: "\(draft.ruleId)@\(location.line):\(location.column)", ruleId: draft.ruleId, kind: draft.kind.rawValue,
            text: draft.figureText, sentence: draft.sentenceText(context), location: location,
            stated: draft.statedFigure,
            about: ClaimSubject(
                entity: draft.entity, indicator: indicatorText(draft), period: draft.period?.key,
                scope: draft.scope ?? draft.partner),
            verdict: outcome.verdict, severity: severity, computed: computed, message: message, hints: outcome.hints)
        finding.analysedRange = draft.mention.range
        finding.operandsNotFound = outcome.operandsNotFound
        return finding
    }

    private func indicatorText(_ draft: ClaimDraft) -> String? {
        if draft.kind == .ratio, let denominator = draft.denominator {
            let numerator = draft.numeratorIndicators.joined(separator: "+")
            return numerator.isEmpty
                ? denominator : (draft.numeratorIndicators.count > 1 ? "(\(numerator))" : numerator) + "/" + denominator
        }
        return draft.indicator
    }

    /// Computed figures in the report keep 6 significant digits, so output is stable across platforms.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value.isFinite ? value : 0 }
        let magnitude = Double.pow10(Int((abs(value)).log10Floor) - 5)
        return (value / magnitude).rounded() * magnitude
    }
}

extension Double {
    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }

    var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 && value > 0 { value *= 10; exponent -= 1 }
        return exponent
    }
}

import FigCheckCore
import FigCheckData
// The scanner's types (MentionScanner, MentionScanStage) reach FigCheckClaims' users with it.
@_exported import FigCheckScanner

/// The reading stage of the pipeline (Mentions ─► Claims): finds the claims among the scanned
/// figures and the frame the text gives each one, with its evidence, before anything is checked.
/// `figcheck claims` stops here; the verification stage takes over its working form.
package struct ClaimReadingStage: AnalysisStage {
    package let name = "claim-reading"
    package let knowledge: ClaimKnowledge

    /// Creates the stage over loaded knowledge (shared between documents).
    package init(knowledge: ClaimKnowledge) {
        self.knowledge = knowledge
    }

    package func run(_ analysis: inout DocumentAnalysis) {
        let document = analysis.document
        let context = DocumentContext(
            text: document.text, mentions: analysis.mentions, date: document.metadata.date,
            subject: document.metadata.subject, knowledge: knowledge,
            budget: analysis.budget)
        let drafts = ClaimReader(knowledge: knowledge).read(context, budget: analysis.budget)
        let maximumClaims = ClaimReader.maximumClaims(forTextBytes: document.text.utf8.count)
        if drafts.count >= maximumClaims, let last = drafts.last {
            let line = document.sourceMap.location(ofAnalysed: last.mention.range).line
            analysis.diagnostics.append(
                Diagnostic(
                    .incomplete, stage: name,
                    "more than \(maximumClaims) claims: the figures after line \(line) were not checked"))
        }
        analysis.claims = drafts.map { $0.frame(in: document, context: context, drafts: drafts) }
        analysis.claimWorkings = ClaimReaderWorkings(context: context, drafts: drafts)
    }
}

/// What the reading stage hands the verification stage: the document's sentences with what they
/// name, and every claim in the reader's working form (figures, operands, intervals).
package struct ClaimReaderWorkings: ClaimWorkings {
    package let context: DocumentContext
    package let drafts: [ClaimDraft]
}

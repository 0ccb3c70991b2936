import FigCheckCore
import FigCheckData
import FigCheckVerification

/// `figcheck check`: reads each input, runs the pipeline, and renders one report.
public enum Check {
    /// The result of a run: the report, its rendering, the one-line errors for standard error,
    /// and the exit code (PRODUCT.md: 0 clean, 1 failing findings, 2 an input could not be checked).
    public struct Outcome: Sendable {
        /// Every document's findings, with the tables used.
        public var report: Report
        /// The report in the chosen format.
        public var rendered: String
        /// One line per input that could not be checked.
        public var errors: [String]
        /// The process's exit code.
        public var exitCode: Int32
    }

    /// Runs the check. Each input is loaded and reported on its own: one unreadable input gives its
    /// error and exit code 2, and the others are still checked.
    public static func run(_ options: CheckOptions) async -> Outcome {
        await run(options, pipeline: nil, catalog: nil)
    }

    /// Runs the check with a pipeline and tables already loaded (the batch run and the web server
    /// share one set across documents).
    package static func run(
        _ options: CheckOptions, pipeline given: Pipeline?, catalog givenCatalog: ReferenceCatalog?
    ) async -> Outcome {
        let pipeline: Pipeline
        var catalog = givenCatalog
        if let given {
            pipeline = given
        } else {
            do {
                let knowledge = try loadKnowledge(options)
                catalog = knowledge.catalog
                pipeline = .standard(knowledge: knowledge, settings: settings(options))
            } catch {
                // Without reference data nothing can be checked: one error, exit 2.
                let message = "reference data: \(error.localizedDescription)"
                let report = Report(tool: .init(name: "figcheck", version: FigCheckVersion.current), documents: [])
                return Outcome(report: report, rendered: "", errors: [message], exitCode: 2)
            }
        }
        let reader = DocumentReader(options: options.reading)
        var documents: [DocumentReport] = []
        var errors: [String] = []
        for input in options.inputs {
            do {
                // The budget starts once the bytes are in: fetching has its own time limit.
                let (bytes, declared) = try await reader.fetch(input)
                let budget = WorkBudget(seconds: options.maxSeconds)
                let document = try reader.load(bytes, source: input, declared: declared, budget: budget)
                let analysed = try analyse(document, pipeline: pipeline, options: options, budget: budget)
                for problem in analysed.referenceDataErrors where !errors.contains(problem) { errors.append(problem) }
                documents.append(analysed.report)
            } catch {
                let message = error.localizedDescription
                errors.append(message)
                documents.append(DocumentReport(failedSource: input, error: message))
            }
        }
        let report = assemble(documents, catalog: catalog)
        let rendered = options.format.reporter.render(report, options: options)
        return Outcome(
            report: report, rendered: rendered, errors: errors,
            exitCode: exitCode(for: report, failOn: options.failOn))
    }

    /// Runs the pipeline on one loaded document within `budget` and applies the rule selection, the
    /// inline suppressions and the baseline. Bad reference data met on the way is returned apart:
    /// it makes the whole run unusable (exit 2), and is also recorded as the document's error.
    /// Throws ``FigCheckError/gaveUp(source:seconds:stage:)`` when the budget runs out.
    package static func analyse(
        _ document: Document, pipeline: Pipeline, options: CheckOptions,
        budget: WorkBudget = .unlimited
    ) throws -> (report: DocumentReport, referenceDataErrors: [String]) {
        let analysis: DocumentAnalysis
        do {
            analysis = try pipeline.analyse(document, within: budget)
        } catch {
            throw FigCheckError.gaveUp(source: document.source, seconds: error.seconds, stage: error.stage)
        }
        var findings = analysis.findings.filter { finding in
            !options.disabledRules.contains(finding.ruleId)
                && (options.enabledRules.map { $0.contains(finding.ruleId) } ?? true)
        }
        let suppressions = Suppressions(original: document.sourceMap.original).apply(to: findings)
        findings = suppressions.kept + suppressions.unused
        if let baseline = options.baseline { findings = baseline.filter(findings, document: document.source).kept }
        findings.sort { ($0.location.offset, $0.ruleId) < ($1.location.offset, $1.ruleId) }
        var report = DocumentReport(document: document, findings: findings, mentions: analysis.mentions.count)
        report.analysedText = document.text
        report.warnings += analysis.diagnostics.filter { $0.kind != .referenceData }.map(\.description)
        let problems = analysis.diagnostics.filter { $0.kind == .referenceData }.map(\.description)
        report.errors += problems
        return (report, problems)
    }

    /// The report of some checked documents: the tables and vintages their findings used
    /// (PRODUCT.md: findings always name the vintage) and the credit lines those tables require.
    package static func assemble(_ documents: [DocumentReport], catalog: ReferenceCatalog?) -> Report {
        let used = Set(
            documents.flatMap { $0.claims.flatMap { $0.computed?.inputs ?? [] } }
                .map { Report.TableUse(table: $0.table, vintage: $0.vintage) })
        var uses = used.sorted { ($0.table, $0.vintage) < ($1.table, $1.vintage) }
        var credits: [String] = []
        for index in uses.indices {
            if let attribution = catalog?.entry(id: uses[index].table)?.metadata.attribution, !attribution.isEmpty {
                uses[index].attribution = attribution
                if !credits.contains(attribution) { credits.append(attribution) }
            }
        }
        var report = Report(
            tool: .init(name: "figcheck", version: FigCheckVersion.current), documents: documents,
            referenceData: uses)
        report.attributions = credits
        return report
    }

    /// The scanner and the claim checks over the reference data the options point to.
    package static func standardPipeline(_ options: CheckOptions) throws -> Pipeline {
        .standard(knowledge: try loadKnowledge(options), settings: settings(options))
    }

    /// The reference data the options point to, with its entities and lexicon.
    package static func loadKnowledge(_ options: CheckOptions) throws -> ClaimKnowledge {
        let directory = try ReferenceDataLocator.locate(explicit: options.dataDirectory)
        return try ClaimKnowledge(catalog: ReferenceCatalog(directory: directory))
    }

    package static func settings(_ options: CheckOptions) -> VerificationSettings {
        VerificationSettings(
            vintage: options.asOf.map { .asOf($0) } ?? .newest, nearMissRelative: options.nearMiss,
            tolerances: options.tolerances)
    }

    /// 2 when any input could not be checked, else 1 when a finding reaches `failOn`, else 0.
    public static func exitCode(for report: Report, failOn: Severity?) -> Int32 {
        if report.documents.contains(where: { !$0.errors.isEmpty }) { return 2 }
        guard let failOn else { return 0 }
        let failing = report.documents.contains { document in
            document.claims.contains { $0.severity >= failOn }
        }
        return failing ? 1 : 0
    }
}

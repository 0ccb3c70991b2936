import FigCheckCore
import FigCheckData
import FigCheckRules

/// `figcheck check`: reads each input, runs the pipeline, and renders one report.
public enum Check {
    /// The result of a run: the report, its rendering, the one-line errors for standard error,
    /// and the exit code (PRODUCT.md: 0 clean, 1 failing findings, 2 an input could not be checked).
    public struct Outcome: Sendable {
        public var report: Report
        public var rendered: String
        public var errors: [String]
        public var exitCode: Int32
    }

    /// Runs the check. Each input is loaded and reported on its own: one unreadable input gives its
    /// error and exit code 2, and the others are still checked.
    public static func run(_ options: CheckOptions, pipeline given: Pipeline? = nil) async -> Outcome {
        let pipeline: Pipeline
        if let given {
            pipeline = given
        } else {
            do {
                pipeline = try standardPipeline(options)
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
                let document = try await reader.read(input)
                let analysis = pipeline.analyse(document)
                var report = DocumentReport(document: document, findings: analysis.findings,
                                            mentions: analysis.mentions.count)
                report.warnings += analysis.diagnostics
                documents.append(report)
            } catch {
                let message = error.localizedDescription
                errors.append(message)
                documents.append(DocumentReport(failedSource: input, error: message))
            }
        }
        // The tables the findings used, with their vintages (PRODUCT.md: findings always name the vintage).
        let used = Set(documents.flatMap { $0.claims.flatMap { $0.computed?.inputs ?? [] } }
            .map { Report.TableUse(table: $0.table, vintage: $0.vintage) })
        let report = Report(tool: .init(name: "figcheck", version: FigCheckVersion.current), documents: documents,
                            referenceData: used.sorted { ($0.table, $0.vintage) < ($1.table, $1.vintage) })
        let rendered = options.format.reporter.render(report, options: options)
        return Outcome(report: report, rendered: rendered, errors: errors,
                       exitCode: exitCode(for: report, failOn: options.failOn))
    }

    /// The scanner and the claim checks over the reference data the options point to.
    public static func standardPipeline(_ options: CheckOptions) throws -> Pipeline {
        let directory = try ReferenceDataLocator.locate(explicit: options.dataDirectory)
        let knowledge = try ClaimKnowledge(catalog: ReferenceCatalog(directory: directory))
        let settings = VerificationSettings(vintage: options.asOf.map { .asOf($0) } ?? .newest)
        return .standard(knowledge: knowledge, settings: settings)
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

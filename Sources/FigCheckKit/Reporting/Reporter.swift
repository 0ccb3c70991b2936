import FigCheckCore

/// Renders a report in one output format.
protocol Reporter {
    /// The whole report as the text to write.
    static func render(_ report: Report, options: CheckOptions) -> String
}

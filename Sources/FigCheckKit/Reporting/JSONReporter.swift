import FigCheckCore
import Foundation

/// The JSON report, schema 1: sorted keys, no timestamps, the same bytes for the same input.
struct JSONReporter: Reporter {
    static func render(_ report: Report, options: CheckOptions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else {
            // Every value in a report is encodable; this would be a programming error.
            return "{\"schemaVersion\":1,\"documents\":[]}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

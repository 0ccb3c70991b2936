import FigCheckCore
import Foundation

/// What `figcheck claims` prints: every claim as read, before verification, with the frame the
/// text gives it and the evidence of each slot — why a figure was read the way it was.
package enum ClaimsReport {
    struct Envelope: Encodable {
        var schemaVersion = 1
        var source: String
        var date: String?
        var subject: String?
        var claims: [Claim]
    }

    /// The claims as JSON (sorted keys, every key written).
    package static func json(_ analysis: DocumentAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let envelope = Envelope(
            source: analysis.document.source, date: analysis.document.metadata.date?.description,
            subject: analysis.document.metadata.subject, claims: analysis.claims)
        let data = (try? encoder.encode(envelope)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The claims as text: a line per claim, then one per slot with its evidence.
    package static func text(_ analysis: DocumentAnalysis) -> String {
        var lines: [String] = []
        for claim in analysis.claims {
            lines.append(
                "\(claim.location.line):\(claim.location.column)  \"\(claim.text)\"  \(claim.kind) [\(claim.ruleId)]")
            func slot(_ name: String, _ slot: FrameSlot?) {
                lines.append(
                    "    \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                        + (slot.map { "\($0.value)  (\($0.evidence.rawValue))" } ?? "—"))
            }
            slot("entity", claim.entity)
            slot("measure", claim.measure)
            slot("period", claim.period)
            if let scope = claim.scope { lines.append("    scope    \(scope)") }
            if let basis = claim.basis { lines.append("    basis    \(basis)") }
            if let source = claim.source { lines.append("    source   \(source)") }
            switch claim.reading {
            case .ratio(let numerator, let denominator):
                lines.append("    reading  ratio: (\(numerator.joined(separator: " + "))) / \(denominator)")
            case .relation(let relation, let operands):
                lines.append(
                    "    reading  \(relation)"
                        + (operands.isEmpty ? ", operands not found" : " of \(operands.joined(separator: " and "))"))
            case .conversion(let from):
                lines.append("    reading  conversion of \(from)")
            case .share(let partner):
                lines.append("    reading  share" + (partner.map { " going to \($0)" } ?? ""))
            default: break
            }
            for doubt in claim.uncertainties { lines.append("    unsure   \(doubt)") }
            if let reason = claim.unverifiableReason { lines.append("    not checkable: \(reason)") }
        }
        lines.append("\(analysis.claims.count) claims in \(analysis.document.source)")
        return lines.joined(separator: "\n") + "\n"
    }
}

import FigCheckCore

/// Text helpers shared by the reporters: escaping for HTML and XML, stable fingerprints, and the
/// ordering and labels of verdicts.
public enum ReportText {
    /// Escapes text for HTML and XML element content and attribute values.
    public static func escapeMarkup(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" {
                    escaped += "\u{FFFD}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    /// A sentence with runs of whitespace collapsed: what baselines and fingerprints key on, so a
    /// re-wrapped paragraph keeps its findings.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// 64-bit FNV-1a of the parts, as 16 hex digits: the same on every platform and run.
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of a finding: document, rule, the figure and its sentence (not the line).
    static func fingerprint(_ finding: Finding, source: String) -> String {
        fingerprint([source, finding.ruleId, finding.text, normalised(finding.sentence)])
    }

    static func label(_ verdict: Verdict) -> String {
        switch verdict {
        case .consistent: return "consistent"
        case .inconsistent: return "inconsistent"
        case .needsReview: return "needs review"
        case .unverifiable: return "unverifiable"
        }
    }

    /// Findings that need someone's attention first, then the rest, each in document order.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        let rank: [Verdict: Int] = [.inconsistent: 0, .needsReview: 1, .unverifiable: 2, .consistent: 3]
        return findings.enumerated().sorted {
            ((rank[$0.element.verdict] ?? 9), $0.offset) < ((rank[$1.element.verdict] ?? 9), $1.offset)
        }
        .map(\.element)
    }

    /// One line per input of a recomputation: "wdi.ny.gdp.mktp.cd.2026-07-01 [entity=KOR, period=2024] = 1.87539e+12, vintage …".
    static func inputLine(_ input: ComputationInput) -> String {
        let key = input.key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(input.table) [\(key)], vintage \(input.vintage): \(input.source)"
    }
}

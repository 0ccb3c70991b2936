import Yams

/// `.figcheck.yml` as written, decoded by Yams: every key with the YAML shape it takes. Values are
/// checked (dates, ranges, names) by `Configuration.load`; a wrong shape is a `DecodingError`
/// that `reason(for:)` turns into the one-line message for its key.
struct ConfigurationFile: Decodable {
    var version: String
    var subject: String?
    /// Dates as text: YAML's own timestamp reading would take 2025-13-01 for 2026-01-01.
    var date: String?
    var asOf: String?
    var data: String?
    var failOn: String?
    var format: String?
    var tolerance: [String: LenientNumber]?
    var nearMiss: Double?
    var maxSeconds: Double?
    var rules: Rules?
    var include: StringList?
    var exclude: StringList?
    var baseline: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, subject, date, asOf = "as-of", data, failOn = "fail-on", format, tolerance
        case nearMiss = "near-miss", maxSeconds = "max-seconds", rules, include, exclude, baseline
    }

    struct Rules: Decodable {
        var enable: StringList?
        var disable: StringList?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case enable, disable
        }
    }

    /// A number, or nil for any other scalar: an unknown tolerance key is a warning whatever its
    /// value, and only a known key's value must be a number.
    struct LenientNumber: Decodable {
        var value: Double?

        init(from decoder: any Decoder) throws {
            value = try? decoder.singleValueContainer().decode(Double.self)
        }
    }

    /// A list of strings, or one string for a list of one.
    struct StringList: Decodable {
        var items: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                items = [one]
            } else {
                items = try container.decode([String].self)
            }
        }
    }

    /// The tolerance keys: a hedge, a claim kind, or the default.
    static let toleranceKeys: Set<String> = Set(
        ["default", "approximately", "nearly"]
            + ["value", "ratio", "share", "rate", "change", "comparison", "count", "date_arithmetic"])

    /// Keys figcheck does not read, as warnings: at the top, under `rules` and under `tolerance`.
    static func unknownKeys(in mapping: Node.Mapping) -> [String] {
        func keys(_ mapping: Node.Mapping?) -> [String] {
            (mapping.map { Array($0.keys) } ?? []).compactMap(\.string).sorted()
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        var warnings = keys(mapping).filter { !known.contains($0) }.map { "unknown key '\($0)' (ignored)" }
        let ruleKeys = Set(Rules.CodingKeys.allCases.map(\.rawValue))
        warnings += keys(mapping["rules"]?.mapping).filter { !ruleKeys.contains($0) }.map {
            "unknown key 'rules.\($0)' (ignored)"
        }
        warnings += keys(mapping["tolerance"]?.mapping).filter { !toleranceKeys.contains($0) }
            .map { "unknown tolerance key '\($0)' (ignored)" }
        return warnings
    }

    /// The message for a value of the wrong shape, by the key path the decoder was at.
    static func reason(for error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        guard let first = path.first.flatMap({ CodingKeys(stringValue: $0.stringValue) }) else {
            return "expected a mapping of keys"
        }
        switch first {
        case .tolerance where path.count > 1:
            return toleranceReason(path[1].stringValue)
        case .rules where path.count > 1:
            return "'rules.\(path[1].stringValue)' must be a list of strings"
        default:
            return reason(for: first)
        }
    }

    static func toleranceReason(_ key: String) -> String {
        "tolerance '\(key)' must be a fraction between 0 and 1, such as 0.1"
    }

    /// The message for a key whose value has the wrong shape or range.
    static func reason(for key: CodingKeys) -> String {
        switch key {
        case .date, .asOf: return "'\(key.rawValue)' must be a YYYY-MM-DD date"
        case .tolerance: return "'tolerance' must map claim kinds or hedges to numbers"
        case .nearMiss: return "'near-miss' must be a fraction between 0 and 1, such as 0.05"
        case .maxSeconds: return "'max-seconds' must be a number of seconds between 0 and 86400, such as 30"
        case .rules: return "'rules' must have 'enable' and/or 'disable' lists"
        case .include, .exclude: return "'\(key.rawValue)' must be a list of strings"
        case .version, .subject, .data, .failOn, .format, .baseline: return "'\(key.rawValue)' must be a string"
        }
    }
}

import FigCheckCore
import Foundation
import Yams

/// `.figcheck.yml` (version 1): project defaults for `figcheck check`, found in the working
/// directory or its parents. Flags on the command line override it; unknown keys are warned about.
///
///     version: 1
///     subject: KOR
///     date: 2025-10-01          # publication date, when documents do not say
///     as-of: 2025-12-31         # newest reference vintage released by then
///     data: reference-data      # relative to this file
///     fail-on: error            # error | warning | never
///     format: text
///     tolerance: {default: 0.10, ratio: 0.05, nearly: 0.05}   # per claim kind or hedge
///     near-miss: 0.05
///     max-seconds: 30           # a document is given up after this long (exit 2)
///     rules: {disable: [rank]}  # or {enable: [ratio-of-gdp, rate-in-force]}
///     include: ["docs/**/*.md"]
///     exclude: ["docs/drafts/**"]
///     baseline: .figcheck-baseline.json
public struct Configuration: Sendable, Equatable {
    public var path: String?
    public var subject: String?
    public var date: CalendarDate?
    public var asOf: CalendarDate?
    public var dataDirectory: String?
    public var failOn: String?
    public var format: OutputFormat?
    public var tolerances: [String: Double] = [:]
    public var nearMiss: Double?
    public var maxSeconds: Double?
    public var disabledRules: [String] = []
    public var enabledRules: [String]?
    public var include: [String] = []
    public var exclude: [String] = []
    public var baseline: String?
    /// Unknown keys and other things worth a warning, one line each.
    public var warnings: [String] = []

    public init() {}

    public static let fileNames = [".figcheck.yml", ".figcheck.yaml"]
    static let knownKeys: Set<String> = ["version", "subject", "date", "as-of", "data", "fail-on", "format", "tolerance",
                                         "near-miss", "max-seconds", "rules", "include", "exclude", "baseline"]
    static let toleranceKeys: Set<String> = Set(["default", "approximately", "nearly"] + ["value", "ratio", "share", "rate", "change",
                                                                                        "comparison", "count", "date_arithmetic"])

    /// The configuration file in `directory` or the nearest parent, if any.
    public static func discover(from directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = current.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The directory relative paths in the file are resolved against.
    public var baseDirectory: URL {
        path.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Reads and validates a configuration file; any problem is one line naming the file.
    public static func load(from url: URL) throws -> Configuration {
        let name = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(path: name, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigurationError(path: name, reason: "not UTF-8 text") }
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw ConfigurationError(path: name, reason: "not valid YAML (\(Self.firstLine(of: error)))")
        }
        guard let map = root as? [String: Any] else { throw ConfigurationError(path: name, reason: "expected a mapping of keys") }
        var config = Configuration()
        config.path = url.path
        guard let version = map["version"] else { throw ConfigurationError(path: name, reason: "missing 'version: 1'") }
        guard (version as? Int) == 1 else { throw ConfigurationError(path: name, reason: "version \(version) is not supported (expected 1)") }
        for key in map.keys.sorted() where !knownKeys.contains(key) {
            config.warnings.append("\(name): unknown key '\(key)' (ignored)")
        }
        func string(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            if let text = value as? String { return text }
            if let number = value as? Int { return String(number) }
            throw ConfigurationError(path: name, reason: "'\(key)' must be a string")
        }
        func date(_ key: String) throws -> CalendarDate? {
            guard let value = map[key] else { return nil }
            let text: String
            if let date = value as? Date {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                text = formatter.string(from: date)
            } else {
                text = "\(value)"
            }
            guard let parsed = CalendarDate(exactISO: text) else {
                throw ConfigurationError(path: name, reason: "'\(key)' must be a YYYY-MM-DD date")
            }
            return parsed
        }
        func list(_ value: Any?, _ key: String) throws -> [String] {
            guard let value else { return [] }
            if let text = value as? String { return [text] }
            guard let items = value as? [Any], items.allSatisfy({ $0 is String }) else {
                throw ConfigurationError(path: name, reason: "'\(key)' must be a list of strings")
            }
            return items.compactMap { $0 as? String }
        }
        if let subject = try string("subject") {
            guard CountryCode.isAlpha3(subject) else {
                throw ConfigurationError(path: name, reason: "subject '\(subject)' is not an ISO 3166 alpha-3 code")
            }
            config.subject = subject.uppercased()
        }
        config.date = try date("date")
        config.asOf = try date("as-of")
        config.dataDirectory = try string("data")
        if let failOn = try string("fail-on") {
            guard ["error", "warning", "never"].contains(failOn) else {
                throw ConfigurationError(path: name, reason: "fail-on '\(failOn)' must be error, warning or never")
            }
            config.failOn = failOn
        }
        if let format = try string("format") {
            guard let parsed = OutputFormat(rawValue: format) else {
                throw ConfigurationError(path: name, reason: "format '\(format)' must be one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.format = parsed
        }
        if let tolerance = map["tolerance"] {
            guard let entries = tolerance as? [String: Any] else {
                throw ConfigurationError(path: name, reason: "'tolerance' must map claim kinds or hedges to numbers")
            }
            for (key, value) in entries {
                guard toleranceKeys.contains(key) else {
                    config.warnings.append("\(name): unknown tolerance key '\(key)' (ignored)")
                    continue
                }
                guard let number = (value as? Double) ?? (value as? Int).map(Double.init), number >= 0, number < 1 else {
                    throw ConfigurationError(path: name, reason: "tolerance '\(key)' must be a fraction between 0 and 1, such as 0.1")
                }
                config.tolerances[key] = number
            }
        }
        if let nearMiss = map["near-miss"] {
            guard let number = (nearMiss as? Double) ?? (nearMiss as? Int).map(Double.init), number >= 0, number < 1 else {
                throw ConfigurationError(path: name, reason: "'near-miss' must be a fraction between 0 and 1, such as 0.05")
            }
            config.nearMiss = number
        }
        if let maxSeconds = map["max-seconds"] {
            guard let number = (maxSeconds as? Double) ?? (maxSeconds as? Int).map(Double.init), number > 0, number <= 86_400 else {
                throw ConfigurationError(path: name, reason: "'max-seconds' must be a number of seconds between 0 and 86400, such as 30")
            }
            config.maxSeconds = number
        }
        if let rules = map["rules"] {
            guard let entries = rules as? [String: Any] else {
                throw ConfigurationError(path: name, reason: "'rules' must have 'enable' and/or 'disable' lists")
            }
            for key in entries.keys.sorted() where key != "enable" && key != "disable" {
                config.warnings.append("\(name): unknown key 'rules.\(key)' (ignored)")
            }
            config.disabledRules = try list(entries["disable"], "rules.disable")
            if entries["enable"] != nil { config.enabledRules = try list(entries["enable"], "rules.enable") }
        }
        config.include = try list(map["include"], "include")
        config.exclude = try list(map["exclude"], "exclude")
        config.baseline = try string("baseline")
        return config
    }

    /// The effective configuration as YAML (`figcheck config dump`).
    public func dump() -> String {
        var lines = ["# \(path ?? "no .figcheck.yml found; defaults")", "version: 1"]
        lines.append("subject: \(subject ?? "null")")
        lines.append("date: \(date?.description ?? "null")")
        lines.append("as-of: \(asOf?.description ?? "null")")
        lines.append("data: \(dataDirectory.map(Self.quoted) ?? "null")")
        lines.append("fail-on: \(failOn ?? "error")")
        lines.append("format: \((format ?? .text).rawValue)")
        var tolerance = tolerances
        if tolerance["default"] == nil { tolerance["default"] = 0.10 }
        lines.append("tolerance:")
        lines += tolerance.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        lines.append("near-miss: \(nearMiss ?? 0.05)")
        lines.append("max-seconds: \(maxSeconds ?? CheckOptions.defaultMaxSeconds)")
        lines.append("rules:")
        lines.append("  disable: [\(disabledRules.map(Self.quoted).joined(separator: ", "))]")
        if let enabledRules { lines.append("  enable: [\(enabledRules.map(Self.quoted).joined(separator: ", "))]") }
        lines.append("include: [\(include.map(Self.quoted).joined(separator: ", "))]")
        lines.append("exclude: [\(exclude.map(Self.quoted).joined(separator: ", "))]")
        lines.append("baseline: \(baseline.map(Self.quoted) ?? "null")")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func firstLine(of error: Error) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}

/// A configuration file that cannot be used, in one line.
public struct ConfigurationError: LocalizedError, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var errorDescription: String? { "\(path): \(reason)" }
}

/// Path globs for `include` and `exclude`: `*` and `?` within a path segment, `**` across them.
public enum PathGlob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        matchSegments(Array(pattern.split(separator: "/")), Array(path.split(separator: "/")))
    }

    private static func matchSegments(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = Array(pattern.dropFirst())
            for start in 0...path.count where matchSegments(rest, Array(path[start...])) { return true }
            return false
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return matchSegments(Array(pattern.dropFirst()), Array(path.dropFirst()))
    }

    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        // Iterative wildcard matching with backtracking to the last star: linear in practice.
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

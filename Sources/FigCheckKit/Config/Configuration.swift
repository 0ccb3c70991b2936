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
    /// The file this configuration was read from; nil for the defaults.
    public var path: String?
    /// `subject`: the country "we" stands for (ISO 3166 alpha-3, upper case).
    public var subject: String?
    /// `date`: the publication date of documents that do not say.
    public var date: CalendarDate?
    /// `as-of`: check against the newest vintage released by then.
    public var asOf: CalendarDate?
    /// `data`: a reference-data folder, as written (relative to the file).
    public var dataDirectory: String?
    /// `fail-on`: the least severe finding that fails the run.
    public var failOn: FailThreshold?
    /// `format`: the report format.
    public var format: OutputFormat?
    /// `tolerance`: relative tolerances by claim kind or hedge.
    public var tolerances: [String: Double] = [:]
    /// `near-miss`: a mismatch within this relative distance is a warning.
    public var nearMiss: Double?
    /// `max-seconds`: the time budget of one document.
    public var maxSeconds: Double?
    /// `rules.disable`: rules whose findings are dropped.
    public var disabledRules: [String] = []
    /// `rules.enable`: when set, the only rules that report.
    public var enabledRules: [String]?
    /// `include`: the globs `figcheck check` with no input checks.
    public var include: [String] = []
    /// `exclude`: globs left out of `include`.
    public var exclude: [String] = []
    /// `baseline`: the accepted findings file, as written (relative to the file).
    public var baseline: String?
    /// Unknown keys and other things worth a warning, one line each.
    public var warnings: [String] = []

    /// The defaults: no file, nothing set.
    public init() {}

    /// The names `discover(from:)` looks for, in order.
    public static let fileNames = [".figcheck.yml", ".figcheck.yaml"]

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
        func failure(_ reason: String) -> ConfigurationError { ConfigurationError(path: name, reason: reason) }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw failure("cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("not UTF-8 text") }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw failure("not valid YAML (\(Self.firstLine(of: error)))")
        }
        // The version and the keys are read off the node first: a file of another version is
        // refused for that, not for a key it spells differently.
        guard let root, let mapping = root.mapping else { throw failure("expected a mapping of keys") }
        guard let version = mapping["version"] else { throw failure("missing 'version: 1'") }
        guard version.scalar?.string == "1" else {
            throw failure("version \(version.scalar?.string ?? "of that shape") is not supported (expected 1)")
        }
        let file: ConfigurationFile
        do {
            file = try YAMLDecoder().decode(ConfigurationFile.self, from: root)
        } catch let error as DecodingError {
            throw failure(ConfigurationFile.reason(for: error))
        }
        var config = try Configuration(checking: file, failure: failure)
        config.path = url.path
        config.warnings = ConfigurationFile.unknownKeys(in: mapping).map { "\(name): \($0)" }
        return config
    }

    /// The values of a decoded file, checked: dates, names and ranges; `failure` makes the error.
    private init(checking file: ConfigurationFile, failure: (String) -> ConfigurationError) throws {
        if let subject = file.subject {
            guard CountryCode.isAlpha3(subject) else {
                throw failure("subject '\(subject)' is not an ISO 3166 alpha-3 code")
            }
            self.subject = subject.uppercased()
        }
        func date(_ text: String?, _ key: ConfigurationFile.CodingKeys) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(exactISO: text) else {
                throw failure("'\(key.rawValue)' must be a YYYY-MM-DD date")
            }
            return date
        }
        self.date = try date(file.date, .date)
        self.asOf = try date(file.asOf, .asOf)
        self.dataDirectory = file.data
        if let failOn = file.failOn {
            guard let threshold = FailThreshold(rawValue: failOn) else {
                throw failure("fail-on '\(failOn)' must be error, warning or never")
            }
            self.failOn = threshold
        }
        if let format = file.format {
            guard let parsed = OutputFormat(rawValue: format) else {
                throw failure(
                    "format '\(format)' must be one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            self.format = parsed
        }
        for (key, entry) in file.tolerance ?? [:] where ConfigurationFile.toleranceKeys.contains(key) {
            guard let number = entry.value, number >= 0, number < 1 else {
                throw failure(ConfigurationFile.toleranceReason(key))
            }
            self.tolerances[key] = number
        }
        if let nearMiss = file.nearMiss {
            guard nearMiss >= 0, nearMiss < 1 else { throw failure(ConfigurationFile.reason(for: .nearMiss)) }
            self.nearMiss = nearMiss
        }
        if let maxSeconds = file.maxSeconds {
            guard maxSeconds > 0, maxSeconds <= 86_400 else {
                throw failure(ConfigurationFile.reason(for: .maxSeconds))
            }
            self.maxSeconds = maxSeconds
        }
        self.disabledRules = file.rules?.disable?.items ?? []
        self.enabledRules = file.rules?.enable?.items
        self.include = file.include?.items ?? []
        self.exclude = file.exclude?.items ?? []
        self.baseline = file.baseline
    }

    /// The effective configuration as YAML (`figcheck config dump`).
    public func dump() -> String {
        var lines = ["# \(path ?? "no .figcheck.yml found; defaults")", "version: 1"]
        lines.append("subject: \(subject ?? "null")")
        lines.append("date: \(date?.description ?? "null")")
        lines.append("as-of: \(asOf?.description ?? "null")")
        lines.append("data: \(dataDirectory.map(Self.quoted) ?? "null")")
        lines.append("fail-on: \((failOn ?? .error).rawValue)")
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
    /// The configuration file.
    public var path: String
    /// What is wrong with it, in one line.
    public var reason: String

    /// Creates an error for the file at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: reason`.
    public var errorDescription: String? { "\(path): \(reason)" }
}

/// Path globs for `include` and `exclude`: `*` and `?` within a path segment, `**` across them.
public enum PathGlob {
    /// Whether `path` (relative, `/`-separated) matches `pattern`.
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

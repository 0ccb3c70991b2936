import ArgumentParser
import FigCheckCommandLine
import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation

// The Kit's enums become flag values here only: Kit does not link ArgumentParser.
extension OutputFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}

/// `figcheck check PATH|URL|- ...`
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the figures in documents (files, http(s) URLs, or - for standard input)."
    )

    @Argument(
        help:
            "Files (.txt, .md, .html, .docx), http(s) URLs, or - for standard input; none: the config's include globs.")
    var inputs: [String] = []

    @Option(help: "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default text).")
    var format: OutputFormat?

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var reading: ReadingFlags

    @Option(help: "Configuration file (default: .figcheck.yml in this directory or a parent).")
    var config: String?

    @Option(name: .customLong("fetch-timeout"), help: "Longest time for fetching a URL, in seconds (default 30).")
    var fetchTimeout: Double?

    @Option(
        name: .customLong("max-fetch-bytes"), help: "Largest response accepted from a URL, in bytes (default 20 MiB).")
    var maxFetchBytes: Int?

    @Option(help: "Hide the findings recorded in this baseline file and report only new ones.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record this run's failing findings in a baseline file.")
    var writeBaseline: String?

    func validate() throws {
        if let fetchTimeout, !(fetchTimeout > 0 && fetchTimeout <= 3600) {
            throw ValidationError("--fetch-timeout \(fetchTimeout): expected seconds between 0 and 3600")
        }
        if let maxFetchBytes, maxFetchBytes <= 0 {
            throw ValidationError("--max-fetch-bytes \(maxFetchBytes): expected a positive number of bytes")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try ConfigurationFile.load(explicit: config)
            for warning in configuration.warnings {
                FileHandle.standardError.write(Data("figcheck: \(warning)\n".utf8))
            }
            let format = self.format ?? configuration.format ?? .text
            var options = try reading.checkOptions(
                inputs: try ConfigurationFile.inputs(inputs, configuration: configuration), format: format,
                configuration: configuration, color: format == .text && output == nil && Terminal.wantsColor,
                baseline: writeBaseline == nil ? baseline : nil, useConfiguredBaseline: writeBaseline == nil)
            if let fetchTimeout {
                options.reading.httpLimits.totalTimeout = fetchTimeout
                options.reading.httpLimits.connectTimeout = min(options.reading.httpLimits.connectTimeout, fetchTimeout)
            }
            if let maxFetchBytes { options.reading.httpLimits.maxBodyBytes = maxFetchBytes }
            guard !options.inputs.isEmpty else {
                throw UsageError(message: "no input: give a path, an http(s) URL, or - for standard input")
            }
            let outcome = await Check.run(options)
            if let output {
                do {
                    try AtomicFile.write(Data(outcome.rendered.utf8), to: URL(fileURLWithPath: output))
                } catch {
                    throw ConfigurationError(path: output, reason: "cannot write the report (\(Self.cause(error)))")
                }
            } else {
                FileHandle.standardOutput.write(Data(outcome.rendered.utf8))
            }
            for error in outcome.errors {
                FileHandle.standardError.write(Data("figcheck: \(error)\n".utf8))
            }
            if let writeBaseline {
                let recorded = Baseline(report: outcome.report, failOn: options.failOn)
                do {
                    try AtomicFile.write(recorded.encoded(), to: URL(fileURLWithPath: writeBaseline))
                } catch {
                    throw ConfigurationError(
                        path: writeBaseline, reason: "cannot write the baseline (\(Self.cause(error)))")
                }
                FileHandle.standardError.write(
                    Data("figcheck: \(writeBaseline): recorded \(recorded.findings.count) findings\n".utf8))
                // Writing a baseline accepts the findings: the run succeeds unless an input failed.
                return outcome.exitCode == 2 ? 2 : 0
            }
            return outcome.exitCode
        }
    }

    static func cause(_ error: Error) -> String {
        let text = error.localizedDescription
        return text.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
    }
}

/// `figcheck config dump`: the effective configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the configuration figcheck would use.",
        subcommands: [ConfigDumpCommand.self])
}

struct ConfigDumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dump", abstract: "Print the effective .figcheck.yml.")

    @Option(help: "Configuration file (default: .figcheck.yml in this directory or a parent).")
    var config: String?

    func run() async throws {
        try await runReportingErrors {
            let configuration = try ConfigurationFile.load(explicit: config)
            for warning in configuration.warnings {
                FileHandle.standardError.write(Data("figcheck: \(warning)\n".utf8))
            }
            printOut(configuration.dump())
            return 0
        }
    }
}

/// Finding and reading the configuration file for a command.
enum ConfigurationFile {
    static func load(explicit: String?) throws -> Configuration {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw ConfigurationError(path: explicit, reason: "no such file")
            }
            return try Configuration.load(from: URL(fileURLWithPath: explicit))
        }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let found = Configuration.discover(from: here) else { return Configuration() }
        return try Configuration.load(from: found)
    }

    /// The inputs given, without those the config excludes; with none given, the files its include
    /// globs match under its directory.
    static func inputs(_ given: [String], configuration: Configuration) throws -> [String] {
        let base = configuration.baseDirectory.standardizedFileURL.path
        func relative(_ path: String) -> String {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : path
        }
        func excluded(_ path: String) -> Bool {
            configuration.exclude.contains { PathGlob.matches($0, relative(path)) }
        }
        if !given.isEmpty {
            return given.filter { $0 == "-" || $0.contains("://") || !excluded($0) }
        }
        guard !configuration.include.isEmpty else { return [] }
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            guard !path.hasPrefix(".build"), configuration.include.contains(where: { PathGlob.matches($0, path) }),
                !configuration.exclude.contains(where: { PathGlob.matches($0, path) })
            else { continue }
            found.append(path == "" ? path : (base + "/" + path))
        }
        return found.sorted()
    }
}

/// Whether standard output is a terminal that wants colour (NO_COLOR turns it off).
enum Terminal {
    static var wantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// A usage problem found while running (after parsing), in one line.
struct UsageError: LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

/// The options `check` and `batch` share: how documents are read and judged.
extension ReadingFlags {
    /// The check options these flags and the configuration file give; a flag wins over the file.
    /// The baseline is `baseline` (a flag's path), else the file's when `useConfiguredBaseline`.
    func checkOptions(
        inputs: [String], format: OutputFormat, configuration: Configuration, color: Bool,
        baseline: String?, useConfiguredBaseline: Bool = true
    ) throws -> CheckOptions {
        let base = configuration.baseDirectory
        func resolved(_ path: String) -> String {
            path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
        }
        var options = CheckOptions(
            inputs: inputs, format: format,
            reading: ReadingOptions(
                date: date.flatMap(CalendarDate.init(iso:)) ?? configuration.date,
                subject: subject?.uppercased() ?? configuration.subject),
            failOn: (failOn ?? configuration.failOn ?? .error).severity, color: color,
            dataDirectory: data ?? configuration.dataDirectory.map(resolved),
            asOf: asOf.flatMap(CalendarDate.init(iso:)) ?? configuration.asOf)
        options.tolerances = configuration.tolerances
        options.nearMiss = configuration.nearMiss ?? 0.05
        options.disabledRules = Set(configuration.disabledRules)
        options.enabledRules = configuration.enabledRules.map(Set.init)
        options.maxSeconds = maxSeconds ?? configuration.maxSeconds ?? CheckOptions.defaultMaxSeconds
        if let path = baseline ?? (useConfiguredBaseline ? configuration.baseline.map(resolved) : nil) {
            options.baseline = try Baseline.load(from: URL(fileURLWithPath: path))
        }
        return options
    }
}

struct ReadingFlags: ParsableArguments {
    @Option(help: "Publication date (YYYY-MM-DD); overrides the date found in the document.")
    var date: String?

    @Option(help: "The country \"we\", \"our\" and \"us\" stand for (ISO 3166 alpha-3, e.g. KOR).")
    var subject: String?

    @Option(
        name: .customLong("as-of"),
        help: "Use the newest reference-data vintage released on or before this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Reference-data directory (default: the bundled reference-data/).")
    var data: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above: error (default), warning, never.")
    var failOn: FailThreshold?

    @Option(
        name: .customLong("max-seconds"),
        help: "Give a document up after this many seconds of loading and checking (default 30).")
    var maxSeconds: Double?

    func validate() throws {
        if let date, CalendarDate(exactISO: date) == nil {
            throw ValidationError("--date \(date): not a YYYY-MM-DD date")
        }
        if let asOf, CalendarDate(exactISO: asOf) == nil {
            throw ValidationError("--as-of \(asOf): not a YYYY-MM-DD date")
        }
        if let subject, !CountryCode.isAlpha3(subject) {
            throw ValidationError("--subject \(subject): expected an ISO 3166 alpha-3 code such as KOR or USA")
        }
        if let maxSeconds, !(maxSeconds > 0 && maxSeconds <= 86_400) {
            throw ValidationError("--max-seconds \(maxSeconds): expected seconds between 0 and 86400")
        }
    }
}

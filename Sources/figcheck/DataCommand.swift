import ArgumentParser
import FigCheckCommandLine
import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation

/// `figcheck data …`: list, show, validate, import and update the reference tables.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List, show, validate, import and update the reference tables.",
        subcommands: [
            DataListCommand.self, DataShowCommand.self, DataValidateCommand.self, DataImportCommand.self,
            DataUpdateCommand.self,
        ]
    )
}

struct DataListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tables: rows, vintage, coverage, licence.")

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors {
            let catalog = try ReferenceCatalog(directory: try data.directory())
            printOut(DataReports.list(catalog))
            return 0
        }
    }
}

struct DataShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the rows of a table, or of an indicator in every vintage.")

    @Argument(help: "A table id or an indicator id (figcheck data list shows both).")
    var table: String

    @Option(help: "Only this entity (ISO 3166 alpha-3 or aggregate code, e.g. KOR, EUU).")
    var entity: String?

    @Option(help: "Only this period (2024, 2025-H1, 2025-04-10).")
    var period: String?

    @Option(help: "Only this vintage (YYYY-MM-DD).")
    var vintage: String?

    @Option(help: "For a timeline: the value in force on this date (YYYY-MM-DD).")
    var on: String?

    @OptionGroup var data: DataDirectoryOption

    func validate() throws {
        if let on, CalendarDate(exactISO: on) == nil {
            throw ValidationError("--on \(on): not a YYYY-MM-DD date")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let catalog = try ReferenceCatalog(directory: try data.directory())
            let query = DataReports.ShowQuery(
                table: table, entity: entity?.uppercased(), period: period,
                vintage: vintage, on: on.flatMap(CalendarDate.init(iso:)))
            printOut(try DataReports.show(catalog, query))
            return 0
        }
    }
}

struct DataValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Check every table: schema, provenance, units, duplicate keys, impossible values (exit 1 on problems).")

    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try await runReportingErrors {
            let directory = try data.directory()
            let problems = ReferenceDataValidator.validate(directory)
            if problems.isEmpty {
                let tables = ReferenceCatalogSummary.tableCount(directory)
                printOut("\(directory.path): \(tables) tables, no problems\n")
                return 0
            }
            printOut(problems.map { "\($0)\n" }.joined())
            FileHandle.standardError.write(
                Data("figcheck: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(directory.path)\n".utf8)
            )
            return 1
        }
    }
}

struct DataImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import tables from local files: World Bank WDI (Datahub layout), IMF WEO extracts, US Census trade by country, and the curated, entity and lexicon tables a specification describes."
    )

    /// The sources an import reads.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case wdi, weo, census, curated
    }

    @Argument(help: "The source kind: wdi, weo, census or curated.")
    var kind: Kind

    @Argument(
        help:
            "wdi: a folder of <series-code>/data.csv, or one CSV file (then name --series); weo: one vintage's CSV extract (concept,ref_area,year,value,lastactualdate); census: the country.csv copy of country.xlsx; curated: the table specification (Scripts/curated/tables.json), which carries each table's provenance."
    )
    var source: String

    @Option(help: "wdi: the series code of a single CSV file (e.g. NY.GDP.MKTP.CD).")
    var series: String?

    @Option(help: "weo: the crosswalk from old IMF area codes to ISO codes (ref_area,ref_area_new).")
    var crosswalk: String?

    @Option(help: "curated: the folder of open sources the specification's paths are relative to.")
    var sources: String?

    @Option(help: "The publisher's release date of these data (YYYY-MM-DD); not for curated.")
    var vintage: String?

    @Option(help: "When the data were retrieved from the publisher (YYYY-MM-DD); not for curated.")
    var retrieved: String?

    @Option(
        name: .customLong("obtained-from"),
        help: "Where the files came from: repository, commit, path; not for curated.")
    var obtainedFrom: String?

    @Option(help: "A note stored with each table.")
    var note: String?

    @Flag(help: "Replace tables of the same vintage that already exist.")
    var replace = false

    @OptionGroup var data: DataDirectoryOption

    func validate() throws {
        if series != nil, kind != .wdi { throw ValidationError("--series applies to wdi imports only") }
        if crosswalk != nil, kind != .weo { throw ValidationError("--crosswalk applies to weo imports only") }
        if kind == .curated {
            guard sources != nil else {
                throw ValidationError("curated imports need --sources (the folder of open sources)")
            }
            if vintage != nil || retrieved != nil || obtainedFrom != nil || note != nil || replace {
                throw ValidationError(
                    "curated imports take their provenance from the specification: drop --vintage, --retrieved, --obtained-from, --note and --replace"
                )
            }
            return
        }
        if sources != nil { throw ValidationError("--sources applies to curated imports only") }
        for (name, value) in [("--vintage", vintage), ("--retrieved", retrieved), ("--obtained-from", obtainedFrom)]
        where value == nil {
            throw ValidationError("\(kind.rawValue) imports need \(name)")
        }
        for (name, value) in [("--vintage", vintage ?? ""), ("--retrieved", retrieved ?? "")]
        where CalendarDate(exactISO: value) == nil {
            throw ValidationError("\(name) \(value): not a YYYY-MM-DD date")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let provenance = SeriesProvenance(
                vintage: vintage ?? "", retrieved: retrieved ?? "", obtainedFrom: obtainedFrom ?? "",
                notes: note)
            let sourceURL = URL(fileURLWithPath: source)
            let directory = try data.directory()
            var written: [TableMetadata] = []
            var skipped: [String: Int] = [:]
            switch kind {
            case .wdi:
                written = try WDIImporter.importSeries(
                    from: sourceURL, seriesCode: series, provenance: provenance,
                    into: directory, replace: replace)
            case .weo:
                let outcome = try WEOImporter.importVintage(
                    from: sourceURL, crosswalk: crosswalk.map(URL.init(fileURLWithPath:)),
                    provenance: provenance, into: directory, replace: replace)
                (written, skipped) = (outcome.tables, outcome.skippedAreas)
            case .census:
                let outcome = try CensusImporter.importFile(
                    sourceURL, provenance: provenance, into: directory, replace: replace)
                (written, skipped) = (outcome.tables, outcome.skippedPartners)
            case .curated:
                // Through a constant: assigning the call's result straight to `written` here crashed
                // on exit (an over-release in this Swift 6.3 async closure, debug and release alike).
                let tables = try CuratedImporter.importTables(
                    specification: sourceURL, sources: URL(fileURLWithPath: sources ?? ""),
                    into: directory)
                written = tables
            }
            for table in written { printOut("\(table.id): \(table.coverage.rows) rows\n") }
            if written.isEmpty { printOut("no mapped series found in \(source)\n") }
            if !skipped.isEmpty {
                let rows = skipped.values.reduce(0, +)
                printOut(
                    "left out \(rows) rows of \(skipped.count) areas or groups that are not entities: \(skipped.keys.sorted().prefix(12).joined(separator: "; "))\(skipped.count > 12 ? "; …" : "")\n"
                )
            }
            return 0
        }
    }
}

/// Counts for the validate command's summary line.
enum ReferenceCatalogSummary {
    static func tableCount(_ directory: URL) -> Int {
        (try? ReferenceCatalog(directory: directory).entries.count) ?? 0
    }
}

struct DataUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch a new vintage from the publisher's API over HTTPS (today: World Bank WDI).")

    @Argument(help: "The source kind: wdi.")
    var kind: String

    @Option(help: "The WDI series code to fetch (e.g. NY.GDP.MKTP.CD).")
    var indicator: String

    @Option(name: .customLong("base-url"), help: "The World Bank API base URL.")
    var baseURL: String = WDIUpdater.defaultBaseURL

    @OptionGroup var data: DataDirectoryOption

    func validate() throws {
        guard kind == "wdi" else { throw ValidationError("update \(kind): only wdi can be updated") }
    }

    func run() async throws {
        try await runReportingErrors {
            let updater = WDIUpdater(baseURL: baseURL, directory: try data.directory())
            let outcome = try await updater.update(seriesCode: indicator, today: CalendarDate.today)
            printOut(outcome.message + "\n")
            return 0
        }
    }
}

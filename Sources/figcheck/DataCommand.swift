import ArgumentParser
import FigCheckCore
import FigCheckData
import FigCheckKit
import Foundation

/// `figcheck data …`: list, show, validate, import and update the reference tables.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List, show, validate, import and update the reference tables.",
        subcommands: [DataListCommand.self, DataShowCommand.self, DataValidateCommand.self, DataImportCommand.self,
                      DataUpdateCommand.self]
    )
}

/// The `--data DIR` option every data command shares.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data"), help: "Reference data directory (default: the bundled reference-data).")
    var path: String?

    func directory() throws -> URL {
        try ReferenceDataLocator.locate(explicit: path)
    }
}

/// Runs a data command body, turning its errors into one line on standard error and exit 2.
func runReportingErrors(_ body: () async throws -> Int32) async throws {
    let code: Int32
    do {
        code = try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("figcheck: \(error.localizedDescription)\n".utf8))
        throw ExitCode(2)
    }
    if code != 0 { throw ExitCode(code) }
}

func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
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
            let query = DataReports.ShowQuery(table: table, entity: entity?.uppercased(), period: period,
                                              vintage: vintage, on: on.flatMap(CalendarDate.init(iso:)))
            printOut(try DataReports.show(catalog, query))
            return 0
        }
    }
}

struct DataValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every table: schema, provenance, units, duplicate keys, impossible values (exit 1 on problems).")

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
            FileHandle.standardError.write(Data("figcheck: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(directory.path)\n".utf8))
            return 1
        }
    }
}

struct DataImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import tables from local files (today: World Bank WDI in the Datahub layout).")

    @Argument(help: "The source kind: wdi.")
    var kind: String

    @Argument(help: "A folder of <series-code>/data.csv, or one CSV file (then name --series).")
    var source: String

    @Option(help: "The series code of a single CSV file (e.g. NY.GDP.MKTP.CD).")
    var series: String?

    @Option(help: "The publisher's release date of these data (YYYY-MM-DD).")
    var vintage: String

    @Option(help: "When the data were retrieved from the publisher (YYYY-MM-DD).")
    var retrieved: String

    @Option(name: .customLong("obtained-from"), help: "Where the files came from: repository, commit, path.")
    var obtainedFrom: String

    @Option(help: "A note stored with each table.")
    var note: String?

    @Flag(help: "Replace tables of the same vintage that already exist.")
    var replace = false

    @OptionGroup var data: DataDirectoryOption

    func validate() throws {
        guard kind == "wdi" else { throw ValidationError("import \(kind): only wdi can be imported") }
        for (name, value) in [("--vintage", vintage), ("--retrieved", retrieved)]
        where CalendarDate(exactISO: value) == nil {
            throw ValidationError("\(name) \(value): not a YYYY-MM-DD date")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let provenance = WDIProvenance(vintage: vintage, retrieved: retrieved, obtainedFrom: obtainedFrom, notes: note)
            let written = try WDIImporter.importSeries(from: URL(fileURLWithPath: source), seriesCode: series,
                                                       provenance: provenance, into: try data.directory(),
                                                       replace: replace)
            for table in written { printOut("\(table.id): \(table.coverage.rows) rows\n") }
            if written.isEmpty { printOut("no mapped series found in \(source)\n") }
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

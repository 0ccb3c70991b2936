import CurlClient
import FigCheckCore
import FigCheckData
import Foundation

/// Fetches the current vintage of a WDI series from the World Bank API (v2, JSON) through
/// `CurlClient` and writes it beside the vintages already there. Nothing is written unless every
/// page arrived and parsed.
public struct WDIUpdater: Sendable {
    /// The public World Bank API.
    public static let defaultBaseURL = "https://api.worldbank.org"

    /// What an update did.
    public struct Outcome: Sendable {
        public var table: TableMetadata?
        public var message: String
    }

    public let baseURL: String
    public let directory: URL
    let http: HTTPClient
    let limits: HTTPLimits

    /// Creates an updater writing into the reference-data `directory`.
    public init(baseURL: String = Self.defaultBaseURL, directory: URL,
                limits: HTTPLimits = HTTPLimits(connectTimeout: 15, totalTimeout: 120, maxBodyBytes: 64 * 1024 * 1024)) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.directory = directory
        self.http = HTTPClient(userAgent: DocumentReader.userAgent)
        self.limits = limits
    }

    /// Fetches `seriesCode` and writes its vintage (the API's `lastupdated` date), unless that
    /// vintage is already present.
    public func update(seriesCode: String, today: CalendarDate) async throws -> Outcome {
        let map = try WDIIndicatorMap(contentsOf: WDIIndicatorMap.file(in: directory))
        guard let series = map.series(code: seriesCode) else {
            throw ReferenceDataError.unknownTable(id: seriesCode)
        }
        var rows: [SeriesRow] = []
        var vintage: String?
        var page = 1
        var pages = 1
        let firstURL = url(series.code, page: 1)
        repeat {
            let pageURL = url(series.code, page: page)
            let body: Data
            do {
                body = try await http.get(pageURL, limits: limits).body
            } catch let error as HTTPError {
                throw FigCheckError.fetchFailed(source: pageURL, reason: error.localizedDescription)
            }
            let parsed = try WorldBankAPIPage(body, url: pageURL)
            guard parsed.page == page else {
                throw FigCheckError.fetchFailed(source: pageURL, reason: "\(pageURL): the server sent page \(parsed.page)")
            }
            if let known = vintage, known != parsed.lastUpdated {
                throw FigCheckError.fetchFailed(source: pageURL, reason: "\(pageURL): pages from different releases")
            }
            vintage = parsed.lastUpdated
            pages = parsed.pages
            rows += parsed.rows
            page += 1
        } while page <= pages
        guard let vintage, !rows.isEmpty else {
            throw FigCheckError.fetchFailed(source: firstURL, reason: "\(firstURL): no values in the response")
        }
        let keys = Set(rows.map { "\($0.entity)|\($0.period)" })
        guard keys.count == rows.count else {
            throw FigCheckError.fetchFailed(source: firstURL, reason: "\(firstURL): the response repeats country-years")
        }
        let catalog = try ReferenceCatalog(directory: directory)
        let id = WDISeriesWriter.tableID(code: series.code, vintage: vintage)
        if catalog.entry(id: id) != nil {
            return Outcome(table: nil, message: "\(id): already present; nothing written")
        }
        let provenance = SeriesProvenance(vintage: vintage, retrieved: today.description,
                                       obtainedFrom: "World Bank API \(firstURL)")
        let table = try WDISeriesWriter.write(rows, series: series, provenance: provenance, into: directory,
                                              replace: false)
        return Outcome(table: table, message: "\(table.id): \(table.coverage.rows) rows written")
    }

    func url(_ code: String, page: Int) -> String {
        "\(baseURL)/v2/country/all/indicator/\(code)?format=json&per_page=20000&page=\(page)"
    }
}

/// One page of a World Bank API v2 JSON response: `[{page, pages, lastupdated …}, [{…}, …]]`.
struct WorldBankAPIPage {
    var page: Int
    var pages: Int
    var lastUpdated: String
    var rows: [SeriesRow]

    init(_ body: Data, url: String) throws {
        func invalid(_ why: String) -> FigCheckError {
            FigCheckError.fetchFailed(source: url, reason: "\(url): not a World Bank API response (\(why))")
        }
        guard let top = try? JSONSerialization.jsonObject(with: body) as? [Any] else {
            throw invalid("invalid or truncated JSON")
        }
        guard let header = top.first as? [String: Any] else { throw invalid("no header") }
        if let message = (header["message"] as? [[String: Any]])?.first?["value"] as? String {
            throw FigCheckError.fetchFailed(source: url, reason: "\(url): the API answered: \(message)")
        }
        // The API writes counts as numbers, older releases as strings.
        func count(_ key: String) -> Int? { (header[key] as? Int) ?? (header[key] as? String).flatMap { Int($0) } }
        guard let page = count("page"), let pages = count("pages"), let lastUpdated = header["lastupdated"] as? String,
              CalendarDate(iso: lastUpdated) != nil, top.count == 2 else {
            throw invalid("header without pages or lastupdated")
        }
        self.page = page
        self.pages = pages
        self.lastUpdated = String(lastUpdated.prefix(10))
        var rows: [SeriesRow] = []
        for case let item as [String: Any] in (top[1] as? [Any]) ?? [] {
            guard let code = item["countryiso3code"] as? String, code.count == 3,
                  let date = item["date"] as? String, let number = item["value"] as? NSNumber else { continue }
            let name = (item["country"] as? [String: Any])?["value"] as? String ?? code
            rows.append(SeriesRow(entity: code, entityName: name, period: date, valueText: "\(number.doubleValue)"))
        }
        self.rows = rows
    }
}

extension CalendarDate {
    /// Today in UTC.
    public static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let date = CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else {
            preconditionFailure("the Gregorian calendar returned an impossible day")
        }
        return date
    }
}

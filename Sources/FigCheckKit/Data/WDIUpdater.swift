import CurlClient
import FigCheckCore
import FigCheckData
import Foundation

/// Fetches the current vintage of a WDI series from the World Bank API (v2, JSON) through
/// `CurlClient` and writes it beside the vintages already there. Nothing is written unless every
/// page arrived and parsed.
package struct WDIUpdater: Sendable {
    /// The public World Bank API.
    package static let defaultBaseURL = "https://api.worldbank.org"

    /// What an update did.
    package struct Outcome: Sendable {
        /// The table written, or nil when nothing was.
        package var table: TableMetadata?
        /// One line for the user.
        package var message: String
    }

    /// The API's address, without a trailing slash.
    package let baseURL: String
    /// The reference-data folder written into.
    package let directory: URL
    let http: HTTPClient
    let limits: HTTPLimits

    /// Creates an updater writing into the reference-data `directory`.
    package init(
        baseURL: String = Self.defaultBaseURL, directory: URL,
        limits: HTTPLimits = HTTPLimits(connectTimeout: 15, totalTimeout: 120, maxBodyBytes: 64 * 1024 * 1024)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.directory = directory
        self.http = HTTPClient(userAgent: DocumentReader.userAgent)
        self.limits = limits
    }

    /// Fetches `seriesCode` and writes its vintage (the API's `lastupdated` date), unless that
    /// vintage is already present.
    package func update(seriesCode: String, today: CalendarDate) async throws -> Outcome {
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
                throw FigCheckError.fetchFailed(
                    source: pageURL, reason: "\(pageURL): the server sent page \(parsed.page)")
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
        let provenance = SeriesProvenance(
            vintage: vintage, retrieved: today.description,
            obtainedFrom: "World Bank API \(firstURL)")
        let table = try WDISeriesWriter.write(
            rows, series: series, provenance: provenance, into: directory,
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
        let response: Response
        do {
            response = try JSONDecoder().decode(Response.self, from: body)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw invalid("invalid or truncated JSON")
        } catch {
            throw invalid("not an array of a header and rows")
        }
        guard let header = response.header else { throw invalid("no header") }
        if let message = header.message?.first?.value {
            throw FigCheckError.fetchFailed(source: url, reason: "\(url): the API answered: \(message)")
        }
        guard let page = header.page?.value, let pages = header.pages?.value, let lastUpdated = header.lastupdated,
            CalendarDate(iso: lastUpdated) != nil, response.elementCount == 2
        else {
            throw invalid("header without pages or lastupdated")
        }
        self.page = page
        self.pages = pages
        self.lastUpdated = String(lastUpdated.prefix(10))
        rows = (response.rows ?? []).compactMap { row in
            guard let code = row.countryiso3code, code.count == 3, let date = row.date, let value = row.value else {
                return nil
            }
            return SeriesRow(entity: code, entityName: row.country?.value ?? code, period: date, valueText: "\(value)")
        }
    }

    /// The top-level array: a header object, then the rows (`null` when the series has none).
    private struct Response: Decodable {
        var elementCount: Int?
        var header: Header?
        var rows: [Row]?

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            elementCount = container.count
            header = try? container.decode(Header.self)
            if header != nil, !container.isAtEnd { rows = try container.decodeIfPresent([Row].self) }
        }
    }

    private struct Header: Decodable {
        var page: LenientInteger?
        var pages: LenientInteger?
        var lastupdated: String?
        /// Present instead of the counts when the API refuses the request.
        var message: [Named]?
    }

    /// An observation; one with a missing or non-numeric field is skipped, not fatal.
    private struct Row: Decodable {
        var countryiso3code: String?
        var date: String?
        var value: Double?
        var country: Named?

        enum CodingKeys: String, CodingKey { case countryiso3code, date, value, country }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            countryiso3code = try? container.decodeIfPresent(String.self, forKey: .countryiso3code)
            date = try? container.decodeIfPresent(String.self, forKey: .date)
            value = try? container.decodeIfPresent(Double.self, forKey: .value)
            country = try? container.decodeIfPresent(Named.self, forKey: .country)
        }
    }

    private struct Named: Decodable {
        var value: String?
    }

    /// The API writes counts as numbers, older releases as strings.
    private struct LenientInteger: Decodable {
        var value: Int?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            value = (try? container.decode(Int.self)) ?? (try? container.decode(String.self)).flatMap { Int($0) }
        }
    }
}

extension CalendarDate {
    /// Today in UTC.
    package static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let date = CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else {
            preconditionFailure("the Gregorian calendar returned an impossible day")
        }
        return date
    }
}

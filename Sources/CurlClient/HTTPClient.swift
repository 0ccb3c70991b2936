import CCurl
import Foundation

/// Limits applied to one HTTP transfer.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest wait for the TCP (and TLS) connection, in seconds.
    public var connectTimeout: Double
    /// Longest time for the whole transfer, redirects included, in seconds.
    public var totalTimeout: Double
    /// Most redirects followed before the transfer is refused.
    public var maxRedirects: Int
    /// Largest response body accepted, in bytes.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults suit fetching one article.
    public init(
        connectTimeout: Double = 10, totalTimeout: Double = 30, maxRedirects: Int = 5,
        maxBodyBytes: Int = 20 * 1024 * 1024
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
    }
}

/// A completed HTTP response with a 2xx status.
package struct HTTPResponse: Sendable {
    /// The URL the body finally came from, after redirects.
    package var effectiveURL: String
    /// The HTTP status code (always 2xx: other statuses are thrown as `HTTPError.status`).
    package var statusCode: Int
    /// The `Content-Type` header, if the server sent one.
    package var contentType: String?
    /// The response body.
    package var body: Data
}

/// Why a fetch failed, with the URL it concerned.
package enum HTTPError: LocalizedError, Equatable {
    case unsupportedScheme(url: String)
    case status(url: String, code: Int)
    case timedOut(url: String, seconds: Double)
    case tooManyRedirects(url: String, limit: Int)
    case bodyTooLarge(url: String, limit: Int)
    case transport(url: String, reason: String)

    package var errorDescription: String? {
        switch self {
        case let .unsupportedScheme(url):
            return "\(url): only http:// and https:// URLs can be fetched"
        case let .status(url, code):
            return "\(url): the server answered HTTP \(code)"
        case let .timedOut(url, seconds):
            return "\(url): no complete response within \(Self.format(seconds)) s"
        case let .tooManyRedirects(url, limit):
            return "\(url): more than \(limit) redirects"
        case let .bodyTooLarge(url, limit):
            return "\(url): response larger than the \(limit)-byte limit"
        case let .transport(url, reason):
            return "\(url): \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// An HTTP GET client over libcurl: TLS verified, proxies from the environment
/// (`http_proxy`, `https_proxy`, `no_proxy`, as libcurl reads them), http and https only.
package struct HTTPClient: Sendable {
    /// The User-Agent sent with every request.
    package let userAgent: String

    /// Creates a client that names itself with `userAgent`.
    package init(userAgent: String) {
        self.userAgent = userAgent
    }

    /// Fetches `url` within `limits`; throws `HTTPError` for anything but a complete 2xx response.
    package func get(_ url: String, limits: HTTPLimits = HTTPLimits()) async throws -> HTTPResponse {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw HTTPError.unsupportedScheme(url: url)
        }
        let agent = userAgent
        return try await withCheckedThrowingContinuation { continuation in
            // curl_easy_perform blocks; keep it off the cooperative thread pool.
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try CurlTransfer(url: url, limits: limits, userAgent: agent).perform()
                    })
            }
        }
    }
}

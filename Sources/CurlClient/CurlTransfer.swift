import CCurl
import Foundation

/// One blocking libcurl easy transfer. Owns its handle and the buffers the callbacks fill.
final class CurlTransfer {
    private let url: String
    private let limits: HTTPLimits
    private let userAgent: String
    fileprivate var body = Data()
    fileprivate var bodyLimitExceeded = false
    fileprivate let maxBodyBytes: Int

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init(url: String, limits: HTTPLimits, userAgent: String) {
        self.url = url
        self.limits = limits
        self.userAgent = userAgent
        self.maxBodyBytes = limits.maxBodyBytes
    }

    func perform() throws -> HTTPResponse {
        guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw HTTPError.transport(url: url, reason: "libcurl could not be initialised")
        }
        defer { curl_easy_cleanup(handle) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            configure(handle, errorBuffer: buffer.baseAddress)
            let me = Unmanaged.passUnretained(self).toOpaque()
            _ = figcheck_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, me)
            return curl_easy_perform(handle)
        }
        if code != CURLE_OK {
            throw error(
                for: code,
                detail: String(
                    decoding: errorBuffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        var status = 0
        _ = figcheck_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let effective = stringInfo(handle, CURLINFO_EFFECTIVE_URL) ?? url
        guard (200..<300).contains(status) else {
            throw HTTPError.status(url: url, code: status)
        }
        return HTTPResponse(
            effectiveURL: effective, statusCode: status,
            contentType: stringInfo(handle, CURLINFO_CONTENT_TYPE), body: body)
    }

    private func configure(_ handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>?) {
        _ = figcheck_curl_setopt_string(handle, CURLOPT_URL, url)
        _ = figcheck_curl_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        _ = figcheck_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = figcheck_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = figcheck_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = figcheck_curl_setopt_long(handle, CURLOPT_MAXREDIRS, limits.maxRedirects)
        _ = figcheck_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(limits.connectTimeout * 1000))
        _ = figcheck_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(limits.totalTimeout * 1000))
        _ = figcheck_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = figcheck_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = figcheck_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = figcheck_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes))
        _ = figcheck_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = figcheck_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = figcheck_curl_setopt_write_function(handle, curlWriteBody)
    }

    private func stringInfo(_ handle: UnsafeMutableRawPointer, _ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard figcheck_curl_getinfo_string(handle, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    private func error(for code: CURLcode, detail: String) -> HTTPError {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url: url, seconds: limits.totalTimeout)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url, limit: limits.maxRedirects)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url: url, limit: limits.maxBodyBytes)
        case CURLE_WRITE_ERROR where bodyLimitExceeded:
            return .bodyTooLarge(url: url, limit: limits.maxBodyBytes)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .unsupportedScheme(url: url)
        default:
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .transport(url: url, reason: reason)
        }
    }
}

/// libcurl's write callback: appends to the transfer's body, refusing bodies past the limit
/// (a server may send no Content-Length, so the limit is enforced here as well).
private func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let userdata, let data else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    if transfer.body.count + length > transfer.maxBodyBytes {
        transfer.bodyLimitExceeded = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
    return length
}

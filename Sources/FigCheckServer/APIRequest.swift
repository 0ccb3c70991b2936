import FigCheckCore
import FigCheckKit
import Foundation
import Hummingbird

/// Reads a check request from what a client sends.
///
/// `POST /api/check` takes either the document itself as the body, with the settings in the query
/// (`?filename=draft.docx&subject=KOR&date=2025-10-01&as-of=…&format=json|html|markdown|sarif|junit|text`),
/// or a JSON body `{"text": "…", "url": "…", "filename", "subject", "date", "asOf", "format"}`
/// when the content type is `application/json`; any other content type is the document's bytes
/// (so `curl --data-binary @draft.txt` works as it is). `POST /check` takes the page's form fields.
enum APIRequest {
    static func parse(_ request: Request, body: [UInt8]) throws(WebCheckError) -> CheckRequest {
        let query = request.uri.queryParameters
        var fields: [String: String] = [:]
        for (key, value) in query { fields[String(key)] = String(value) }
        var bytes = body
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw .badRequest("the body is not a JSON object")
            }
            for (key, value) in object {
                guard let text = value as? String else { throw .badRequest("\(key): expected a string") }
                fields[key == "asOf" ? "as-of" : key] = text
            }
            bytes = Array((fields["text"] ?? "").utf8)
            if fields["text"] == nil, fields["url"] == nil { throw .badRequest("expected \"text\" or \"url\"") }
        }
        return try build(fields, bytes: bytes)
    }

    /// The page's form: text, subject, date (URL-encoded).
    static func parseForm(_ body: [UInt8]) throws(WebCheckError) -> CheckRequest {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        guard let text = fields["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .badRequest("paste a text to check")
        }
        fields["url"] = nil
        return try build(fields, bytes: Array(text.utf8))
    }

    static func build(_ fields: [String: String], bytes: [UInt8]) throws(WebCheckError) -> CheckRequest {
        func value(_ key: String) -> String? {
            guard let text = fields[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func date(_ key: String) throws(WebCheckError) -> CalendarDate? {
            guard let text = value(key) else { return nil }
            guard let date = CalendarDate(exactISO: text) else { throw .badRequest("\(key) \(text): not a YYYY-MM-DD date") }
            return date
        }
        var format = OutputFormat.json
        if let name = value("format") {
            guard let chosen = OutputFormat(rawValue: name) else {
                throw .badRequest("format \(name): expected one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            format = chosen
        }
        let filename = (value("filename").map { ($0 as NSString).lastPathComponent }) ?? "pasted.txt"
        return CheckRequest(bytes: bytes, filename: filename, url: value("url"), subject: value("subject")?.uppercased(),
                            date: try date("date"), asOf: try date("as-of"), format: format)
    }
}

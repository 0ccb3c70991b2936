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
            let json: JSONBody
            do {
                json = try JSONDecoder().decode(JSONBody.self, from: Data(body))
            } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
                throw .badRequest("\(context.codingPath.map(\.stringValue).joined(separator: ".")): expected a string")
            } catch {
                throw .badRequest("the body is not a JSON object")
            }
            guard json.text != nil || json.url != nil else { throw .badRequest("expected \"text\" or \"url\"") }
            fields.merge(json.fields) { _, fromBody in fromBody }
            bytes = Array((json.text ?? "").utf8)
        }
        return try build(fields, bytes: bytes)
    }

    /// The page's form: text, subject, date (URL-encoded).
    static func parseForm(_ body: [UInt8]) throws(WebCheckError) -> CheckRequest {
        let form: FormBody
        do {
            form = try URLEncodedFormDecoder().decode(FormBody.self, from: String(decoding: body, as: UTF8.self))
        } catch {
            throw .badRequest("the form could not be read")
        }
        let fields = form.fields
        guard let text = fields["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .badRequest("paste a text to check")
        }
        return try build(fields, bytes: Array(text.utf8))
    }

    static func build(_ fields: [String: String], bytes: [UInt8]) throws(WebCheckError) -> CheckRequest {
        func value(_ key: String) -> String? {
            guard let text = fields[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func date(_ key: String) throws(WebCheckError) -> CalendarDate? {
            guard let text = value(key) else { return nil }
            guard let date = CalendarDate(exactISO: text) else {
                throw .badRequest("\(key) \(text): not a YYYY-MM-DD date")
            }
            return date
        }
        var format = OutputFormat.json
        if let name = value("format") {
            guard let chosen = OutputFormat(rawValue: name) else {
                throw .badRequest(
                    "format \(name): expected one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            format = chosen
        }
        let filename = (value("filename").map { ($0 as NSString).lastPathComponent }) ?? "pasted.txt"
        return CheckRequest(
            bytes: bytes, filename: filename, url: value("url"), subject: value("subject")?.uppercased(),
            date: try date("date"), asOf: try date("as-of"), format: format)
    }
}

/// The JSON body of `POST /api/check`; every member is a string, none is required by itself.
struct JSONBody: Decodable {
    var text: String?
    var url: String?
    var filename: String?
    var subject: String?
    var date: String?
    var asOf: String?
    var format: String?

    /// The members as the query's field names.
    var fields: [String: String] {
        presentFields([
            ("text", text), ("url", url), ("filename", filename), ("subject", subject), ("date", date),
            ("as-of", asOf), ("format", format),
        ])
    }
}

/// The editors' page form (`application/x-www-form-urlencoded`): the pasted text, a subject and a
/// date. A URL is never taken from the form: the page checks what was pasted.
struct FormBody: Decodable {
    var text: String?
    var subject: String?
    var date: String?

    var fields: [String: String] {
        presentFields([("text", text), ("subject", subject), ("date", date)])
    }
}

/// The fields that were given, by name; a missing one is left out, not written as empty.
private func presentFields(_ pairs: [(String, String?)]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
}

/// ISO 3166 alpha-3 country codes as users type them (`--subject`, `subject:`, the web form).
package enum CountryCode {
    /// Whether `text` has the shape of an alpha-3 code: three ASCII letters, either case.
    package static func isAlpha3(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isLetter }
    }
}

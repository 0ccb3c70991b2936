extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode's, so no-break spaces too).
    package func trimmingWhitespace() -> String {
        // Most strings have nothing to trim: an ASCII letter or digit at both ends settles it
        // without walking grapheme clusters.
        if let first = first, let last = last, Self.isASCIIAlphanumeric(first), Self.isASCIIAlphanumeric(last) {
            return String(self)
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }

    private static func isASCIIAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}

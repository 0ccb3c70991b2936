extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode's, so no-break spaces too).
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}

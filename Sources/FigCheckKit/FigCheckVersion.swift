/// The version figcheck reports in its output and User-Agent.
public enum FigCheckVersion {
    /// The current version (semantic versioning).
    public static let current = "0.1.0"
}

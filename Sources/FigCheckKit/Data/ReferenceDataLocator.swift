import FigCheckData
import Foundation

/// Finds the reference-data directory: `--data`, then `FIGCHECK_DATA`, then a `reference-data`
/// folder in the working directory or one of its parents, then one beside (or above) the
/// executable, which is where a build inside the repository finds the bundled tables.
public enum ReferenceDataLocator {
    /// The folder name of the bundled data.
    public static let folderName = "reference-data"

    /// The directory to use; throws when none is found.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let path = environment["FIGCHECK_DATA"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for start in [workingDirectory, executable.deletingLastPathComponent()] {
            if let found = search(upwardsFrom: start) { return found }
        }
        throw ReferenceDataError.missingDirectory(path: folderName)
    }

    private static func search(upwardsFrom start: URL) -> URL? {
        var directory = start.standardizedFileURL
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent(folderName)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }
}

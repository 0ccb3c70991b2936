import Foundation

/// Paths the tests read: the repository, its fixtures, and `../shared` beside the checkout.
public enum TestPaths {
    /// The repository root (this file is Tests/TestSupport/TestPaths.swift).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, beside the checkout: the seeds and conformance suites (`FIGCHECK_SHARED`
    /// overrides it).
    public static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["FIGCHECK_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A seed article in `../shared/seeds/`.
    public static func seed(_ name: String) -> URL {
        shared.appendingPathComponent("seeds").appendingPathComponent(name)
    }

    /// The Hansun seed (dated 2025-10-01 by a timestamp line).
    public static let hansunSeed = seed("hansun-2025-10-01-rok-us-alliance.txt")
    /// The Pacific Council seed (dated by "Published May 1, 2023").
    public static let pacificCouncilSeed = seed("pacific-council-2023-05-01-alliance-at-70.txt")

    /// A fixture of the FigCheckKit tests.
    public static func fixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/FigCheckKitTests/Fixtures").appendingPathComponent(name)
    }

    /// A fixture of the FigCheckData tests.
    public static func dataFixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/FigCheckDataTests/Fixtures").appendingPathComponent(name)
    }

    /// The shipped reference data.
    public static let referenceData = repository.appendingPathComponent("reference-data")

    /// A copy of a directory in a new temporary directory, to change freely.
    public static func copy(_ directory: URL) throws -> URL {
        let target = try temporaryDirectory().appendingPathComponent(directory.lastPathComponent)
        try FileManager.default.copyItem(at: directory, to: target)
        return target
    }

    /// A new empty temporary directory, inside this test process's scratch root.
    public static func temporaryDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `figcheck-tests-<pid>` in the system temporary directory. Tests leave their files for a
    /// failure to be looked at; the roots of test processes that have ended are removed the next
    /// time tests run, so the files of one run at most stay behind.
    static let scratchRoot: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "figcheck-tests-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            let owner = Int32(entry.dropFirst(prefix.count))
            // Signal 0 only asks whether the process exists.
            if let owner, kill(owner, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(entry))
        }
        return temporary.appendingPathComponent(prefix + String(ProcessInfo.processInfo.processIdentifier))
    }()
}

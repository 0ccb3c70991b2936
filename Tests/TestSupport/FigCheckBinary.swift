import Foundation

/// Runs the built `figcheck` executable, as a user would.
public enum FigCheckBinary {
    /// What one run printed and returned.
    public struct Result: Sendable {
        public var exitCode: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The binary: `FIGCHECK_BINARY` if set, else `figcheck` beside the test bundle in the build
    /// products folder (`swift build --build-tests` builds both).
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["FIGCHECK_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testExecutable.deletingLastPathComponent()
        // On macOS the bundle is a directory: Products/figcheckPackageTests.xctest/Contents/MacOS/…
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
            || directory.lastPathComponent == "Contents" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("figcheck")
    }

    /// Runs figcheck with `arguments` in `directory`, feeding `input` to standard input.
    public static func run(_ arguments: [String], input: Data? = nil,
                           in directory: URL = TestPaths.repository) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        // Drain both pipes while the process runs, so a large output cannot block it.
        let outputData = Locked(Data())
        let errorData = Locked(Data())
        let group = DispatchGroup()
        for (pipe, sink) in [(output, outputData), (errors, errorData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(exitCode: process.terminationStatus,
                      standardOutput: String(decoding: outputData.get(), as: UTF8.self),
                      standardError: String(decoding: errorData.get(), as: UTF8.self))
    }
}

extension FigCheckBinary {
    /// Starts figcheck without waiting for it (to kill it midway); its output is discarded.
    public static func start(_ arguments: [String], in directory: URL = TestPaths.repository) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// A value shared between threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func get() -> Value { lock.withLock { value } }

    public func set(_ newValue: Value) { lock.withLock { value = newValue } }

    public func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}

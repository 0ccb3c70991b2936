import ArgumentParser
import FigCheckKit
import Foundation

/// The `--data DIR` option every command that reads the tables shares.
package struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data"), help: "Reference data directory (default: the bundled reference-data).")
    package var path: String?

    package init() {}

    package func directory() throws -> URL {
        try ReferenceDataLocator.locate(explicit: path)
    }
}

/// Runs a command's body, turning its errors into one line on standard error and exit 2; a
/// non-zero code the body returns is the exit code.
package func runReportingErrors(name: String = "figcheck", _ body: () async throws -> Int32) async throws {
    let code: Int32
    do {
        code = try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("\(name): \(error.localizedDescription)\n".utf8))
        throw ExitCode(2)
    }
    if code != 0 { throw ExitCode(code) }
}

/// Writes `text` to standard output as it is.
package func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

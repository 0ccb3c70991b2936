// swift-tools-version:6.0
// The target graph is the architecture (see docs/ARCHITECTURE.md):
//
//   figcheck (executable, ArgumentParser) ─► FigCheckBatch (GRDB, swift-crypto) ─┐
//   figcheck-server (executable) ─► FigCheckServer (Hummingbird) ─────────────────┴─► FigCheckKit ─► FigCheckVerification
//
//   FigCheckVerification ─► FigCheckClaims ─► FigCheckScanner ─► FigCheckCore      (the pipeline's stages)
//   FigCheckVerification, FigCheckClaims ─► FigCheckData ─► FigCheckCore           (reference tables, lexicon)
//   FigCheckKit ─► CurlClient ─► CCurl (libcurl)
//
// `figcheck serve` starts the figcheck-server binary beside it, so the CLI never links Hummingbird.
import Foundation
import PackageDescription

/// The pipeline's stages are compiled with optimisation in debug builds too: the tests run the
/// debug binary on hostile inputs of megabytes (one 5 MB line) within hang-detecting bounds, and
/// unoptimised, the scanner and claim reading are ten times slower. To step through one of these
/// modules in a debugger, drop its setting locally.
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "figcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "figcheck", targets: ["figcheck"]),
        .executable(name: "figcheck-server", targets: ["figcheck-server"]),
        .library(name: "FigCheckKit", targets: ["FigCheckKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Value types and protocols only: Document, SourceMap, the report envelope, stage protocols.
        .target(name: "FigCheckCore"),
        // Reference data: table metadata, the CSV reader, the indexed catalog, entities, the lexicon.
        .target(name: "FigCheckData", dependencies: ["FigCheckCore"]),
        // The number scanner: every number of a text with its kind, value, interval, unit and hedge (Core only).
        .target(name: "FigCheckScanner", dependencies: ["FigCheckCore"], swiftSettings: optimisedEvenInDebug),
        // Reading claims: sentences, publication dates, the claim rules, each claim's frame and evidence.
        .target(
            name: "FigCheckClaims", dependencies: ["FigCheckCore", "FigCheckData", "FigCheckScanner"],
            swiftSettings: optimisedEvenInDebug),
        // Verifying claims: the verifier against the tables, relations within the text, the findings.
        .target(
            name: "FigCheckVerification", dependencies: ["FigCheckCore", "FigCheckData", "FigCheckClaims"],
            swiftSettings: optimisedEvenInDebug),
        // libcurl's C API, reached through a shim header (Swift cannot call variadic C functions).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The system zlib: raw deflate and CRC-32 for the DOCX loader's ZIP reader.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The only Swift code that touches libcurl: a small async HTTP GET with limits.
        .target(name: "CurlClient", dependencies: ["CCurl"]),
        // Loaders, the pipeline, reporters and one entry point per command.
        .target(
            name: "FigCheckKit",
            dependencies: [
                "FigCheckCore", "FigCheckData", "FigCheckVerification", "CurlClient", "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        // `figcheck batch`: the run store (SQLite through GRDB), content hashes (swift-crypto),
        // shards, merges and the dashboard; apart from Kit, so the web server links neither.
        .target(
            name: "FigCheckBatch",
            dependencies: [
                "FigCheckKit", "FigCheckCore", "FigCheckData", "FigCheckVerification",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What both executables do the same way with ArgumentParser: one-line usage errors, exit 2.
        .target(
            name: "FigCheckCommandLine",
            dependencies: ["FigCheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Parses flags, calls FigCheckKit, chooses the exit code. Nothing else.
        .executableTarget(
            name: "figcheck",
            dependencies: [
                "FigCheckKit", "FigCheckBatch", "FigCheckCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The editors' web page and the HTTP API over FigCheckKit (Hummingbird); only the server links it.
        .target(
            name: "FigCheckServer",
            dependencies: [
                "FigCheckKit", "FigCheckVerification", "FigCheckData", "FigCheckCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                // Connection deadlines are a channel handler; graceful shutdown is a service group.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // `figcheck serve` runs this binary: parses flags, starts the server.
        .executableTarget(
            name: "figcheck-server",
            dependencies: [
                "FigCheckServer", "FigCheckCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Shared test helpers: fixture paths, a loopback HTTP server, running the built binary, the corpus scorer.
        .target(
            name: "TestSupport", dependencies: ["CZlib", "FigCheckCore"],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "FigCheckKitTests",
            dependencies: [
                "FigCheckKit", "FigCheckBatch", "FigCheckCore", "FigCheckData", "FigCheckVerification", "CurlClient",
                "TestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FigCheckDataTests",
            dependencies: ["FigCheckData", "FigCheckKit", "FigCheckCore", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FigCheckClaimsTests",
            dependencies: ["FigCheckClaims", "FigCheckVerification", "FigCheckCore", "FigCheckKit", "TestSupport"]
        ),
        // Measures the scanner against other projects' suites in ../shared/conformance.
        .testTarget(
            name: "FigCheckConformanceTests",
            dependencies: ["FigCheckClaims", "FigCheckCore", "FigCheckVerification", "TestSupport"],
            exclude: ["exclusions.tsv", "floors.json"]
        ),
        .testTarget(
            name: "FigCheckServerTests",
            dependencies: [
                "FigCheckServer", "FigCheckKit", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "FigCheckCLITests",
            dependencies: ["TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The in-process benchmarks (Benchmarks/figcheck-bench), built only when asked for, as Hummingbird
// keeps its benchmarks: FIGCHECK_BENCHMARKS=1 swift run -c release figcheck-bench scan|check|data|e2e.
if ProcessInfo.processInfo.environment["FIGCHECK_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "figcheck-bench",
            dependencies: [
                "FigCheckKit", "FigCheckCommandLine", "FigCheckVerification", "FigCheckData", "FigCheckCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/figcheck-bench"
        ))
}

// libFuzzer targets (Fuzz/), built only for fuzzing: FIGCHECK_FUZZ=1 swift build -c release
// -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld (Scripts/fuzz does this).
if ProcessInfo.processInfo.environment["FIGCHECK_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "figcheck-fuzz",
            dependencies: ["FigCheckKit", "FigCheckVerification", "FigCheckData", "FigCheckCore"],
            path: "Fuzz",
            exclude: ["README.md"]
        ))
}

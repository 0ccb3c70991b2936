import FigCheckCore
import FigCheckData
import FigCheckKit
import FigCheckVerification
import Foundation

// A libFuzzer driver for figcheck's parsers of untrusted input. The target is chosen by
// FIGCHECK_FUZZ_TARGET: scanner, check (scanner + claims + verification), markdown, html, docx,
// table. Each input must end without a crash, a hang or a sanitizer report; thrown errors are fine.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

enum FuzzTarget: String, CaseIterable {
    case scanner, check, markdown, html, docx, table
}

let target =
    FuzzTarget(rawValue: ProcessInfo.processInfo.environment["FIGCHECK_FUZZ_TARGET"] ?? "")
    ?? {
        FileHandle.standardError.write(
            Data(
                "set FIGCHECK_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
                    .utf8))
        exit(2)
    }()

/// The reference data, loaded once for the `check` target.
nonisolated(unsafe) let pipeline: Pipeline? =
    target == .check
    ? try? Check.standardPipeline(
        CheckOptions(inputs: [], dataDirectory: ProcessInfo.processInfo.environment["FIGCHECK_DATA"]))
    : nil

/// A scratch folder with one curated table's metadata, for the `table` target.
nonisolated(unsafe) let tableDirectory: URL? = {
    guard target == .table else { return nil }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("figcheck-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let metadata = """
        {"id": "fuzz.table", "title": "fuzzed", "kind": "facts", "indicators": ["people_detained"], "unit": "persons",
         "scale": 1, "publisher": "fuzz", "dataset": "fuzz", "url": "https://example.org", "licence": "CC0",
         "attribution": "", "vintage": "2025-01-01", "retrieved": "2025-01-01", "obtainedFrom": "fuzz",
         "coverage": {"rows": 0, "entities": 0}, "keyColumns": ["indicator", "entity", "partner", "scope", "period"],
         "file": "table.csv"}
        """
    try? Data(metadata.utf8).write(to: directory.appendingPathComponent("table.meta.json"))
    return directory
}()

func fuzzOne(_ bytes: [UInt8]) {
    switch target {
    case .scanner:
        _ = MentionScanner().scan(String(decoding: bytes, as: UTF8.self))
    case .check:
        guard let pipeline else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let document = Document(
            source: "fuzz", format: .text, text: text, sourceMap: .identity(Array(text.utf8)),
            metadata: DocumentMetadata(date: CalendarDate(iso: "2025-10-01"), dateSource: .flag, subject: "KOR"))
        _ = pipeline.analyse(document)
    case .markdown:
        _ = try? MarkdownLoader().load(bytes, source: "fuzz.md")
    case .html:
        _ = try? HTMLLoader().load(bytes, source: "fuzz.html")
    case .docx:
        _ = try? DOCXLoader().load(bytes, source: "fuzz.docx")
    case .table:
        guard let directory = tableDirectory else { return }
        try? Data(bytes).write(to: directory.appendingPathComponent("table.csv"))
        if let catalog = try? ReferenceCatalog(directory: directory) {
            _ = try? catalog.observations(inTable: "fuzz.table")
        }
        _ = ReferenceDataValidator.validate(directory)
    }
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
        return 0
    })

import Foundation
import TestSupport
import Testing

/// Knowledge lives in reference-data/, not in Swift: a source file that names a country or group
/// code, a table id or an indicator id is a rule fitted to one article. The data model
/// (FigCheckCore) and the loaders (FigCheckData) may name columns and kinds; the files listed
/// below are allowed for the reason given.
@Suite("No article in the code")
struct NoArticleInCodeTests {
    static let allowed: [String: String] = [
        "Sources/FigCheckScanner/ScannerLexicon.swift": "ISO 4217 currency codes (ESP is the peseta), not entities",
        "Sources/FigCheckScanner/CurrencyNames.swift":
            "generated ISO 4217 codes and names (BTN is the ngultrum), not entities",
        "Benchmarks/figcheck-bench/ReferenceDataBenchmark.swift": "the benchmark's one fixed lookup",
        "Benchmarks/figcheck-bench/BenchCommand.swift": "the benchmark's default subject for the seed articles",
    ]

    /// Every entity code and every table and indicator id of the shipped data.
    static func names() throws -> Set<String> {
        var names = Set<String>()
        let data = TestPaths.referenceData
        for file in ["entities/countries.csv", "entities/aggregates.csv", "entities/wdi-aggregates.csv"] {
            let text = try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                if let code = line.split(separator: ",", omittingEmptySubsequences: false).first {
                    names.insert(String(code))
                }
            }
        }
        let files = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix(".meta.json"),
                let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            else { continue }
            if let id = meta["id"] as? String { names.insert(id) }
            for indicator in meta["indicators"] as? [String] ?? [] { names.insert(indicator) }
        }
        return names
    }

    @Test("no Swift source outside the data model and loaders names an entity code, table id or indicator id")
    func sourcesNameNoFacts() throws {
        let names = try Self.names()
        #expect(names.contains("KOR") && names.contains("gdp_current_usd"), "the names were not read")
        var found: [String] = []
        for folder in ["Sources", "Benchmarks"] {
            let sources = TestPaths.repository.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let relative = folder + "/" + url.path.dropFirst(sources.path.count + 1)
                if relative.hasPrefix("Sources/FigCheckCore/") || relative.hasPrefix("Sources/FigCheckData/")
                    || Self.allowed[relative] != nil
                {
                    continue
                }
                let text = try String(contentsOf: url, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    let quoted = code.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
                    for literal in quoted where names.contains(literal) {
                        found.append("\(relative):\(number + 1): \"\(literal)\"")
                    }
                }
            }
        }
        #expect(found.isEmpty, "facts named in code: \(found.joined(separator: "; "))")
    }
}

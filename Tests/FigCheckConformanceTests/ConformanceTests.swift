import FigCheckCore
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// Runs every case of the Recognizers-Text and quantulum3 suites through the scanner, prints a
/// pass rate per file, and fails when a file falls below the floor recorded in floors.json.
/// Excluded cases (exclusions.tsv, one reason each) are out of scope and not counted.
@Suite("Conformance with Recognizers-Text and quantulum3")
struct ConformanceTests {
    static let files = ["PercentModel", "CurrencyModel", "NumberModel", "NumberRangeModel", "OrdinalModel",
                        "quantulum3-quantities"]

    @Test("pass rate per file stays at or above its floor", arguments: files)
    func passRate(file: String) throws {
        let result = try Self.run(file)
        let floors = try ConformanceData.floors()
        let floor = try #require(floors[file], "no floor recorded for \(file)")
        let line = String(format: "conformance %@: %d/%d in scope passed (%.1f%%), %d excluded, floor %.1f%%",
                          file, result.passed, result.inScope, result.rate * 100, result.excluded, floor * 100)
        print(line)
        Self.writeReport(result)
        #expect(result.rate >= floor, "\(line)\n\(result.failures.prefix(15).joined(separator: "\n"))")
    }

    @Test("every exclusion names a real case and gives a reason")
    func exclusionsAreReal() throws {
        for (file, cases) in try ConformanceData.exclusions() {
            let count = try Self.cases(file).count
            for (index, reason) in cases {
                #expect(index < count, "\(file) \(index)")
                #expect(reason.count >= 10, "\(file) \(index): say why")
            }
        }
    }

    static func cases(_ file: String) throws -> [ConformanceCase] {
        file == "quantulum3-quantities" ? try ConformanceData.quantulum() : try ConformanceData.recognizers(file)
    }

    static func run(_ file: String) throws -> FileResult {
        let scanner = MentionScanner()
        let exclusions = try ConformanceData.exclusions()[file] ?? [:]
        var result = FileResult(file: file, total: 0, excluded: 0, passed: 0, failures: [])
        for testCase in try cases(file) {
            result.total += 1
            if exclusions[testCase.index] != nil {
                result.excluded += 1
                continue
            }
            let actual = SuiteViews.actual(file: file, input: testCase.input, scan: scanner.scan(testCase.input))
            if let problem = compare(expected: testCase.expected, actual: actual, file: file) {
                result.failures.append("\(file) #\(testCase.index) \(testCase.input.prefix(120).debugDescription): \(problem)")
            } else {
                result.passed += 1
            }
        }
        return result
    }

    /// nil when the case passes; otherwise what differs.
    static func compare(expected: [ExpectedItem], actual: [ExpectedItem], file: String) -> String? {
        let describe: (ExpectedItem) -> String = {
            "\($0.surface.debugDescription)@\($0.span.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "?")=\($0.value.map { String($0) } ?? $0.interval ?? "nil")\($0.unit.map { " " + $0 } ?? "")"
        }
        guard expected.count == actual.count else {
            return "expected [\(expected.map(describe).joined(separator: ", "))] got [\(actual.map(describe).joined(separator: ", "))]"
        }
        for (want, got) in zip(expected, actual) {
            if let span = want.span, span != got.span {
                return "span: expected \(describe(want)) got \(describe(got))"
            }
            if let value = want.value, file != "NumberRangeModel" {
                guard let gotValue = got.value, abs(gotValue - value) <= max(1e-9, abs(value) * 1e-9) else {
                    return "value: expected \(describe(want)) got \(describe(got))"
                }
            }
            if file == "NumberRangeModel", let interval = want.interval, interval != got.interval {
                return "interval: expected \(describe(want)) got \(describe(got))"
            }
            if file == "CurrencyModel", let unit = want.unit, unit != got.unit {
                return "unit: expected \(describe(want)) got \(describe(got))"
            }
            if file == "quantulum3-quantities", let unit = want.unit,
               ["dollar", "euro", "pound sterling", "percentage", "dimensionless", "cent", "penny"].contains(unit),
               unit != got.unit {
                return "unit: expected \(describe(want)) got \(describe(got))"
            }
        }
        return nil
    }

    /// Writes the failures to .build/conformance/<file>.txt for whoever works on the scanner.
    static func writeReport(_ result: FileResult) {
        let folder = TestPaths.repository.appendingPathComponent(".build/conformance")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = result.failures.joined(separator: "\n") + "\n"
        try? text.write(to: folder.appendingPathComponent("\(result.file).txt"), atomically: true, encoding: .utf8)
    }
}

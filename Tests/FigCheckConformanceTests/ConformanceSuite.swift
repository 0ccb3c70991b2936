import FigCheckCore
import FigCheckVerification
import Foundation
import TestSupport

/// One expected extraction of a suite, in the suite's own terms.
struct ExpectedItem: Equatable {
    /// Unicode-scalar span in the input, end exclusive.
    var span: Range<Int>?
    var surface: String
    /// The value, or nil when the suite expects none (a bare "percent").
    var value: Double?
    /// The unit name in the suite's vocabulary, when it names one.
    var unit: String?
    /// For ranges, the suite's interval notation ("[20,30)").
    var interval: String?
}

/// One case: an input and what must be found in it.
struct ConformanceCase {
    var file: String
    var index: Int
    var input: String
    var expected: [ExpectedItem]
}

/// A file's result.
struct FileResult {
    var file: String
    var total: Int
    var excluded: Int
    var passed: Int
    var failures: [String]

    var inScope: Int { total - excluded }
    var rate: Double { inScope == 0 ? 1 : Double(passed) / Double(inScope) }
}

/// Reads the suites and the committed exclusions and floors.
enum ConformanceData {
    static let directory = TestPaths.shared.appendingPathComponent("conformance")
    static let here = TestPaths.repository.appendingPathComponent("Tests/FigCheckConformanceTests")

    /// `file<TAB>case index<TAB>reason` lines; `#` starts a comment.
    static func exclusions() throws -> [String: [Int: String]] {
        let text = try String(contentsOf: here.appendingPathComponent("exclusions.tsv"), encoding: .utf8)
        var table: [String: [Int: String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3, let index = Int(fields[1]), !fields[2].isEmpty else { continue }
            table[fields[0], default: [:]][index] = fields[2]
        }
        return table
    }

    static func floors() throws -> [String: Double] {
        let data = try Data(contentsOf: here.appendingPathComponent("floors.json"))
        return try JSONDecoder().decode([String: Double].self, from: data)
    }

    /// The cases of a Recognizers-Text spec file.
    static func recognizers(_ name: String) throws -> [ConformanceCase] {
        let url = directory.appendingPathComponent("recognizers-text/\(name).json")
        guard let array = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] else { return [] }
        return array.enumerated().map { index, item in
            let input = item["Input"] as? String ?? ""
            let results = item["Results"] as? [[String: Any]] ?? []
            let expected = results.map { result -> ExpectedItem in
                let start = result["Start"] as? Int ?? 0
                let end = result["End"] as? Int ?? -1
                let resolution = result["Resolution"] as? [String: Any] ?? [:]
                let raw = resolution["value"] as? String
                var value: Double?
                var interval: String?
                if let raw {
                    if raw.hasSuffix("%") {
                        value = Double(raw.dropLast())
                    } else if raw.hasPrefix("[") || raw.hasPrefix("(") {
                        interval = raw
                    } else {
                        value = Double(raw)
                    }
                }
                return ExpectedItem(span: start..<(end + 1), surface: result["Text"] as? String ?? "", value: value,
                                    unit: resolution["unit"] as? String, interval: interval)
            }
            return ConformanceCase(file: name, index: index, input: input, expected: expected)
        }
    }

    /// The cases of quantulum3's quantities.json (spans: first occurrence of the surface).
    static func quantulum() throws -> [ConformanceCase] {
        let url = directory.appendingPathComponent("quantulum3/quantities.json")
        guard let array = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] else { return [] }
        return array.enumerated().map { index, item in
            let input = item["req"] as? String ?? ""
            let expected = (item["res"] as? [[String: Any]] ?? []).map { result -> ExpectedItem in
                let surface = result["surface"] as? String ?? ""
                var span: Range<Int>?
                if let range = input.range(of: surface) {
                    let start = input.unicodeScalars.distance(from: input.startIndex, to: range.lowerBound)
                    span = start..<(start + surface.unicodeScalars.count)
                }
                var value = (result["value"] as? NSNumber)?.doubleValue
                var interval: String?
                if let uncertainty = (result["uncertainty"] as? NSNumber)?.doubleValue, let center = value {
                    interval = "[\(center - uncertainty),\(center + uncertainty)]"
                    value = center - uncertainty
                }
                return ExpectedItem(span: span, surface: surface, value: value, unit: result["unit"] as? String,
                                    interval: interval)
            }
            return ConformanceCase(file: "quantulum3-quantities", index: index, input: input, expected: expected)
        }
    }
}

/// Converts UTF-8 byte offsets of a scan to Unicode-scalar offsets, as the suites count.
struct ScalarOffsets {
    private var table: [Int]

    init(_ text: String) {
        table = [Int](repeating: 0, count: text.utf8.count + 1)
        var scalarIndex = 0
        var byteIndex = 0
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            for offset in 0..<length { table[byteIndex + offset] = scalarIndex }
            byteIndex += length
            scalarIndex += 1
        }
        table[byteIndex] = scalarIndex
    }

    func range(_ bytes: Range<Int>) -> Range<Int> { table[bytes.lowerBound]..<table[bytes.upperBound] }
}

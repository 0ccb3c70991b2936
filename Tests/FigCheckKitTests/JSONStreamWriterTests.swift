import FigCheckCore
import FigCheckKit
import Foundation
import Testing
import TestSupport

/// The streaming JSON writer writes what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte: Foundation is the
/// oracle here, over awkward values and over the mentions of real documents.
@Suite("Streaming JSON")
struct JSONStreamWriterTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct Awkward: Encodable {
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[Double]] = [[], [1, 20.4], [1e-7, 1e16, 2.5e15, 123_456_789_012_345_680_000, 0.1, -0.0, 5e-324, -42]]
        var nothing: Double?
        var text = "quote \" backslash \\ slash / newline \n tab \t return \r \u{1} \u{1b} \u{8} \u{c} \u{7f} é \u{2028} 😀"
        var truth = true

        // A nil written as null, as the reports write their unknowns (the synthesised encoding leaves it out).
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(empty, forKey: .empty)
            try container.encode(emptyObject, forKey: .emptyObject)
            try container.encode(nested, forKey: .nested)
            try container.encode(nothing, forKey: .nothing)
            try container.encode(text, forKey: .text)
            try container.encode(truth, forKey: .truth)
        }

        enum CodingKeys: String, CodingKey {
            case empty, emptyObject, nested, nothing, text, truth
        }
    }

    @Test("awkward values: escapes, numbers near the exponent switch, empty and nested containers")
    func awkwardValues() throws {
        let value = Awkward()
        let written = JSONStreamWriter.string { json in
            json.beginObject()
            json.key("empty")
            json.beginArray()
            json.endArray()
            json.key("emptyObject")
            json.beginObject()
            json.endObject()
            json.key("nested")
            json.beginArray()
            for row in value.nested {
                json.beginArray()
                for number in row { json.number(number) }
                json.endArray()
            }
            json.endArray()
            json.key("nothing")
            json.number(value.nothing)
            json.key("text")
            json.string(value.text)
            json.key("truth")
            json.bool(value.truth)
            json.endObject()
        }
        #expect(written == (try Self.foundation(value)))
    }

    /// The schema of `figcheck mentions --format json`, as Foundation encodes it.
    struct MentionsBody: Encodable {
        struct Entry: Encodable {
            var text: String, location: TextLocation, kind: String, value: Double, decimal: String
            var low: Double?, high: Double?, rangeEnd: Double?, unit: String?, currency: String?, scale: String?
            var hedge: String, ambiguous: Bool, readings: [Double]?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(text, forKey: .text)
                try container.encode(location, forKey: .location)
                try container.encode(kind, forKey: .kind)
                try container.encode(value, forKey: .value)
                try container.encode(decimal, forKey: .decimal)
                try container.encode(low, forKey: .low)
                try container.encode(high, forKey: .high)
                try container.encode(rangeEnd, forKey: .rangeEnd)
                try container.encode(unit, forKey: .unit)
                try container.encode(currency, forKey: .currency)
                try container.encode(scale, forKey: .scale)
                try container.encode(hedge, forKey: .hedge)
                try container.encode(ambiguous, forKey: .ambiguous)
                try container.encode(readings, forKey: .readings)
            }

            enum CodingKeys: String, CodingKey {
                case text, location, kind, value, decimal, low, high, rangeEnd, unit, currency, scale, hedge, ambiguous, readings
            }
        }

        struct Ignored: Encodable {
            var text: String, location: TextLocation, reason: String
        }

        var source: String
        var mentions: [Entry]
        var ignored: [Ignored]

        init(_ analysis: DocumentAnalysis) {
            let document = analysis.document
            source = document.source
            mentions = analysis.mentions.map { mention in
                Entry(text: mention.text, location: document.location(of: mention.range), kind: mention.kind.rawValue,
                      value: mention.value, decimal: mention.decimalText, low: mention.low, high: mention.high,
                      rangeEnd: mention.rangeEnd, unit: mention.unit, currency: mention.currency, scale: mention.scale,
                      hedge: mention.hedge.rawValue, ambiguous: mention.ambiguous,
                      readings: mention.otherReading.map { [mention.value, $0] })
            }
            ignored = analysis.ignoredNumbers.map {
                Ignored(text: $0.text, location: document.location(of: $0.range), reason: $0.reason.rawValue)
            }
        }
    }

    @Test("the mentions of the seeds, the examples and every real-corpus text, as Foundation would write them")
    func mentionsOfRealDocuments() async throws {
        let corpus = try FileManager.default.contentsOfDirectory(atPath: TestPaths.shared.appendingPathComponent("corpus-real/A/texts").path)
            .sorted().map { TestPaths.shared.appendingPathComponent("corpus-real/A/texts/\($0)") }
        let examples = ["examples/rok-us-alliance-2025.txt", "examples/us-korea-alliance-at-70.md"]
            .map { TestPaths.repository.appendingPathComponent($0) }
        let files = [TestPaths.hansunSeed, TestPaths.pacificCouncilSeed] + examples + corpus
        #expect(files.count > 10)
        for file in files {
            let analysis = Pipeline.mentionsOnly.analyse(try await DocumentReader().read(file.path))
            #expect(MentionsReport.json(analysis) == (try Self.foundation(MentionsBody(analysis))), "\(file.lastPathComponent)")
        }
        // A longer document, handed over in chunks: the same bytes.
        let text = String(repeating: try String(contentsOf: TestPaths.hansunSeed, encoding: .utf8) + "\n\n", count: 8)
        let analysis = Pipeline.mentionsOnly.analyse(Document(source: "long.txt", format: .text, text: text,
                                                              sourceMap: .identity(Array(text.utf8)), metadata: DocumentMetadata()))
        var chunks: [[UInt8]] = []
        MentionsReport.writeJSON(analysis) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(String(decoding: chunks.joined(), as: UTF8.self) == MentionsReport.json(analysis))
    }
}

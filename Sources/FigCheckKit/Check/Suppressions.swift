import FigCheckCore
import Foundation

/// Inline suppression in documents, in HTML comments (which Markdown and HTML keep invisible):
///
///     <!-- figcheck:disable-next-line [RULE…] - reason -->
///     <!-- figcheck:disable [RULE…] -->  …  <!-- figcheck:enable [RULE…] -->
///
/// No rule means every rule. A suppression that hides nothing is itself reported
/// (`unused-suppression`), so stale ones do not pile up.
public struct Suppressions {
    struct Directive {
        enum Kind { case nextLine, disable, enable }
        var kind: Kind
        var rules: Set<String>
        var line: Int
        var column: Int
        var offset: Int
        var length: Int
        var text: String
    }

    /// A region of original lines where some rules are off, and the directive that made it.
    struct Region {
        var lines: ClosedRange<Int>
        var rules: Set<String>
        var directive: Int
    }

    let directives: [Directive]
    let regions: [Region]

    /// Whether `bytes` contain `<!--`. A plain loop: Foundation's generic `firstRange(of:)` cost
    /// 5% of a whole check of a 1 MB document.
    static func containsCommentOpening(_ bytes: [UInt8]) -> Bool {
        let open = UInt8(ascii: "<"), bang = UInt8(ascii: "!"), dash = UInt8(ascii: "-")
        var index = 0
        let end = bytes.count - 3
        while index < end {
            if bytes[index] == open, bytes[index + 1] == bang, bytes[index + 2] == dash, bytes[index + 3] == dash {
                return true
            }
            index += 1
        }
        return false
    }

    // Long: the comment-directive scanner (HTML, line and block comments; next-line, line and file scopes) over one
    // pass of the bytes.
    /// Reads the directives in a document's original bytes.
    public init(original: [UInt8]) {
        // Most documents have no comment at all: a byte search settles it before the text is
        // walked by characters to number its lines.
        guard Self.containsCommentOpening(original) else {
            directives = []
            regions = []
            return
        }
        var directives: [Directive] = []
        var nextLineTargets: [Int: Int] = [:]
        let text = String(decoding: original, as: UTF8.self)
        let marker = "<!--"
        var searchStart = text.startIndex
        var lineStarts: [String.Index] = [text.startIndex]
        for index in text.indices where text[index] == "\n" { lineStarts.append(text.index(after: index)) }
        func line(of index: String.Index) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
            }
            return low + 1
        }
        while let open = text.range(of: marker, range: searchStart..<text.endIndex) {
            guard let close = text.range(of: "-->", range: open.upperBound..<text.endIndex) else { break }
            searchStart = close.upperBound
            let body = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            guard body.hasPrefix("figcheck:") else { continue }
            // "figcheck:disable-next-line ratio-of-gdp rank - the 2023 base is intended"
            let withoutReason = body.components(separatedBy: " - ").first ?? body
            let words = withoutReason.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
            let kind: Directive.Kind
            switch words.first {
            case "figcheck:disable-next-line": kind = .nextLine
            case "figcheck:disable": kind = .disable
            case "figcheck:enable": kind = .enable
            default: continue
            }
            let startLine = line(of: open.lowerBound)
            let column = text[lineStarts[startLine - 1]..<open.lowerBound].count + 1
            directives.append(
                Directive(
                    kind: kind, rules: Set(words.dropFirst()), line: startLine, column: column,
                    offset: text.utf8.distance(from: text.startIndex, to: open.lowerBound),
                    length: text.utf8.distance(from: open.lowerBound, to: close.upperBound),
                    text: String(text[open.lowerBound..<close.upperBound])))
            if kind == .nextLine {
                // The next line with text after the comment's last line.
                var next = line(of: close.lowerBound) + 1
                while next <= lineStarts.count {
                    let start = lineStarts[next - 1]
                    let end = next < lineStarts.count ? lineStarts[next] : text.endIndex
                    if !text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { break }
                    next += 1
                }
                nextLineTargets[directives.count - 1] = next
            }
        }
        self.directives = directives
        // Regions: each disable runs to the matching enable (same rules, or any enable without rules) or the end.
        var regions: [Region] = []
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .nextLine:
                let target = nextLineTargets[index] ?? directive.line + 1
                regions.append(Region(lines: target...target, rules: directive.rules, directive: index))
            case .disable:
                let end =
                    directives[(index + 1)...].first { other in
                        other.kind == .enable
                            && (other.rules.isEmpty || !other.rules.isDisjoint(with: directive.rules)
                                || directive.rules.isEmpty)
                    }?.line ?? Int.max
                regions.append(
                    Region(lines: directive.line...max(directive.line, end), rules: directive.rules, directive: index))
            case .enable:
                continue
            }
        }
        self.regions = regions
    }

    /// The findings that remain, and one `unused-suppression` finding per directive that hid nothing.
    public func apply(to findings: [Finding]) -> (kept: [Finding], suppressed: Int, unused: [Finding]) {
        guard !regions.isEmpty else { return (findings, 0, []) }
        var used = Set<Int>()
        var kept: [Finding] = []
        for finding in findings {
            let region = regions.first { region in
                region.lines.contains(finding.location.line)
                    && (region.rules.isEmpty || region.rules.contains(finding.ruleId))
            }
            if let region {
                used.insert(region.directive)
            } else {
                kept.append(finding)
            }
        }
        let unused = regions.filter { !used.contains($0.directive) }.map { region -> Finding in
            let directive = directives[region.directive]
            let location = TextLocation(
                line: directive.line, column: directive.column, offset: directive.offset, length: directive.length)
            let rules = directive.rules.isEmpty ? "any rule" : directive.rules.sorted().joined(separator: ", ")
            return Finding(
                id: "unused-suppression@\(directive.line):\(directive.column)", ruleId: "unused-suppression",
                kind: "suppression",
                text: directive.text, sentence: directive.text, location: location,
                stated: StatedFigure(value: 0, unit: "none", low: 0, high: 0, hedge: "none"),
                about: ClaimSubject(entity: nil, indicator: nil, period: nil, scope: nil),
                verdict: .needsReview, severity: .warning, computed: nil,
                message: "This suppression (\(rules)) hides no finding; remove it or fix its rule names.", hints: [])
        }
        return (kept, findings.count - kept.count, unused)
    }
}

import FigCheckCore
import FigCheckData

/// "Eight members fall short: A (1.8%), B, C … and H." A count followed, in its sentence, by a
/// colon and the list it counts: the list is on the page, so the count is checked against it.
struct ListCountRule: ClaimRule {
    let id = "list-count"
    let kind = ClaimKind.count
    let summary = "A count of the list that follows it (\"three members: A, B and C\"), checked against the list"
    let triggeringExamples = [
        "«Three» states missed the deadline: Ohio, Utah and Iowa.",
        "«Four» allies still fall short of the goal: Spain (1.3%), Belgium (1.3%), Canada (1.4%) and Italy (1.5%).",
        "Top «3» exporters\n\nChina\nGermany\nJapan",
    ]
    let nonTriggeringExamples = [
        "«Five» members spend more, including: Poland, Estonia and Latvia.",
        "The plan has «three» parts: the first is a levy, the second a rebate, and the third a fund.",
        "Spending rose «3%» last year: Poland, Estonia and Latvia led.",
        "Top «3» exporters\n\nChina led the list this year, as it has for a decade.",
    ]

    /// Words that make what follows a part of the set, not all of it.
    static let partialWords: Set<String> = [
        "including", "include", "includes", "such", "among", "like", "notably", "e.g",
    ]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard [.count, .number].contains(mention.kind), mention.rangeEnd == nil, mention.value >= 2,
            mention.value <= 40,
            mention.value == mention.value.rounded(), mention.currency == nil
        else { return nil }
        if let items = headedList(context) {
            var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
            draft.listedItems = items
            return draft
        }
        let text = context.sentence.text
        let utf8 = Array(text.utf8)
        guard let colon = utf8[context.local.upperBound...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        // The counted noun right after the figure, nothing claimed between it and the colon.
        let between = context.sentence.words(in: context.local.upperBound..<max(context.local.upperBound, colon))
        guard !between.isEmpty, between.count <= 14, !between.contains(where: { Self.partialWords.contains($0.lower) })
        else { return nil }
        guard let items = Self.listItems(String(decoding: utf8[(colon + 1)...], as: UTF8.self)) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.listedItems = items
        return draft
    }

    /// "Top 3 exporters" (a heading) over a list of one name per line: the items of the paragraph
    /// that follows, when the heading is a few words that count them ("Top 3 …", "The 10 largest …")
    /// and every line of the list is a short name.
    private func headedList(_ context: MentionContext) -> [String]? {
        let words = context.sentence.words.map(\.lower)
        guard words.count <= 7,
            let position = context.sentence.words.firstIndex(where: { $0.range.lowerBound >= context.local.lowerBound })
        else { return nil }
        let before = words[..<position]
        let after = words[(position + 1)...].prefix(1)
        let superlative = after.first.map { $0.hasSuffix("est") } ?? false
        guard before.last == "top" || superlative else { return nil }
        let document = context.document
        var next = context.sentence.index + 1
        guard next < document.sentences.count, document.sentences[next].paragraph == context.sentence.paragraph + 1
        else { return nil }
        func lines(_ index: Int) -> [String] {
            document.sentences[index].text.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        // A Markdown table under the heading: the first cell of each body row.
        while next < document.sentences.count, document.sentences[next].table == nil,
            document.sentences[next].text.first == "|",
            next + 1 < document.sentences.count, next < context.sentence.index + 4
        {
            next += 1
        }
        if let body = document.sentences[next].table?.body {
            var names: [String] = []
            var index = next
            while index < document.sentences.count, document.sentences[index].table?.body == body {
                for line in lines(index) where line.hasPrefix("|") {
                    let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                    if cells.count > 1 { names.append(cells[1].trimmingWhitespace()) }
                }
                index += 1
            }
            return names.count >= 2
                && names.allSatisfy({ $0.first?.isUppercase == true && $0.split(separator: " ").count <= 5 })
                ? names : nil
        }
        // A table flattened to text: its header row stands alone (the delimiter row below it is
        // blank in the analysed text), and its body rows follow.
        if lines(next).count == 1, next + 1 < document.sentences.count,
            document.sentences[next + 1].paragraph == document.sentences[next].paragraph + 1, lines(next + 1).count >= 2
        {
            next += 1
        }
        let rows = lines(next)
        guard rows.count >= 2,
            rows.allSatisfy({ line in
                line.first?.isUppercase == true && line.split(separator: " ").count <= 5 && !line.hasSuffix(".")
            })
        else { return nil }
        // A table row's first cell is its name ("Spain  12": cells are apart by two spaces or more).
        return rows.map { row in row.components(separatedBy: "  ").first.map { $0.trimmingWhitespace() } ?? row }
    }

    /// The items of a list of names ("A (1.8%), B, C and D"), or nil when what follows is not one:
    /// each item starts with a capital letter and is a few words long.
    static func listItems(_ list: String) -> [String]? {
        let withoutFinalStop = list.trimmingWhitespace().trimmingSuffix(".")
        var parts = withoutFinalStop.split(separator: ",").map { String($0).trimmingWhitespace() }
        guard let last = parts.popLast() else { return nil }
        // The final "and" or "or" joins the last two.
        let tail = last.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " or ") }
        parts += tail.map { $0.trimmingWhitespace() }
        parts = parts.map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }
        guard parts.count >= 2, last.contains(" and ") || last.contains(" or ") || parts.count >= 3 else { return nil }
        for part in parts {
            // A name: a capital first letter, a few words, brackets aside ("Spain (1.28%)").
            let name = part.split(separator: "(").first.map { $0.trimmingWhitespace() } ?? ""
            guard let first = name.first, first.isUppercase,
                name.split(separator: " ").count <= 4
            else { return nil }
        }
        return parts
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

import FigCheckCore
import FigCheckData
import Synchronization

/// One sentence of a document with everything the claim rules look up in it: its words, the
/// entities, periods and indicator phrases it names, and where its clauses start.
package struct SentenceContext {
    /// A phrase naming an indicator, with its byte range in the sentence.
    package struct IndicatorCue {
        package var indicator: String
        var range: Range<Int>
        var text: String
    }

    var index: Int
    package var paragraph: Int
    /// Byte range in the analysed text.
    package var range: Range<Int>
    var text: String
    package var words: [SentenceWords.Word]
    var entities: [EntityFinder.Found]
    package var periods: [PeriodResolver.Found]
    package var cues: [IndicatorCue]
    /// Publishers and definitions the sentence cites ("NATO put …", "the IMF's estimate").
    var sources: [(source: String, range: Range<Int>)]
    /// Sentence-relative byte offsets where a new clause starts.
    var clauseStarts: [Int]
    /// Indices of the document's mentions inside the sentence.
    var mentionIndices: [Int]
    /// Sentence-relative starts of its figures other than years and dates, in order.
    var figureStarts: [Int]
    /// For a row of a Markdown table: its table's column headers and caption period.
    var table: TableLayout.Table?

    /// The header of the table column the sentence-relative `offset` falls in ("Tariff rate (%)"),
    /// when the sentence is a table row.
    func columnHeader(at offset: Int) -> String? {
        guard let table, text.first == "|" else { return nil }
        let column = text.utf8.prefix(offset).filter { $0 == UInt8(ascii: "|") }.count - 1
        return column >= 0 && column < table.headers.count ? table.headers[column] : nil
    }

    /// Words that start a new clause.
    static let clauseWords: Set<String> = [
        "and", "while", "whereas", "but", "then", "although", "though", "meaning",
        "which", "after", "before", "including", "excluding", "against",
    ]

    /// The clause a sentence-relative offset is in, as a byte range of the sentence.
    func clause(containing offset: Int) -> Range<Int> {
        var start = 0
        var end = text.utf8.count
        for boundary in clauseStarts {
            if boundary <= offset { start = boundary } else { end = boundary; break }
        }
        return start..<end
    }

    /// The words wholly inside `range` (sentence-relative).
    package func words(in range: Range<Int>) -> ArraySlice<SentenceWords.Word> {
        let first = indexOfFirstWord(startingAtOrAfter: range.lowerBound)
        return words[first..<max(first, endOfWords(endingAtOrBefore: range.upperBound))]
    }

    /// The words that end at or before the sentence-relative `offset`, in order.
    package func words(endingAtOrBefore offset: Int) -> ArraySlice<SentenceWords.Word> {
        words[..<endOfWords(endingAtOrBefore: offset)]
    }

    /// The words that start at or after the sentence-relative `offset`, in order.
    package func words(startingAtOrAfter offset: Int) -> ArraySlice<SentenceWords.Word> {
        words[indexOfFirstWord(startingAtOrAfter: offset)...]
    }

    // The words are in order and do not overlap, so both bounds rise with the index and a binary
    // search finds a stretch: the rules ask about every figure's surroundings, and a scan of the
    // whole sentence for each would grow with the square of a long sentence's figures.

    /// The index of the first word that starts at or after `offset` (`words.count` when none does).
    private func indexOfFirstWord(startingAtOrAfter offset: Int) -> Int {
        words.partitioningIndex { $0.range.lowerBound >= offset }
    }

    /// One past the index of the last word that ends at or before `offset`.
    private func endOfWords(endingAtOrBefore offset: Int) -> Int {
        words.partitioningIndex { $0.range.upperBound > offset }
    }
}

extension Array {
    /// The first index whose element satisfies `belongsToSecondPart`, for an array in which every
    /// element that does comes after every element that does not (binary search); `count` when none does.
    package func partitioningIndex(where belongsToSecondPart: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsToSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A mention in its sentence, with the questions the rules ask about its surroundings.
struct MentionContext {
    let mention: Mention
    let mentionIndex: Int
    let sentence: SentenceContext
    /// The mention's byte range relative to the sentence.
    let local: Range<Int>
    let clause: Range<Int>
    let document: DocumentContext

    init(mentionIndex: Int, sentence: SentenceContext, document: DocumentContext) {
        self.mentionIndex = mentionIndex
        mention = document.mentions[mentionIndex]
        self.sentence = sentence
        let start = max(0, mention.range.lowerBound - sentence.range.lowerBound)
        let end = min(sentence.text.utf8.count, mention.range.upperBound - sentence.range.lowerBound)
        local = start..<max(start, end)
        clause = sentence.clause(containing: start)
        self.document = document
    }

    /// Up to `count` words right before the mention, nearest last (within the sentence).
    func wordsBefore(_ count: Int) -> [String] {
        sentence.words(endingAtOrBefore: local.lowerBound).suffix(count).map(\.lower)
    }

    /// Up to `count` words right after the mention (within the sentence).
    func wordsAfter(_ count: Int) -> [String] {
        sentence.words(startingAtOrAfter: local.upperBound).prefix(count).map(\.lower)
    }

    /// The words of the mention's clause, lower case.
    var clauseWords: [String] { sentence.words(in: clause).map(\.lower) }

    /// The words of the whole sentence, lower case.
    var sentenceWords: [String] { sentence.words.map(\.lower) }

    func clauseHas(_ candidates: Set<String>) -> Bool { clauseWords.contains { candidates.contains($0) } }
    func sentenceHas(_ candidates: Set<String>) -> Bool { sentenceWords.contains { candidates.contains($0) } }

    /// Whether the words after the mention start with `phrase` (skipping "of", "the" where asked).
    func followedBy(_ phrase: [String], within limit: Int = 4) -> Bool {
        let after = wordsAfter(limit + phrase.count)
        guard after.count >= phrase.count else { return false }
        for offset in 0...(after.count - phrase.count) where offset <= limit {
            if Array(after[offset..<(offset + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// The sentence-relative stretch from the end of the previous figure of `kinds` (or the
    /// sentence start) to this figure: where "including …", "it" and "the rate" are looked for.
    func sincePreviousFigure(of kinds: Set<MentionKind>) -> Range<Int> {
        let previous = sentence.mentionIndices.map { document.mentions[$0] }
            .last { $0.range.upperBound <= mention.range.lowerBound && kinds.contains($0.kind) }
        let start = (previous?.range.upperBound ?? sentence.range.lowerBound) - sentence.range.lowerBound
        return start..<max(start, local.lowerBound)
    }

    /// The other mentions of the sentence, in order.
    var sentenceMentions: [Int] { sentence.mentionIndices }

    /// The indicator cues whose unit fits `units`, nearest first (same clause before others).
    func cues(units: Set<String>, knowledge: ClaimKnowledge) -> [SentenceContext.IndicatorCue] {
        // A phrase after the figure with another figure between belongs to that one ("$350 billion
        // … equals 18.7% of Korea's GDP": GDP is the percentage's base, not the amount).
        // The first figure that starts after this one (the starts are in order).
        let starts = sentence.figureStarts
        let next = starts.partitioningIndex { $0 >= local.upperBound }
        let nextFigureStart = next < starts.count ? starts[next] : Int.max
        let fitting = sentence.cues.filter { cue in
            guard knowledge.unit(of: cue.indicator).map({ units.contains($0) }) ?? false else { return false }
            if cue.range.lowerBound >= local.upperBound { return nextFigureStart >= cue.range.lowerBound }
            return true
        }
        // Same clause first, nearest first; outside it, a phrase before the figure (said earlier and
        // elided: "… and Japan $550 billion") before one after it (which belongs to the next figure).
        func rank(_ cue: SentenceContext.IndicatorCue) -> (Int, Int, Int) {
            (
                clause.overlaps(cue.range) ? 0 : 1,
                clause.overlaps(cue.range) || cue.range.upperBound <= local.lowerBound ? 0 : 1,
                distance(cue.range)
            )
        }
        return fitting.sorted { rank($0) < rank($1) }
    }

    /// Bytes between the mention and a sentence-relative range.
    func distance(_ range: Range<Int>) -> Int {
        if range.upperBound <= local.lowerBound { return local.lowerBound - range.upperBound }
        if range.lowerBound >= local.upperBound { return range.lowerBound - local.upperBound }
        return 0
    }
}

/// The document as the claim rules read it: sentences with their context, the mentions, the
/// publication date and subject.
/// A document's sentences, in order (a sentence's `index` is its place here). Debug builds count
/// every read, so a test can prove the claims layer reads each sentence a bounded number of times
/// however long the document (a look-up that scans every sentence per claim is quadratic).
package struct SentenceList: RandomAccessCollection, Sendable {
    private let storage: [SentenceContext]
    #if DEBUG
        /// Sentences read so far through this list (debug builds only).
        package let reads = ReadCounter()
    #endif

    init(_ sentences: [SentenceContext]) {
        storage = sentences
    }

    package var startIndex: Int { storage.startIndex }
    package var endIndex: Int { storage.endIndex }

    package subscript(position: Int) -> SentenceContext {
        #if DEBUG
            reads.count.add(1, ordering: .relaxed)
        #endif
        return storage[position]
    }
}

#if DEBUG
    /// A count shared by the copies of a `SentenceList`.
    package final class ReadCounter: Sendable {
        package let count = Atomic<Int>(0)
    }
#endif

package struct DocumentContext {
    let text: String
    let mentions: [Mention]
    package let sentences: SentenceList
    let date: CalendarDate?
    let subject: String?
    let periodResolver: PeriodResolver
    /// The earliest calendar year an event sentence names ("the alliance, signed in 1953"), by
    /// each word of those sentences: an anniversary finds its event's year by the event's name in
    /// one look-up, so checking every anniversary of a long report stays linear.
    package let eventYearsByWord: [String: EventYear]

    /// A year an event sentence gives, and the words that give it.
    package struct EventYear {
        package let year: Int
        package let text: String
    }

    /// Words that mark a sentence as dating an event ("founded", "signed in 1953", "since 1950").
    package static let eventVerbs: Set<String> = [
        "founded", "established", "signed", "cemented", "formed", "created", "since",
        "began", "annexed", "liberated", "freed", "ended", "forged", "concluded", "born",
    ]

    /// Splits and reads the sentences; stops early when `budget` is spent (the pipeline then gives
    /// the document up).
    // Long: the document's reading in order (sentences, words, paragraphs, periods, entities), each step using the
    // ones before, within one budget.
    init(
        text: String, mentions: [Mention], date: CalendarDate?, subject: String?, knowledge: ClaimKnowledge,
        budget: WorkBudget = .unlimited
    ) {
        self.text = text
        self.mentions = mentions
        self.date = date
        self.subject = subject
        periodResolver = PeriodResolver(documentDate: date)
        let finder = EntityFinder(directory: knowledge.directory, subject: subject)
        let bytes = Array(text.utf8)
        var tables = TableLayout.tables(in: bytes)
        var tableCursor = 0
        var sentences: [SentenceContext] = []
        var mentionCursor = 0
        for (index, sentence) in Self.boundedSentences(SentenceSplitter().sentences(in: text), bytes: bytes)
            .enumerated()
        {
            if budget.isSpent { break }
            let sentenceText = String(decoding: bytes[sentence.range], as: UTF8.self)
            let words = SentenceWords(sentenceText).words
            while tableCursor < tables.count, tables[tableCursor].body.upperBound <= sentence.range.lowerBound {
                tableCursor += 1
            }
            var table =
                tableCursor < tables.count && tables[tableCursor].body.contains(sentence.range.lowerBound)
                ? tables[tableCursor] : nil
            if table != nil, table?.captionPeriod == nil, let caption = table?.caption {
                // The caption's date ("status on August 1, 2025") is the rows' period.
                let found = PeriodResolver(documentDate: date).periods(
                    in: String(decoding: bytes[caption], as: UTF8.self))
                table?.captionPeriod = found.count == 1 ? found[0] : nil
                tables[tableCursor] = table ?? tables[tableCursor]
            }
            while mentionCursor < mentions.count, mentions[mentionCursor].range.lowerBound < sentence.range.lowerBound {
                mentionCursor += 1
            }
            var inside: [Int] = []
            var cursor = mentionCursor
            while cursor < mentions.count, mentions[cursor].range.lowerBound < sentence.range.upperBound {
                inside.append(cursor)
                cursor += 1
            }
            // Entities, indicator phrases and publishers in every sentence: a figure may point back
            // to the measure and partner the sentence before it names ("the gap with China …
            // has ballooned. X puts it at $10 billion"). Periods wherever there are mentions (an
            // anniversary looks for its event year in any sentence).
            // Words of a publisher's name name no measure ("the International Trade Commission").
            let sources = Self.sources(in: words, knowledge: knowledge)
            let cues = Self.cues(in: words, knowledge: knowledge).filter { cue in
                !sources.contains { $0.range.overlaps(cue.range) }
            }
            sentences.append(
                SentenceContext(
                    index: index, paragraph: sentence.paragraph, range: sentence.range, text: sentenceText,
                    words: words,
                    entities: finder.entities(inWords: words),
                    periods: inside.isEmpty ? [] : PeriodResolver(documentDate: date).periods(inWords: words),
                    cues: cues, sources: sources,
                    clauseStarts: Self.clauseStarts(in: sentenceText, words: words),
                    mentionIndices: inside,
                    figureStarts: inside.filter { ![.year, .date].contains(mentions[$0].kind) }
                        .map { mentions[$0].range.lowerBound - sentence.range.lowerBound },
                    table: table))
        }
        self.sentences = SentenceList(sentences)
        var eventYearsByWord: [String: EventYear] = [:]
        for sentence in self.sentences {
            guard let year = sentence.periods.first(where: { $0.period.count == 4 && !$0.relative }) else { continue }
            let words = Set(sentence.words.map(\.lower))
            guard !words.isDisjoint(with: Self.eventVerbs) else { continue }
            // The earliest year wins; of equal years, the first sentence's words.
            for word in words where eventYearsByWord[word].map({ year.first.year < $0.year }) ?? true {
                eventYearsByWord[word] = EventYear(year: year.first.year, text: year.text)
            }
        }
        self.eventYearsByWord = eventYearsByWord
    }

    /// The longest sentence read as one; longer runs (a table flattened to one line, a hostile
    /// input) are cut at spaces into pieces of about this size, keeping the reading linear.
    static let maximumSentenceBytes = 2_000

    static func boundedSentences(_ sentences: [SentenceSplitter.Sentence], bytes: [UInt8]) -> [SentenceSplitter
        .Sentence]
    {
        guard sentences.contains(where: { $0.range.count > maximumSentenceBytes }) else { return sentences }
        var bounded: [SentenceSplitter.Sentence] = []
        for sentence in sentences {
            var start = sentence.range.lowerBound
            while sentence.range.upperBound - start > maximumSentenceBytes {
                var cut = start + maximumSentenceBytes / 2
                while cut < start + maximumSentenceBytes, bytes[cut] != UInt8(ascii: " ") { cut += 1 }
                // No space in the window: cut at a character boundary.
                while cut < sentence.range.upperBound, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                bounded.append(SentenceSplitter.Sentence(range: start..<cut, paragraph: sentence.paragraph))
                start = cut
            }
            bounded.append(
                SentenceSplitter.Sentence(range: start..<sentence.range.upperBound, paragraph: sentence.paragraph))
        }
        return bounded
    }

    /// Lexicon phrases in the sentence, longest match first at each word.
    static func cues(in words: [SentenceWords.Word], knowledge: ClaimKnowledge) -> [SentenceContext.IndicatorCue] {
        var found: [SentenceContext.IndicatorCue] = []
        // Words that state a basis ("inflation-adjusted") name no measure ("inflation").
        var basisWords = Set<Int>()
        for (start, word) in words.enumerated() where knowledge.basisFirstWords.mayContain(word.lowerHash) {
            for phrase in knowledge.basisPhrasesByFirstWord[word.lower] ?? []
            where start + phrase.count <= words.count
                && zip(words[start..<(start + phrase.count)], phrase).allSatisfy({ $0.lower == $1 })
            {
                basisWords.formUnion(start..<(start + phrase.count))
            }
        }
        var index = 0
        while index < words.count {
            if basisWords.contains(index) {
                index += 1
                continue
            }
            var matched = 0
            guard knowledge.cueFirstWords.mayContain(words[index].lowerHash) else {
                index += 1
                continue
            }
            // The longest phrase wins ("GDP per capita", not also "GDP"); phrases of one length that
            // name several indicators are all kept.
            for cue in knowledge.cuesByFirstWord[words[index].lower] ?? []
            where index + cue.words.count <= words.count
                && (matched == 0 || cue.words.count == matched)
            {
                let slice = words[index..<(index + cue.words.count)]
                if zip(slice, cue.words).allSatisfy({ $0.lower == $1 }) {
                    let last = slice[slice.index(before: slice.endIndex)]
                    found.append(
                        .init(
                            indicator: cue.indicator,
                            range: slice[slice.startIndex].range.lowerBound..<last.range.upperBound,
                            text: slice.map(\.text).joined(separator: " ")))
                    matched = max(matched, cue.words.count)
                }
            }
            index += max(1, matched)
        }
        return found
    }

    /// Words after a publisher's name that make it a group, not a source ("NATO members").
    static let groupWords: Set<String> = [
        "members", "member", "countries", "allies", "states", "nations", "summit", "summits",
        "partners", "economies",
    ]

    /// The publishers the sentence names, matched case-sensitively on whole words.
    static func sources(in words: [SentenceWords.Word], knowledge: ClaimKnowledge) -> [(
        source: String, range: Range<Int>
    )] {
        var matches: [(order: Int, start: Int, end: Int, source: String)] = []
        for (start, word) in words.enumerated() where knowledge.sourceFirstWords.mayContain(word.lowerHash) {
            for name in knowledge.sourcesByFirstWord[word.text] ?? []
            where start + name.words.count <= words.count
                && zip(words[start..<(start + name.words.count)], name.words).allSatisfy({ $0.text == $1 })
            {
                let end = start + name.words.count
                if end < words.count, !words[end - 1].possessive, groupWords.contains(words[end].lower) { continue }
                matches.append((name.order, start, end, name.source))
            }
        }
        // Longest name first, then in reading order: a shorter name inside a longer one is not a second source.
        var found: [(source: String, range: Range<Int>)] = []
        for match in matches.sorted(by: { ($0.order, $0.start) < ($1.order, $1.start) }) {
            let range = words[match.start].range.lowerBound..<words[match.end - 1].range.upperBound
            if !found.contains(where: { $0.range.overlaps(range) }) { found.append((match.source, range)) }
        }
        return found
    }

    /// Clause starts: after , ; : ( — – and before the clause words.
    static func clauseStarts(in sentence: String, words: [SentenceWords.Word]) -> [Int] {
        // Both lists come out ascending and without repeats; they are merged below.
        var afterPunctuation: [Int] = []
        var text = sentence
        text.withUTF8 { bytes in
            for offset in bytes.indices {
                switch bytes[offset] {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: "|"):
                    afterPunctuation.append(offset + 1)
                // An em or en dash: E2 80 94 or E2 80 93 in UTF-8.
                case 0xE2
                where offset + 2 < bytes.count && bytes[offset + 1] == 0x80
                    && (bytes[offset + 2] == 0x93 || bytes[offset + 2] == 0x94):
                    afterPunctuation.append(offset + 3)
                default:
                    break
                }
            }
        }
        let beforeWords = words.lazy.filter {
            clauseWordFilter.mayContain($0.lowerHash) && SentenceContext.clauseWords.contains($0.lower)
        }.map(\.range.lowerBound)
        var starts: [Int] = []
        starts.reserveCapacity(afterPunctuation.count + 4)
        var punctuation = afterPunctuation.makeIterator()
        var nextPunctuation = punctuation.next()
        for start in beforeWords {
            while let candidate = nextPunctuation, candidate <= start {
                if candidate < start { starts.append(candidate) }
                nextPunctuation = punctuation.next()
            }
            starts.append(start)
        }
        while let candidate = nextPunctuation {
            starts.append(candidate)
            nextPunctuation = punctuation.next()
        }
        return starts
    }

    /// `SentenceContext.clauseWords` as a filter, for the quick "no" most words get.
    static let clauseWordFilter = WordFilter(lowercasedWords: SentenceContext.clauseWords)
}

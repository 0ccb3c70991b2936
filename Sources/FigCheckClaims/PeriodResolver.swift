import FigCheckCore

/// Reads the periods a sentence speaks of, resolving relative ones against the document date:
/// "in 2020", "last year", "this March", "in April", "the first half of 2025", "H1 2025",
/// "the third quarter", "as of the July agreement", "May 14, 2025".
package struct PeriodResolver: Sendable {
    /// A period named in a sentence.
    package struct Found: Sendable, Equatable {
        /// The period key as the reference tables write it: "2024", "2025-H1", "2025-Q3", "2025-04",
        /// "2025-05-14".
        package var period: String
        package var first: CalendarDate
        package var last: CalendarDate
        /// The words as written and their byte range in the sentence.
        package var text: String
        package var range: Range<Int>
        /// Resolved against the document date ("last year"); false for "2024".
        package var relative: Bool
    }

    /// The publication date relative periods are resolved against.
    package let documentDate: CalendarDate?

    /// Creates a resolver.
    package init(documentDate: CalendarDate?) {
        self.documentDate = documentDate
    }

    /// The latest full calendar year before the document date: the default period of a figure
    /// that names none.
    package var defaultYear: Int? {
        documentDate.map { $0.year - 1 }
    }

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    static let ordinalWords: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]

    /// The periods of `sentence`, in order.
    package func periods(in sentence: String) -> [Found] {
        periods(inWords: SentenceWords(sentence).words)
    }

    /// The periods named by a sentence's words (as `SentenceWords` splits them), in order.
    package func periods(inWords words: [SentenceWords.Word]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < words.count {
            if let (period, length) = period(at: index, in: words) {
                found.append(period)
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    // Long: the period phrases a word can start, tried in order over the same words, each a few lines.
    private func period(at index: Int, in words: [SentenceWords.Word]) -> (Found, Int)? {
        let word = words[index].lower
        func next(_ offset: Int) -> String? { index + offset < words.count ? words[index + offset].lower : nil }
        func make(_ period: String, _ first: CalendarDate?, _ last: CalendarDate?, length: Int, relative: Bool) -> (
            Found, Int
        )? {
            guard let first, let last else { return nil }
            let range = words[index].range.lowerBound..<words[index + length - 1].range.upperBound
            let text = words[index..<(index + length)].map(\.text).joined(separator: " ")
            return (
                Found(period: period, first: first, last: last, text: text, range: range, relative: relative), length
            )
        }
        // "the first half of 2025", "the second half of the year", "the third quarter of 2024".
        if let part = Self.ordinalWords[word], let unit = next(1), unit == "half" || unit == "quarter" {
            var year = documentDate?.year
            var length = 2
            if next(2) == "of", let yearWord = next(3), let explicit = Self.year(yearWord) {
                year = explicit
                length = 4
            } else if next(2) == "of", next(3) == "the", next(4) == "year" {
                length = 5
            }
            guard let year else { return nil }
            if unit == "half", part <= 2 {
                return make(
                    "\(year)-H\(part)", CalendarDate(year: year, month: part == 1 ? 1 : 7, day: 1),
                    CalendarDate(year: year, month: part == 1 ? 6 : 12, day: part == 1 ? 30 : 31),
                    length: length, relative: length < 4)
            }
            if unit == "quarter" {
                let lastMonth = part * 3
                return make(
                    "\(year)-Q\(part)", CalendarDate(year: year, month: lastMonth - 2, day: 1),
                    CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year)),
                    length: length, relative: length < 4)
            }
        }
        // "H1 2025", "Q3 2024".
        if word.count == 2, let letter = word.first, letter == "h" || letter == "q", let part = Int(word.dropFirst()),
            let yearWord = next(1), let year = Self.year(yearWord)
        {
            let key = letter == "h" ? "\(year)-H\(part)" : "\(year)-Q\(part)"
            let months = letter == "h" ? 6 : 3
            let lastMonth = part * months
            guard part >= 1, lastMonth <= 12 else { return nil }
            return make(
                key, CalendarDate(year: year, month: lastMonth - months + 1, day: 1),
                CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year)),
                length: 2, relative: false)
        }
        // "last year", "this year", "next year", "last month", "this month".
        if ["last", "this", "next", "previous"].contains(word), let unit = next(1), let date = documentDate {
            let shift = word == "last" || word == "previous" ? -1 : (word == "next" ? 1 : 0)
            if unit == "year" || unit == "year's" {
                let year = date.year + shift
                return make(
                    "\(year)", CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year, month: 12, day: 31),
                    length: 2, relative: true)
            }
            if unit == "month" {
                var month = date.month + shift
                var year = date.year
                if month < 1 { month = 12; year -= 1 }
                if month > 12 { month = 1; year += 1 }
                return monthPeriod(year: year, month: month, index: index, length: 2, words: words)
            }
            if let month = Self.months[unit] {
                // "this March": March of the document's year; "last March": the March before.
                let year = shift == 0 ? date.year : (month < date.month && shift < 0 ? date.year : date.year + shift)
                return monthPeriod(year: year, month: month, index: index, length: 2, words: words)
            }
        }
        // Month names: "May 14, 2025", "April 2025", "in April" (the most recent April).
        if let month = Self.months[word], let first = words[index].text.first, first.isUppercase {
            if let dayWord = next(1), let day = Int(dayWord), (1...31).contains(day) {
                let explicitYear = next(2).flatMap(Self.year)
                let year = explicitYear ?? mostRecentYear(ofMonth: month)
                guard let year, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
                return make(
                    date.description, date, date, length: explicitYear == nil ? 2 : 3, relative: explicitYear == nil)
            }
            if let yearWord = next(1), let year = Self.year(yearWord) {
                return monthPeriod(year: year, month: month, index: index, length: 2, words: words, relative: false)
            }
            guard let year = mostRecentYear(ofMonth: month) else { return nil }
            return monthPeriod(year: year, month: month, index: index, length: 1, words: words)
        }
        // A bare year: "in 2020".
        if let year = Self.year(word) {
            return make(
                "\(year)", CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year, month: 12, day: 31),
                length: 1, relative: false)
        }
        return nil
    }

    private func monthPeriod(
        year: Int, month: Int, index: Int, length: Int, words: [SentenceWords.Word],
        relative: Bool = true
    ) -> (Found, Int)? {
        guard let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else {
            return nil
        }
        let key = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        let range = words[index].range.lowerBound..<words[index + length - 1].range.upperBound
        let text = words[index..<(index + length)].map(\.text).joined(separator: " ")
        return (Found(period: key, first: first, last: last, text: text, range: range, relative: relative), length)
    }

    /// The year of the latest such month on or before the document date.
    private func mostRecentYear(ofMonth month: Int) -> Int? {
        guard let date = documentDate else { return nil }
        return month <= date.month ? date.year : date.year - 1
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1800...2199).contains(year) else { return nil }
        return year
    }
}

import FigCheckCore

/// Dates written with month names: "May 1, 2023", "on August 18", "1 May 2023", "November 1989".
extension ScanSession {
    /// A capitalised month name followed by a day and optionally a year, or by a year.
    mutating func monthDate(at index: Int) -> Int? {
        guard let word = word(index), let month = ScannerLexicon.months[word],
            let first = text(of: index).first, first.isUppercase,
            let dayIndex = next(after: index), isDigits(dayIndex)
        else { return nil }
        if isSymbol(index + 1, ".") && word.count > 3 { return nil }
        let number = digitsValue(dayIndex)
        if tokens[dayIndex].length == 4, (1000...2199).contains(number) {
            recordMonth(year: number, month: month, first: index, last: dayIndex)
            return dayIndex + 1
        }
        guard tokens[dayIndex].length <= 2, (1...31).contains(number) else { return nil }
        var last = dayIndex
        if let suffix = self.word(dayIndex + 1), adjacent(dayIndex, dayIndex + 1),
            ScannerLexicon.ordinalSuffixes.contains(suffix)
        {
            last = dayIndex + 1
        }
        var year: Int?
        var comma = last + 1
        if isSymbol(comma, ",") { comma += 1 }
        if let yearIndex = next(after: comma - 1), isDigits(yearIndex), tokens[yearIndex].length == 4,
            (1000...2199).contains(digitsValue(yearIndex))
        {
            year = digitsValue(yearIndex)
            last = yearIndex
        }
        recordDay(year: year, month: month, day: number, first: index, last: last)
        return last + 1
    }

    /// "1 May 2023", "15 August 1945".
    mutating func dayMonthDate(at index: Int) -> Int? {
        guard tokens[index].length <= 2, let monthIndex = next(after: index), let word = word(monthIndex),
            let month = ScannerLexicon.months[word], let first = text(of: monthIndex).first, first.isUppercase,
            true
        else { return nil }
        let day = digitsValue(index)
        guard (1...31).contains(day), !adjacent(index, monthIndex) else { return nil }
        var year: Int?
        var last = monthIndex
        if let yearIndex = next(after: monthIndex), isDigits(yearIndex), tokens[yearIndex].length == 4,
            (1000...2199).contains(digitsValue(yearIndex))
        {
            year = digitsValue(yearIndex)
            last = yearIndex
        }
        guard year != nil || month != 5 else { return nil }  // "3 May" alone may be a verb phrase
        recordDay(year: year, month: month, day: day, first: index, last: last)
        return last + 1
    }

    private mutating func recordDay(year: Int?, month: Int, day: Int, first: Int, last: Int) {
        let range = tokens[first].start..<tokens[last].end
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        let iso = (year.map { "\($0)" } ?? "-") + "-\(monthText)-\(dayText)"
        let value = Double((year ?? 0) * 10_000 + month * 100 + day)
        mentions.append(
            Mention(
                range: range, numberRange: range, text: text(range), kind: .date, value: value,
                decimalText: iso, low: value, high: value, unit: "date", currency: nil, scale: nil,
                hedge: .none, hedgeText: nil, rangeEnd: nil))
    }

    private mutating func recordMonth(year: Int, month: Int, first: Int, last: Int) {
        let range = tokens[first].start..<tokens[last].end
        let value = Double(year * 10_000 + month * 100)
        let iso = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        mentions.append(
            Mention(
                range: range, numberRange: range, text: text(range), kind: .date, value: value,
                decimalText: iso, low: value, high: value, unit: "month", currency: nil, scale: nil,
                hedge: .none, hedgeText: nil, rangeEnd: nil))
    }
}

import FigCheckCore

/// "on Wednesday, July 30, 2025"; "published on 23 January": a date the text gives an event.
/// A weekday said with it is checked against the calendar (every operand is on the page); other
/// dates are claims no bundled table dates, and say so.
package struct DateRule: ClaimRule {
    let id = "date-of-event"
    let kind = ClaimKind.dateArithmetic
    let summary = "Dates of events; a weekday said with a date is checked against the calendar"
    let triggeringExamples = [
        "The agreement was signed on Wednesday, «July 30, 2025», in Washington.",
        "The paper's website carried the story on «23 January», a day before print.",
        "The agency published the figures on Wednesday morning («1»), as planned.",
        "Ministers met yesterday («June 3») to settle the budget.",
        "Talks opened on June 3, 2025. They ended a day later, on «June 4», without a deal.",
    ]
    let nonTriggeringExamples = [
        "Exports rose «5%» in the first quarter of the year.",
        "The treaty was signed in «1953» after three years of war.",
        "The agency published the figures on Wednesday in table («1»), as planned.",
    ]
    /// Days counted from the dateline by a word ("yesterday (June 3)").
    static let relativeDays: [String: Int] = ["yesterday": -1, "today": 0, "tomorrow": 1]
    package static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        if let dayInBrackets = dayAfterWeekday(context) { return dayInBrackets }
        // Day-precision dates in prose; a dateline or a list of titles is not a claim.
        let relative = Self.daysFromDateline(context)
        guard mention.kind == .date, mention.unit == "date", context.sentence.words.count >= 6 || relative != nil else {
            return nil
        }
        // "2025-07-30", or "--01-23" for a day and month without a year.
        let parts = mention.decimalText.split(separator: "-", omittingEmptySubsequences: true)
        guard parts.count == 2 || parts.count == 3, let month = Int(parts[parts.count - 2]),
            let day = Int(parts[parts.count - 1])
        else { return nil }
        let yearSaid = parts.count == 3 ? Int(parts[0]) : nil
        guard let year = yearSaid ?? context.document.date?.year,
            let date = CalendarDate(year: year, month: month, day: day)
        else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.statedDate = date
        draft.period = PeriodChoice(
            key: date.description, first: date, last: date, resolution: yearSaid == nil ? .guessed : .said)
        if let before = context.wordsBefore(1).first, let weekday = Self.weekdays.firstIndex(of: before) {
            draft.statedWeekday = weekday
        }
        // "The summit ended a day later, on June 6": a date counted from the date said before it.
        let before = context.wordsBefore(5)
        if let later = before.lastIndex(of: "later"), later >= 2,
            before.dropFirst(later + 1).allSatisfy({ $0 == "on" }),
            let unitDays = ["day": 1, "days": 1, "week": 7, "weeks": 7][before[later - 1]],
            let count = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7][
                before[later - 2]],
            let previous = drafts.last(where: { $0.statedDate != nil && $0.sentenceIndex >= context.sentence.index - 1 }
            ),
            let previousDate = previous.statedDate
        {
            draft.countedFrom = (previousDate, count * unitDays, before[(later - 2)...later].joined(separator: " "))
        }
        // "met yesterday (June 3)": the date glossing a day counted from the dateline.
        if let relative, context.local.lowerBound > 0,
            context.sentence.text.utf8.dropFirst(context.local.lowerBound - 1).first == UInt8(ascii: "(")
        {
            draft.daysFromDateline = relative
        }
        return draft
    }

    /// The days from the dateline the word before a date allows ("yesterday", "last week": the
    /// Monday to Sunday before the dateline's week), and the word.
    static func daysFromDateline(_ context: MentionContext) -> (days: ClosedRange<Int>, word: String)? {
        if let word = context.wordsBefore(1).first, let days = relativeDays[word] { return (days...days, word) }
        guard context.wordsBefore(2) == ["last", "week"], let dateline = context.document.date else { return nil }
        let weekday = ((dateline.dayNumber % 7) + 7) % 7
        return ((-weekday - 7)...(-weekday - 1), "last week")
    }

    /// "on Friday morning (7)": the day of the month in brackets after a weekday (a house style of
    /// some newsrooms), in the month of the document's date, or the month before when the day is
    /// later than the dateline's. The month is inferred, so a wrong weekday is for review.
    private func dayAfterWeekday(_ context: MentionContext) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .number, mention.scale == nil, mention.value >= 1, mention.value <= 31,
            mention.value == mention.value.rounded(), let dateline = context.document.date
        else { return nil }
        let bytes = Array(context.sentence.text.utf8)
        guard context.local.lowerBound > 0, context.local.upperBound < bytes.count,
            bytes[context.local.lowerBound - 1] == UInt8(ascii: "("),
            bytes[context.local.upperBound] == UInt8(ascii: ")")
        else { return nil }
        let before = context.wordsBefore(2)
        let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]
        guard let weekdayWord = before.last.flatMap({ partsOfDay.contains($0) ? before.dropLast().last : $0 }),
            let weekday = Self.weekdays.firstIndex(of: weekdayWord)
        else { return nil }
        let day = Int(mention.value)
        var month = (year: dateline.year, month: dateline.month)
        if day > dateline.day { month = month.month == 1 ? (month.year - 1, 12) : (month.year, month.month - 1) }
        guard let date = CalendarDate(year: month.year, month: month.month, day: day) else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.statedDate = date
        draft.statedWeekday = weekday
        draft.period = PeriodChoice(key: date.description, first: date, last: date, resolution: .guessed)
        return draft
    }
}

import FigCheckCore

/// "110 trillion yuan ($15 trillion)"; "$36,239 (about 5.373 million won)"; "BRL 11.7 trillion
/// [USD 2 trillion]": an amount restated in another currency right after it. The claim is the
/// conversion, checked against the exchange rates of the figure's period (never against a table
/// of the amount itself, which is the first figure's claim).
struct ConversionRule: ClaimRule {
    let id = "currency-conversion"
    let kind = ClaimKind.conversion
    let summary =
        "An amount restated in another currency, checked against the exchange rates from the figure's period to the document date"
    let triggeringExamples = [
        "The economy first passed 90 trillion yuan «($12.9 trillion)» in 2018.",
        "Income per head reached $31,000 «(about 41 million won)» last year.",
        "Output came to BRL 9.9 trillion «[USD 1.9 trillion]».",
    ]
    let nonTriggeringExamples = [
        "Japan pledged «$550 billion», and Korea $350 billion.",
        "The budget was 61 trillion won, or «6.1%» more than a year before.",
    ]
    /// What may stand between an amount and its conversion besides spaces.
    static let joiners: Set<String> = ["", "(", "[", "or", ",", "—", "–", "=", "about"]

    func draft(_ context: MentionContext, knowledge: ClaimKnowledge, drafts: ArraySlice<ClaimDraft>) -> ClaimDraft? {
        let mention = context.mention
        guard mention.kind == .currency, let currency = mention.currency else { return nil }
        let mentions = context.document.mentions
        guard context.mentionIndex > 0 else { return nil }
        let previous = mentions[context.mentionIndex - 1]
        guard previous.kind == .currency, let from = previous.currency, from != currency,
            from == "USD" || currency == "USD",
            previous.range.upperBound <= mention.range.lowerBound,
            context.sentence.range.contains(previous.range.lowerBound)
        else { return nil }
        let bytes = Array(context.document.text.utf8)
        let between = String(decoding: bytes[previous.range.upperBound..<mention.range.lowerBound], as: UTF8.self)
            .trimmingWhitespace().lowercased()
        guard Self.joiners.contains(between) else { return nil }
        // The converted figure sits in brackets, or after "or": "(about 5 million won)", "[USD 2 trillion]".
        let opened =
            mention.text.hasPrefix("(") || mention.text.hasPrefix("[") || ["(", "[", "or", "="].contains(between)
        guard opened, previous.rangeEnd == nil else { return nil }
        var draft = ClaimDraft(ruleId: id, kind: kind, context: context)
        draft.convertedFrom = previous
        let other = currency == "USD" ? from : currency
        let rates = knowledge.frames.currencies[other]
        draft.entity = rates?.fxEntity
        draft.indicator = rates?.fxIndicator
        if draft.entity == nil || draft.indicator == nil {
            draft.unverifiableReason = "no bundled exchange rate for \(other)"
        }
        // The period sets the window of rates: the figure's own, else the converted amount's claim.
        draft.period = context.resolvePeriod(drafts: drafts)
        if draft.period?.resolution != .said, let source = drafts.last(where: { $0.mention.range == previous.range }),
            let period = source.period, [.said, .carried].contains(period.resolution)
        {
            draft.period = period
        }
        if draft.period?.resolution != .said { draft.period?.resolution = .guessed }
        return draft
    }
}

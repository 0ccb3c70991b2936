/// How one slot of a claim's frame (its entity, measure or period) was filled, from the most
/// explicit to the least. Only claims whose slots are said, in the sentence or carried by a word
/// pointing back may be judged inconsistent.
package enum SlotEvidence: String, Codable, Sendable, CaseIterable {
    /// In the figure's own phrase or clause (an entity or period: in its sentence).
    case said
    /// Named elsewhere in the sentence, not in the figure's clause.
    case inSentence = "in_sentence"
    /// Carried from an earlier sentence by a word pointing back ("that figure", "it", an ellipsis).
    case carried
    /// The documented default (the latest full year before the document date).
    case defaulted
    /// A guess among several readings.
    case guessed
}

/// One slot of a claim's frame: what the text says it is, and how that was found.
package struct FrameSlot: Codable, Sendable, Equatable {
    package var value: String
    package var evidence: SlotEvidence

    /// Creates a slot.
    package init(_ value: String, _ evidence: SlotEvidence) {
        self.value = value
        self.evidence = evidence
    }
}

/// What a claim asserts, by kind, with the parts its kind has and no others.
package enum ClaimReading: Sendable, Equatable, Encodable {
    /// A figure of the measure for the entity and period.
    case value
    /// An amount over a denominator measure ("20.4% of GDP"): the numerator's parts as the text
    /// gives them (stated figures or measures looked up) and the denominator measure.
    case ratio(numerator: [String], denominator: String)
    /// A share of a whole going to a partner.
    case share(partner: String?)
    /// A rate in force on a date or in a period; direction +1 raised, −1 cut, 0 unsaid.
    case rateInForce(direction: Int)
    /// A relation between figures of the text ("three times", "fell by 40 percent").
    case relation(relation: String, operands: [String])
    /// A duration between two dates.
    case dateSpan(start: String?, end: String?)
    /// An anniversary counted from an event.
    case anniversary
    /// The date of an event, with the weekday said with it.
    case eventDate(date: String, weekday: String?)
    /// An amount restated in another currency, from the figure before it.
    case conversion(from: String)

    private enum Keys: String, CodingKey {
        case type, numerator, denominator, partner, direction, relation, operands, start, end, from, date, weekday
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .value: try container.encode("value", forKey: .type)
        case .ratio(let numerator, let denominator):
            try container.encode("ratio", forKey: .type)
            try container.encode(numerator, forKey: .numerator)
            try container.encode(denominator, forKey: .denominator)
        case .share(let partner):
            try container.encode("share", forKey: .type)
            try container.encode(partner, forKey: .partner)
        case .rateInForce(let direction):
            try container.encode("rate_in_force", forKey: .type)
            try container.encode(direction, forKey: .direction)
        case .relation(let relation, let operands):
            try container.encode("relation", forKey: .type)
            try container.encode(relation, forKey: .relation)
            try container.encode(operands, forKey: .operands)
        case .dateSpan(let start, let end):
            try container.encode("date_span", forKey: .type)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        case .anniversary: try container.encode("anniversary", forKey: .type)
        case .eventDate(let date, let weekday):
            try container.encode("event_date", forKey: .type)
            try container.encode(date, forKey: .date)
            try container.encode(weekday, forKey: .weekday)
        case .conversion(let from):
            try container.encode("conversion", forKey: .type)
            try container.encode(from, forKey: .from)
        }
    }
}

/// A claim as figcheck read it, before verification: the figure and the frame the text gives
/// it, every slot with its evidence. `figcheck claims` prints these.
package struct Claim: Sendable, Encodable {
    package var ruleId: String
    package var kind: String
    /// The figure as written.
    package var text: String
    package var sentence: String
    package var location: TextLocation
    package var stated: StatedFigure
    package var entity: FrameSlot?
    package var measure: FrameSlot?
    package var period: FrameSlot?
    /// The scope of a share ("crude and condensate") or a partner.
    package var scope: String?
    /// "real" or "nominal" when the text says so.
    package var basis: String?
    /// The publisher or definition the text cites for the figure ("NATO").
    package var source: String?
    package var reading: ClaimReading
    /// What the reading is unsure of, in words.
    package var uncertainties: [String]
    /// Why the claim cannot be checked, when the reading already knows.
    package var unverifiableReason: String?

    /// Creates a claim.
    package init(
        ruleId: String, kind: String, text: String, sentence: String, location: TextLocation, stated: StatedFigure,
        entity: FrameSlot?, measure: FrameSlot?, period: FrameSlot?, scope: String?, basis: String?, source: String?,
        reading: ClaimReading, uncertainties: [String], unverifiableReason: String?
    ) {
        self.ruleId = ruleId
        self.kind = kind
        self.text = text
        self.sentence = sentence
        self.location = location
        self.stated = stated
        self.entity = entity
        self.measure = measure
        self.period = period
        self.scope = scope
        self.basis = basis
        self.source = source
        self.reading = reading
        self.uncertainties = uncertainties
        self.unverifiableReason = unverifiableReason
    }

    private enum Keys: String, CodingKey {
        case ruleId, kind, text, sentence, location, stated, entity, measure, period, scope, basis, source, reading,
            uncertainties,
            unverifiableReason
    }

    /// Every key is written, unknowns as null, so consumers see one shape.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ruleId, forKey: .ruleId)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(location, forKey: .location)
        try container.encode(stated, forKey: .stated)
        try container.encode(entity, forKey: .entity)
        try container.encode(measure, forKey: .measure)
        try container.encode(period, forKey: .period)
        try container.encode(scope, forKey: .scope)
        try container.encode(basis, forKey: .basis)
        try container.encode(source, forKey: .source)
        try container.encode(reading, forKey: .reading)
        try container.encode(uncertainties, forKey: .uncertainties)
        try container.encode(unverifiableReason, forKey: .unverifiableReason)
    }
}

import FigCheckCore

extension Resolution {
    /// The evidence a slot filled this way has, in the claim model of FigCheckCore.
    var evidence: SlotEvidence {
        switch self {
        case .said: return .said
        case .inSentence: return .inSentence
        case .carried: return .carried
        case .defaulted: return .defaulted
        case .guessed: return .guessed
        }
    }
}

extension ClaimDraft {
    /// The claim as read, in FigCheckCore's typed model: the frame with the evidence of each slot
    /// and the reading its kind has.
    func frame(in document: Document, context: DocumentContext, drafts: [ClaimDraft]) -> Claim {
        let location = document.sourceMap.location(ofAnalysed: mention.range)
        let measureName = indicator ?? denominator
        return Claim(
            ruleId: ruleId, kind: kind.rawValue, text: figureText, sentence: sentenceText(context), location: location,
            stated: statedFigure,
            entity: entity.map { FrameSlot($0, entityResolution.evidence) },
            measure: measureName.map { FrameSlot($0, indicatorResolution.evidence) },
            period: period.map { FrameSlot($0.key, $0.resolution.evidence) },
            scope: scope ?? (kind == .share ? nil : partner), basis: statedBasis, source: namedSource,
            reading: reading(drafts), uncertainties: uncertainties, unverifiableReason: unverifiableReason)
    }

    /// The figure as written, on one line.
    package var figureText: String { mention.text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ") }

    /// The claim's sentence, on one line.
    package func sentenceText(_ context: DocumentContext) -> String {
        let text = context.sentences[sentenceIndex].text
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return text }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The stated figure as reports give it: value with its sign, unit, interval (open ends as the value), hedge.
    package var statedFigure: StatedFigure {
        let interval = stated
        return StatedFigure(
            value: sign * mention.value, unit: mention.unit ?? mention.kind.rawValue,
            low: interval.low.isFinite ? interval.low : mention.value,
            high: interval.high.isFinite ? interval.high : mention.value, hedge: mention.hedge.rawValue)
    }

    private func reading(_ drafts: [ClaimDraft]) -> ClaimReading {
        switch kind {
        case .value, .count: return .value
        case .ratio:
            let parts = numerator.map { part -> String in
                switch part {
                case .stated(let figure): return figure.text
                case .lookup(let indicator, let owner): return "\(indicator) of \(owner)"
                }
            }
            return .ratio(numerator: parts, denominator: denominator ?? "")
        case .share: return .share(partner: partner)
        case .rate: return .rateInForce(direction: direction)
        case .comparison where relation == nil: return .value
        case .comparison, .change:
            // The first pair the linker found: the figures of the text, or the table for a base looked up.
            if let stated = statedOperands ?? statedPairs.first {
                return .relation(relation: relation?.rawValue ?? "", operands: [stated.subjectText, stated.baseText])
            }
            let pair =
                operands.first.map { pair in
                    [
                        pair.subject.map { drafts[$0].mention.text } ?? "(not found)",
                        pair.base.map { drafts[$0].mention.text } ?? "(the table)",
                    ]
                } ?? []
            return .relation(relation: relation?.rawValue ?? "", operands: pair)
        case .dateArithmetic:
            if indicator == "anniversary" { return .anniversary }
            if let date = statedDate {
                return .eventDate(date: date.description, weekday: statedWeekday.map { DateRule.weekdays[$0] })
            }
            return .dateSpan(start: span.map { $0.start.description }, end: span.map { $0.end.description })
        case .conversion: return .conversion(from: convertedFrom?.text ?? "")
        }
    }
}

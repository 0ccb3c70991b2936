import FigCheckCore
import FigCheckKit
import FigCheckVerification
import Foundation
import Testing
import TestSupport

/// Relations between figures of one text, recomputed from the figures the sentence ties to them
/// (no reference table is needed), in our own sentences: each relation kind with a right and a
/// wrong example, and shapes that are not relations at all.
@Suite("Internal relations between figures of the text")
struct InternalRelationTests {
    struct Case: Sendable, CustomStringConvertible {
        var shape: String
        var text: String
        /// The figure, as the finding's text contains it.
        var figure: String
        var verdict: Verdict
        /// Words the finding's message or hints must contain (the operands, a hint).
        var mentions: [String] = []
        /// Words of the sentence the figure is in, when the figure appears more than once.
        var sentence: String?

        var description: String { shape }
    }

    static let cases: [Case] = [
        Case(shape: "from A to B, a rise of X%: right", text: "Joblessness went from 5.1% to 5.4% over the year, a rise of about 6%, or 0.3 percentage points.",
             figure: "about 6%", verdict: .consistent, mentions: ["5.1%", "5.4%"]),
        Case(shape: "from A to B, restated in points: right", text: "Joblessness went from 5.1% to 5.4% over the year, a rise of about 6%, or 0.3 percentage points.",
             figure: "0.3 percentage points", verdict: .consistent),
        Case(shape: "from A to B, a rise of X%: wrong", text: "Joblessness went from 5.1% to 5.4% over the year, a rise of 9%.",
             figure: "9%", verdict: .inconsistent, mentions: ["5.1%", "5.4%"]),
        Case(shape: "fell X% to B, down from A: right", text: "The firm's earnings fell 30% to $84 million in 2024, down from $120 million in 2023.",
             figure: "30%", verdict: .consistent, mentions: ["$84 million", "$120 million"]),
        Case(shape: "fell X% to B, down from A: wrong", text: "The firm's earnings fell 20% to $84 million in 2024, down from $120 million in 2023.",
             figure: "20%", verdict: .inconsistent),
        Case(shape: "more than doubled, from A to B: short of double", text: "Exports to the region more than doubled over the decade, going from $16.6 billion to $27.6 billion.",
             figure: "doubled", verdict: .inconsistent, mentions: ["$16.6 billion", "$27.6 billion"]),
        Case(shape: "more than doubled, from A to B: right", text: "Exports to the region more than doubled over the decade, going from $16.6 billion to $38.2 billion.",
             figure: "doubled", verdict: .consistent),
        Case(shape: "more than halved, from A to B: below a half", text: "Stocks more than halved over the winter, going from 84 million barrels to 37 million barrels.",
             figure: "halved", verdict: .consistent),
        Case(shape: "more than halved, from A to B: not below a half", text: "Stocks more than halved over the winter, going from 84 million barrels to 47 million barrels.",
             figure: "halved", verdict: .inconsistent),
        Case(shape: "a level, down by an amount (percent): right", text: "Output per worker came to $41,210 last year, down $2,380 (5.5%) on the year before.",
             figure: "5.5%", verdict: .consistent, mentions: ["$2,380", "$41,210"]),
        Case(shape: "a level, down by an amount (percent over the new level): wrong", text: "Output per worker came to $41,210 last year, down $2,380 (5.8%) on the year before.",
             figure: "5.8%", verdict: .inconsistent, mentions: ["over the level after it"]),
        Case(shape: "a level, an amount (percent) higher than a year earlier", text: "The median wage reached $52,900, only $1,100 (2.1%) higher than a year earlier.",
             figure: "2.1%", verdict: .consistent),
        Case(shape: "a level, P%, or an amount, less than the year before", text: "Members earned about $480 billion from sales in 2024, 8%, or $42 billion, less than in 2023.",
             figure: "8%", verdict: .consistent),
        Case(shape: "a count over the list that follows it: right", text: "Six allies are not expected to reach the goal this year: Spain (1.3%), Belgium (1.3%), Canada (1.4%), Italy (1.5%), Portugal (1.6%) and Croatia (1.8%).",
             figure: "Six", verdict: .consistent, mentions: ["names 6"]),
        Case(shape: "a count over the list that follows it: three members, four names", text: "Three members voted against: Austria, Ireland, Malta and Cyprus.",
             figure: "Three", verdict: .inconsistent, mentions: ["names 4"]),
        Case(shape: "a difference with its formula in brackets: right", text: "Counting services too, the gap shrinks to €38 billion (= €212 billion – €174 billion).",
             figure: "€38 billion", verdict: .consistent, mentions: ["€212 billion", "€174 billion"]),
        Case(shape: "a difference with its formula in brackets: wrong", text: "Counting services too, the gap shrinks to €48 billion (= €212 billion – €174 billion).",
             figure: "€48 billion", verdict: .inconsistent),
        Case(shape: "a sum with its parts in brackets: wrong", text: "Two-way trade reached $760 billion ($412 billion + $318 billion) last year.",
             figure: "$760 billion", verdict: .inconsistent),
        Case(shape: "a change in apposition to the newer figure, over the one before: right",
             text: "The register listed 2,350,000 claimants in the spring. By the autumn the count was 2,585,000, a rise of 10%.",
             figure: "10%", verdict: .consistent, mentions: ["2,585,000", "2,350,000"]),
        Case(shape: "a change in apposition, over figures of unknown measure: a mismatch is for review",
             text: "The register listed 2,350,000 claimants in the spring. By the autumn the count was 2,585,000, a rise of 25%.",
             figure: "25%", verdict: .needsReview),
        Case(shape: "a lead in points over parallel figures, year by year: holds",
             text: "Poland's output grows 3.1% in 2025 and 3.4% in 2026, a lead of over 2 percentage points on Italy, at 0.7% in 2025 and 0.9% in 2026.",
             figure: "2 percentage points", verdict: .consistent, mentions: ["3.4% against 0.9% in 2026"]),
        Case(shape: "a lead in points over parallel figures, year by year: fails in one year",
             text: "Poland's output grows 3.1% in 2025 and 3.4% in 2026, a lead of over 2 percentage points on Italy, at 0.7% in 2025 and 1.6% in 2026.",
             figure: "2 percentage points", verdict: .inconsistent, mentions: ["1.8"]),
        Case(shape: "a gap in apposition to the two amounts before it: right",
             text: "Buyers there spent $212 billion on our goods while we bought $64 billion of theirs, a shortfall of about $148 billion.",
             figure: "$148 billion", verdict: .consistent, mentions: ["$212 billion", "$64 billion"]),
        Case(shape: "a gap in apposition, read by position alone: a mismatch is for review",
             text: "Buyers there spent $212 billion on our goods while we bought $64 billion of theirs, a shortfall of $178 billion.",
             figure: "$178 billion", verdict: .needsReview),
        Case(shape: "'N times more than' fitting only the N + 1 reading is for review",
             text: "Exports reached $90 billion in 2024, four times more than $18 billion in 2010.",
             figure: "four times", verdict: .needsReview, mentions: ["ambiguous"]),
        Case(shape: "'N times more than' read as N times as much: right",
             text: "Exports reached $72 billion in 2024, four times more than $18 billion in 2010.",
             figure: "four times", verdict: .consistent),
        Case(shape: "a part ('of which') within its whole", text: "The plan sets aside $8.2 billion for ports, of which $3.1 billion goes to dredging.",
             figure: "$3.1 billion", verdict: .consistent),
        Case(shape: "a part ('of which') larger than its whole", text: "The plan sets aside $3.1 billion for ports, of which $8.2 billion goes to dredging.",
             figure: "$8.2 billion", verdict: .inconsistent),
        Case(shape: "a headline restating a change its paragraph recomputes: right",
             text: "Acme's earnings drop 30%\n\nAcme's earnings fell 30% to $84 million in 2024, down from $120 million in 2023.",
             figure: "30%", verdict: .consistent, mentions: ["$84 million", "$120 million"]),
        Case(shape: "a headline restating a change its paragraph recomputes: the error is the same",
             text: "Chile's port traffic falls 7.6%\n\nChile's port traffic came to 4,120,000 containers last year, down 312,000 (7.6%) on the year before.",
             figure: "7.6%", verdict: .inconsistent, mentions: ["line 7", "4,120,000"]),
        Case(shape: "a figure referred back to ('her 10% figure') after the sentence that recomputes it",
             text: "The register listed 2,350,000 claimants in the spring. By the autumn the count was 2,585,000, a rise of 10%. Ms Grey's 10% figure came from the register of claimants.",
             figure: "10%", verdict: .consistent, mentions: ["2,585,000"], sentence: "Grey"),
        Case(shape: "a change with its figures tied in the next sentence: right",
             text: "The ministry wants to raise road spending by 4 percent next year. Its road spending plan comes to $5.2 billion, up from $5.0 billion this year.",
             figure: "4 percent", verdict: .consistent, mentions: ["$5.2 billion", "$5.0 billion"]),
        Case(shape: "a change with its figures tied in the next sentence: a mismatch is for review",
             text: "The ministry wants to raise road spending by 9 percent next year. Its road spending plan comes to $5.2 billion, up from $5.0 billion this year.",
             figure: "9 percent", verdict: .needsReview),
        Case(shape: "a threshold crossed for the first time, after the pair that shows it: right",
             text: "The cabinet approved a plan worth $5.4 billion, up from $4.8 billion this year. If it passes, the budget will top $5 billion for the first time.",
             figure: "$5 billion", verdict: .consistent, mentions: ["$5.4 billion", "$4.8 billion"]),
        Case(shape: "a threshold 'crossed for the first time' that the figure before already passed: for review",
             text: "The cabinet approved a plan worth $5.4 billion, up from $5.1 billion this year. If it passes, the budget will top $5 billion for the first time.",
             figure: "$5 billion", verdict: .needsReview, mentions: ["above it already"]),
        Case(shape: "the strongest growth since a year, against every year the text gives since: right",
             text: "Chile's economy grew 2.9% in 2024, its strongest growth since 2021. Growth was 2.1% in 2023, 1.4% in 2022 and 3.5% in 2021.",
             figure: "2021", verdict: .consistent, mentions: ["2.1% in 2023", "3.5% in 2021"], sentence: "strongest"),
        Case(shape: "the strongest growth since a year, with a stronger year between: wrong",
             text: "Chile's economy grew 2.9% in 2024, its strongest growth since 2021. Growth was 3.1% in 2023, 1.4% in 2022 and 3.5% in 2021.",
             figure: "2021", verdict: .inconsistent, mentions: ["3.1% in 2023"], sentence: "strongest"),
        Case(shape: "the Nth year of growth in a row, against the years the text gives: right",
             text: "Chile's economy grew 2.9% in 2024. It was the third year of growth in a row. Growth was 2.1% in 2023 and 1.4% in 2022, after the economy shrank by 0.6% in 2021.",
             figure: "third", verdict: .consistent, mentions: ["3 years of growth"]),
        Case(shape: "the Nth year of growth in a row, one year too many: wrong",
             text: "Chile's economy grew 2.9% in 2024. It was the fourth year of growth in a row. Growth was 2.1% in 2023 and 1.4% in 2022, after the economy shrank by 0.6% in 2021.",
             figure: "fourth", verdict: .inconsistent, mentions: ["show 3 years"]),
        Case(shape: "a weekday with the day of the month in brackets, in the dateline's month: right",
             text: "The statistics office published the figures on Sunday morning (1), a day early.",
             figure: "1", verdict: .consistent, mentions: ["Sunday"]),
        Case(shape: "a weekday with the day of the month in brackets, in the dateline's month: the wrong weekday is for review",
             text: "The statistics office published the figures on Friday morning (1), a day early.",
             figure: "1", verdict: .needsReview, mentions: ["month of the document's date"]),
        Case(shape: "a share beside its part, of a total stated sentences before: right",
             text: "Exporters in the bloc earned $820 billion from gas sales in 2024. Output fell in the north. The largest member earned $270 billion in 2024, about 33% of the bloc's total.",
             figure: "33%", verdict: .consistent, mentions: ["$270 billion", "$820 billion"]),
        Case(shape: "a share beside its part, of a total stated sentences before: a mismatch is for review",
             text: "Exporters in the bloc earned $820 billion from gas sales in 2024. Output fell in the north. The largest member earned $270 billion in 2024, about 45% of the bloc's total.",
             figure: "45%", verdict: .needsReview),
        Case(shape: "a figure that overshoots the right one by an amount, the right one said before: right",
             text: "Counting goods only, the shortfall was $412.6 billion. The $520 billion figure she quotes overshoots by $107.4 billion.",
             figure: "$107.4 billion", verdict: .consistent, mentions: ["$520 billion", "$412.6 billion"]),
        Case(shape: "'leaves his number too high by', the number named sentences before: a mismatch is for review",
             text: "He keeps citing a $520.5 billion number. Adding services, the deficit is $371.2 billion, which leaves his number too high by $189.3 billion.",
             figure: "$189.3 billion", verdict: .needsReview, mentions: ["$520.5 billion", "$371.2 billion"]),
        Case(shape: "a whole against the parts a later sentence gives 'within' it: right",
             text: "The cabinet approved a budget worth $61.59 billion for next year. Within the budget, $18.07 billion goes to ports and $43.52 billion to roads.",
             figure: "$61.59 billion", verdict: .consistent, mentions: ["$18.07 billion", "$43.52 billion"]),
        Case(shape: "a whole against parts that add up to more: for review",
             text: "The cabinet approved a budget worth $61.59 billion for next year. Within the budget, $18.07 billion goes to ports and $45.52 billion to roads.",
             figure: "$61.59 billion", verdict: .needsReview),
        Case(shape: "a level reached by a fall, after the level before it in the sentence: right",
             text: "We expect the price to average $66.20 a barrel next year and then to decline to $59.10 the year after.",
             figure: "$59.10", verdict: .consistent, mentions: ["$66.20"]),
        Case(shape: "a level reached by a rise, tied to its start by 'from': wrong",
             text: "Shipments climbed to 4.4 million tonnes in March, from 4.9 million tonnes in February.",
             figure: "4.4 million", verdict: .inconsistent, mentions: ["4.9 million"]),
        Case(shape: "a bound restating a figure the next sentence gives exactly: within it",
             text: "The agency cut its outlook for over 120 countries. Downgrades for 127 countries were listed in an annex.",
             figure: "over 120", verdict: .consistent, mentions: ["127"]),
        Case(shape: "a bound restating a figure given for the same country and year: outside it, for review",
             text: "Japan's outlays grew to ¥8.4 trillion in 2024. Its spending on the military first exceeded ¥6 trillion in 2023, and then leapt to more than ¥9 trillion in 2024.",
             figure: "more than ¥9 trillion", verdict: .needsReview, mentions: ["¥8.4 trillion"]),
        Case(shape: "the gap between two countries against the levels the text gives for them: right",
             text: "Chile's output per head came to $17,310 last year. Peru's stood at $8,120. The gap between the two countries grew to $9,190.",
             figure: "$9,190", verdict: .consistent, mentions: ["$17,310", "$8,120"]),
        Case(shape: "the gap between two countries against the levels the text gives for them: a mismatch is for review",
             text: "Chile's output per head came to $17,310 last year. Peru's stood at $8,120. The gap between the two countries grew to $9,910.",
             figure: "$9,910", verdict: .needsReview),
        Case(shape: "a span in decades over the years of the series the next sentence gives: right",
             text: "Over roughly three decades the surplus grew. It was $2.1 billion in 1994, $40.3 billion in 2009 and $88 billion by 2024.",
             figure: "three decades", verdict: .consistent, mentions: ["1994", "2024"]),
        Case(shape: "a span in decades over the years of the next sentence: a mismatch is for review",
             text: "For two decades the surplus grew. It was $2.1 billion in 1994, $40.3 billion in 2009 and $88 billion by 2024.",
             figure: "two decades", verdict: .needsReview),
        Case(shape: "a month-on-month change over the entity's figures for the two months, given elsewhere: right",
             text: "In May Brazil shipped 2.31 million tonnes, more than Peru's 1.12 million tonnes. In April Peru's 1.04 million tonnes trailed Chile's 1.2 million tonnes, and in May the gap grew. Peru's exports rose by 8 percent month-on-month in May.",
             figure: "8 percent", verdict: .consistent, mentions: ["1.12 million", "1.04 million"]),
        Case(shape: "a month-on-month change over the entity's figures for the two months: a mismatch is for review",
             text: "In May Brazil shipped 2.31 million tonnes, more than Peru's 1.12 million tonnes. In April Peru's 1.04 million tonnes trailed Chile's 1.2 million tonnes, and in May the gap grew. Peru's exports rose by 15 percent month-on-month in May.",
             figure: "15 percent", verdict: .needsReview),
        Case(shape: "N-fold, from A to B: right", text: "Output rose fourfold over the decade, from 2.1 million tonnes to 8.4 million tonnes.",
             figure: "fourfold", verdict: .consistent, mentions: ["8.4 million tonnes", "2.1 million tonnes"]),
        Case(shape: "N-fold, from A to B: wrong", text: "Output rose fivefold over the decade, from 2.1 million tonnes to 8.4 million tonnes.",
             figure: "fivefold", verdict: .inconsistent),
        Case(shape: "an N% slide from A to B per dollar (the price of a dollar rises): right",
             text: "The peso's 10% slide took it from 80 to 88 per dollar.", figure: "10%", verdict: .consistent, mentions: ["88", "80"]),
        Case(shape: "an N% slide from A to B per dollar: wrong", text: "The peso's 6% slide took it from 80 to 88 per dollar.",
             figure: "6%", verdict: .inconsistent),
        Case(shape: "an N% fall from A to B: right", text: "A 10% fall in the quarter took the index from 80 to 72.",
             figure: "10%", verdict: .consistent),
        Case(shape: "a count's share in brackets, of the whole named with 'of': right", text: "Of the 40 firms surveyed, 12 (30%) reported losses.",
             figure: "30%", verdict: .consistent, mentions: ["12", "40"]),
        Case(shape: "a count's share in brackets, of the whole named with 'of': wrong", text: "Of the 40 firms surveyed, 12 (35%) reported losses.",
             figure: "35%", verdict: .inconsistent),
        Case(shape: "a 'Top 3' heading over a list of four", text: "## Top 3 exporters\n\n- China\n- Germany\n- Japan\n- Korea",
             figure: "3", verdict: .inconsistent, mentions: ["names 4"]),
        Case(shape: "a 'The 4 largest' heading over its list of four", text: "## The 4 largest buyers\n\n- Spain\n- Italy\n- France\n- Greece",
             figure: "4", verdict: .consistent, mentions: ["Spain", "Greece"]),
        Case(shape: "down N percent, from A to B, where the drop is in points: wrong, with the points reading",
             text: "The levy on imported cars goes down 90 percent, from 110 percent to 20 percent.",
             figure: "90 percent", verdict: .inconsistent, mentions: ["percentage points"]),
        Case(shape: "fell N points, from A to B: right", text: "The index fell 30 points, from 120 to 90.",
             figure: "30", verdict: .consistent, mentions: ["120", "90"]),
        Case(shape: "fell N points, from A to B: wrong", text: "The index fell 20 points, from 120 to 90.",
             figure: "20", verdict: .inconsistent),
        Case(shape: "from A to B, a reduction of about a third: right",
             text: "Emissions fell from 90 million tonnes to 60 million tonnes, a reduction of about a third.",
             figure: "about a third", verdict: .consistent),
        Case(shape: "from A to B, a reduction of about a third: wrong",
             text: "Emissions fell from 90 million tonnes to 70 million tonnes, a reduction of about a third.",
             figure: "about a third", verdict: .inconsistent),
        Case(shape: "tripled, from A to B: right", text: "Sales tripled over the decade, from $2.1 billion to $6.3 billion.",
             figure: "tripled", verdict: .consistent),
        Case(shape: "tripled, from A to B: wrong", text: "Sales tripled over the decade, from $2.1 billion to $8.4 billion.",
             figure: "tripled", verdict: .inconsistent),
        Case(shape: "A, a third more than B: right", text: "The port handled 40 million tonnes, a third more than the 30 million tonnes of 2020.",
             figure: "a third", verdict: .consistent, mentions: ["40 million tonnes", "30 million tonnes"]),
        Case(shape: "A, a third more than B, figures of no known measure: a mismatch is for review",
             text: "The port handled 48 million tonnes, a third more than the 30 million tonnes of 2020.",
             figure: "a third", verdict: .needsReview),
        Case(shape: "parts then their total 'in all': right", text: "The plan sets aside $140 billion for ports and $210 billion for rail, $350 billion in all.",
             figure: "$350 billion", verdict: .consistent, mentions: ["$140 billion", "$210 billion"]),
        Case(shape: "parts then their total 'in all': wrong", text: "The plan sets aside $150 billion for ports and $210 billion for rail, $350 billion in all.",
             figure: "$350 billion", verdict: .inconsistent),
        Case(shape: "a fraction of a count with the part in brackets: right", text: "Half of the 28 members (14) voted yes.",
             figure: "Half", verdict: .consistent, mentions: ["14", "28"]),
        Case(shape: "a fraction of a count with the part in brackets: three-quarters of 28 is not 19",
             text: "Three-quarters of the 28 members (19) voted yes.", figure: "Three-quarters", verdict: .inconsistent),
        Case(shape: "a span of quarters between two quarters in brackets: right",
             text: "In the latest four quarters (Q3 2023 to Q3 2024), sales abroad rose.", figure: "four quarters", verdict: .consistent),
        Case(shape: "a span of quarters between two quarters in brackets: wrong",
             text: "In the latest seven quarters (Q3 2023 to Q3 2024), sales abroad rose.", figure: "seven quarters", verdict: .inconsistent),
        Case(shape: "A narrowly exceeded B: right", text: "In May Chile's 2.4 million tonnes narrowly exceeded Peru's 2.3 million tonnes.",
             figure: "narrowly exceeded", verdict: .consistent, mentions: ["0.1 million tonnes"]),
        Case(shape: "A exceeded B: wrong", text: "In May Chile's 2.2 million tonnes exceeded Peru's 2.3 million tonnes.",
             figure: "exceeded", verdict: .inconsistent),
        Case(shape: "A, more than B's: wrong", text: "In May Chile shipped 2.4 million tonnes, more than Peru's 2.5 million tonnes.",
             figure: "more than", verdict: .inconsistent, mentions: ["2.4 million tonnes", "2.5 million tonnes"]),
        Case(shape: "A trailed B: right", text: "Spain's 1.3% trailed Italy's 1.5% in 2024.",
             figure: "trailed", verdict: .consistent, mentions: ["points"]),
        Case(shape: "that rate of increase is higher than B: right",
             text: "Spending will rise by 4.1 per cent next year. That rate of increase is higher than the 2.5 per cent rise planned for pensions.",
             figure: "That rate of increase", verdict: .consistent, mentions: ["4.1 per cent"]),
        Case(shape: "that rate of increase is higher than B, found by position: wrong is for review",
             text: "Spending will rise by 2.1 per cent next year. That rate of increase is higher than the 2.5 per cent rise planned for pensions.",
             figure: "That rate of increase", verdict: .needsReview),
        Case(shape: "the gap grew wider, over the two entities' figures for the new period: right",
             text: "In June Chile shipped 2.9 million tonnes and Peru 2.1 million tonnes. In May Chile's 2.4 million tonnes exceeded Peru's 2.3 million tonnes, and in June the gap grew much wider.",
             figure: "the gap grew much wider", verdict: .consistent, mentions: ["2.9 million tonnes", "2.1 million tonnes"]),
        Case(shape: "the gap narrowed, over the two entities' figures for the new period: wrong is for review",
             text: "In June Chile shipped 2.9 million tonnes and Peru 2.1 million tonnes. In May Chile's 2.4 million tonnes exceeded Peru's 2.3 million tonnes, and in June the gap narrowed.",
             figure: "the gap narrowed", verdict: .needsReview),
        Case(shape: "a bound restating a figure for the same entity and year paragraphs away",
             text: "Military spending rose everywhere in 2024, and Korea's grew to $55.3 billion (₩75 trillion) for the year.\n\nA second sentence.\n\nA third one.\n\nKorea spent ₩9 trillion on the military in 1990. It then leapt to more than ₩70 trillion in 2024.",
             figure: "more than ₩70 trillion", verdict: .consistent, mentions: ["line"]),
    ]

    /// Relations whose operands are not established: nothing is recomputed, so nothing is judged.
    static let unestablished: [Case] = [
        Case(shape: "a headline change over a paragraph about another measure",
             text: "Acme's exports fall 30%\n\nAcme's earnings fell 30% to $84 million in 2024, down from $120 million in 2023.",
             figure: "30%", verdict: .unverifiable),
        Case(shape: "a change beside a pair of figures of another subject",
             text: "The ministry wants to raise pensions by 4 percent next year. Its road plan comes to $5.2 billion, up from $5.0 billion this year.",
             figure: "4 percent", verdict: .unverifiable),
        Case(shape: "a threshold with no pair of figures before it",
             text: "If it passes, the budget will top $5 billion for the first time.",
             figure: "$5 billion", verdict: .unverifiable),
        Case(shape: "the strongest growth since a year the text gives no figure for in between",
             text: "Chile's economy grew 2.9% in 2024, its strongest growth since 2021. Growth was 2.1% in 2023.",
             figure: "2021", verdict: .unverifiable, sentence: "strongest"),
        Case(shape: "a run whose start the text does not show",
             text: "Chile's economy grew 2.9% in 2024. It was the third year of growth in a row. Growth was 2.1% in 2023 and 1.4% in 2022.",
             figure: "third", verdict: .unverifiable),
        Case(shape: "a share of a total whose stated figure is of another year",
             text: "Exporters in the bloc earned $820 billion from gas sales in 2023. The largest member earned $270 billion in 2024, about 45% of the bloc's total.",
             figure: "45%", verdict: .unverifiable),
        Case(shape: "a whole with only some of its parts given",
             text: "The cabinet approved a budget worth $61.59 billion for next year. Within the budget, $18.07 billion goes to ports and $20.15 billion to rail.",
             figure: "$61.59 billion", verdict: .unverifiable),
        Case(shape: "an order between figures of two units",
             text: "In May Chile's 2.4 million tonnes exceeded Peru's 2.3% share.",
             figure: "exceeded", verdict: .unverifiable),
        Case(shape: "a bound beside a figure of the same sentence is another statement",
             text: "The minister said the country had not yet got to 2.5% of GDP but was comfortably above 2%.",
             figure: "above 2%", verdict: .unverifiable),
    ]

    @Test("a relation whose figures are not established is not judged", arguments: unestablished)
    func unestablishedRelation(_ example: Case) async throws {
        let findings = try await Self.findings(example.text)
        let finding = findings.first { $0.text.contains(example.figure) }
        #expect(finding?.verdict ?? .unverifiable == .unverifiable, "\(finding?.verdict as Any): \(finding?.message ?? "")")
        #expect(finding?.computed == nil, "recomputed: \(finding?.message ?? "")")
    }

    static func findings(_ text: String) async throws -> [Finding] {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("relation.md")
        try Data("---\ndate: 2025-06-01\n---\n\n\(text)\n".utf8).write(to: file)
        let document = try await DocumentReader().read(file.path)
        let pipeline = try Check.standardPipeline(CheckOptions(inputs: [], dataDirectory: TestPaths.referenceData.path))
        return pipeline.analyse(document).findings
    }

    @Test("each relation is recomputed from the figures its sentence ties to it", arguments: cases)
    func relation(_ example: Case) async throws {
        let findings = try await Self.findings(example.text)
        let finding = try #require(findings.first { finding in
            finding.text.contains(example.figure) && example.sentence.map { finding.sentence.contains($0) } ?? true
        },
                                   "no claim for \(example.figure)")
        #expect(finding.verdict == example.verdict, "\(finding.verdict): \(finding.message)")
        #expect(finding.computed != nil, "not recomputed: \(finding.message)")
        let said = ([finding.message] + finding.hints).joined(separator: " ")
        for word in example.mentions { #expect(said.contains(word), "\(word) missing from: \(said)") }
    }

    @Test("ranges, ratios, 'one in five', fiscal years and split numbers are not relations", arguments: [
        "Growth of between 3% and 5% is expected this year.",
        "Growth of 3–5% is expected, with prices up 2%.",
        "Savers outnumber borrowers 2:1 in the survey.",
        "One in five adults rose early, and the rate rose.",
        "In fiscal 2024/25 spending rose 4% to a record.",
        "Tickets cost $20 43 people said.",
        "Five members spend more, including: Poland, Estonia and Latvia.",
        "The budget funds 18,070 posts, and 43,520 others, an increase of 4.2 per cent on this year.",
    ])
    func notRelations(_ text: String) async throws {
        let findings = try await Self.findings(text)
        #expect(findings.allSatisfy { $0.verdict != .inconsistent }, "\(findings.map { "\($0.text): \($0.message)" })")
    }
}

/// The JSON report, schema version 1 (PRODUCT.md, "JSON report"): the machine contract.
public struct Report: Codable, Sendable {
    /// Name and version of the tool that wrote the report.
    public struct Tool: Codable, Sendable {
        /// "figcheck".
        public var name: String
        /// The release that wrote the report.
        public var version: String

        /// Names the tool.
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// A reference table a report used, with its vintage.
    public struct TableUse: Codable, Hashable, Sendable {
        /// The table's id in the catalog.
        public var table: String
        /// The vintage used (its release date).
        public var vintage: String
        /// The credit the table's licence requires ("Source: IMF, World Economic Outlook database, April 2025").
        public var attribution: String?

        /// Records one table and vintage a finding used.
        public init(table: String, vintage: String, attribution: String? = nil) {
            self.table = table
            self.vintage = vintage
            self.attribution = attribution
        }
    }

    /// The JSON report's schema version (1).
    public var schemaVersion: Int
    /// The tool that wrote the report.
    public var tool: Tool
    /// One entry per input, in the order given.
    public var documents: [DocumentReport]
    /// The tables and vintages the findings used, sorted.
    public var referenceData: [TableUse]
    /// The credit lines the tables used require, once each (every report prints them; the JSON
    /// gives each table's with the table).
    public var attributions: [String] = []

    enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, documents, referenceData
    }

    /// A schema-1 report of `documents`.
    public init(tool: Tool, documents: [DocumentReport], referenceData: [TableUse] = []) {
        self.schemaVersion = 1
        self.tool = tool
        self.documents = documents
        self.referenceData = referenceData
    }
}

/// Counts of findings by verdict.
public struct VerdictSummary: Codable, Hashable, Sendable {
    /// Claims checked.
    public var claims: Int
    /// Claims the reference data or the text confirm.
    public var consistent: Int
    /// Claims the reference data or the text contradict.
    public var inconsistent: Int
    /// Claims an editor should look at: a near miss or a frame figcheck is unsure of.
    public var needsReview: Int
    /// Claims with no reference to check against.
    public var unverifiable: Int

    enum CodingKeys: String, CodingKey {
        case claims, consistent, inconsistent, unverifiable
        case needsReview = "needs_review"
    }

    /// Counts the verdicts of `findings`.
    public init(_ findings: [Finding]) {
        claims = findings.count
        consistent = findings.filter { $0.verdict == .consistent }.count
        inconsistent = findings.filter { $0.verdict == .inconsistent }.count
        needsReview = findings.filter { $0.verdict == .needsReview }.count
        unverifiable = findings.filter { $0.verdict == .unverifiable }.count
    }
}

/// One document of a report: its metadata, its checked claims, and what went wrong.
public struct DocumentReport: Codable, Sendable {
    /// The input as given: a path, a URL or `-`.
    public var source: String
    /// The format it was read as; nil when it could not be read.
    public var format: DocumentFormat?
    /// The publication date the checks used.
    public var date: CalendarDate?
    /// Where that date came from.
    public var dateSource: DateSource
    /// Where the date was read in the original, when it came from the document.
    public var dateLocation: TextLocation?
    /// The country "we" stands for, when given.
    public var subject: String?
    /// The checked claims, in text order.
    public var claims: [Finding]
    /// How many numbers the scanner found (`figcheck mentions` lists them).
    public var mentions: Int
    /// The claims counted by verdict.
    public var summary: VerdictSummary
    /// Problems that stopped this document from being checked (it then has no claims).
    public var errors: [String]
    /// Problems that did not stop it (replaced invalid bytes and the like).
    public var warnings: [String]
    /// The analysed text, for reports that show the document with its claims marked (not in the JSON).
    public var analysedText: String? = nil

    enum CodingKeys: String, CodingKey {
        case source, format, date, dateSource, dateLocation, subject, claims, mentions, summary, errors, warnings
    }

    /// The report of a document that was loaded and analysed.
    public init(document: Document, findings: [Finding], mentions: Int = 0) {
        self.mentions = mentions
        source = document.source
        format = document.format
        date = document.metadata.date
        dateSource = document.metadata.dateSource
        dateLocation = document.metadata.dateEvidence
        subject = document.metadata.subject
        claims = findings
        summary = VerdictSummary(findings)
        errors = []
        warnings = document.warnings
    }

    /// The report of an input that could not be loaded.
    public init(failedSource source: String, error: String) {
        self.source = source
        mentions = 0
        format = nil
        date = nil
        dateSource = .none
        dateLocation = nil
        subject = nil
        claims = []
        summary = VerdictSummary([])
        errors = [error]
        warnings = []
    }

    /// Writes every key, unknown values as null.
    public func encode(to encoder: Encoder) throws {
        // Unknown values are written as null so every document has the same keys.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(date, forKey: .date)
        try container.encode(dateSource, forKey: .dateSource)
        try container.encode(dateLocation, forKey: .dateLocation)
        try container.encode(subject, forKey: .subject)
        try container.encode(claims, forKey: .claims)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(summary, forKey: .summary)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }
}

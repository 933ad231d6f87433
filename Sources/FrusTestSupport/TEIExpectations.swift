import Foundation

/// Expected values read from a TEI file with plain regular expressions (no XML parser, nothing
/// of the importer): the sections of the front matter, the documents with their dates, places
/// and classifications, the header's bibliography, and the persons and terms lists with the
/// documents mentioning each entry.
public struct TEIExpectations: Sendable {
    public let xml: String

    public init(contentsOf url: URL) throws { xml = try String(contentsOf: url, encoding: .utf8) }
    public init(xml: String) { self.xml = xml }

    // MARK: Text

    /// The text with tags removed (a tag joins the text around it, as `docu<pb/>ments`; a
    /// line break `<lb/>` is a space), entities decoded and white space collapsed.
    public static func text(_ s: String) -> String {
        var out = s.replacingOccurrences(of: #"<lb\b[^>]*/>"#, with: " ", options: .regularExpression)
        out = out.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: c)
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A head's text (`<lb/>` a space, as everywhere).
    public static func headText(_ s: String) -> String { text(s) }

    static func matches(_ pattern: String, in s: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { i in
                m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i))
            }
        }
    }

    static func first(_ pattern: String, in s: String) -> [String]? { matches(pattern, in: s).first }

    static func attribute(_ name: String, in tag: String) -> String? {
        first(#"\s"# + NSRegularExpression.escapedPattern(for: name) + #"="([^"]*)""#, in: tag)?[1]
    }

    // MARK: Header

    public var header: String { Self.first(#"<teiHeader>.*?</teiHeader>"#, in: xml)?[0] ?? "" }

    /// `title[@type=type]` of the titleStmt.
    public func title(type: String) -> String? {
        let stmt = Self.first(#"<titleStmt>.*?</titleStmt>"#, in: header)?[0] ?? ""
        return Self.first(#"<title\b[^>]*\btype=""# + type + #""[^>]*>(.*?)</title>"#, in: stmt).map { Self.text($0[1]) }
    }

    public var primaryEditors: [String] {
        Self.matches(#"<editor\b[^>]*role="primary"[^>]*>(.*?)</editor>"#, in: header).map { Self.text($0[1]) }
    }

    public func headerElement(_ name: String) -> String? {
        Self.first("<" + name + #"\b[^>]*>(.*?)</"# + name + ">", in: header).map { Self.text($0[1]) }
    }

    public var publicationYear: String? {
        Self.first(#"<date\b[^>]*type="publication-date"[^>]*>(.*?)</date>"#, in: header).map { Self.text($0[1]) }
    }

    // MARK: Front matter

    public var front: String { Self.first(#"<front>.*?</front>"#, in: xml)?[0] ?? "" }

    /// The sections of the front matter (its `div`s, none nested in this volume): id, title
    /// (the head, `<lb/>` as a space) and the whole element's text.
    public var frontSections: [(id: String, title: String, element: String)] {
        Self.matches(#"(<div\b[^>]*>)(.*?)</div>\s*(?=<pb|<div|</front>)"#, in: front).map { m in
            let id = Self.attribute("xml:id", in: m[1]) ?? ""
            let head = Self.first(#"<head>(.*?)</head>"#, in: m[2]).map { Self.headText($0[1]) } ?? id
            return (id, head, m[0])
        }
    }

    // MARK: Documents

    public struct DocumentSlice: Sendable {
        public var n: String
        public var id: String
        public var startTag: String
        public var text: String
    }

    /// Each document from its start tag to the next document's (or `</body>`).
    public var documents: [DocumentSlice] {
        let ns = xml as NSString
        let re = try! NSRegularExpression(pattern: #"<div\b[^>]*\btype="document"[^>]*>"#)
        let starts = re.matches(in: xml, range: NSRange(location: 0, length: ns.length))
        let end = (xml as NSString).range(of: "</body>").location
        return starts.enumerated().map { i, m in
            let stop = i + 1 < starts.count ? starts[i + 1].range.location : (end == NSNotFound ? ns.length : end)
            let tag = ns.substring(with: m.range)
            return DocumentSlice(
                n: Self.attribute("n", in: tag) ?? "", id: Self.attribute("xml:id", in: tag) ?? "", startTag: tag,
                text: ns.substring(with: NSRange(location: m.range.location, length: stop - m.range.location)))
        }
    }

    /// The date by the documented rule: `frus:doc-dateTime-min`, shortened to the day when
    /// the range is exactly that day; else the dateline's `date/@when`.
    public static func date(_ d: DocumentSlice) -> String? {
        if let min = attribute("frus:doc-dateTime-min", in: d.startTag) {
            let max = attribute("frus:doc-dateTime-max", in: d.startTag) ?? ""
            let day = String(min.prefix(10))
            if min.dropFirst(10).hasPrefix("T00:00:00"), max.hasPrefix(day + "T23:59:59") { return day }
            return min
        }
        return dateline(d).flatMap { first(#"<date\b[^>]*\bwhen="([^"]*)""#, in: $0)?[1] }
    }

    static func dateline(_ d: DocumentSlice) -> String? { first(#"<dateline\b.*?</dateline>"#, in: d.text)?[0] }

    /// The text of the first `placeName` in the document's first dateline.
    public static func place(_ d: DocumentSlice) -> String? {
        dateline(d).flatMap { first(#"<placeName\b[^>]*>(.*?)</placeName>"#, in: $0) }.map { text($0[1]) }
    }

    /// The source note's text.
    public static func sourceNote(_ d: DocumentSlice) -> String? {
        first(#"<note\b[^>]*type="source"[^>]*>(.*?)</note>"#, in: d.text).map { text($0[1]) }
    }

    /// The classification sentence of the source note: the first sentence beginning (at the
    /// start, or after ". ", "; " or ": ") with a marking, to its period.
    public static func classification(_ d: DocumentSlice) -> String? {
        guard let note = sourceNote(d) else { return nil }
        let pattern = #"(?:^|[.;:]\s+)((?:No classification marking|Limited Official Use|Top Secret|Unclassified|Confidential|Secret)(?![\p{L}]).*?)(?:\.(?:\s|$)|$)"#
        return first(pattern, in: note).map { $0[1].trimmingCharacters(in: .whitespaces) }
    }

    // MARK: Persons and terms

    public struct Entry: Sendable {
        public var id: String
        public var name: String
        public var description: String
    }

    /// The entries of the persons (`persName`) or terms (`term`) list: the name, and the rest
    /// of the entry's `item` without the punctuation after the name.
    public func entries(_ list: String) -> [Entry] {
        let element = list == "persons" ? "persName" : "term"
        guard let div = Self.first(#"<div\b[^>]*xml:id=""# + list + #""[^>]*>.*?</div>"#, in: front)?[0] else { return [] }
        // Leaf items holding a name (one item may name several: "PII or P–II, Pershing II
        // missile"); the description is the text after the last name.
        let item = #"<item>((?:(?!<item>).)*?<"# + element + #"\s+xml:id=.*?)</item>"#
        let name = "<" + element + #"\s+xml:id="([^"]+)"[^>]*>(.*?)</"# + element + ">"
        return Self.matches(item, in: div).flatMap { m -> [Entry] in
            let body = m[1]
            let names = Self.matches(name, in: body)
            guard let last = names.last, let end = body.range(of: last[0], options: .backwards) else { return [] }
            var rest = Substring(Self.text(String(body[end.upperBound...])))
            while let c = rest.first, c == "," || c == ":" || c == ";" || c.isWhitespace { rest.removeFirst() }
            return names.map { Entry(id: $0[1], name: Self.text($0[2]), description: String(rest)) }
        }
    }

    /// The numbers of the documents whose text holds a mention of entry `id`.
    public func documentsMentioning(_ id: String) -> [String] {
        let escaped = NSRegularExpression.escapedPattern(for: id)
        let pattern = ##"<(?:persName\b[^>]*\bcorresp|gloss\b[^>]*\btarget|term\b[^>]*\btarget)="#"## + escaped + #"[\s"]"#
        let re = try! NSRegularExpression(pattern: pattern)
        return documents.filter { d in
            re.firstMatch(in: d.text, range: NSRange(location: 0, length: (d.text as NSString).length)) != nil
        }.map(\.n)
    }
}

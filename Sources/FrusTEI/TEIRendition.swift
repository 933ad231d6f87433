import FrusModel

/// The meanings of TEI's `@rend` and `@type` values, as FRUS uses them.
enum TEIRendition {
    /// `hi/@rend` (space-separated; unknown values are ignored, the text is kept).
    static func textStyles(_ rend: String?) -> [TextStyle] {
        guard let rend else { return [] }
        // Hot path: a single known value.
        if let style = textStyle(rend) { return [style] }
        var out: [TextStyle] = []
        for word in rend.split(separator: " ") {
            if let style = textStyle(word), !out.contains(style) { out.append(style) }
        }
        return out
    }

    private static func textStyle(_ word: some StringProtocol) -> TextStyle? {
            let style: TextStyle?
            switch word.lowercased() {
            case "italic", "italics", "i", "it": style = .italic
            case "strong", "bold", "b": style = .bold
            case "roman": style = .roman
            case "smallcaps", "small-caps", "sc": style = .smallCaps
            case "superscript", "sup": style = .superscript
            case "subscript", "sub": style = .subscript
            case "underline", "u": style = .underline
            case "strikethrough", "strike", "line-through": style = .strikethrough
            default: style = nil
            }
            return style
    }

    /// `p/@rend`: center, flushleft, right, sectiontitle, sectiontitleital, sectiontitlebold…
    static func paragraphStyle(_ rend: String?) -> ParagraphStyle {
        // `rendition="#center"` names a rendition of the header: its id says the same.
        guard var rend = rend?.lowercased() else { return .normal }
        if rend.hasPrefix("#") { rend.removeFirst() }
        switch rend {
        case "center", "centered", "centre": return .centered
        case "flushleft", "left": return .flushLeft
        case "flushright", "right": return .flushRight
        default: return rend.hasPrefix("sectiontitle") ? .sectionTitle : .normal
        }
    }

    /// `list/@type` (or `@rend`): subject, participants, ordered, bulleted; plain otherwise.
    static func listKind(type: String?, rend: String?) -> ListKind {
        for value in [type, rend] {
            switch value?.lowercased() {
            case "subject": return .subject
            case "participants": return .participants
            case "ordered", "numbered", "ordinal": return .ordered
            case "bulleted", "bullets", "bullet", "unordered", "simple-bulleted": return .bulleted
            default: continue
            }
        }
        return .plain
    }

    /// The id a `#p_GMS_1` pointer names ("p_GMS_1"); nil for empty pointers. Only the first
    /// of several space-separated pointers counts.
    static func pointer(_ value: String?) -> String? {
        guard let value else { return nil }
        var utf8 = Substring(value).utf8
        // Hot path (every persName and gloss): byte-wise, no splitting.
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        if utf8.first == UInt8(ascii: "#") { utf8 = utf8.dropFirst() }
        if let space = utf8.firstIndex(where: isXMLSpace) { utf8 = utf8[..<space] }
        return utf8.isEmpty ? nil : String(Substring(utf8))
    }

    /// `frus:doc-dateTime-min/max` as a date: the day alone ("1985-11-01") when the range
    /// covers exactly that day, else the earliest time as given.
    static func documentDateEnd(min: String?, max: String?) -> String? {
        guard let start = documentDate(min: min, max: max), let max, !max.isEmpty else { return nil }
        // A range within one day is that day (or its start time): no end of its own.
        if start.count == 10, max.hasPrefix(start) { return nil }
        if max == min { return nil }
        // A range ending at a day's last second ends on that day.
        if max.count >= 19, max.dropFirst(10).hasPrefix("T23:59:59") { return String(max.prefix(10)) }
        return max
    }

    static func documentDate(min: String?, max: String?) -> String? {
        guard let min, !min.isEmpty else { return nil }
        guard min.count >= 19, let max else { return min }
        // A range beginning at a day's first second begins on that day: one whole day, or a
        // span of days ("undated", between two dates), not an event at midnight.
        if min.dropFirst(10).hasPrefix("T00:00:00"), max != min { return String(min.prefix(10)) }
        return min
    }
}

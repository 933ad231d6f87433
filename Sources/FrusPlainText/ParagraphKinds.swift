/// How a paragraph of the plain-text format is recognised: salutations, datelines, signatures,
/// attachment headings. General rules about FRUS documents, not about particular files.
enum ParagraphKinds {
    /// "Dear Mr. President," / "Dear Mr. General Secretary:" / "Mr. Secretary:"
    static func isSalutation(_ t: [UInt8]) -> Bool {
        guard t.count <= 90, let last = t.last, last == 0x2C || last == 0x3A else { return false }
        for start: StaticString in ["Dear ", "My dear ", "Mr. President", "Madam ", "Sir", "Excellency", "Your Excellency", "Mr. Secretary", "Mr. Chairman", "Mr. General Secretary"]
        where t.matches(start, at: 0) {
            return true
        }
        return false
    }

    /// "Washington, January 13, 1986" / "Moscow, December 12, 1985." / "January 13, 1986"
    static func isDateline(_ t: [UInt8]) -> Bool {
        guard t.count <= 80 else { return false }
        for month in months {
            guard let r = find(month, in: t) else { continue }
            // After the month: day, comma, four-digit year, optional full stop, nothing else.
            let day = t.digitRun(from: r.upperBound)
            guard (1...2).contains(day.count), t.matches(", ", at: day.upperBound) else { return false }
            let year = t.digitRun(from: day.upperBound + 2)
            guard year.count == 4 else { return false }
            let tail = t.count - year.upperBound
            guard tail == 0 || (tail == 1 && t.last == 0x2E) else { return false }
            // Before the month: nothing, or a place name ending in ", ".
            let before = t[..<r.lowerBound]
            return before.isEmpty || (before.count <= 40 && before.suffix(2).elementsEqual([0x2C, 0x20]) && !before.dropLast(2).contains(0x2E))
        }
        return false
    }

    private static let months = ["January ", "February ", "March ", "April ", "May ", "June ", "July ", "August ", "September ", "October ", "November ", "December "].map { Array($0.utf8) }

    private static func find(_ needle: [UInt8], in t: [UInt8]) -> Range<Int>? {
        guard needle.count <= t.count else { return nil }
        var i = 0
        while i + needle.count <= t.count {
            if t[i] == needle[0], t[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    /// "Sincerely," "Respectfully yours,"
    static func isClosing(_ t: [UInt8]) -> Bool {
        guard t.count <= 40, t.last == 0x2C else { return false }
        for start: StaticString in ["Sincerely", "Respectfully", "Yours", "With best", "Best regards", "Cordially", "Faithfully", "Very truly", "With respect", "Warm regards"]
        where t.matches(start, at: 0, caseInsensitive: true) {
            return true
        }
        return false
    }

    /// Short lines that look like a name: "Ronald Reagan", "M. Gorbachev", "George P. Shultz".
    static func isSignature(_ p: DocumentParser.RawParagraph) -> Bool {
        guard p.lines.count <= 4 else { return false }
        for line in p.lines {
            let t = line.trimmed
            guard t.count <= 60 else { return false }
            let words = t.split(separator: 0x20)
            guard words.count <= 6, let last = t.last else { return false }
            // A sentence ends with a full stop; a name ends with a letter (or an initial "Jr.").
            if last == 0x2E, !(words.last.map { $0.count <= 3 } ?? false) { return false }
            if last == 0x3A || last == 0x3B || last == 0x3F || last == 0x21 { return false }
            guard let first = t.first, (first >= 0x41 && first <= 0x5A) || first == 0x5B || first >= 0x80 else { return false }
        }
        return true
    }

    /// A line that opens an attachment: set off by two or more blank lines, or starting with
    /// "Attachment", "Tab A", "Enclosure"; short, not a sentence, followed by more text, and
    /// either ending with its own footnote marker or naming a kind of document.
    static func isAttachmentHeading(_ p: DocumentParser.RawParagraph, isLast: Bool, isFirst: Bool) -> Bool {
        guard p.lines.count <= 2, !isLast else { return false }
        let t = joinedLines(p.lines)
        guard t.count <= 300, !t.isEmpty else { return false }
        if isLabel(t) { return true }
        guard p.blanksBefore >= 2, !isFirst else { return false }
        // Strip a trailing marker: "… to President Reagan 5".
        var end = t.count
        while end > 0, isDigit(t[end - 1]) { end -= 1 }
        let endsWithMarker = end < t.count && end > 0 && t[end - 1] == 0x20
        if endsWithMarker { end -= 1 }
        guard end > 0 else { return false }
        let last = t[end - 1]
        if last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3B || last == 0x3F || last == 0x21 { return false }
        if endsWithMarker { return true }
        for kind: StaticString in ["Letter", "Memorandum", "Telegram", "Message", "Paper", "Note", "Talking Points", "Non-Paper", "Draft", "Text", "Minutes", "Statement", "Summary", "Report", "Briefing", "Cable", "Agenda", "Annex", "Appendix", "Enclosure", "Attachment", "Tab ", "Points", "Background", "Excerpt", "Speech", "Press", "Joint", "Proposed", "Suggested", "Reply", "Response"]
        where t.matches(kind, at: 0) {
            return true
        }
        return false
    }

    /// "Attachment", "Attachment 2", "Tab A", "Enclosure" alone on a line.
    static func isLabel(_ t: [UInt8]) -> Bool {
        guard t.count <= 20 else { return false }
        for label: StaticString in ["Attachment", "Tab ", "Enclosure", "Annex", "Appendix"] where t.matches(label, at: 0) {
            return true
        }
        return false
    }
}

/// Text from input files quoted in messages: control characters made visible, cut to a length.
public enum Printable {
    public static func excerpt(_ t: [UInt8], limit: Int = 60) -> String {
        var s = ""
        for scalar in String(decoding: t, as: UTF8.self).unicodeScalars {
            if s.count >= limit { s += "…"; break }
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x80..<0xA0: s += "\\u{\(String(scalar.value, radix: 16))}"
            default: s.unicodeScalars.append(scalar)
            }
        }
        return s
    }
}

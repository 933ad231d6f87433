import FrusModel

/// Edits at the edges of inline lists, for white space normalisation: a block's text
/// neither begins nor ends with a space or a line break, and a line break has no space
/// before it. The space to trim may sit inside a styled run or a link that already closed.
extension Array where Element == Inline {
    /// Removes trailing spaces (and, if `lineBreaks`, trailing line breaks), looking into
    /// the last nested run when needed. Empty runs left behind are removed.
    /// The first footnote marker, looking into styled runs, links and mentions.
    var firstFootnoteRef: Int? {
        var found: Int?
        for inline in self where found == nil {
            inline.forEach { if found == nil, case .footnoteRef(let n) = $0 { found = n } }
        }
        return found
    }

    mutating func trimTrailing(lineBreaks: Bool) {
        while let last = self.last {
            switch last {
            case .text(let s):
                // Byte-wise: counting Characters would walk the whole paragraph.
                guard s.utf8.last == 0x20 else { return }
                var end = s.utf8.endIndex
                while end > s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == 0x20 {
                    end = s.utf8.index(before: end)
                }
                if end == s.utf8.startIndex { removeLast(); continue }
                self[count - 1] = .text(String(s[..<end]))
                return
            case .lineBreak where lineBreaks:
                removeLast()
            case .styled(let style, var children):
                children.trimTrailing(lineBreaks: lineBreaks)
                if children.isEmpty { removeLast(); continue }
                self[count - 1] = .styled(style, children)
                return
            case .link(let target, var children):
                children.trimTrailing(lineBreaks: lineBreaks)
                if children.isEmpty { removeLast(); continue }
                self[count - 1] = .link(target, children)
                return
            case .mention(let m, var children):
                children.trimTrailing(lineBreaks: lineBreaks)
                if children.isEmpty { removeLast(); continue }
                self[count - 1] = .mention(m, children)
                return
            default:
                return
            }
        }
    }

    /// Removes `prefix` from the start of the first text (skipping leading page breaks and
    /// looking into a leading styled run): "130. Note From …" → "Note From …".
    /// Returns whether it was there.
    @discardableResult
    mutating func removeLeadingText(_ prefix: String) -> Bool {
        for i in indices {
            switch self[i] {
            case .pageBreak, .footnoteRef:
                continue
            case .text(let s):
                guard s.hasPrefix(prefix) else { return false }
                var rest = s[s.index(s.startIndex, offsetBy: prefix.count)...]
                while rest.utf8.first == 0x20 { rest = rest.dropFirst() }
                if rest.isEmpty { remove(at: i) } else { self[i] = .text(String(rest)) }
                return true
            case .styled(let style, var children):
                guard children.removeLeadingText(prefix) else { return false }
                if children.isEmpty { remove(at: i) } else { self[i] = .styled(style, children) }
                return true
            default:
                return false
            }
        }
        return false
    }

}

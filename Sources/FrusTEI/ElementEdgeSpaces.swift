import FrusModel

/// Spaces that the source's line breaks leave at the inner edges of an inline element, next
/// to a bracket or a closing mark outside it. Volumes pretty-printed by their encoders
/// (1940s–50s) write `(<persName type="from">⏎<hi>Hamilton</hi>⏎</persName>)` and
/// `[<placeName>⏎<hi>Washington</hi>⏎</placeName>,]`, which would collapse to "( Hamilton )"
/// and "[ Washington ,]"; the printed page reads "(Hamilton)" and "[Washington,]".
///
/// Decided as the events arrive (a byte looked at per element, nothing per character): only
/// white space inside the element is dropped; a space the source writes in one run of text
/// ("( a )", "b , c") or before a spaced ellipsis (". . .") is kept.
extension TEIBuilder {
    /// At an inline element's start: after "(" or "[", its leading white space is no space.
    func dropSpaceAfterOpeningBracket() {
        guard let last = text.lastByte ?? lastTextByte(frames[inlineTarget].inlines) else { return }
        if last == UInt8(ascii: "(") || last == UInt8(ascii: "[") { atSpace = true }
    }

    /// The first text after an inline element's end: when it opens with a closing mark, the
    /// space the element's content ended with goes.
    func dropSpaceBeforeClosingMark(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first, Self.isClosingMark(first), inlineTarget >= 0 else { return }
        if text.lastByte == 0x20 {
            text.dropLastByte()
            atSpace = false
        } else if text.isEmpty, lastTextByte(frames[inlineTarget].inlines) == 0x20 {
            frames[inlineTarget].inlines.trimTrailing(lineBreaks: false)
            atSpace = false
        }
    }

    /// `)` `]` `,` `;` `:` — not ".": ellipses are printed spaced (". . ."), after an element too.
    static func isClosingMark(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    /// The last byte of the text that `inlines` end with, looking into a style, link or name
    /// that closed last; nil when they end with something else (a marker, a break).
    private func lastTextByte(_ inlines: [Inline]) -> UInt8? {
        switch inlines.last {
        case .text(let s)?: return s.utf8.last
        case .styled(_, let c)?, .link(_, let c)?, .mention(_, let c)?: return lastTextByte(c)
        default: return nil
        }
    }
}

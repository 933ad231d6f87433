import FrusLayout
import FrusModel

/// Which pane a mention is drawn in.
public enum MentionPane: Sendable, Hashable { case document, footnotes }

/// A hint `K` shows: letters typed to open the entry of a mention in view. Every occurrence of
/// the same person or term in view carries the same letters.
public struct MentionHint: Sendable, Hashable {
    public var label: String
    public var mention: Mention
    /// Where its occurrences in view are drawn (the first span in view of each).
    public var places: [MentionPlace]
}

public struct MentionPlace: Sendable, Hashable {
    public var pane: MentionPane
    public var span: Span
}

extension ReaderState {
    /// The mentions in view — document pane first, then the footnote pane — one hint per
    /// person or term, in reading order: a, b, c …; with more than 26, two letters each (aa, ab …),
    /// so any of them is `K` and at most two letters away.
    public var mentionHints: [MentionHint] {
        guard let view else { return [] }
        var order: [Mention] = []
        var places: [Mention: [MentionPlace]] = [:]
        func collect(_ layout: LaidOutText, _ pane: MentionPane, _ visible: Range<Int>) {
            for m in layout.mentions {
                guard let span = m.spans.first(where: { visible.contains($0.line) }) else { continue }
                if places[m.mention] == nil { order.append(m.mention) }
                places[m.mention, default: []].append(MentionPlace(pane: pane, span: span))
            }
        }
        collect(view.documentLayout, .document, scroll..<(scroll + documentHeight))
        collect(view.footnoteLayout, .footnotes, footnoteScroll..<(footnoteScroll + footnotesHeight))
        let labels = Self.hintLabels(order.count)
        return zip(order, labels).map { MentionHint(label: $1, mention: $0, places: places[$0] ?? []) }
    }

    /// `count` labels, none a prefix of another: single letters up to 26, else pairs.
    static func hintLabels(_ count: Int) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        if count <= letters.count { return letters.prefix(count).map { String($0) } }
        var out: [String] = []
        outer: for a in letters {
            for b in letters {
                if out.count == count { break outer }
                out.append(String([a, b]))
            }
        }
        return out
    }
}

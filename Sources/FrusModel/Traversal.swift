/// One generic traversal (pandoc's `query`): every inline of a block tree, in reading order,
/// including those nested in styles, links, mentions, list items, tables and attachments.
/// Link lists, page indexes, plain text and search text are all built on it.
extension Inline {
    /// Calls `body` on this inline and every inline nested in it, depth first.
    public func forEach(_ body: (Inline) -> Void) {
        body(self)
        switch self {
        case .styled(_, let c), .link(_, let c), .mention(_, let c): c.forEach { $0.forEach(body) }
        case .text, .footnoteRef, .pageBreak, .lineBreak: break
        }
    }
}

extension Block {
    /// The inline sequences directly or indirectly inside this block, in reading order.
    public func forEachInlineList(_ body: ([Inline]) -> Void) {
        switch self {
        case .heading(let i), .paragraph(let i, _), .dateline(let i), .salutation(let i),
            .closer(let i), .editorialNote(let i):
            body(i)
        case .list(_, let items): items.forEach { $0.forEach { $0.forEachInlineList(body) } }
        case .quote(let b), .container(_, let b): b.forEach { $0.forEachInlineList(body) }
        case .table(let rows): rows.forEach { $0.forEach(body) }
        case .attachment(let a):
            body(a.label)
            body(a.heading)
            a.blocks.forEach { $0.forEachInlineList(body) }
        }
    }

    /// Calls `body` on every inline in this block, depth first, in reading order.
    public func forEachInline(_ body: (Inline) -> Void) {
        forEachInlineList { list in list.forEach { $0.forEach(body) } }
    }

    /// The block's text as a reader sees it, inline lists joined by spaces.
    public var plainText: String {
        var parts: [String] = []
        forEachInlineList { list in
            let t = list.plainText
            if !t.isEmpty { parts.append(t) }
        }
        return parts.joined(separator: " ")
    }

    /// Link targets in this block, in reading order.
    public var linkTargets: [LinkTarget] {
        var out: [LinkTarget] = []
        forEachInline { if case .link(let t, _) = $0 { out.append(t) } }
        return out
    }
}

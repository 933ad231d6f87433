import FrusFind
import GRDB
import GRDBSQLite

/// `frus_snippet(document_text)`: the snippet of the current row — the window of
/// `IndexQueries.snippetWords` tokens holding the most distinct query phrases (then the most
/// matches), matches between `Snippet.openMark` and `Snippet.closeMark`, `…` where text is cut.
///
/// Why not FTS5's own `snippet()`: it scores every match as a window start against every other
/// match of the column (quadratic), and tokenizes each whole column to find sentences. A word in
/// every sentence (`the`: hundreds of matches a document) cost ~2 ms a snippet, two thirds of
/// such a query. This one slides a window over the matches once and tokenizes the text only up
/// to the window's end.
enum SnippetFunction {
    static let name = "frus_snippet"

    /// Registers the function on a connection (each connection of the index).
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, snippetEntry, nil)
    }

    /// A match: a query phrase found at tokens `start..<end` of column `column`.
    struct Hit: Equatable {
        var column: Int32
        var start: Int32
        var end: Int32
        var phrase: Int32
    }

    /// The window chosen: column, first token, token count of the column.
    struct Window: Equatable {
        var column: Int32
        var start: Int32
        var end: Int32
    }

    /// The best window of `width` tokens over `hits` (any order): most distinct phrases, then
    /// most matches, then the earliest (columns in order); placed so that its matches sit in its
    /// middle, within the column (`columnSize(c)` tokens). Nil when there is no match.
    static func bestWindow(_ hits: [Hit], width: Int32, columnSize: (Int32) -> Int32) -> Window? {
        let hits = hits.sorted { ($0.column, $0.start, $0.end) < ($1.column, $1.start, $1.end) }
        guard !hits.isEmpty else { return nil }
        var seen: [Int32: Int] = [:]  // phrase → matches in the current window
        var best: (score: Int, first: Int, last: Int)?
        var j = 0  // one past the last match in the window
        for i in hits.indices {
            if i > 0 {
                // The window no longer holds hits[i - 1].
                let p = hits[i - 1].phrase
                if j > i - 1 { seen[p, default: 1] -= 1; if seen[p] == 0 { seen[p] = nil } }
            }
            if j < i { j = i }
            while j < hits.count, hits[j].column == hits[i].column, hits[j].end <= hits[i].start + width {
                seen[hits[j].phrase, default: 0] += 1
                j += 1
            }
            // A match longer than the window (a phrase of more than `width` words) alone.
            let last = max(i, j - 1)
            let count = max(1, j - i)
            let score = max(1, seen.count) * 1000 + count
            if best == nil || score > best!.score { best = (score, i, last) }
        }
        guard let best else { return nil }
        let column = hits[best.first].column
        let first = hits[best.first].start
        let last = hits[best.first...best.last].map(\.end).max()!
        var start = first - max(0, width - (last - first)) / 2
        let size = columnSize(column)
        if start + width > size { start = size - width }
        if start < 0 || start > first { start = min(max(0, start), first) }
        return Window(column: column, start: start, end: start + width)
    }

    /// The snippet text of `text` (a column's), whose tokens `tokens` (byte ranges, in order,
    /// from the first) cover at least the window: matches marked, `…` at cuts.
    static func render(
        _ text: UnsafeBufferPointer<UInt8>, tokens: [Range<Int>], firstToken: Int32, window: Window, hits: [Hit],
        columnTokens: Int32
    ) -> String {
        guard !tokens.isEmpty else { return "" }
        // The matched token ranges in the window, overlapping ones merged.
        var marked: [Range<Int32>] = []
        for h in hits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) })
        where h.column == window.column && h.end > window.start && h.start < window.end {
            let r = max(h.start, window.start)..<min(h.end, window.end)
            if let lastRange = marked.last, r.lowerBound < lastRange.upperBound {
                marked[marked.count - 1] = lastRange.lowerBound..<max(lastRange.upperBound, r.upperBound)
            } else {
                marked.append(r)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        let ellipsis = Array("…".utf8)
        let open = Array(String(Snippet.openMark).utf8)
        let close = Array(String(Snippet.closeMark).utf8)
        let lastToken = min(Int(window.end), Int(firstToken) + tokens.count) - 1
        if window.start > 0 { out += ellipsis }
        var m = 0
        var previousEnd: Int?
        for t in Int(window.start)...max(Int(window.start), lastToken) {
            let i = t - Int(firstToken)
            guard i >= 0, i < tokens.count else { break }
            let span = tokens[i]
            if let previousEnd, previousEnd < span.lowerBound { out += text[previousEnd..<span.lowerBound] }
            while m < marked.count, marked[m].upperBound <= Int32(t) { m += 1 }
            let inMatch = m < marked.count && marked[m].contains(Int32(t))
            if inMatch, marked[m].lowerBound == Int32(t) { out += open }
            out += text[span]
            if inMatch, marked[m].upperBound == Int32(t + 1) { out += close }
            previousEnd = span.upperBound
        }
        if Int32(lastToken + 1) < columnTokens {
            out += ellipsis
        } else if let previousEnd, previousEnd < text.count {
            // The column's last token: keep its closing punctuation, as FTS5 did.
            out += text[previousEnd...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Token byte ranges collected by `xTokenize` for tokens `first..<end`.
private final class TokenCollector {
    let first: Int32
    let end: Int32
    var index: Int32 = 0
    var spans: [Range<Int>] = []
    init(first: Int32, end: Int32) {
        self.first = first
        self.end = end
    }
}

private let collectToken: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32)
    -> Int32 = { context, flags, _, _, start, end in
        let collector = Unmanaged<TokenCollector>.fromOpaque(context!).takeUnretainedValue()
        if flags & FTS5_TOKEN_COLOCATED != 0 { return SQLITE_OK }
        defer { collector.index += 1 }
        if collector.index >= collector.end { return SQLITE_DONE }  // enough: stop tokenizing
        if collector.index >= collector.first { collector.spans.append(Int(start)..<Int(end)) }
        return SQLITE_OK
    }

private let snippetEntry: fts5_extension_function = { apiPointer, fts, context, _, _ in
    guard let api = apiPointer?.pointee else { return }
    let snippet = makeSnippet(api, fts)
    sqlite3_result_text(context, snippet, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
}

private func makeSnippet(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?) -> String {
    let width = Int32(IndexQueries.snippetWords)
    var count: Int32 = 0
    guard api.xInstCount(fts, &count) == SQLITE_OK else { return "" }
    var hits: [SnippetFunction.Hit] = []
    hits.reserveCapacity(Int(count))
    for i in 0..<count {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        guard api.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else { continue }
        hits.append(.init(column: column, start: offset, end: offset + max(1, api.xPhraseSize(fts, phrase)), phrase: phrase))
    }
    func columnSize(_ column: Int32) -> Int32 {
        var n: Int32 = 0
        return api.xColumnSize(fts, column, &n) == SQLITE_OK ? n : 0
    }
    // No match to show (a query of exclusions only cannot happen; kept safe): the body's start.
    let window = SnippetFunction.bestWindow(hits, width: width, columnSize: columnSize)
        ?? SnippetFunction.Window(column: 1, start: 0, end: width)
    var pointer: UnsafePointer<CChar>?
    var length: Int32 = 0
    guard api.xColumnText(fts, window.column, &pointer, &length) == SQLITE_OK, let pointer, length > 0 else { return "" }
    let collector = TokenCollector(first: window.start, end: window.end)
    let context = Unmanaged.passUnretained(collector).toOpaque()
    _ = api.xTokenize(fts, pointer, length, context, collectToken)
    return pointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
        SnippetFunction.render(
            UnsafeBufferPointer(start: bytes, count: Int(length)), tokens: collector.spans, firstToken: window.start,
            window: window, hits: hits, columnTokens: columnSize(window.column))
    }
}

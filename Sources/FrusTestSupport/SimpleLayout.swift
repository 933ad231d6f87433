import FrusLayout
import FrusModel

/// A plain word-wrapping layout that fills the `LaidOutText` contract (markers as "[n]", page
/// tags as "[Page n]", links with their spans, footnote line ranges). Reader and view tests use
/// it so that they check the reader against a layout they know, independent of FrusLayout's
/// typographic choices.
public enum SimpleLayout {
    public static func document(_ doc: Document, width: Int) -> LaidOutText {
        var b = Builder(width: max(1, width), linkTargets: doc.references.map(\.target))
        b.paragraph(doc.titleInlines, role: .title, prefix: "\(doc.number). ")
        if let subject = doc.subject { b.blank(); b.paragraph([.text(subject)], role: .subject) }
        for block in doc.blocks { b.block(block) }
        return b.output
    }

    public static func footnotes(_ doc: Document, width: Int) -> LaidOutText {
        var b = Builder(width: max(1, width), linkTargets: doc.references.map(\.target))
        // Footnote links come after the body's in `Document.references`.
        b.linkCounter = doc.references.firstIndex { if case .footnote = $0.site { return true } else { return false } } ?? 0
        for note in doc.footnotes {
            let start = b.lines.count
            b.site = .footnote(note.number)
            for (i, block) in note.blocks.enumerated() {
                b.block(block, prefix: i == 0 ? "\(note.number). " : "", spaced: false)
            }
            b.footnoteLines[note.number] = start..<b.lines.count
        }
        return b.output
    }

    struct Fragment {
        var text: String
        var role: StyleRole
        var reference: Int?
        var page: String?
    }

    struct Builder {
        let width: Int
        let linkTargets: [LinkTarget]
        var lines: [LaidOutLine] = []
        var references: [LaidOutReference] = []
        var pages: [LaidOutPage] = []
        var footnoteLines: [Int: Range<Int>] = [:]
        var linkCounter = 0
        var site: ReferenceSite = .body

        init(width: Int, linkTargets: [LinkTarget]) {
            self.width = width
            self.linkTargets = linkTargets
        }

        var output: LaidOutText {
            LaidOutText(width: width, lines: lines, references: references, pages: pages, footnoteLines: footnoteLines)
        }

        mutating func blank() { lines.append(LaidOutLine()) }

        mutating func block(_ block: Block, prefix: String = "", spaced: Bool = true) {
            if spaced && !lines.isEmpty { blank() }
            switch block {
            case .paragraph(let i, _), .editorialNote(let i): paragraph(i, role: .text, prefix: prefix)
            case .heading(let i): paragraph(i, role: .heading, prefix: prefix)
            case .dateline(let i): paragraph(i, role: .dateline, prefix: prefix)
            case .salutation(let i): paragraph(i, role: .salutation, prefix: prefix)
            case .closer(let i): paragraph(i, role: .closer, prefix: prefix)
            case .attachment(let a):
                paragraph(a.heading, role: .attachment, prefix: prefix)
                for b in a.blocks { self.block(b) }
            case .list(_, let items): for item in items { for b in item { self.block(b, spaced: false) } }
            case .quote(let bs), .container(_, let bs): for b in bs { self.block(b, spaced: false) }
            case .table(let rows): for row in rows { paragraph(row.flatMap { $0 + [.text(" ")] }, role: .text) }
            }
        }

        /// Flattens inlines into words (fragments with no space between them).
        mutating func words(_ inlines: [Inline], role: StyleRole, reference: Int? = nil, into out: inout [[Fragment]]) {
            for inline in inlines {
                switch inline {
                case .text(let s):
                    let parts = s.split(separator: " ", omittingEmptySubsequences: false)
                    for (i, part) in parts.enumerated() {
                        if i > 0 { out.append([]) }
                        if !part.isEmpty { append(Fragment(text: String(part), role: role, reference: reference), to: &out) }
                    }
                case .styled(_, let c), .mention(_, let c):
                    words(c, role: role, reference: reference, into: &out)
                case .link(let target, let c):
                    let index = linkCounter
                    linkCounter += 1
                    references.append(LaidOutReference(kind: .link(target, index: index), spans: [], site: site))
                    words(c, role: .link, reference: references.count - 1, into: &out)
                case .footnoteRef(let n):
                    references.append(LaidOutReference(kind: .marker(n), spans: [], site: site))
                    append(Fragment(text: "[\(n)]", role: .marker, reference: references.count - 1), to: &out)
                case .pageBreak(let p):
                    append(Fragment(text: "[Page \(p)]", role: .page, page: p), to: &out)
                case .lineBreak:
                    out.append([Fragment(text: "\n", role: role)])
                    out.append([])
                }
            }
        }

        func append(_ f: Fragment, to out: inout [[Fragment]]) {
            if out.isEmpty { out.append([]) }
            out[out.count - 1].append(f)
        }

        mutating func paragraph(_ inlines: [Inline], role: StyleRole, prefix: String = "") {
            var ws: [[Fragment]] = prefix.isEmpty ? [] : [[Fragment(text: prefix.trimmingSpaces, role: role == .text ? .footnoteNumber : role)], []]
            words(inlines, role: role, into: &ws)
            var line = LaidOutLine()
            var x = 0
            func newLine() { lines.append(line); line = LaidOutLine(); x = 0 }
            for word in ws where !word.isEmpty {
                if word.first?.text == "\n" { newLine(); continue }
                let w = word.reduce(0) { $0 + $1.text.count }
                if x > 0 && x + 1 + w > width { newLine() }
                if x > 0 { line.runs.append(StyledRun(text: " ", role: role, width: 1)); x += 1 }
                for f in word {
                    var text = Substring(f.text)
                    while !text.isEmpty {
                        if x >= width { newLine() }
                        let piece = text.prefix(width - x)
                        text = text.dropFirst(piece.count)
                        line.runs.append(StyledRun(text: String(piece), role: f.role, width: piece.count))
                        if let r = f.reference { addSpan(r, line: lines.count, x..<(x + piece.count)) }
                        if let p = f.page { pages.append(LaidOutPage(page: p, span: Span(line: lines.count, columns: x..<(x + piece.count)))) }
                        x += piece.count
                    }
                }
            }
            newLine()
        }

        mutating func addSpan(_ r: Int, line: Int, _ columns: Range<Int>) {
            if let last = references[r].spans.last, last.line == line, last.columns.upperBound + 1 >= columns.lowerBound {
                references[r].spans[references[r].spans.count - 1].columns = last.columns.lowerBound..<columns.upperBound
            } else {
                references[r].spans.append(Span(line: line, columns: columns))
            }
        }
    }
}

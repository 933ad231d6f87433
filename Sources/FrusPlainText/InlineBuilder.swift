import FrusModel

/// Turns one unit of text (a paragraph, heading or footnote) into inlines, once its page
/// breaks, footnote markers and cross-references are known.
struct TextUnit {
    /// The text with page markers taken out (footnote marker digits still in).
    var text: [UInt8]
    /// Page breaks (offsets into `text`).
    var breaks: [(offset: Int, page: String)]

    init(_ raw: [UInt8]) {
        (text, breaks) = PageMarkers.extract(raw)
    }

    /// The inlines, with the digits of `markers` turned into `.footnoteRef` and references in
    /// the remaining text turned into `.link`s.
    func inlines(markers: [FootnoteMarkers.Candidate], volume: String, document: String, findLinks: Bool = true) -> [Inline] {
        // Take the marker digits out, keeping where each marker and page break now stands.
        var clean: [UInt8] = []
        clean.reserveCapacity(text.count)
        var points: [(offset: Int, order: Int, inline: Inline)] = []
        var removedBefore: [(at: Int, count: Int)] = []
        var last = 0
        for m in markers.sorted(by: { $0.digits.lowerBound < $1.digits.lowerBound }) {
            clean += text[last..<m.digits.lowerBound]
            // A heading's marker stands after a space ("… Reagan 5"): the space goes with it.
            if clean.last == 0x20 { clean.removeLast() }
            points.append((clean.count, 1, .footnoteRef(m.value)))
            removedBefore.append((m.digits.lowerBound, m.digits.count))
            last = m.digits.upperBound
        }
        clean += text[last...]
        for (k, b) in breaks.enumerated() {
            // A break after a marker's digits stays after the marker.
            let shift = removedBefore.reduce(0) { $0 + ($1.at < b.offset ? min($1.count, b.offset - $1.at) : 0) }
            points.append((b.offset - shift, 2 + k, .pageBreak(b.page)))
        }
        points.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        let links = findLinks ? CrossReferences.find(in: clean, volume: volume, document: document) : []
        return Self.assemble(clean, points: points.map { ($0.offset, $0.inline) }, links: links)
    }

    /// Interleaves text, point inlines (markers, page breaks) and link ranges.
    static func assemble(_ t: [UInt8], points: [(offset: Int, inline: Inline)], links: [CrossReferences.Match]) -> [Inline] {
        var next = 0  // next point to place
        func segment(_ a: Int, _ b: Int, takePointsAtEnd: Bool) -> [Inline] {
            var out: [Inline] = []
            var pos = a
            while next < points.count, points[next].offset < b || (takePointsAtEnd && points[next].offset == b) {
                let p = points[next]
                if p.offset > pos { out.append(.text(t.string(pos..<p.offset))) }
                pos = max(pos, p.offset)
                out.append(p.inline)
                next += 1
            }
            if b > pos { out.append(.text(t.string(pos..<b))) }
            return out
        }
        var out: [Inline] = []
        var pos = 0
        for link in links where link.range.lowerBound >= pos {
            out += segment(pos, link.range.lowerBound, takePointsAtEnd: true)
            out.append(.link(link.target, segment(link.range.lowerBound, link.range.upperBound, takePointsAtEnd: false)))
            pos = link.range.upperBound
        }
        out += segment(pos, t.count, takePointsAtEnd: true)
        return out
    }
}

extension Array where Element == UInt8 {
    /// Tabs as spaces, runs of spaces as one, no leading or trailing space.
    var collapsingSpaces: [UInt8] {
        // Most text is clean already: no tabs or newlines, no double, leading or trailing spaces.
        if first != 0x20, last != 0x20, !hasUnusualSpace { return self }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var pendingSpace = false
        for b in self {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return out
    }
}

extension Array where Element == UInt8 {
    fileprivate var hasUnusualSpace: Bool {
        var previousSpace = false
        for b in self {
            if b == 0x09 || b == 0x0A || b == 0x0D { return true }
            if b == 0x20 { if previousSpace { return true }; previousSpace = true } else { previousSpace = false }
        }
        return false
    }
}

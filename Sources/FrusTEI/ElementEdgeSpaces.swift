import FrusModel

/// Spaces that the source's line breaks leave at the inner edges of an inline element, next
/// to a bracket or a closing mark outside it. Volumes pretty-printed by their encoders
/// (1940s–50s) write `(<persName type="from">⏎<hi>Hamilton</hi>⏎</persName>)` and
/// `[<placeName>⏎<hi>Washington</hi>⏎</placeName>,]`, which collapse to "( Hamilton )" and
/// "[ Washington ,]"; the printed page reads "(Hamilton)" and "[Washington,]".
///
/// Only spaces at a boundary between two runs of text (where an element began or ended) are
/// dropped: a space written inside one run of the source's text is kept.
extension Array where Element == Inline {
    mutating func dropSpacesAtElementEdges() {
        // A block of one run of text (most paragraphs) has no boundary.
        if count < 2, case .text? = first { return }
        // Most other blocks have no such boundary either: find one before building anything.
        var probe = EdgeProbe()
        probe.scan(self)
        guard probe.found else { return }
        var leaves: [[Int]] = []
        Self.collectLeaves(self, path: [], into: &leaves)
        for k in leaves.indices.dropFirst() {
            let (left, right) = (leaves[k - 1], leaves[k])
            guard !left.isEmpty, !right.isEmpty, let l = self.text(at: left), let r = self.text(at: right)
            else { continue }
            let lb = EdgeProbe.end(l), rb = EdgeProbe.start(r)
            if EdgeProbe.opensBeforeSpace(lb, rb) {
                // "(" | " Hamilton" or "( " | "Hamilton": the space after the bracket goes.
                if rb.0 == 0x20 { setText(String(r.dropFirst()), at: right) } else { setText(String(l.dropLast()), at: left) }
            } else if EdgeProbe.spaceBeforeClose(lb, rb) {
                // "Hamilton " | ")" or "Hamilton" | " ,]": the space before the mark goes.
                if lb.1 == 0x20 { setText(String(l.dropLast()), at: left) } else { setText(String(r.dropFirst()), at: right) }
            }
        }
    }

    private static func collectLeaves(_ inlines: [Inline], path: [Int], into leaves: inout [[Int]]) {
        for (i, inline) in inlines.enumerated() {
            switch inline {
            case .text: leaves.append(path + [i])
            case .styled(_, let c), .link(_, let c), .mention(_, let c): collectLeaves(c, path: path + [i], into: &leaves)
            // A marker, a page or a line break stands between: no boundary across it.
            default: leaves.append([])
            }
        }
    }

    private func text(at path: [Int]) -> String? {
        guard let first = path.first, indices.contains(first) else { return nil }
        switch self[first] {
        case .text(let s): return path.count == 1 ? s : nil
        case .styled(_, let c), .link(_, let c), .mention(_, let c): return c.text(at: [Int](path.dropFirst()))
        default: return nil
        }
    }

    private mutating func setText(_ s: String, at path: [Int]) {
        guard let first = path.first, indices.contains(first) else { return }
        switch self[first] {
        case .text: self[first] = .text(s)
        case .styled(let style, var c):
            c.setText(s, at: [Int](path.dropFirst()))
            self[first] = .styled(style, c)
        case .link(let target, var c):
            c.setText(s, at: [Int](path.dropFirst()))
            self[first] = .link(target, c)
        case .mention(let m, var c):
            c.setText(s, at: [Int](path.dropFirst()))
            self[first] = .mention(m, c)
        default: break
        }
    }
}

/// A walk over the runs of text of a block, in order, that notes whether any two neighbours
/// meet with a space next to a bracket or a closing mark.
private struct EdgeProbe {
    var found = false
    /// The end of the run before (`end`), if a run of text came just before.
    var previous: (UInt8, UInt8)?

    mutating func scan(_ inlines: [Inline]) {
        for inline in inlines where !found {
            switch inline {
            case .text(let s):
                let u = s.utf8
                guard let first = u.first, let last = u.last else { continue }
                if let previous {
                    // The second byte of this run matters only after a space; the byte before
                    // the last of the previous one only before it.
                    let start = (first, first == 0x20 ? Self.start(s).1 : 0)
                    found = Self.opensBeforeSpace(previous, start) || Self.spaceBeforeClose(previous, start)
                }
                previous = last == 0x20 ? Self.end(s) : (0x21, last)
            case .styled(_, let c), .link(_, let c), .mention(_, let c):
                scan(c)
            default:
                previous = nil
            }
        }
    }

    /// A run's first two bytes (0 where there is none).
    static func start(_ s: String) -> (UInt8, UInt8) {
        var i = s.utf8.makeIterator()
        let a = i.next() ?? 0
        return (a, a == 0 ? 0 : i.next() ?? 0)
    }

    /// A run's last two bytes, in order (0 where there is none).
    static func end(_ s: String) -> (UInt8, UInt8) {
        let u = s.utf8
        guard let last = u.last else { return (0, 0) }
        let before = u.count > 1 ? u[u.index(u.endIndex, offsetBy: -2)] : 0
        return (before, last)
    }

    static func isOpening(_ b: UInt8) -> Bool { b == UInt8(ascii: "(") || b == UInt8(ascii: "[") }

    static func isClosing(_ b: UInt8) -> Bool {
        switch b {
        // Not ".": ellipses are printed spaced (". . ."), after an element too.
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return true
        default: return false
        }
    }

    /// "(" then " x", or "( " then "x".
    static func opensBeforeSpace(_ left: (UInt8, UInt8), _ right: (UInt8, UInt8)) -> Bool {
        guard left.1 != 0, right.0 != 0 else { return false }
        if isOpening(left.1) { return right.0 == 0x20 }
        return left.1 == 0x20 && isOpening(left.0) && right.0 != 0x20
    }

    /// "x " then ")", or "x" then " )".
    static func spaceBeforeClose(_ left: (UInt8, UInt8), _ right: (UInt8, UInt8)) -> Bool {
        guard left.1 != 0, right.0 != 0 else { return false }
        if left.1 == 0x20 { return isClosing(right.0) && left.0 != 0x20 }
        return right.0 == 0x20 && isClosing(right.1)
    }
}

import FrusModel

/// Cross-references in running text, as FRUS prints them:
/// "Document 168", "Documents 12 and 15", "Documents 12, 14, and 15", "Documents 12–14",
/// "footnote 3, Document 136", "Document 136, footnote 3", "footnote 4 above",
/// and other volumes: "Foreign Relations, 1981–1988, vol. IV, Soviet Union, January 1983–March
/// 1985, Document 150".
public enum CrossReferences {
    /// A reference found in a text: the bytes its label covers and its target.
    public struct Match: Sendable, Equatable {
        public var range: Range<Int>
        public var target: LinkTarget
    }

    /// Finds the references in `text` (UTF-8 bytes). `volume` is the volume the text belongs to,
    /// `document` the number of the document (for "footnote 4 above").
    public static func find(in text: [UInt8], volume: String, document: String) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < text.count {
            let b = text[i] | 0x20
            // Only look where a keyword can start, at a word boundary.
            if (b == 0x64 || b == 0x66), i == 0 || !isWordByte(text[i - 1]) {
                if let (matches, end) = foreignRelations(text, i) ?? documents(text, i, volume: volume)
                    ?? footnote(text, i, volume: volume, document: document)
                {
                    out += matches
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Convenience for strings.
    public static func find(in text: String, volume: String, document: String) -> [(label: String, target: LinkTarget)] {
        let bytes = Array(text.utf8)
        return find(in: bytes, volume: volume, document: document).map { (bytes.string($0.range), $0.target) }
    }

    // MARK: - Document references

    /// "Document 136[, footnote 3]" or "Documents 12 and 15" / "12, 14, and 15" / "12–14".
    private static func documents(_ t: [UInt8], _ i: Int, volume: String) -> ([Match], Int)? {
        guard t.matches("document", at: i, caseInsensitive: true) else { return nil }
        var j = i + 8
        let plural = j < t.count && t[j] == 0x73  // "s"
        if plural { j += 1 }
        guard j + 1 < t.count, t[j] == 0x20, let first = number(t, j + 1) else { return nil }
        // "Document 136, footnote 3"
        if !plural, let (fn, end) = commaFootnote(t, first.range.upperBound) {
            return ([Match(range: i..<end, target: .footnote(volume: volume, document: first.value, footnote: fn))], end)
        }
        var matches = [Match(range: i..<first.range.upperBound, target: .document(volume: volume, number: first.value))]
        var end = first.range.upperBound
        guard plural else { return (matches, end) }
        // Further numbers: ", 14", " and 15", ", and 15", "–14", "-14", " through 14"
        while true {
            var k = end
            // A range ("12–14") links its two ends; the documents between have no label to carry a link.
            if t.matches("–", at: k) { k += 3 }
            else if k < t.count, t[k] == 0x2D { k += 1 }
            else if t.matches(" through ", at: k) { k += 9 }
            else {
                if k < t.count, t[k] == 0x2C { k += 1 }
                if t.matches(" and ", at: k) { k += 5 } else if t.matches(" ", at: k), k > end { k += 1 } else if t.matches(" or ", at: k) { k += 4 } else { break }
                if t.matches("and ", at: k) { k += 4 }
            }
            guard let next = number(t, k) else { break }
            matches.append(Match(range: next.range, target: .document(volume: volume, number: next.value)))
            end = next.range.upperBound
        }
        return (matches, end)
    }

    /// ", footnote 3" after a document number.
    private static func commaFootnote(_ t: [UInt8], _ k: Int) -> (Int, Int)? {
        guard t.matches(", footnote ", at: k, caseInsensitive: true), let n = number(t, k + 11),
            let value = Int(n.value)
        else { return nil }
        return (value, n.range.upperBound)
    }

    /// "footnote 3, Document 136" or "footnote 4 above/below" (this document).
    private static func footnote(_ t: [UInt8], _ i: Int, volume: String, document: String) -> ([Match], Int)? {
        guard t.matches("footnote ", at: i, caseInsensitive: true), let n = number(t, i + 9), let value = Int(n.value)
        else { return nil }
        let k = n.range.upperBound
        for sep: StaticString in [", Document ", " to Document ", " of Document ", " in Document "] {
            if t.matches(sep, at: k, caseInsensitive: true), let d = number(t, k + sep.utf8CodeUnitCount) {
                return ([Match(range: i..<d.range.upperBound, target: .footnote(volume: volume, document: d.value, footnote: value))], d.range.upperBound)
            }
        }
        var end = k
        if t.matches(" above", at: k) { end = k + 6 } else if t.matches(" below", at: k) { end = k + 6 }
        return ([Match(range: i..<end, target: .footnote(volume: volume, document: document, footnote: value))], end)
    }

    // MARK: - Other volumes

    /// "Foreign Relations[ of the United States], 1981–1988, vol. IV[, Part 1], <title>, Document 150"
    private static func foreignRelations(_ t: [UInt8], _ i: Int) -> ([Match], Int)? {
        guard t.matches("Foreign Relations", at: i) else { return nil }
        var k = i + 17
        if t.matches(" of the United States", at: k) { k += 21 }
        guard t.matches(", ", at: k) else { return nil }
        k += 2
        let y1 = t.digitRun(from: k)
        guard y1.count == 4, let first = Int(t.string(y1)) else { return nil }
        k = y1.upperBound
        var last: Int?
        if t.matches("–", at: k) || (k < t.count && t[k] == 0x2D) {
            k += t[k] == 0x2D ? 1 : 3
            let y2 = t.digitRun(from: k)
            guard y2.count == 2 || y2.count == 4, let v = Int(t.string(y2)) else { return nil }
            last = y2.count == 2 ? first / 100 * 100 + v : v
            k = y2.upperBound
        }
        var volumeNumeral: String?
        if t.matches(", vol. ", at: k, caseInsensitive: true) { k += 7 } else if t.matches(", volume ", at: k, caseInsensitive: true) { k += 9 } else { return nil }
        var v = k
        while v < t.count, isASCIILetter(t[v]) || isDigit(t[v]) { v += 1 }
        volumeNumeral = t.string(k..<v)
        k = v
        var part: Int?
        for p: StaticString in [", Part ", ", part ", ", pt. "] where t.matches(p, at: k) {
            let d = t.digitRun(from: k + p.utf8CodeUnitCount)
            if let n = Int(t.string(d)) { part = n; k = d.upperBound }
        }
        guard let numeral = volumeNumeral,
            let volumeID = VolumeID.make(firstYear: first, lastYear: last, volume: numeral, part: part)
        else { return nil }
        let volumeEnd = k
        // The volume's title runs on to ", Document(s) N" within the same sentence.
        var s = k
        let limit = min(t.count, k + 240)
        while s < limit {
            if t[s] == 0x3B || t[s] == 0x29 { break }  // ; or )
            if t[s] == 0x2E, s + 1 < t.count, t[s + 1] == 0x20, s + 2 < t.count, !isDigit(t[s + 2]),
                s >= 2, !(isASCIILetter(t[s - 1]) && !isASCIILetter(t[s - 2]))
            {
                break  // a full stop ends the sentence (but not the "." of an abbreviation like "vol.")
            }
            if t.matches(", Document", at: s) || t.matches(", footnote ", at: s) {
                if let (matches, end) = documents(t, s + 2, volume: volumeID) ?? footnote(t, s + 2, volume: volumeID, document: "") {
                    var all = matches
                    all[0].range = i..<all[0].range.upperBound
                    return (all, end)
                }
            }
            s += 1
        }
        return ([Match(range: i..<volumeEnd, target: .volume(volumeID, anchor: nil))], volumeEnd)
    }

    /// A document number at `k`: digits, optionally one letter ("12a").
    private static func number(_ t: [UInt8], _ k: Int) -> (value: String, range: Range<Int>)? {
        let run = t.digitRun(from: k)
        guard !run.isEmpty, run.count <= 5 else { return nil }
        var end = run.upperBound
        if end < t.count, t[end] >= 0x61, t[end] <= 0x7A, end + 1 >= t.count || !isWordByte(t[end + 1]) { end += 1 }
        if end < t.count, isASCIILetter(t[end]) || isDigit(t[end]) { return nil }
        return (t.string(run.lowerBound..<end), run.lowerBound..<end)
    }
}

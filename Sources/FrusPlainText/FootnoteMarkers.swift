/// Footnote markers in running text. A number is a marker by its place — glued to the end of a
/// word or punctuation (`Moscow.2`, `Shevardnadze.3`), or after a space at the end of a heading
/// (`… to President Reagan 5`) — and by its order: markers run 1, 2, 3 … and match the footnote
/// list. `400 marriages`, `95 percent`, `1932`, `16-year old`, `Document 168` are never markers.
enum FootnoteMarkers {
    /// A number that may be a marker: which text unit, where its digits are, its value.
    struct Candidate {
        var unit: Int
        var digits: Range<Int>
        var value: Int
    }

    /// Candidates glued to the end of a word or punctuation in `text`.
    static func gluedCandidates(in text: [UInt8], unit: Int) -> [Candidate] {
        var out: [Candidate] = []
        var i = 1
        while i < text.count {
            guard isDigit(text[i]), !isDigit(text[i - 1]) else { i += 1; continue }
            let run = text.digitRun(from: i)
            defer { i = run.upperBound }
            guard run.count <= 3, let value = Int(text.string(run)), value > 0 else { continue }
            guard gluedBefore(text, run.lowerBound), freeAfter(text, run.upperBound) else { continue }
            out.append(Candidate(unit: unit, digits: run, value: value))
        }
        return out
    }

    /// A candidate at the very end of a heading, after a space: "… to President Reagan 5".
    static func trailingCandidate(in text: [UInt8], unit: Int) -> Candidate? {
        var end = text.count
        while end > 0, isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isDigit(text[start - 1]) { start -= 1 }
        guard start < end, end - start <= 3, start >= 2, text[start - 1] == 0x20,
            !isDigit(text[start - 2]), let value = Int(text.string(start..<end)), value > 0
        else { return nil }
        return Candidate(unit: unit, digits: start..<end, value: value)
    }

    /// What may stand right before a marker: a letter (not part of a code like "SS-20" or
    /// "D860091"), closing punctuation or a closing quote.
    private static func gluedBefore(_ t: [UInt8], _ i: Int) -> Bool {
        let p = t[i - 1]
        switch p {
        case 0x2E:  // "." — but not a decimal point ("3.5") or an abbreviation's digits
            return i < 2 || !isDigit(t[i - 2])
        case 0x2C, 0x3B, 0x3A, 0x29, 0x5D, 0x3F, 0x21, 0x22, 0x27:  // , ; : ) ] ? ! " '
            return true
        default:
            if isNonASCII(p) {
                // Closing quotes ” ’ (E2 80 9D / E2 80 99) and letters with diacritics; not dashes.
                if i >= 3, t[i - 3] == 0xE2, t[i - 2] == 0x80, t[i - 1] == 0x93 || t[i - 1] == 0x94 { return false }
                return true
            }
            guard isASCIILetter(p) else { return false }
            // The word before must be a word: at least two letters, no digits, not all capitals
            // (codes like "SS20", "MX1" are not words with markers).
            var j = i - 1
            var letters = 0, upper = 0
            while j >= 0, isWordByte(t[j]) || t[j] == 0x27 {
                if isASCIILetter(t[j]) { letters += 1; if t[j] < 0x61 { upper += 1 } }
                j -= 1
            }
            if j >= 0, isDigit(t[j]) || t[j] == 0x2D { return false }
            return letters >= 2 && upper < letters
        }
    }

    /// What may follow a marker: a space, the end, or punctuation that ends a phrase.
    private static func freeAfter(_ t: [UInt8], _ j: Int) -> Bool {
        guard j < t.count else { return true }
        switch t[j] {
        case 0x20, 0x09, 0x0A, 0x2C, 0x3B, 0x3A, 0x29: return true
        case 0x2E:  // "." then space or end: a marker before a sentence's full stop
            return j + 1 >= t.count || isSpace(t[j + 1])
        default:
            // "4—" em dash after a marker
            return t[j] == 0xE2 && j + 2 < t.count && t[j + 1] == 0x80 && (t[j + 2] == 0x94 || t[j + 2] == 0x93)
        }
    }

    /// Chooses the markers among candidates (in reading order) for a footnote list of
    /// `count` notes: markers must run 1, 2, 3 … A number that skips ahead is taken only when
    /// the expected one appears nowhere later — then the skipped markers are missing.
    /// Returns the chosen candidates and the numbers of missing markers.
    static func choose(_ candidates: [Candidate], footnoteCount count: Int) -> (chosen: [Candidate], missing: [Int]) {
        var chosen: [Candidate] = []
        var missing: [Int] = []
        var expected = 1
        for (k, c) in candidates.enumerated() {
            if c.value == expected {
                chosen.append(c)
                expected += 1
            } else if c.value > expected, c.value <= count,
                !candidates[(k + 1)...].contains(where: { $0.value == expected })
            {
                missing += Array(expected..<c.value)
                chosen.append(c)
                expected = c.value + 1
            }
        }
        return (chosen, missing)
    }
}

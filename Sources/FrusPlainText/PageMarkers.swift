/// Printed-page markers in running text: `[Page 766]`, also in the middle of a word
/// (`unfortu[Page 744]nately`).
struct PageMarkers {
    /// The text with the markers taken out, and where each page begins in it (byte offsets).
    /// A marker inside a word is moved to the end of that word, so the word comes out whole;
    /// a marker between spaces takes one of the spaces with it.
    static func extract(_ text: [UInt8]) -> (text: [UInt8], breaks: [(offset: Int, page: String)]) {
        guard contains(text) else { return (text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var breaks: [(Int, String)] = []
        var pendingWordEnd: [String] = []  // pages waiting for the end of the current word
        var i = 0
        while i < text.count {
            if text[i] == 0x5B, let (page, end) = marker(in: text, at: i) {
                let before = out.last
                let after: UInt8? = end < text.count ? text[end] : nil
                let midWord = before.map(isWordByte) == true && after.map(isWordByte) == true
                if midWord {
                    pendingWordEnd.append(page)
                } else {
                    // Drop one of the spaces the marker stood between: "moment. [Page 766] So".
                    var next = end
                    if before == 0x20 || before == nil, after == 0x20 { next += 1 }
                    if before == 0x20, after == nil { out.removeLast() }
                    breaks.append((out.count, page))
                    i = next
                    continue
                }
                i = end
                continue
            }
            if !pendingWordEnd.isEmpty, !isWordByte(text[i]) {
                // "unfortunately" is whole; the pages it held begin after it.
                var end = out.count
                // Keep trailing punctuation with the word: "unfortu[Page 744]nately," → after ",".
                var j = i
                while j < text.count, !isSpace(text[j]), text[j] != 0x5B {
                    out.append(text[j]); j += 1
                }
                end = out.count
                for p in pendingWordEnd { breaks.append((end, p)) }
                pendingWordEnd.removeAll()
                i = j
                continue
            }
            out.append(text[i])
            i += 1
        }
        for p in pendingWordEnd { breaks.append((out.count, p)) }
        return (out, breaks)
    }

    /// Whether the text has a page marker at all (most paragraphs have none).
    static func contains(_ text: [UInt8]) -> Bool {
        var i = 0
        while let k = text[i...].firstIndex(of: 0x5B) {
            if text.matches("[Page ", at: k) { return true }
            i = k + 1
        }
        return false
    }

    /// A `[Page N]` marker at `i`: the page (digits or a roman numeral) and the offset after `]`.
    static func marker(in text: [UInt8], at i: Int) -> (String, Int)? {
        guard text.matches("[Page ", at: i) else { return nil }
        var j = i + 6
        let start = j
        while j < text.count, j - start < 12, isDigit(text[j]) || isASCIILetter(text[j]) { j += 1 }
        guard j > start, j < text.count, text[j] == 0x5D else { return nil }
        return (text.string(start..<j), j + 1)
    }

    /// A paragraph that is nothing but a page marker: "[Page 745]".
    static func standalone(_ text: [UInt8]) -> String? {
        guard let (page, end) = marker(in: text, at: 0), end == text.count else { return nil }
        return page
    }
}

/// The classification marking of a FRUS document, as its source note states it: "Source: …
/// NLR–362–7–40–10–7. Secret; Sensitive. Sent for information." → "Secret; Sensitive".
public enum Classification {
    /// The markings a sentence of a source note can begin with, longest first ("Top Secret"
    /// before "Secret").
    public static let markings = [
        "No classification marking", "Limited Official Use", "Top Secret", "Unclassified", "Confidential", "Secret",
    ]

    /// The first sentence of `note` that begins with a marking (at the note's start or after
    /// ". ", "; " or ": "), without its final period: the marking and its qualifiers
    /// ("Secret; Sensitive; Eyes Only"). Nil when the note states none. A marking must end at a
    /// word's end: "Secretary Shultz initialed it." states none.
    public static func marking(inSourceNote note: String) -> String? {
        let text = Array(note)
        var best: (start: Int, end: Int)?
        for marking in markings {
            let m = Array(marking)
            var i = 0
            while i + m.count <= text.count {
                if let b = best, i >= b.start { break }
                if text[i] == m[0], Array(text[i..<(i + m.count)]) == m, startsSentence(text, at: i),
                    i + m.count == text.count || !text[i + m.count].isLetter
                {
                    best = (i, sentenceEnd(text, from: i + m.count))
                    break
                }
                i += 1
            }
        }
        guard let best else { return nil }
        return String(text[best.start..<best.end]).trimmingSpaces
    }

    private static func startsSentence(_ text: [Character], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, text[j].isWhitespace { j -= 1 }
        if j < 0 { return true }
        return j < i - 1 && (text[j] == "." || text[j] == ";" || text[j] == ":")
    }

    /// Where the sentence ends: at a period followed by a space or the end of the note.
    private static func sentenceEnd(_ text: [Character], from i: Int) -> Int {
        var j = i
        while j < text.count {
            if text[j] == ".", j + 1 == text.count || text[j + 1].isWhitespace { return j }
            j += 1
        }
        return text.count
    }
}

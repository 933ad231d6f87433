/// Escaping and indenting for the Markdown writer: text from a document must never be read as
/// Markdown syntax (a `*` in a telegram is a star, `[Page 766]` is not a link).
enum MarkdownText {
    /// Characters that mean something to a CommonMark or pipe-table parser wherever they stand;
    /// each gets a backslash (CommonMark lets any ASCII punctuation be escaped).
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "#", "~", "$"]

    /// `text` with every special character escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for c in text {
            if special.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Escapes what only means something at the start of a line of a paragraph: list markers
    /// (`-`, `+`, `1.`, `1)`), a setext underline (`=`), a thematic break, a block quote; and
    /// drops leading spaces (four would start a code block). Already escaped text in, each line
    /// of `text` handled.
    static func escapeLineStart(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = Substring(line)
            while l.first == " " { l = l.dropFirst() }
            guard let first = l.first else { return "" }
            if first == "-" || first == "+" || first == "=" || first == ">" {
                return "\\" + l
            }
            // "1986." or "3)" at the start would begin an ordered list.
            let digits = l.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9 {
                let rest = l.dropFirst(digits.count)
                if let mark = rest.first, mark == "." || mark == ")" {
                    return digits + "\\" + rest
                }
            }
            return String(l)
        }.joined(separator: "\n")
    }

    /// Escaped text wrapped in `_…_`, with spaces kept outside the delimiters (CommonMark
    /// emphasis cannot begin or end with a space).
    static func emphasised(_ escaped: String) -> String {
        let core = escaped.trimmingSpaces
        return core.isEmpty ? escaped : "_" + core + "_"
    }

    /// Every line after the first (or every line, with `first`) indented by `n` spaces; blank
    /// lines stay blank.
    static func indent(_ text: String, by n: Int, first: Bool) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            (i == 0 && !first) || line.isEmpty ? String(line) : pad + line
        }.joined(separator: "\n")
    }

    /// Every line prefixed (`> ` for a block quote; a blank line gets the prefix without its
    /// trailing space).
    static func prefixLines(_ text: String, with prefix: String) -> String {
        let bare = prefix.trimmingSpaces
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? bare : prefix + line
        }.joined(separator: "\n")
    }
}

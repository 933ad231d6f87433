/// Checks done on TOML text before TOMLKit sees it, for input that crashes its parser.
///
/// toml++ (inside TOMLKit) asserts that an array's next value does not start with a value
/// terminator; a `}` inside an array (`a = { b = [ }`), or a line separator it does not skip
/// (U+2028, U+0085, vertical tab, form feed), reaches that assert — an abort in a debug build,
/// undefined behaviour in a release one (the assert becomes an assumption). The fuzz target
/// `theme` found it. These are syntax errors anyway: refused here with the line they are on.
enum TOMLPreflight {
    /// Nil when the text may go to TOMLKit, else what is wrong ("… at line N").
    static func problem(in text: String) -> String? {
        var stack: [Unicode.Scalar] = []  // open "[" and "{" of values and headers
        var line = 1
        var scalars = Array(text.unicodeScalars)[...]
        func peek(_ s: String) -> Bool { scalars.starts(with: s.unicodeScalars) }
        while let c = scalars.first {
            switch c {
            case "\n":
                line += 1
                scalars = scalars.dropFirst()
            case "#":
                while let d = scalars.first, d != "\n" { scalars = scalars.dropFirst() }
            case "\"", "'":
                // A string, single- or multi-line: skipped whole (escapes in basic strings).
                let triple = peek(String(repeating: String(c), count: 3))
                scalars = scalars.dropFirst(triple ? 3 : 1)
                while let d = scalars.first {
                    if d == "\\" && c == "\"" { scalars = scalars.dropFirst(2); continue }
                    if d == "\n" {
                        if !triple { break }  // an unterminated string: TOMLKit reports it
                        line += 1
                    }
                    if d == c && (!triple || peek(String(repeating: String(c), count: 3))) {
                        scalars = scalars.dropFirst(triple ? 3 : 1)
                        break
                    }
                    scalars = scalars.dropFirst()
                }
            case "[", "{":
                stack.append(c)
                scalars = scalars.dropFirst()
            case "]", "}":
                let opener: Unicode.Scalar = c == "]" ? "[" : "{"
                if let top = stack.last, top != opener {
                    return "“\(c)” closes a “\(top)” at line \(line)"
                }
                if !stack.isEmpty { stack.removeLast() }
                scalars = scalars.dropFirst()
            case "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                return "a line separator TOML does not allow (U+\(String(c.value, radix: 16, uppercase: true))) at line \(line)"
            default:
                scalars = scalars.dropFirst()
            }
        }
        return nil
    }
}

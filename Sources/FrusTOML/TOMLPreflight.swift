/// Checks done on TOML text before TOMLKit sees it, for input that crashes its parser.
///
/// toml++ (inside TOMLKit) asserts that an array's next value does not start with a value
/// terminator; a `}` inside an array (`a = { b = [ }`), or a line separator it does not skip
/// (U+2028, U+0085, vertical tab, form feed), reaches that assert — an abort in a debug build,
/// undefined behaviour in a release one (the assert becomes an assumption); so does a control
/// character in a table header. The fuzz target `theme` found them. All are errors in TOML
/// anyway: refused here with the line they are on. Every reader of TOML (FrusTheme's theme
/// files, FrusUserFiles' config.toml) asks this first.
public enum TOMLPreflight {
    /// Nil when the text may go to TOMLKit, else what is wrong ("… at line N").
    public static func problem(in text: String) -> String? {
        charactersProblem(text) ?? bracketsProblem(text)
    }

    /// TOML allows no control character but tab (and line ends), in strings and comments too,
    /// and no line separator but LF and CR LF.
    static func charactersProblem(_ text: String) -> String? {
        var line = 1
        for c in text.unicodeScalars {
            let v = c.value
            if c == "\n" { line += 1; continue }
            if (v < 0x20 && c != "\t" && c != "\r") || v == 0x7F || v == 0x85 || v == 0x2028 || v == 0x2029 {
                return "a character TOML does not allow (U+\(String(v, radix: 16, uppercase: true))) at line \(line)"
            }
        }
        return nil
    }

    /// Every `]` and `}` outside strings and comments closes the last `[` or `{` opened, and
    /// every key (of a line, a table header, an inline table, after a dot) starts with a
    /// bare-key character or a quote (toml++ asserts that it does).
    static func bracketsProblem(_ text: String) -> String? {
        var stack: [Unicode.Scalar] = []
        var line = 1
        var scalars = Array(text.unicodeScalars)[...]
        func starts(_ s: String) -> Bool { scalars.starts(with: s.unicodeScalars) }
        func isBare(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-")
        }
        // A key is due: at the start of a top-level line, in a table header, after "{", after
        // "," inside braces and after "." in a key. `inKey`: between a key's start and its "=".
        var keyDue = true
        var inKey = false
        var header = false
        while let c = scalars.first {
            if keyDue && c != " " && c != "\t" {
                keyDue = false
                let topLevel = stack.isEmpty && !header
                if topLevel && (c == "\n" || c == "#" || c == "\r") {
                    keyDue = c == "\n"  // a blank or comment line: the next line starts fresh
                } else if topLevel && c == "[" {
                    header = true
                    scalars = scalars.dropFirst(starts("[[") ? 2 : 1)
                    keyDue = true
                    continue
                } else if isBare(c) || c == "\"" || c == "'" || (c == "}" && stack.last == "{" && !inKey) {
                    inKey = c != "}"
                } else {
                    return "a key cannot start with “\(c)” (U+\(String(c.value, radix: 16, uppercase: true))) at line \(line)"
                }
            }
            switch c {
            case "\n":
                line += 1
                scalars = scalars.dropFirst()
                if stack.isEmpty { keyDue = true; inKey = false; header = false }
            case "." where inKey:
                keyDue = true
                scalars = scalars.dropFirst()
            case "=" where inKey:
                inKey = false
                scalars = scalars.dropFirst()
            case "]" where header && stack.isEmpty:
                header = false
                inKey = false
                scalars = scalars.dropFirst(starts("]]") ? 2 : 1)
            case "," where stack.last == "{":
                keyDue = true
                scalars = scalars.dropFirst()
            case "#":
                while let d = scalars.first, d != "\n" { scalars = scalars.dropFirst() }
            case "\"", "'":
                // A string, single- or multi-line, skipped whole (with the escapes of basic ones).
                let delimiter = String(repeating: String(c), count: 3)
                let triple = starts(delimiter)
                scalars = scalars.dropFirst(triple ? 3 : 1)
                while let d = scalars.first {
                    if d == "\\" && c == "\"" { scalars = scalars.dropFirst(2); continue }
                    if d == "\n" {
                        if !triple { break }  // unterminated: TOMLKit reports it
                        line += 1
                    }
                    if d == c && (!triple || starts(delimiter)) {
                        scalars = scalars.dropFirst(triple ? 3 : 1)
                        break
                    }
                    scalars = scalars.dropFirst()
                }
            case "[", "{":
                stack.append(c)
                keyDue = c == "{"
                scalars = scalars.dropFirst()
            case "]", "}":
                let opener: Unicode.Scalar = c == "]" ? "[" : "{"
                if let top = stack.last, top != opener { return "“\(c)” closes a “\(top)” at line \(line)" }
                if !stack.isEmpty { stack.removeLast() }
                scalars = scalars.dropFirst()
            default:
                scalars = scalars.dropFirst()
            }
        }
        return nil
    }
}

/// Small strict parsers of the citation formats frusread writes, for tests: each refuses
/// anything its format does not allow, so a test that parses an entry checks it is valid.
public enum CitationParsers {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }

    /// A BibTeX entry: `@type{key,` then `name = {value},` fields (braces balanced, `\` escapes
    /// a special character), then `}`. Values come back unescaped.
    public static func bibtex(_ text: String) throws -> (type: String, key: String, fields: [String: String]) {
        var s = Substring(text.trimmingCharacters())
        guard s.first == "@" else { throw Failure("no @ at the start") }
        s.removeFirst()
        let type = s.prefix { $0.isLetter }
        guard !type.isEmpty else { throw Failure("no entry type") }
        s.removeFirst(type.count)
        guard s.first == "{" else { throw Failure("no { after the type") }
        s.removeFirst()
        let key = s.prefix { $0 != "," }
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) else {
            throw Failure("bad key \(key)")
        }
        s.removeFirst(key.count + 1)
        var fields: [String: String] = [:]
        while true {
            s = s.drop { $0.isWhitespace }
            if s.first == "}" {
                s.removeFirst()
                guard s.allSatisfy(\.isWhitespace) else { throw Failure("text after the entry") }
                return (String(type), String(key), fields)
            }
            let name = s.prefix { $0.isLetter || $0 == "-" }
            guard !name.isEmpty else { throw Failure("no field name at \(s.prefix(20))") }
            s.removeFirst(name.count)
            s = s.drop { $0 == " " }
            guard s.first == "=" else { throw Failure("no = after \(name)") }
            s.removeFirst()
            s = s.drop { $0 == " " }
            guard s.first == "{" else { throw Failure("value of \(name) not in braces") }
            s.removeFirst()
            var depth = 1
            var value = ""
            while depth > 0 {
                guard let c = s.first else { throw Failure("unbalanced braces in \(name)") }
                s.removeFirst()
                switch c {
                case "\\":
                    guard let next = s.first else { throw Failure("dangling \\ in \(name)") }
                    if "{}&%$#_".contains(next) {
                        value.append(next)
                        s.removeFirst()
                    } else {
                        let command = s.prefix { $0.isLetter }
                        s.removeFirst(command.count)
                        guard s.hasPrefix("{}") else { throw Failure("unknown escape in \(name)") }
                        s.removeFirst(2)
                        switch command {
                        case "textbackslash": value.append("\\")
                        case "textasciitilde": value.append("~")
                        case "textasciicircum": value.append("^")
                        default: throw Failure("unknown command \\\(command) in \(name)")
                        }
                    }
                case "{": depth += 1
                case "}": depth -= 1
                default:
                    guard c != "\n" else { throw Failure("line break inside \(name)") }
                    value.append(c)
                }
            }
            guard fields[String(name)] == nil else { throw Failure("field \(name) twice") }
            fields[String(name)] = value
            guard s.first == "," else { throw Failure("no comma after \(name)") }
            s.removeFirst()
        }
    }

    /// A RIS record: lines `XX  - value` (two capitals or a capital and a digit, two spaces, a
    /// hyphen, a space), `TY` first, `ER` last. Tags in order with their values.
    public static func ris(_ text: String) throws -> [(tag: String, value: String)] {
        var out: [(String, String)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
        for line in trimmed {
            let chars = Array(line)
            guard chars.count >= 5, chars[0].isASCII, chars[0].isUppercase, chars[1].isASCII,
                chars[1].isUppercase || chars[1].isNumber, String(chars[2..<5]) == "  -"
            else { throw Failure("not a RIS line: \(line)") }
            let value = chars.count > 5 ? String(chars[5...]) : ""
            guard chars.count == 5 || value.hasPrefix(" ") else { throw Failure("no space after -: \(line)") }
            out.append((String(chars[0..<2]), String(value.dropFirst())))
        }
        guard out.first?.0 == "TY" else { throw Failure("TY is not first") }
        guard out.last?.0 == "ER", out.last?.1 == "" else { throw Failure("ER is not last") }
        guard out.filter({ $0.0 == "TY" || $0.0 == "ER" }).count == 2 else { throw Failure("more than one record") }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}

import Foundation
import FrusModel

/// The notes file of one document: Markdown a person can read, grep and edit, each note after a
/// small front matter:
///
///     # 175. Memorandum From Secretary of State Shultz to President Reagan
///
///     ---
///     volume: frus1981-88v05
///     document: "175"
///     anchor: paragraph 4
///     quote: "The Soviets have made clear …"
///     created: 2026-12-05T18:40:00Z
///     ---
///
///     The note, in Markdown.
///
/// Reading is forgiving because people edit these files: a front matter is a `---` line, then
/// `key: value` lines naming at least one known key, then `---`; anything else (a `---` rule in
/// a note, a missing key, text before the first front matter, a front matter left open at the end
/// of a truncated file) is read as text, never dropped. Values may be bare or double-quoted
/// (JSON escapes) or single-quoted (YAML).
public enum NotesFile {
    static let knownKeys: Set<String> = ["volume", "document", "anchor", "quote", "created"]

    /// The notes in `data` (invalid UTF-8 is read with replacement characters). A note with no
    /// volume or document of its own belongs to the file's (`volume`, `document`). Text before
    /// the first front matter, apart from the title line this file starts with, is a note too.
    public static func parse(_ data: Data, volume: String, document: String, file: String = "") -> [Note] {
        let lines = lines(of: data)
        var notes: [Note] = []
        var meta: [String: String]?
        var body: [String] = []
        var preamble: [String] = []

        func finish() {
            guard let m = meta else { return }
            notes.append(Note(
                volume: nonEmpty(m["volume"]) ?? volume, document: nonEmpty(m["document"]) ?? document,
                anchor: m["anchor"] ?? "", quote: m["quote"] ?? "", created: m["created"] ?? "",
                text: trimmedBlock(body), file: file))
            body = []
        }

        var i = 0
        while i < lines.count {
            if lines[i].trimmingSpaces == "---", let (m, end) = frontMatter(lines, at: i) {
                finish()
                meta = m
                i = end + 1
                continue
            }
            if meta == nil { preamble.append(lines[i]) } else { body.append(lines[i]) }
            i += 1
        }
        finish()
        // Hand-written text with no front matter is a note on the document as a whole.
        var loose = preamble
        if let first = loose.firstIndex(where: { !$0.trimmingSpaces.isEmpty }), loose[first].hasPrefix("# ") {
            loose.remove(at: first)
        }
        let looseText = trimmedBlock(loose)
        if !looseText.isEmpty {
            notes.insert(Note(volume: volume, document: document, text: looseText, file: file), at: 0)
        }
        return notes
    }

    static func lines(of data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// Whether the file ends inside a front matter never closed (a file cut short): a note
    /// appended as it is would have its own `---` taken as that front matter's end.
    public static func endsInOpenFrontMatter(_ data: Data) -> Bool {
        let lines = lines(of: data)
        var open = false
        var i = 0
        while i < lines.count {
            if lines[i].trimmingSpaces == "---", let (_, end) = frontMatter(lines, at: i) {
                open = lines[end].trimmingSpaces != "---"
                i = end + 1
                continue
            }
            i += 1
        }
        return open
    }

    /// Appended after a front matter left open, before a new note: a line that is no
    /// `key: value`, so the open front matter ends as text and the new note's stays its own.
    public static let closingLine = "<!-- an unfinished note ends above -->\n"

    /// The front matter opening at line `start` (a `---` line): its keys and the line that
    /// closes it; nil when those lines are not a front matter.
    static func frontMatter(_ lines: [String], at start: Int) -> ([String: String], Int)? {
        var meta: [String: String] = [:]
        var j = start + 1
        while j < lines.count {
            let line = lines[j]
            if line.trimmingSpaces == "---" { break }
            if line.trimmingSpaces.isEmpty { j += 1; continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon]).trimmingSpaces.lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            meta[key] = unquote(String(line[line.index(after: colon)...]).trimmingSpaces)
            j += 1
        }
        guard !meta.keys.filter(knownKeys.contains).isEmpty else { return nil }
        // Left open at the end of the file (a truncated file): read what is there.
        return (meta, min(j, lines.count - 1))
    }

    /// One note as it is appended to a file: a blank line, the front matter, the text.
    public static func format(_ note: Note) -> String {
        var out = "\n---\n"
        out += "volume: \(value(note.volume))\n"
        out += "document: \(value(note.document))\n"
        out += "anchor: \(value(note.anchor))\n"
        out += "quote: \(value(note.quote))\n"
        out += "created: \(value(note.created))\n"
        out += "---\n\n"
        let text = note.text.trimmingSpaces
        if !text.isEmpty { out += text + "\n" }
        return out
    }

    /// The line a new notes file starts with.
    public static func heading(title: String) -> String {
        "# " + title.replacingOccurrences(of: "\n", with: " ") + "\n"
    }

    /// A value bare when YAML and a person read it the same way, else double-quoted.
    static func value(_ s: String) -> String {
        let plain = !s.isEmpty && s.first!.isLetter
            && s.allSatisfy { $0.isLetter || $0.isNumber || " .-/:_".contains($0) }
            && !s.contains(": ") && !s.hasSuffix(":") && s.trimmingSpaces == s
        if plain { return s }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            return unescape(s.unicodeScalars.dropFirst().dropLast())
        }
        if s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") {
            return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        return s
    }

    /// A double-quoted value's escapes (JSON's, which YAML's include); an unknown escape is kept
    /// as written. By hand: a JSON decoder per value made reading many notes slow.
    static func unescape(_ scalars: Substring.UnicodeScalarView) -> String {
        var out = String.UnicodeScalarView()
        var i = scalars.startIndex
        var pendingHigh: UInt32?
        func hex(_ from: Substring.UnicodeScalarView.Index) -> UInt32? {
            guard let end = scalars.index(from, offsetBy: 4, limitedBy: scalars.endIndex) else { return nil }
            return UInt32(String(String.UnicodeScalarView(scalars[from..<end])), radix: 16)
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            i = scalars.index(after: i)
            guard c == "\\", i < scalars.endIndex else {
                out.append(c)
                continue
            }
            let e = scalars[i]
            i = scalars.index(after: i)
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "\"", "\\", "/": out.append(e)
            case "u":
                guard let v = hex(i) else { out.append("\\"); out.append(e); continue }
                i = scalars.index(i, offsetBy: 4)
                if (0xD800..<0xDC00).contains(v) {
                    pendingHigh = v
                } else if (0xDC00..<0xE000).contains(v), let high = pendingHigh {
                    pendingHigh = nil
                    if let u = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)) { out.append(u) }
                } else if let u = Unicode.Scalar(v) {
                    out.append(u)
                }
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return String(out)
    }

    static func trimmedBlock(_ lines: [String]) -> String {
        var lines = lines[...]
        while let f = lines.first, f.trimmingSpaces.isEmpty { lines.removeFirst() }
        while let l = lines.last, l.trimmingSpaces.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}

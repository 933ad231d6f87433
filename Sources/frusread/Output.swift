import Foundation
import FrusModel

/// Writing to the user: standard output for results, standard error for problems. Text from
/// documents is made safe first: no control character or escape sequence reaches the terminal.
enum Output {
    static func line(_ s: String) { print(s) }

    /// Text as it is (lines already ended), in one write: long listings print fast.
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data("frusread: \(safe(s))\n".utf8))
    }

    /// Reports what went wrong while reading the corpus, on standard error.
    static func warnings(_ corpus: Corpus) {
        for d in corpus.diagnostics { error(d.description) }
    }

    /// C0 and C1 control characters (ESC among them) as visible placeholders.
    static func safe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\t" { out.append(" ") }
            else if u.value < 0x20 { out.append(Unicode.Scalar(0x2400 + u.value)!) }  // ␛ and friends
            else if isControl(u) { out.append("\u{FFFD}") }
            else { out.append(u) }
        }
        return String(out)
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value)
    }

    /// JSON on standard output, keys in the documented order.
    static func json(_ value: JSONValue) {
        print(value.serialized())
    }
}

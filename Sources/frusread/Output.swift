import Foundation
import FrusLayout
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

    /// Text from documents made safe for the terminal: the same placeholders the reader draws
    /// (FrusLayout's `TerminalText`), so no escape sequence reaches the user's terminal.
    static func safe(_ s: String) -> String { TerminalText.sanitize(s) }

    /// JSON on standard output, keys in the documented order.
    static func json(_ value: JSONValue) {
        print(value.serialized())
    }
}

import Foundation
import FrusLayout
import FrusModel

/// Writing to the user: standard output for results, standard error for problems.
///
/// Every text this program prints goes through these functions, and every one of them makes its
/// text safe (FrusLayout's `TerminalText`, the rule the reader draws with): no control
/// character, escape sequence or bidi control from a document, a file name or a volume id
/// reaches the terminal, whichever command prints it. JSON is escaped by `JSONValue` instead.
/// (FrusreadCLITests checks that no other file of the command prints.)
enum Output {
    /// One line: tabs are kept (they separate columns), everything else made safe.
    static func line(_ s: String) {
        emit(TerminalText.sanitize(s, keepingLines: false, keepingTabs: true) + "\n", to: .standardOutput)
    }

    /// A text of many lines written at once (an exported document): its line feeds and tabs
    /// are kept, everything else made safe.
    static func text(_ s: String) {
        emit(TerminalText.sanitize(s, keepingLines: true, keepingTabs: true), to: .standardOutput)
    }

    /// Lines, each made as `line` makes it, in one write (a document of 100,000 lines is not
    /// 100,000 system calls).
    /// Written in pieces of about 1 MB: a document of 11 MB is not first copied into one
    /// String and then into one Data.
    static func lines<S: Sequence>(_ lines: S) where S.Element == String {
        var out = ChunkedWriter()
        for l in lines {
            out.appendSafe(l)
            out.appendLineFeed()
        }
        out.flush()
    }

    /// Laid-out lines, as `lines` writes their texts, run by run: a line is not joined into
    /// one String first (a line of 11 MB was copied once more). Each run is made safe on its
    /// own, which is the same as the whole line: layout never puts a line end in a run.
    static func lines(_ lines: [LaidOutLine]) {
        var out = ChunkedWriter()
        for line in lines {
            for run in line.runs { out.appendSafe(run.text) }
            out.appendLineFeed()
        }
        out.flush()
    }

    /// Safe text collected as bytes and written in pieces of about 1 MB; a piece that large on
    /// its own is written as it is, not copied first. Bytes, not a String: appending to a String
    /// cost ~400 instructions a call, and `show` of an 11 MB paragraph appends 92,000 lines.
    private struct ChunkedWriter {
        static let piece = 1 << 20
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(Self.piece + 4096) }

        /// Appends `text` as `line` would print it (tabs kept, everything else made safe).
        mutating func appendSafe(_ text: String) {
            let done: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
                guard !TerminalText.needsSanitizingFast(utf8, keepingLines: false, keepingTabs: true) else { return false }
                append(utf8)
                return true
            }
            guard done != true else { return }
            var safe = TerminalText.sanitize(text, keepingLines: false, keepingTabs: true)
            safe.withUTF8 { append($0) }
        }

        mutating func appendLineFeed() {
            bytes.append(0x0A)
            if bytes.count >= Self.piece { flush() }
        }

        private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
            if utf8.count >= Self.piece {
                flush()
                Output.emit(utf8, to: .standardOutput)
                return
            }
            bytes.append(contentsOf: utf8)
            if bytes.count >= Self.piece { flush() }
        }

        mutating func flush() {
            guard !bytes.isEmpty else { return }
            bytes.withUnsafeBufferPointer { Output.emit($0, to: .standardOutput) }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// One line of tab-separated fields, each made safe on its own (a tab inside a field
    /// becomes a space, so the columns stay the columns).
    static func row(_ fields: String...) { line(Rows.joined(fields)) }

    /// Many rows, written at once: long listings print fast.
    struct Rows {
        private(set) var text = ""
        init(reservingRows count: Int = 0) { text.reserveCapacity(count * 100) }
        mutating func add(_ fields: String...) {
            text += Rows.joined(fields)
            text += "\n"
        }
        static func joined(_ fields: [String]) -> String {
            var out = ""
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "\t" }
                out += TerminalText.sanitize(field)
            }
            return out
        }
    }

    static func write(_ rows: Rows) {
        emit(rows.text, to: .standardOutput)
    }

    /// A problem, on standard error: "frusread: …".
    static func error(_ s: String) {
        emit("frusread: \(TerminalText.sanitize(s))\n", to: .standardError)
    }

    /// Progress on standard error. `redraw`: the line replaces the previous one in place (a
    /// terminal); otherwise each is a line of its own.
    static func progress(_ s: String, redraw: Bool, last: Bool = true) {
        let text = TerminalText.sanitize(s)
        emit(redraw ? "\r\u{1B}[2K" + text + (last ? "\n" : "") : text + "\n", to: .standardError)
    }

    /// Reports what went wrong while reading the corpus, on standard error.
    static func warnings(_ corpus: Corpus) {
        for d in corpus.diagnostics { error(d.description) }
    }

    /// Text made safe for the terminal, for composing one field of a line from several parts.
    /// (Output's functions make what they print safe anyway; this changes nothing safe.)
    static func safe(_ s: String) -> String { TerminalText.sanitize(s) }

    /// JSON on standard output, keys in the documented order (strings escaped by `JSONValue`).
    static func json(_ value: JSONValue) {
        var text = ""
        value.serialize(into: &text)
        text += "\n"
        emit(text, to: .standardOutput)
    }

    private enum Stream { case standardOutput, standardError }

    /// The one place that writes.
    private static func emit(_ bytes: UnsafeBufferPointer<UInt8>, to stream: Stream) {
        guard let base = bytes.baseAddress else { return }
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
    }

    private static func emit(_ text: String, to stream: Stream) {
        // The String's own bytes, not a copy of them (Data(text.utf8) copied 11 MB texts).
        var text = text
        text.withUTF8 { emit($0, to: stream) }
    }
}

import Foundation
import FrusLayout

/// The last line of defence between a document and the terminal: turns a cell's grapheme into
/// text that is safe to print in the cell's columns.
///
/// - C0 controls, DEL and C1 controls (which include ESC and CSI, the start of every escape
///   sequence) become visible placeholders, so no document text can move the cursor, change
///   colours or retitle the window; so do the bidi controls, which would reorder the line.
/// - Under a non-UTF-8 locale (`asciiOnly`), everything else outside ASCII is transliterated:
///   curly quotes to straight ones, dashes to `-`, box drawing to `-|+`, arrows to `<>^v`,
///   accented letters to their base letter, and
///   anything else to `?` — visibly, rather than letting curses drop it silently.
public enum GlyphSanitizer {
    /// The text to draw for `grapheme` in a cell of `span` columns.
    public static func displayText(_ grapheme: String, span: Int = 1, asciiOnly: Bool) -> String {
        // Fast path, most cells: one printable ASCII character is drawn as it is.
        if grapheme.utf8.count == 1, let b = grapheme.utf8.first, b >= 0x20, b < 0x7F { return grapheme }
        // A cell holds one grapheme; anything more would push the cursor past the cell.
        guard let first = grapheme.first else { return " " }
        if let control = first.unicodeScalars.first(where: isControl) {
            return asciiOnly ? "?" : placeholder(for: control)
        }
        guard asciiOnly, !first.isASCII else { return String(first) }
        return transliterated(first, span: span)
    }

    /// True for C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F) and the bidi embedding,
    /// override and isolate controls (`TerminalText.isBidiControl`).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || TerminalText.isBidiControl(scalar.value)
    }

    /// The Unicode control picture of a C0 control or DEL ("␛" for ESC), "�" for a C1 control.
    public static func placeholder(for control: Unicode.Scalar) -> String {
        // The layout's own placeholders (`TerminalText`), so a control looks the same whichever
        // layer caught it.
        TerminalText.replacement(for: Character(control)).map(String.init) ?? "\u{FFFD}"
    }

    /// A non-ASCII character as ASCII of the same width (`span` columns).
    static func transliterated(_ character: Character, span: Int) -> String {
        if let mapped = asciiEquivalents[character] { return mapped + String(repeating: " ", count: max(0, span - 1)) }
        // An accented letter: keep its base letter (é → e, Ö → O).
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           base.isASCII, base.properties.isAlphabetic {
            return String(Character(base)) + String(repeating: " ", count: max(0, span - 1))
        }
        return String(repeating: "?", count: max(1, span))
    }

    static let asciiEquivalents: [Character: String] = {
        var table: [Character: String] = [:]
        for c in "‘’‚‛′‹›" { table[c] = "'" }
        for c in "“”„‟″«»" { table[c] = "\"" }
        for c in "‐‑‒–—―−" { table[c] = "-" }
        for c in "\u{A0}\u{2002}\u{2003}\u{2009}\u{200A}\u{202F}" { table[c] = " " }
        // Pane borders and arrows, so the screen keeps its shape.
        for c in "─━┄┈═" { table[c] = "-" }
        for c in "│┃┆┊║" { table[c] = "|" }
        for c in "┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝" { table[c] = "+" }
        table["←"] = "<"
        table["→"] = ">"
        table["↑"] = "^"
        table["↓"] = "v"
        table["…"] = "."
        table["•"] = "*"
        table["·"] = "."
        table["×"] = "x"
        return table
    }()
}

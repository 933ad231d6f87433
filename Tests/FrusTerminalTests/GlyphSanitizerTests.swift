import FrusTerminal
import Testing

@Suite struct GlyphSanitizerTests {
    @Test(arguments: [
        ("\u{00}", "␀"), ("\u{1B}", "␛"), ("\u{09}", "␉"), ("\u{0A}", "␊"), ("\u{1F}", "␟"),
        ("\u{7F}", "␡"), ("\u{80}", "\u{FFFD}"), ("\u{9B}", "\u{FFFD}"), ("\u{9F}", "\u{FFFD}"),
        ("\u{202A}", "\u{FFFD}"), ("\u{202E}", "\u{FFFD}"), ("\u{2066}", "\u{FFFD}"), ("\u{2069}", "\u{FFFD}"),
    ])
    func controlsBecomeVisiblePlaceholders(control: String, shown: String) {
        #expect(GlyphSanitizer.displayText(control, asciiOnly: false) == shown)
        #expect(GlyphSanitizer.displayText(control, asciiOnly: true) == "?")
    }

    @Test(arguments: ["a", "é", "Ж", "中", "“", "e\u{301}"])
    func printableTextPassesUnchangedInUTF8(text: String) {
        #expect(GlyphSanitizer.displayText(text, asciiOnly: false) == text)
    }

    @Test(arguments: [
        ("‘", "'"), ("’", "'"), ("“", "\""), ("”", "\""), ("–", "-"), ("—", "-"), ("−", "-"),
        ("é", "e"), ("Ö", "O"), ("e\u{301}", "e"), ("Ж", "?"), ("\u{A0}", " "), ("…", "."), ("x", "x"),
        ("─", "-"), ("│", "|"), ("┌", "+"), ("┘", "+"), ("→", ">"), ("←", "<"),
    ])
    func asciiFallbackTransliterates(text: String, ascii: String) {
        #expect(GlyphSanitizer.displayText(text, asciiOnly: true) == ascii)
    }

    @Test func asciiFallbackKeepsTheWidthOfWideGlyphs() {
        #expect(GlyphSanitizer.displayText("中", span: 2, asciiOnly: true) == "??")
        #expect(GlyphSanitizer.displayText("—", span: 2, asciiOnly: true) == "- ")
    }

    @Test func emptyCellIsASpace() {
        #expect(GlyphSanitizer.displayText("", asciiOnly: false) == " ")
    }
}

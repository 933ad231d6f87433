import Testing
@testable import FrusLayout

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("Moscow.[2]") == 10)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func eastAsianWideAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
        #expect(DisplayWidth.of("　") == 2)  // ideographic space
        #expect(DisplayWidth.of("a中b") == 4)
    }

    @Test func combiningMarksAndZeroWidthCharactersTakeNoColumn() {
        #expect(DisplayWidth.of("cafe\u{301}") == 4)  // é as e + combining acute
        #expect(DisplayWidth.of(Character("e\u{301}\u{323}")) == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // Hangul jamo: one syllable
    }

    @Test func emojiPicturesAreTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
    }

    @Test func ordinaryNonASCIIIsOneColumn() {
        #expect(DisplayWidth.of("Gorbachev’s “humanism”—") == 23)
        #expect(DisplayWidth.of("Шеварднадзе") == 11)
        #expect(DisplayWidth.of("•") == 1)
    }

    @Test func controlCharactersMeasureZero() {
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\u{7F}") == 0)
        #expect(DisplayWidth.of("\u{85}") == 0)
    }

    @Test func sanitizeReplacesControlsWithVisiblePlaceholders() {
        #expect(TerminalText.sanitize("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(TerminalText.sanitize("\u{0}\u{7}\u{7F}") == "␀␇␡")
        #expect(TerminalText.sanitize("x\u{9B}y") == "x\u{FFFD}y")  // C1 CSI
        #expect(TerminalText.sanitize("a\tb\r\nc") == "a b c")
        #expect(TerminalText.sanitize("plain “text”") == "plain “text”")
    }
}

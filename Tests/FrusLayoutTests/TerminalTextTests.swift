import FrusLayout
import FrusModel
import Testing

/// The one sanitising rule (issue 13, defect 2) and the linear trimming and id normalisation
/// of defects 3 and 6.
@Suite struct TerminalTextTests {
    /// Every bidi embedding, override and isolate control, from the Unicode ranges.
    static let bidi: [Unicode.Scalar] = (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }

    @Test func bidiControlsBecomePlaceholdersAndNothingElseNew() {
        for scalar in Self.bidi {
            let text = "a\(Character(scalar))b"
            #expect(TerminalText.sanitize(text) == "a\u{FFFD}b", "U+\(String(scalar.value, radix: 16))")
        }
        // Marks that only set the direction of one character stay (they leak nothing onward).
        #expect(TerminalText.sanitize("a\u{200E}b\u{200F}c") == "a\u{200E}b\u{200F}c")
        #expect(TerminalText.sanitize("“Reagan’s” — détente") == "“Reagan’s” — détente")
    }

    @Test func linesAndTabsAreKeptOnlyWhenAsked() {
        let text = "a\tb\nc\u{1B}[31m\r\nd"
        #expect(TerminalText.sanitize(text) == "a b c␛[31m d")
        #expect(TerminalText.sanitize(text, keepingLines: true, keepingTabs: true) == "a\tb\nc␛[31m \nd")
    }

    @Test func theLayoutShowsABidiOverrideAsAPlaceholder() {
        let doc = Document(
            volumeID: "v", number: "1", titleInlines: [.text("Title")],
            blocks: [.paragraph([.text("before \u{202E}drawkcab\u{2069} after")], .normal)], footnotes: [])
        let text = Layout.document(doc, LayoutOptions(width: 60)).lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("before \u{FFFD}drawkcab\u{FFFD} after"))
        #expect(!text.unicodeScalars.contains { Self.bidi.contains($0) })
    }

    @Test func trimmingWorksOnScalarsOfUnicodeWhiteSpace() {
        #expect(" \u{85}\u{A0}abc d\t\u{3000}\n".trimmingSpaces == "abc d")
        #expect("   ".trimmingSpaces == "")
        #expect("plain".trimmingSpaces == "plain")
        // 2 MB of spaces around a word: trimmed (linear; the benchmark measures the speed).
        let spaces = String(repeating: " ", count: 1_000_000)
        #expect((spaces + "766" + spaces).trimmingSpaces == "766")
    }

    @Test func volumeIdsHaveOneForm() {
        #expect(VolumeID.normalized("frus1981-88v05\u{85}") == "frus1981-88v05")
        #expect(VolumeID.normalized("\n  frus1981-88v05 \u{A0}") == "frus1981-88v05")
        #expect(VolumeID.normalized("a \n\t b") == "a b")
        #expect(VolumeID.isPlain("frus1981-88v05"))
        #expect(VolumeID.isPlain("frus1952-54v02p1.x_y"))
        #expect(!VolumeID.isPlain("a b"))
        #expect(!VolumeID.isPlain("v\u{1B}"))
        #expect(!VolumeID.isPlain("frus·1981"))
        #expect(!VolumeID.isPlain(""))
    }
}

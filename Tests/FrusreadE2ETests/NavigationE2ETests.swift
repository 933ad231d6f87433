import Foundation
import FrusTestSupport
import Testing

/// The acceptance scenario of issue 3, in a real terminal (tmux), with the real binary on the
/// bundled corpus.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct NavigationE2ETests {
    @Test func followALinkThenBackAndForwardExactly() throws {
        let r = try TmuxSession.reader()
        try r.command("175", thenTitle: title175)
        try r.tabUntilStatus(contains: "Document 168")
        let on175 = try r.stableScreen()

        try r.press("Enter")
        try r.waitUntil("168 opened with its footnote") {
            $0.split(separator: "\n").first?.contains(firstTitle) == true && $0.contains("1. Source: Reagan Library")
        }

        try r.press("BSpace")
        // Exactly as it was: same document, scroll, selection (and so the same status line).
        try r.waitUntil("175 as it was before following the link") { $0 == on175 }

        try r.press("Right")
        try r.waitUntil("168 again after →") { $0.split(separator: "\n").first?.contains(firstTitle) == true }
        try r.press("C-o")
        try r.waitUntil("175 as it was, after Ctrl-o") { $0 == on175 }
        #expect(try r.quit() == 0)
    }

    @Test func nextAndPreviousDocumentOfTheVolume() throws {
        let r = try TmuxSession.reader()
        try r.press("]")
        try r.waitUntil("] opens 175") { $0.split(separator: "\n").first?.contains(title175) == true }
        try r.press("[")
        try r.waitUntil("[ opens 168") { $0.split(separator: "\n").first?.contains(firstTitle) == true }
        #expect(try r.quit() == 0)
    }

    @Test func tableOfContentsOpensTheDocumentPicked() throws {
        let r = try TmuxSession.reader()
        try r.press("t")
        // Conditions are waited for, never asserted on one capture: tmux may show a frame half-drawn.
        try r.waitUntil("the contents, current document marked") {
            $0.contains("Contents") && $0.contains("▸ 168. Letter From President Reagan")
                && $0.contains("  175. Memorandum From Secretary of State Shultz")
        }
        try r.type("Memo")
        try r.waitUntil("the filter to keep only 175") { screen in
            let rows = screen.split(separator: "\n").dropFirst()  // the title row names 168
            return rows.contains { $0.contains("Filter: Memo") } && !rows.contains { $0.contains("168. Letter From") }
                && rows.contains { $0.contains("175. Memorandum From") }
        }
        try r.press("Enter")
        try r.waitUntil("175 opened from the contents") {
            $0.split(separator: "\n").first?.contains(title175) == true && !$0.contains("Contents")
        }
        #expect(try r.quit() == 0)
    }

    @Test func helpListsTheKeysAndEscClosesIt() throws {
        let r = try TmuxSession.reader()
        try r.press("?")
        let entries = ["┌ Help", "Tab", "Backspace", "forward", "table of contents", "quit", ":p 766", "Ctrl-l"]
        try r.waitUntil("the help with every key") { screen in entries.allSatisfy { screen.contains($0) } }
        let before = try r.stableScreen()
        try r.press("Escape")
        try r.waitUntil("help closed") { $0 != before && !$0.contains("┌ Help") }
        #expect(try r.quit() == 0)
    }

    @Test func resizesRedrawACorrectScreenEachTime() throws {
        let r = try TmuxSession.reader(width: 120, height: 40)
        let initial = try r.stableScreen()

        func fits(_ screen: String, _ width: Int, _ height: Int) -> Bool {
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= height && rows.allSatisfy { $0.count <= width }
        }
        try r.resize(width: 60, height: 20)
        try r.waitUntil("a framed 60×20 screen") {
            fits($0, 60, 20) && $0.contains("168. Letter") && $0.contains("Dear Mr. General Secretary")
                && $0.contains("┌") && $0.contains("┘")
        }

        try r.resize(width: 30, height: 8)
        try r.waitUntil("“terminal too small” at 30×8") { fits($0, 30, 8) && $0.contains("terminal too small") }

        try r.resize(width: 120, height: 40)
        try r.waitUntil("the 120×40 screen back exactly") { $0 == initial }
        #expect(try r.quit() == 0)
    }

    @Test func theHighlightedFootnoteFollowsTheSelectedMarker() throws {
        let r = try TmuxSession.reader()
        try r.command("175", thenTitle: title175)
        for n in [1, 2, 3] {
            try r.tabUntilStatus(contains: "Footnote \(n)")
            // The wait is the check: it fails (times out) unless footnote n, and it alone, is
            // highlighted.
            try r.waitUntil("footnote \(n) highlighted, and no other", escapes: true) {
                highlightedFootnotes(StyledScreen(capture: $0)) == [n]
            }
        }
        #expect(try r.quit() == 0)
    }
}

/// The numbers of the footnotes whose text in the footnote pane is drawn in a style other than
/// the pane's plain footnote text (their first rows: "N. text…").
func highlightedFootnotes(_ screen: StyledScreen) -> Set<Int> {
    let plainText = screen.rows.map { String($0.map(\.character)) }.joined(separator: "\n")
    guard let left = rightPaneLeft(plainText) else { return [] }
    var styleOf: [Int: StyledScreen.Rendition] = [:]
    for (y, row) in screen.rows.enumerated() where row.count > left + 4 && row[left].character == "│" {
        let text = screen.text(row: y, from: left + 1)
        guard let match = text.firstMatch(of: /^ (\d+)\. (\S)/), let n = Int(match.1) else { continue }
        // The style of the first letter of the footnote's text.
        let offset = text.distance(from: text.startIndex, to: match.2.startIndex)
        styleOf[n] = row[left + 1 + offset].rendition
    }
    // The plain style is the most common one; the highlighted footnotes are the others.
    let counts = Dictionary(grouping: styleOf.values, by: { $0 }).mapValues(\.count)
    guard styleOf.count > 1, let plain = counts.max(by: { $0.value < $1.value })?.key else { return [] }
    return Set(styleOf.filter { $0.value != plain }.keys)
}

import Foundation
import FrusTestSupport
import Testing

@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct PagingE2ETests {
    /// Paging through 175 from top to bottom with Space shows every word of the seed: the body
    /// in the document pane, the footnotes in the footnote pane (each shown as its marker comes
    /// into view).
    @Test func pagingThrough175ShowsEveryWordOfTheSeed() throws {
        let r = try TmuxSession.reader()
        try r.command("175", thenTitle: title175)
        var pages = [try r.screen()]
        while !(pages.last!.split(separator: "\n").dropFirst().first?.contains("100%") ?? true) {
            guard pages.count < 40 else { Issue.record("still not at 100% after 40 pages"); break }
            pages.append(try r.pressAndWaitForChange("Space"))
        }
        #expect(pages.count > 2, "175 takes several pages at 120×40")

        let seed = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let notesStart = try #require(seed.range(of: "\n  1. Source:"))
        let body = words(String(seed[..<notesStart.lowerBound]))
        let notes = words(String(seed[notesStart.lowerBound...]))

        let documentPane = pages.flatMap { paneText($0, left: 0) }.joined(separator: "\n")
        let footnotePane = pages.flatMap { page in rightPaneLeft(page).map { paneText(page, left: $0) } ?? [] }
            .joined(separator: "\n")
        #expect(firstMissingWord(body, in: words(documentPane)) == nil, "body word missing")
        #expect(firstMissingWord(notes, in: words(footnotePane)) == nil, "footnote word missing")
        #expect(try r.quit() == 0)
    }
}

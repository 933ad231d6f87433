import Foundation
import FrusTestSupport
import Testing

/// Issue 12 in a real terminal: list groups, the reading mode, keys from less/vim/info, the
/// command line, remapped keys, peek and cited-by.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct ErgonomicsE2ETests {
    static let volume = "frus1981-88v05"

    /// The title row shows document `number`.
    static func titleShows(_ number: String) -> (String) -> Bool {
        { $0.split(separator: "\n").first?.contains(" · \(number). ") == true }
    }

    /// The document pane's text rows (inside its border, at the left edge), trimmed.
    static func documentRows(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌ Document") }) else { return [] }
        let bottom = lines[top...].firstIndex { $0.hasPrefix("└") } ?? lines.endIndex
        return paneText(lines[top..<bottom].joined(separator: "\n"), left: 0).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A temporary folder for the reader's user files, shared by sessions that must see them.
    static func userFolder() throws -> URL { try Fixtures.temporaryFolder("frusread-e2e-user") }

    // MARK: Lists

    @Test func groupHeadsOf144StandWithTheirNames() throws {
        guard let partial = Fixtures.partialVolume else { print(Fixtures.sharedMissing); return }
        // From the TEI: each group of 144's participants list, its head and its first name.
        let xml = try String(contentsOf: partial, encoding: .utf8)
        let start = try #require(xml.range(of: "xml:id=\"d144\""))
        let doc = String(xml[start.upperBound...].prefix(12000))
        let regex = try NSRegularExpression(pattern: "<item><list>\\s*<head>([\\s\\S]*?)</head>\\s*<item>([\\s\\S]*?)</item>")
        let plain = { (s: String) in
            s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        }
        let ns = doc as NSString
        let groups = regex.matches(in: doc, range: NSRange(location: 0, length: ns.length)).map {
            (plain(ns.substring(with: $0.range(at: 1))), plain(ns.substring(with: $0.range(at: 2))))
        }
        #expect(groups.count >= 5)

        let r = try TmuxSession.reader(corpus: partial.path, width: 120, height: 60, waitingFor: nil)
        try r.waitUntil("the reader") { $0.contains("┌ Document") }
        try r.command("144", thenTitle: "144. Minutes")
        var rows: [String] = []
        // Down the document until the last group's head has gone by.
        for _ in 0..<4 {
            rows += Self.documentRows(try r.stableScreen())
            if rows.contains(groups.last!.0) { break }
            try r.pressAndWaitForChange("C-f")
        }
        for (head, first) in groups {
            guard let at = rows.firstIndex(of: head) else {
                Issue.record("group head “\(head)” not on a row of its own")
                continue
            }
            #expect(at > 0 && rows[at - 1].isEmpty, "a blank row before “\(head)”")
            #expect(at + 1 < rows.count && first.hasPrefix(rows[at + 1]) && !rows[at + 1].isEmpty,
                    "“\(head)” directly followed by “\(first)”")
        }
        #expect(try r.quit() == 0)
    }

    // MARK: Reading mode

    @Test func zGivesTheDocumentTheWholeScreenAt80x24AndBack() throws {
        let r = try TmuxSession.reader(width: 80, height: 24)
        let normal = try r.stableScreen()
        #expect(Self.documentRows(normal).count >= 15, "at 80×24 the document has at least 15 rows")
        #expect(normal.contains("┌ Footnotes"))

        let reading = try r.pressAndWaitForChange("z")
        #expect(!reading.contains("┌ Footnotes") && !reading.contains("┌ Links") && !reading.contains("┌ Document"))
        let lines = reading.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("168. Letter") == true)
        // Every row between the title and the status line is the document's: its text runs to
        // the row above the status line.
        #expect(lines.count >= 24)
        #expect(lines[1..<23].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count >= 18)

        // The selected marker's note shows in a strip at the bottom.
        try r.press("Tab")
        try r.waitUntil("the footnote strip") { $0.contains("┌ Footnote 1") }

        try r.press("z")
        try r.waitUntil("the panes back") { $0.contains("┌ Footnotes") && $0.contains("┌ Links") }
        #expect(try r.quit() == 0)
    }

    // MARK: Keys

    @Test func ctrlFCtrlDCountsAndGG() throws {
        let r = try TmuxSession.reader(width: 80, height: 24)
        try r.command("175", thenTitle: "175. Memorandum")
        let top = Self.documentRows(try r.stableScreen())
        let height = top.count
        #expect(height >= 15)

        try r.type("5j")
        var rows = Self.documentRows(try r.waitUntil("5j") { Self.documentRows($0).first == top[5] })
        #expect(rows.first == top[5])

        try r.type("gg")
        rows = Self.documentRows(try r.waitUntil("gg at the top") { Self.documentRows($0) == top })

        try r.press("C-d")
        rows = Self.documentRows(try r.waitUntil("Ctrl-d half a page") { Self.documentRows($0).first == top[height / 2] })
        try r.type("g")
        try r.waitUntil("top again") { Self.documentRows($0) == top }

        try r.press("C-f")
        rows = Self.documentRows(try r.waitUntil("Ctrl-f a page") { Self.documentRows($0).first == top[height - 1] })
        #expect(rows.first == top[height - 1])
        #expect(try r.quit() == 0)
    }

    @Test func escFromTheFootnotePaneReturnsToTheDocument() throws {
        let r = try TmuxSession.reader()
        try r.press("w")
        try r.waitUntil("footnotes focused") { $0.contains("Footnotes · Tab selects a link") }
        try r.press("Escape")
        try r.waitUntil("document focused") { $0.contains("Tab selects links and footnote markers") }
        #expect(try r.quit() == 0)
    }

    @Test func spaceAtTheEndOf130Opens131() throws {
        guard let partial = Fixtures.partialVolume else { print(Fixtures.sharedMissing); return }
        let r = try TmuxSession.reader(corpus: partial.path, waitingFor: nil)
        try r.waitUntil("the reader") { $0.contains("┌ Document") }
        try r.command("130", thenTitle: "130. ")
        try r.press("G")
        try r.waitUntil("the end of 130") { $0.contains("100%") }
        try r.press("Space")
        try r.waitUntil("the end said") { $0.contains("End of 130 — Space for 131") }
        try r.press("Space")
        try r.waitUntil("131 opened", Self.titleShows("131"))
        #expect(try r.quit() == 0)
    }

    @Test func anUnknownKeySaysSo() throws {
        let r = try TmuxSession.reader()
        try r.type("~")
        try r.waitUntil("the unknown key's message") { $0.contains("~ does nothing here · ? lists the keys") }
        #expect(try r.quit() == 0)
    }

    @Test func commandLineEditingAndHistoryAcrossSessions() throws {
        let state = try Self.userFolder()
        let env = ["XDG_STATE_HOME": state.path]
        let r = try TmuxSession.reader(environment: env)
        // ":1x75", cursor back over "75", Backspace deletes the x: ":175".
        try r.type(":1x75")
        try r.press("Left", "Left", "BSpace")
        try r.waitUntil("the edited line") { $0.contains(":175") && !$0.contains(":1x75") }
        try r.press("Enter")
        try r.waitUntil("175", Self.titleShows("175"))
        // Ctrl-a, Ctrl-e and Ctrl-u on a new line, then the history.
        try r.type(":abc")
        try r.press("C-a")
        try r.type("d 168 ")
        try r.press("C-e", "C-w")
        try r.waitUntil("the line after Ctrl-a, Ctrl-e, Ctrl-w") {
            // (tmux trims the blank the line ends with)
            $0.split(separator: "\n").last { !$0.isEmpty }.map { $0.hasPrefix(":d 168") && !$0.contains("abc") } == true
        }
        try r.press("Enter")
        try r.waitUntil("168", Self.titleShows("168"))
        #expect(try r.quit() == 0)
        r.kill()

        // A new session: ↑ brings back the commands of the last one, newest first.
        let again = try TmuxSession.reader(environment: env)
        try again.type(":")
        try again.press("Up")
        try again.waitUntil("the last command") { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix(":d 168") == true }
        try again.press("Up")
        try again.waitUntil("the one before") { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix(":175") == true }
        try again.press("Enter")
        try again.waitUntil("175 from the history", Self.titleShows("175"))
        #expect(try again.quit() == 0)
    }

    @Test func aKeysRemapChangesWhatAKeyDoesAndWhatHelpShows() throws {
        let config = try Self.userFolder()
        try FileManager.default.createDirectory(at: config.appendingPathComponent("frusread"), withIntermediateDirectories: true)
        try Data("[keys]\nx = \"next-document\"\nwobble = \"quit\"\n".utf8)
            .write(to: config.appendingPathComponent("frusread/config.toml"))
        let r = try TmuxSession.reader(width: 200, environment: ["XDG_CONFIG_HOME": config.path], waitingFor: nil)
        // The bad line is told, naming it.
        try r.waitUntil("the warning") { $0.contains("config.toml:3:") && $0.contains("wobble") }
        try r.type("x")
        try r.waitUntil("x opens the next document", Self.titleShows("175"))
        try r.type("?")
        let help = try r.waitFor("┌ Help")
        #expect(help.split(separator: "\n").contains { $0.contains("] x") && $0.contains("next document of the volume") })
        try r.press("Escape")
        #expect(try r.quit() == 0)
    }

    // MARK: Peek and cited-by

    @Test func peekShowsTheTargetWithoutFollowing() throws {
        let r = try TmuxSession.reader()
        try r.command("175", thenTitle: title175)
        try r.tabUntilStatus(contains: "Document 168")
        try r.type("p")
        let peek = try r.waitFor("┌ Peek")
        #expect(peek.contains(firstTitle))
        #expect(Self.titleShows("175")(peek))
        try r.press("Escape")
        try r.waitUntil("the peek closed") { !$0.contains("┌ Peek") }
        try r.type("p")
        try r.waitFor("┌ Peek")
        try r.press("Enter")
        try r.waitUntil("168 followed", Self.titleShows("168"))
        #expect(try r.quit() == 0)
    }

    @Test func citedByLandsOnTheCitingFootnote() throws {
        guard let partial = Fixtures.partialVolume else { print(Fixtures.sharedMissing); return }
        // From the TEI: the last note that links to d136 (or a note of it).
        let xml = try String(contentsOf: partial, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "<note[^>]*xml:id=\"d([0-9]+)fn([0-9]+)\"[^>]*>(?:(?!</note>)[\\s\\S])*?target=\"#d136(?:fn[0-9]+)?\"")
        let ns = xml as NSString
        let last = try #require(regex.matches(in: xml, range: NSRange(location: 0, length: ns.length)).last)
        let (number, note) = (ns.substring(with: last.range(at: 1)), ns.substring(with: last.range(at: 2)))

        let r = try TmuxSession.reader(corpus: partial.path, width: 140, height: 50, waitingFor: nil)
        try r.waitUntil("the reader") { $0.contains("┌ Document") }
        try r.command("136", thenTitle: "136. ")
        // Cited by lists the volume's documents once the volume is read (in the background:
        // lazy opening), so the last entry is chosen after it shows.
        try r.waitUntil("the last cited-by entry") { $0.contains("\(number) n. \(note) · ") }
        try r.press("w", "w")
        try r.waitUntil("links focused") { $0.contains("Links · j/k select") || $0.contains("→") }
        try r.press("G")
        try r.press("Enter")
        try r.waitUntil("\(number) at its footnote \(note)") {
            Self.titleShows(number)($0) && $0.contains("Footnote \(note) · Enter reads it in the footnote pane")
        }
        #expect(try r.quit() == 0)
    }

    /// The theme chosen with `c` is the one the next session starts with: `c` there goes on
    /// from it.
    @Test func theThemeChosenIsRememberedAcrossSessions() throws {
        let state = try Self.userFolder()
        let env = ["XDG_STATE_HOME": state.path]
        let r = try TmuxSession.reader(environment: env)
        try r.type("c")
        try r.waitFor("Theme: light")
        #expect(try r.quit() == 0)
        r.kill()
        let again = try TmuxSession.reader(environment: env)
        try again.type("c")
        try again.waitFor("Theme: mono")
        #expect(try again.quit() == 0)
    }
}

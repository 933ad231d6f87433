import Foundation
import FrusTestSupport
import Testing

/// Nothing crashes on the odd cases of issue 3.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct RobustnessE2ETests {
    /// A corpus folder in a temporary place (the caller removes it) with one plain-text volume,
    /// frus1981-88v05, holding copies of `seeds` (files of the bundled corpus) under their names.
    func corpusFolder(_ name: String, seeds: [URL] = []) throws -> (folder: URL, volume: URL) {
        let folder = try Fixtures.temporaryFolder(name)
        let volume = folder.appendingPathComponent("frus1981-88v05")
        try FileManager.default.createDirectory(at: volume, withIntermediateDirectories: true)
        for seed in seeds {
            try FileManager.default.copyItem(at: seed, to: volume.appendingPathComponent(seed.lastPathComponent))
        }
        return (folder, volume)
    }

    @Test func aOneDocumentCorpus() throws {
        let (folder, _) = try corpusFolder("one-document", seeds: [Fixtures.seed175])
        defer { try? FileManager.default.removeItem(at: folder) }

        let r = try TmuxSession.reader(corpus: folder.path, waitingFor: title175)
        // Next/previous with nowhere to go, the contents, and the link to 168 (now unresolved).
        for key in ["]", "[", "t", "Enter", "BSpace", "Right", "g"] { try r.press(key) }
        try r.sync()
        try r.waitUntil("the top of 175") { $0.split(separator: "\n").dropFirst(2).first?.contains("│ 175. Memorandum") == true }
        try r.tabUntilStatus(contains: "168")
        try r.press("Enter")
        try r.waitUntil("still on 175") { $0.split(separator: "\n").first?.contains(title175) == true }
        #expect(try r.quit() == 0)
    }

    @Test func anEmptyCorpusFolderSaysSoAndExitsNonZero() throws {
        let folder = try Fixtures.temporaryFolder("empty-corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try TmuxSession.reader(corpus: folder.path, waitingFor: nil)
        let status = try r.exitStatus()
        #expect(status != 0)
        #expect(try r.screen().contains("no documents"))
        #expect(try r.terminalRestored())
    }

    /// A corpus none of whose volumes can be read: the problem on standard error, and exit 1.
    @Test func aCorpusWithNothingReadableSaysWhyAndExits1() throws {
        let folder = try Fixtures.temporaryFolder("nothing-readable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("frus1981-88v04.xml")
        try "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>cut off\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let r = try TmuxSession.reader(corpus: broken.path, width: 300, waitingFor: nil)  // no wrapped lines
        #expect(try r.exitStatus() == 1)
        let screen = try r.stableScreen()
        #expect(screen.contains("frus1981-88v04.xml:3:"), "names the file and where")
        #expect(screen.contains("cannot read TEI volume"))
        #expect(screen.contains("can be read: nothing to read"))
        #expect(try r.terminalRestored())
    }

    @Test func followingAnUnresolvedLinkStaysAndSaysWhy() throws {
        let r = try TmuxSession.reader()
        try r.command("175", thenTitle: title175)
        try r.tabUntilStatus(contains: "136")  // "See footnote 3, Document 136": not in the corpus
        let before = try r.titleRow
        try r.press("Enter")
        let after = try r.waitUntil("a message about the link") { $0.split(separator: "\n").last { !$0.isEmpty }?.contains("136") == true }
        #expect(after.split(separator: "\n").first.map(String.init) == before)
        // The failed follow recorded nothing: back returns to where `:175` was typed (168, the
        // document the reader opened on), not to 175 itself.
        try r.press("BSpace")
        try r.waitUntil("back at 168") { $0.split(separator: "\n").first?.contains("168. Letter From President Reagan") == true }
        #expect(try r.quit() == 0)
    }

    @Test func backAndForwardWithEmptyHistory() throws {
        let r = try TmuxSession.reader()
        let initial = try r.stableScreen()
        for key in ["BSpace", "C-o", "Left", "Right"] { try r.press(key) }
        try r.sync()
        try r.waitUntil("the first document still shown") { $0.split(separator: "\n").first == initial.split(separator: "\n").first }
        #expect(try r.quit() == 0)
    }

    @Test func aOneColumnTerminalAndBack() throws {
        let r = try TmuxSession.reader()
        let initial = try r.stableScreen()
        try r.resize(width: 1, height: 40)
        try r.waitUntil("a one-column frame") { screen in
            let rows = screen.split(separator: "\n")
            return rows.allSatisfy { $0.count <= 1 } && rows.contains { !$0.allSatisfy(\.isWhitespace) }
        }
        try r.resize(width: 1, height: 1)
        try r.waitUntil("a one-cell frame") { $0.split(separator: "\n").count <= 1 && !$0.contains("[exit") }
        try r.resize(width: 120, height: 40)
        try r.waitUntil("the full screen back") { $0 == initial }
        #expect(try r.quit() == 0)
    }

    @Test func controlCharactersInADocumentNeverReachTheTerminal() throws {
        let (folder, volume) = try corpusFolder("control-chars")
        defer { try? FileManager.default.removeItem(at: folder) }
        var seed = try String(contentsOf: Fixtures.seed168, encoding: .utf8)
        // An escape sequence that would clear the screen and retitle the window, a C1 CSI and a bell.
        seed = seed.replacingOccurrences(
            of: "Dear Mr. General Secretary:",
            with: "Dear Mr. General Secretary: \u{1B}[2J\u{1B}]0;pwned\u{07} \u{9B}31m bell\u{07}")
        try seed.write(to: volume.appendingPathComponent("168.txt"), atomically: true, encoding: .utf8)

        let r = try TmuxSession.reader(corpus: folder.path)
        let screen = try r.waitFor("Dear Mr. General Secretary:")
        #expect(screen.contains("168. Letter From President Reagan"), "the screen was not cleared")
        #expect(screen.contains("[2J"), "the escape sequence is shown as text")
        #expect(try r.paneFlag("pane_title") != "pwned")
        #expect(try r.quit() == 0)
    }

    /// A volume that cannot be read is skipped, named on the status line with what is wrong,
    /// and left as it was; the rest of the corpus reads as usual.
    @Test func aFileThatCannotBeReadIsSkippedNamedAndLeftAlone() throws {
        let (folder, _) = try corpusFolder("unreadable-volume", seeds: [Fixtures.seed168, Fixtures.seed175])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A TEI volume cut off in a paragraph; its id sorts first, so the reader tries it first.
        let broken = folder.appendingPathComponent("frus1981-88v04.xml")
        let cutOff = """
            <?xml version="1.0"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" n="1" xml:id="d1"><head>One</head><p>Text

            """
        try cutOff.write(to: broken, atomically: true, encoding: .utf8)

        let r = try TmuxSession.reader(corpus: folder.path)
        let screen = try r.waitUntil("the problem on the status line") {
            $0.split(separator: "\n").last { !$0.isEmpty }?.contains("Skipped frus1981-88v04.xml:3:") == true
        }
        #expect(screen.contains("cannot read TEI volume"))
        // Asked for, it says why again, and stays where it is.
        try r.type(":d frus1981-88v04/1")
        try r.press("Enter")
        try r.waitUntil("why the volume cannot be opened") {
            $0.contains("FRUS, 1981–1988, vol. IV cannot be read: frus1981-88v04.xml:3:")
                && $0.split(separator: "\n").first?.contains(firstTitle) == true
        }
        try r.command("175", thenTitle: title175)
        #expect(try r.quit() == 0)
        #expect(try String(contentsOf: broken, encoding: .utf8) == cutOff, "the file is left as it was")
    }
}

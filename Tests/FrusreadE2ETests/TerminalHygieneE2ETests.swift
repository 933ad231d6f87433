import Foundation
import FrusTestSupport
import Testing

/// The terminal is always given back as it was, and nothing but the reader's own drawing
/// reaches it.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct TerminalHygieneE2ETests {
    let binary = TmuxSession.quote(FrusreadBinary.path)
    let corpus = TmuxSession.quote(bundledCorpus)

    @Test func quitExitsZeroAndRestoresTheTerminal() throws {
        let r = try TmuxSession.reader()
        #expect(try r.paneFlag("alternate_on") == "1")
        #expect(try r.quit() == 0)
        #expect(try r.terminalRestored())
    }

    @Test func afterQuitTheShellsTextIsBackAndTheReadersIsGone() throws {
        let sh = try TmuxSession.interactiveShell()
        try sh.waitFor(TmuxSession.prompt)
        try sh.type("echo shell-text-before; \(binary) --corpus \(corpus)")
        try sh.press("Enter")
        try sh.waitFor(firstTitle)
        try sh.press("q")
        try sh.type("echo \"[exit $?]\"")
        try sh.press("Enter")
        let after = try sh.waitUntil("the shell's exit line") { TmuxSession.exitLine(in: $0) != nil }
        #expect(TmuxSession.exitLine(in: after) == 0)
        #expect(after.split(separator: "\n").contains("shell-text-before"), "the shell's own output is visible")
        #expect(!after.contains("168. Letter") && !after.contains("┌"), "none of the reader's screen is left")
        #expect(try sh.paneFlag("alternate_on") == "0")
        #expect(try sh.paneFlag("cursor_flag") == "1")
    }

    @Test(arguments: [("TERM", SIGTERM), ("INT", SIGINT), ("HUP", SIGHUP)])
    func aSignalRestoresTheTerminalAndEndsWith128PlusIt(name: String, signal: Int32) throws {
        let r = try TmuxSession.reader()
        let pid = try r.programPID()
        #expect(kill(pid, signal) == 0)
        #expect(try r.exitStatus() == 128 + signal, "SIG\(name)")
        #expect(try r.terminalRestored(), "SIG\(name)")
    }

    /// A crash (here a SIGSEGV from outside) still gives the terminal back: the handler writes
    /// the prepared restore sequences and tty modes, then dies by the signal.
    @Test func aCrashRestoresTheTerminal() throws {
        let r = try TmuxSession.reader()
        #expect(kill(try r.programPID(), SIGSEGV) == 0)
        #expect(try r.exitStatus() == 128 + SIGSEGV)
        #expect(try r.terminalRestored())
    }

    @Test func ctrlZSuspendsAndFgRedrawsEverything() throws {
        let sh = try TmuxSession.interactiveShell()
        try sh.waitFor(TmuxSession.prompt)
        try sh.type("\(binary) --corpus \(corpus)")
        try sh.press("Enter")
        try sh.waitFor(firstTitle)
        try sh.press("j")  // scrolled, so a fresh start would not look the same
        let reading = try sh.waitUntil("the view scrolled a line") {
            $0.split(separator: "\n").dropFirst(2).first?.hasPrefix("│ Gorbachev [1]") == true
        }
        try sh.press("C-z")
        try sh.waitFor("Stopped")
        #expect(try sh.paneFlag("alternate_on") == "0", "the shell's screen while suspended")
        try sh.type("fg")
        try sh.press("Enter")
        // tmux gives the alternate screen back blank: only a full repaint shows this again.
        try sh.waitUntil("the reader repainted as it was") { $0 == reading }
        try sh.press("q")
        try sh.type("echo \"[exit $?]\"")
        try sh.press("Enter")
        let after = try sh.waitUntil("the exit line") { TmuxSession.exitLine(in: $0) != nil }
        #expect(TmuxSession.exitLine(in: after) == 0)
    }

    @Test func noColorMeansNoColourCodes() throws {
        let plain = try TmuxSession.reader(environment: ["NO_COLOR": "1"])
        let screen = StyledScreen(capture: try plain.stableScreen(escapes: true))
        #expect(!screen.usesColor)
        #expect(!screen.sgrSequences.isEmpty, "still styled with attributes (bold, reverse)")
        #expect(try plain.quit() == 0)

        // The check can fail: without NO_COLOR the default theme does use colours.
        let coloured = try TmuxSession.reader()
        #expect(StyledScreen(capture: try coloured.stableScreen(escapes: true)).usesColor)
        #expect(try coloured.quit() == 0)
    }

    /// `--theme mono` and FRUSREAD_THEME=mono pick the attributes-only theme.
    @Test(arguments: [(["--theme", "mono"], [:]), ([], ["FRUSREAD_THEME": "mono"])])
    func theThemeIsChosenByOptionOrEnvironment(arguments: [String], environment: [String: String]) throws {
        let r = try TmuxSession.reader(arguments, environment: environment)
        let screen = StyledScreen(capture: try r.stableScreen(escapes: true))
        #expect(!screen.usesColor && !screen.sgrSequences.isEmpty)
        #expect(try r.quit() == 0)
    }

    @Test func anEightColourTerminalGetsOnlyTheEightColours() throws {
        let r = try TmuxSession.reader(environment: ["TERM": "xterm"])  // colors#8
        let screen = StyledScreen(capture: try r.stableScreen(escapes: true))
        #expect(screen.usesColor)
        let colours = Set(screen.rows.joined().flatMap { [$0.rendition.foreground, $0.rendition.background] }.compactMap { $0 })
        #expect(colours.allSatisfy { ["30", "31", "32", "33", "34", "35", "36", "37", "40", "41", "42", "43", "44", "45", "46", "47"].contains($0) },
                "colours used: \(colours.sorted())")
        #expect(try r.quit() == 0)
    }

    @Test func withoutATerminalOnStdinItSuggestsShowAndExits2() throws {
        // stdin from /dev/null, stdout and stderr to files.
        let result = try Spawn.run(
            FrusreadBinary.path, ["--corpus", bundledCorpus],
            environment: FrusreadBinary.isolated(TmuxSession.baseEnvironment, in: FrusreadBinary.testCache))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "no escape sequences written")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("frusread show"))
    }

    @Test func withoutATerminalOnStdoutItSuggestsShowAndExits2() throws {
        let r = try TmuxSession(
            shellCommand: "cd \"$SESSION_DIR\"; \(binary) --corpus \(corpus) > out.txt; printf '[exit %d]' $?; sleep 3600")
        #expect(try r.exitStatus() == 2)
        #expect(try r.screen().contains("frusread show"))
        let written = try Data(contentsOf: r.folder.appendingPathComponent("out.txt"))
        #expect(written.isEmpty, "nothing written to the pipe")
    }

    @Test func aNonUTF8LocaleSaysSoAndFallsBackToASCII() throws {
        let r = try TmuxSession.reader(environment: ["LC_ALL": "C"], waitingFor: "not UTF-8")
        let screen = try r.waitFor("168. Letter From President Reagan")
        let asciiOnly = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(asciiOnly, "ASCII only:\n\(screen)")
        #expect(screen.contains("+-"), "pane borders drawn in ASCII")
        try r.press("j")
        try r.waitUntil("the notice gone after a key") { !$0.contains("not UTF-8") }
        #expect(try r.quit() == 0)
    }
}

extension TmuxSession {
    /// N from the last "[exit N]" line the shell printed (not the echo command itself).
    static func exitLine(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n").reversed() where line.hasPrefix("[exit ") && line.hasSuffix("]") {
            return Int32(line.dropFirst(6).dropLast())
        }
        return nil
    }
}

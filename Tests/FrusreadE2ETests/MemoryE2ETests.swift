import Foundation
import FrusTestSupport
import Testing

/// Issue 10: the reader remembers — resume, marks, a lasting history, notes — and its state
/// survives damage. Each test gives the reader its own XDG folders, shared by the sessions of
/// that test (a restart is a second session on the same folders).
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing), .enabled(if: Fixtures.partialVolume != nil, Comment(rawValue: Fixtures.sharedMissing)))
struct MemoryE2ETests {
    let partial = Fixtures.partialVolume?.path ?? ""

    /// Temporary XDG folders for one test.
    struct UserDirs {
        let root: URL
        init() throws { root = try Fixtures.temporaryFolder("frusread-memory") }
        var state: URL { root.appendingPathComponent("state") }
        var data: URL { root.appendingPathComponent("data") }
        var environment: [String: String] {
            ["XDG_STATE_HOME": state.path, "XDG_DATA_HOME": data.path, "XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
        }
        /// The state file of the one corpus the test reads.
        func stateFile() throws -> URL {
            let folder = state.appendingPathComponent("frusread")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            let files = names.filter { $0.hasPrefix("corpus-") && $0.hasSuffix(".json") }
            try #require(files.count == 1, "one state file in \(names)")
            return folder.appendingPathComponent(files[0])
        }
    }

    func reader(_ dirs: UserDirs, _ extra: [String: String] = [:], args: [String] = []) throws -> TmuxSession {
        try TmuxSession(
            frusread: [partial] + args, width: 120, height: 40,
            environment: dirs.environment.merging(extra) { $1 })
    }

    func waitForTitle(_ r: TmuxSession, _ number: String) throws {
        try r.waitUntil("document \(number) open") { $0.split(separator: "\n").first?.contains("· \(number). ") == true }
    }

    /// The screen without its status row (what differs between sessions is only the message).
    func withoutStatus(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
    }

    @Test func resumesAtTheSameDocumentAndLine() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        for _ in 0..<10 { try first.press("j") }
        try first.sync()
        let before = withoutStatus(try first.stableScreen())
        #expect(try first.quit() == 0)

        let second = try reader(dirs)
        try waitForTitle(second, "136")
        try second.waitUntil("136 at the line it was left at") { withoutStatus($0) == before }
        #expect(try second.quit() == 0)
    }

    @Test func aTerminatedReaderStillResumes() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        for _ in 0..<4 { try first.press("j") }
        try first.sync()
        let before = withoutStatus(try first.stableScreen())
        kill(try first.programPID(), SIGTERM)
        _ = try first.exitStatus()

        let second = try reader(dirs)
        try second.waitUntil("136 at the line it was left at") { withoutStatus($0) == before }
        #expect(try second.quit() == 0)
    }

    @Test func aMarkLastsAndReturns() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("140", thenTitle: "· 140. ")
        for _ in 0..<5 { try first.press("j") }
        try first.press("m", "a")
        try first.waitUntil("the mark set") { $0.contains("Mark a set") }
        // The screens compared are those of the volume read whole (its Cited by shown): it is
        // read in the background after the first frame (lazy opening).
        let read = { (screen: String) in !screen.contains("Reading the rest of the volume") }
        try first.waitUntil("the volume read", read)
        let at140 = withoutStatus(try first.stableScreen())
        try first.command("160", thenTitle: "· 160. ")
        #expect(try first.quit() == 0)

        let second = try reader(dirs)
        try waitForTitle(second, "160")
        try second.waitUntil("the volume read", read)
        let at160 = withoutStatus(try second.stableScreen())
        try second.press("'", "a")
        try second.waitUntil("'a: 140 at its place") { withoutStatus($0) == at140 }
        try second.press("'", "'")
        try second.waitUntil("'': back to 160 as it was") { withoutStatus($0) == at160 }
        // The overlay lists it; Enter opens it.
        try second.press("M")
        try second.waitUntil("the marks overlay") { $0.contains("┌ Marks") && $0.contains("a  140. ") }
        try second.press("Enter")
        try second.waitUntil("140 from the overlay") { withoutStatus($0) == at140 }
        #expect(try second.quit() == 0)
    }

    @Test func backAndForwardAcrossARestartAndTheHistoryCommand() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        try first.command("140", thenTitle: "· 140. ")
        #expect(try first.quit() == 0)

        let second = try reader(dirs)
        try waitForTitle(second, "140")
        try second.press("BSpace")
        try waitForTitle(second, "136")
        try second.press("Right")
        try waitForTitle(second, "140")
        try second.press("H")
        try second.waitUntil("the history overlay") { $0.contains("┌ History") && $0.contains("136. ") }
        try second.press("Enter")  // the entry before the current one: 136
        try waitForTitle(second, "136")
        #expect(try second.quit() == 0)

        let out = try FrusreadBinary.run(["history", "--corpus", partial, "--json"], environment: dirs.environment.mapValues { $0 })
        #expect(out.status == 0, "\(out.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: String]])
        let documents = entries.map { $0["document"] ?? "" }
        // Opened in this order: the first session started on the volume's first document, the
        // second resumed at 140 (not a new entry), went back, forward, and to 136 from the overlay.
        #expect(Array(documents.dropFirst()) == ["136", "140", "136", "140", "136"])
        #expect(documents.first != "136" && documents.first != "140")
        #expect(entries.allSatisfy { Set($0.keys) == ["time", "volume", "document", "title"] && $0["volume"] == "frus1981-88v05" })
    }

    @Test func aNoteWrittenInTheEditorIsKeptListedAndFound() throws {
        let dirs = try UserDirs()
        let line = "Zanzibar quokka remark on the Dobrynin visit"
        let editor = dirs.root.appendingPathComponent("editor.sh")
        try "#!/bin/sh\necho '\(line)' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)

        let r = try reader(dirs, ["EDITOR": editor.path])
        try r.waitFor("┌ Document")
        try r.command("175", thenTitle: "· 175. ")
        try r.press("a")
        try r.waitUntil("the note saved") { $0.contains("Note saved") }
        let file = dirs.data.appendingPathComponent("frusread/notes/frus1981-88v05/175.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(line))
        #expect(text.contains("\nanchor: paragraph "))
        #expect(text.contains("\nvolume: frus1981-88v05\n"))

        // `/` finds it (in the footnote pane, where notes are shown).
        try r.type("/quokka")
        try r.press("Enter")
        try r.waitUntil("the note's word found") { $0.contains("/quokka: match 1 of 1") }
        #expect(try r.quit() == 0)

        let out = try FrusreadBinary.run(["notes", "--json"], environment: dirs.environment.mapValues { $0 })
        #expect(out.status == 0, "\(out.stderr)")
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: String]])
        #expect(notes.count == 1)
        #expect(notes.first?["text"] == line)
        #expect(notes.first?["document"] == "175")
        #expect(notes.first?["file"] == file.path)
        #expect(Set(notes.first?.keys.map { $0 } ?? []) == ["volume", "document", "anchor", "quote", "created", "text", "file"])
    }

    @Test(arguments: ["garbage", "truncated"])
    func aDamagedStateFileIsSetAside(kind: String) throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        #expect(try first.quit() == 0)
        let file = try dirs.stateFile()
        let good = try Data(contentsOf: file)
        let damaged = kind == "garbage" ? Data("\u{1}garbage {{{".utf8) : good.prefix(good.count / 2)
        try damaged.write(to: file)

        let second = try reader(dirs)
        try second.waitUntil("the warning naming what was set aside") { $0.contains(file.lastPathComponent + ".bad") }
        // A fresh start: the volume's first document, and the reader works.
        try second.waitFor("┌ Document")
        try second.command("140", thenTitle: "· 140. ")
        #expect(try second.quit() == 0)
        #expect(try Data(contentsOf: file.appendingPathExtension("bad")) == damaged)
    }

    @Test func aStateWriteKilledMidwayLeavesTheStateBefore() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        #expect(try first.quit() == 0)
        let file = try dirs.stateFile()
        let before = try Data(contentsOf: file)

        // The next write waits between writing its temporary file and renaming it: killed there.
        let second = try reader(dirs, ["FRUSREAD_TEST_STATE_WRITE_PAUSE": "30"])
        try waitForTitle(second, "136")
        try second.type(":140")
        try second.press("Enter")
        let folder = file.deletingLastPathComponent()
        var temp: String?
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        while temp == nil, clock.now < deadline {
            // The state file's own temporary file (other files of the folder are written too).
            temp = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .first { $0.hasPrefix(".\(file.lastPathComponent).") && $0.hasSuffix(".tmp") }
            if temp == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        try #require(temp != nil, "a state write in progress")
        kill(try second.programPID(), SIGKILL)
        _ = try second.exitStatus()
        #expect(try Data(contentsOf: file) == before)

        let third = try reader(dirs)
        try third.waitUntil("the interrupted write told") { $0.contains("Interrupted state write found") }
        try waitForTitle(third, "136")
        #expect(try third.quit() == 0)
    }

    @Test func twoReadersKeepEachOthersMarks() throws {
        let dirs = try UserDirs()
        let one = try reader(dirs)
        let two = try reader(dirs)
        try one.waitFor("┌ Document")
        try two.waitFor("┌ Document")
        try one.command("140", thenTitle: "· 140. ")
        try one.press("m", "a")
        try one.waitUntil("mark a") { $0.contains("Mark a set") }
        try two.command("160", thenTitle: "· 160. ")
        try two.press("m", "b")
        try two.waitUntil("mark b") { $0.contains("Mark b set") }
        #expect(try one.quit() == 0)
        #expect(try two.quit() == 0)

        let three = try reader(dirs)
        try three.waitFor("┌ Document")
        try three.press("M")
        try three.waitUntil("both marks") { $0.contains("a  140. ") && $0.contains("b  160. ") }
        try three.press("Escape")  // q would close the overlay, not quit
        #expect(try three.quit() == 0)
    }

    @Test func anUnwritableStateFolderWarnsOnceAndTheReaderWorks() throws {
        let dirs = try UserDirs()
        // XDG_STATE_HOME is a file: nothing can be created under it.
        try Data("not a folder".utf8).write(to: dirs.state)
        let r = try reader(dirs)
        try r.waitUntil("one warning") { $0.contains("cannot save the reader's state") }
        try r.command("136", thenTitle: "· 136. ")
        try r.command("140", thenTitle: "· 140. ")
        let status = try r.statusRow
        #expect(!status.contains("cannot save"))
        #expect(try r.quit() == 0)
    }

    @Test func atAndStartCommandsWinOverTheRememberedPlace() throws {
        let dirs = try UserDirs()
        let first = try reader(dirs)
        try first.waitFor("┌ Document")
        try first.command("136", thenTitle: "· 136. ")
        #expect(try first.quit() == 0)

        let at = try reader(dirs, args: ["--at", "frus1981-88v05/175"])
        try waitForTitle(at, "175")
        #expect(try at.quit() == 0)
        let command = try reader(dirs, args: ["--command", ":160"])
        try waitForTitle(command, "160")
        // Run from the remembered place (where the --at session quit): back returns there.
        try command.press("BSpace")
        try waitForTitle(command, "175")
        #expect(try command.quit() == 0)
    }
}

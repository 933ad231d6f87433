import Foundation
import FrusUserFiles
import Testing

@Suite struct ConfigTests {
    @Test func readsOptionsAndKeysInFileOrder() {
        let text = """
            # my settings
            theme = "light"
            text-width = 90

            [keys]
            x = "quit"
            "Ctrl-n" = "next-document"
            """
        let c = UserConfig.parse(text, path: "config.toml")
        #expect(c.theme == "light")
        #expect(c.textWidth == 90)
        #expect(c.keys.map(\.key) == ["x", "Ctrl-n"])
        #expect(c.keys.map(\.action) == ["quit", "next-document"])
        #expect(c.keys.map(\.line) == [6, 7])
        #expect(c.warnings.isEmpty)
    }

    @Test func aBadEntryWarnsWithItsLineAndTheRestApplies() {
        let text = """
            theme = 3
            text-width = 5
            colour = "red"
            [keys]
            y = [1
            x = "quit"
            z = 4
            """
        let c = UserConfig.parse(text, path: "config.toml")
        #expect(c.theme == nil)
        #expect(c.textWidth == nil)
        #expect(c.keys.map(\.key) == ["x"])
        let lines = c.warnings.map { String($0.dropFirst("config.toml:".count).prefix { $0.isNumber }) }
        #expect(lines == ["1", "2", "3", "5", "7"], "\(c.warnings)")
        #expect(c.warnings[2].contains("unknown option `colour`"))
    }

    @Test func noFileIsAnEmptyConfig() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-config-\(UUID().uuidString)")
        let folders = UserFolders(state: root.appendingPathComponent("s"), data: root.appendingPathComponent("d"), config: root.appendingPathComponent("c"))
        let c = UserConfig.load(folders)
        #expect(c.keys.isEmpty && c.theme == nil && c.warnings.isEmpty)
        try AtomicFile.write(Data("theme = \"mono\"\n".utf8), to: folders.configFile)
        #expect(UserConfig.load(folders).theme == "mono")
    }

    @Test func commandHistoryAndThemeAreKeptInTheStateFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-choices-\(UUID().uuidString)")
        let folders = UserFolders(state: root.appendingPathComponent("s"), data: root.appendingPathComponent("d"), config: root.appendingPathComponent("c"))
        let choices = ReaderChoices(folders)
        #expect(choices.commandHistory() == [])
        #expect(choices.theme() == nil)
        try choices.saveCommandHistory(["168", "d 175\nq"])
        #expect(ReaderChoices(folders).commandHistory() == ["168", "d 175 q"])
        try choices.saveTheme("light")
        #expect(ReaderChoices(folders).theme() == "light")
        #expect(choices.commandHistoryFile.path == root.appendingPathComponent("s/command-history").path)
    }
}

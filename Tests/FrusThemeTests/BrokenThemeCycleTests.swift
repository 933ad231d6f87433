import FrusTestSupport
import FrusTheme
import Testing

/// A broken user theme is told about when it is the theme chosen, not otherwise, and it is not
/// in the `c` cycle (where the default standing in for it showed the default twice).
@Suite struct BrokenThemeCycleTests {
    func folder(_ files: [String: String]) throws -> String {
        let dir = try Fixtures.temporaryFolder("frusread-themes")
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name + ".toml"), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    var bundled: String { Fixtures.packageRoot.appendingPathComponent("Themes").path }

    @Test func aBrokenThemeIsQuietWhenAnotherIsChosen() throws {
        let dir = try folder(["broken": "text = \"red\"\nlink = { fg = \n"])
        let set = ThemeLoader(directories: [dir, bundled]).loadAll(preferred: "light")
        #expect(set.warnings.isEmpty, "\(set.warnings)")
        #expect(set.themes[set.initialIndex].name == "light")
    }

    @Test func aBrokenThemeIsNotInTheCycle() throws {
        let dir = try folder(["broken": "text = \"red\"\nlink = { fg = \n"])
        let set = ThemeLoader(directories: [dir, bundled]).loadAll()
        let names = set.themes.map(\.name)
        #expect(names == ["default", "light", "mono"])
        #expect(Set(names).count == names.count)
    }

    @Test func aBrokenThemeChosenWarnsAndTheDefaultIsUsed() throws {
        let dir = try folder(["broken": "text = \"red\"\nlink = { fg = \n"])
        let set = ThemeLoader(directories: [dir, bundled]).loadAll(preferred: "broken")
        #expect(set.warnings.count == 1)
        #expect(set.warnings.first?.contains("broken.toml") == true)
        #expect(set.themes[set.initialIndex].name == "default")
    }
}

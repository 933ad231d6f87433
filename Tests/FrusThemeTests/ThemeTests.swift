import Foundation
import FrusTestSupport
import Testing
@testable import FrusTheme

@Suite struct ThemeFallbackTests {
    let theme = Theme(name: "t", styles: [
        "text": Style(foreground: .ansi(7)),
        "link": Style(foreground: .ansi(6)),
        "link.selected": Style(attributes: [.reverse]),
    ])

    @Test func fallsBackAlongTheDotsThenToText() {
        #expect(theme.style("link.selected") == Style(attributes: [.reverse]))
        #expect(theme.style("link.unresolved") == Style(foreground: .ansi(6)))
        #expect(theme.style("link.unresolved.selected") == Style(foreground: .ansi(6)))
        #expect(theme.style("marker.selected") == Style(foreground: .ansi(7)))
        #expect(theme.status("link") == .defined)
        #expect(theme.status("link.unresolved") == .inherited)
        #expect(theme.status("marker") == .missing)
    }

    @Test(arguments: ["default", "light", "mono"])
    func shippedThemesDefineEveryRole(name: String) throws {
        let theme = try #require(ThemeLoader.compiled(name))
        for scope in ThemeScope.all { #expect(theme.status(scope) != .missing, "\(name) lacks \(scope)") }
    }

    @Test func monoHasNoColours() throws {
        let mono = try #require(ThemeLoader.compiled("mono"))
        for (_, style) in mono.styles { #expect(style.foreground == nil && style.background == nil) }
        #expect(mono.style("link.selected").attributes.contains(.reverse))
    }
}

/// Styles keep their colours packed as numbers: every colour and attribute set must come back
/// as given, and patching must combine as documented.
@Suite struct StyleValueTests {
    static let colours: [Color?] = [
        nil, .terminalDefault, .ansi(0), .ansi(15), .indexed(0), .indexed(255), .rgb(0, 0, 0), .rgb(255, 128, 1),
    ]

    @Test func coloursAndAttributesRoundTrip() {
        for fg in Self.colours {
            for bg in Self.colours {
                let style = Style(foreground: fg, background: bg, attributes: [.bold, .underline])
                #expect(style.foreground == fg && style.background == bg)
                #expect(style.attributes == [.bold, .underline])
                #expect(style.has(.bold) && !style.has(.italic))
            }
        }
        let distinct = Set(Self.colours.map { Style(foreground: $0) })
        #expect(distinct.count == Self.colours.count)
    }

    @Test func patchingTakesTheOtherColoursWhereSetAndAddsAttributes() {
        let base = Style(foreground: .ansi(7), background: .indexed(17), attributes: [.dim])
        let over = Style(foreground: .rgb(1, 2, 3), attributes: [.reverse])
        let patched = base.patched(with: over)
        #expect(patched == Style(foreground: .rgb(1, 2, 3), background: .indexed(17), attributes: [.dim, .reverse]))
        #expect(base.patched(with: .plain) == base)
        var inserted = base
        inserted.insert(.italic)
        #expect(inserted.attributes == [.dim, .italic])
    }
}

@Suite struct ColourParsingTests {
    @Test(arguments: [
        ("red", Color.ansi(1)), ("bright-red", .ansi(9)), ("light-blue", .ansi(12)), ("Black", .ansi(0)),
        ("white", .ansi(7)), ("grey", .ansi(8)), ("default", .terminalDefault), ("208", .indexed(208)),
        ("3", .ansi(3)), ("#ff8000", .rgb(255, 128, 0)), ("#FFFFFF", .rgb(255, 255, 255)),
    ])
    func parses(text: String, color: Color) {
        #expect(Color(themeName: text) == color)
    }

    @Test(arguments: ["", "purple", "256", "-1", "#12345", "#gggggg", "bright-purple"])
    func rejects(text: String) {
        #expect(Color(themeName: text) == nil)
    }

    @Test func attributes() {
        #expect(Attribute(themeName: "underlined") == .underline)
        #expect(Attribute(themeName: "reversed") == .reverse)
        #expect(Attribute(themeName: "blink") == nil)
    }
}

@Suite struct NearestColourTests {
    @Test func rgbTo256UsesTheCubeAndGreys() {
        #expect(Color.rgb(255, 0, 0).nearest(in: 256) == .indexed(196))
        #expect(Color.rgb(0, 0, 0).nearest(in: 256) == .indexed(16))
        #expect(Color.rgb(128, 128, 128).nearest(in: 256) == .indexed(244))
        #expect(Color.rgb(0x87, 0x5f, 0x00).nearest(in: 256) == .indexed(94))
    }

    @Test func downTo16And8() {
        #expect(Color.rgb(250, 10, 10).nearest(in: 16) == .ansi(9))
        #expect(Color.rgb(250, 10, 10).nearest(in: 8) == .ansi(1))
        #expect(Color.indexed(236).nearest(in: 16) == .ansi(0))
        #expect(Color.indexed(51).nearest(in: 8) == .ansi(6))
        #expect(Color.ansi(12).nearest(in: 16) == .ansi(12))
        #expect(Color.ansi(12).nearest(in: 8) == .ansi(4))
        #expect(Color.ansi(8).nearest(in: 8) == .ansi(7), "grey stays visible on 8 colours")
        #expect(Color.indexed(208).nearest(in: 256) == .indexed(208))
        #expect(Color.terminalDefault.nearest(in: 8) == .terminalDefault)
        #expect(Color.ansi(3).nearest(in: 2) == .terminalDefault)
    }

    @Test func stylesWithoutColoursKeepAttributes() {
        let s = Style(foreground: .ansi(1), background: .indexed(236), attributes: [.bold])
        #expect(s.adapted(toColors: 0) == Style(attributes: [.bold]))
        #expect(s.adapted(toColors: 8) == Style(foreground: .ansi(1), background: .ansi(0), attributes: [.bold]))
    }
}

@Suite struct ThemeLoaderTests {
    func folder(_ files: [String: String]) throws -> String {
        let dir = try Fixtures.temporaryFolder("frusread-themes")
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name + ".toml"), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    var bundled: String { Fixtures.packageRoot.appendingPathComponent("Themes").path }

    @Test(arguments: ["default", "light", "mono"])
    func bundledFilesAreTheCompiledInThemes(name: String) throws {
        let text = try String(contentsOfFile: bundled + "/\(name).toml", encoding: .utf8)
        #expect(BuiltinThemes.sources[name] == text, "run the generator: Themes/\(name).toml changed")
        let (theme, warnings) = ThemeLoader(directories: [bundled]).load(name)
        #expect(warnings.isEmpty)
        #expect(theme == ThemeLoader.compiled(name))
    }

    @Test func readsColoursPaletteAndNestedScopes() throws {
        let dir = try folder(["t": """
            text = "white"
            link = { fg = "accent", modifiers = ["underline"] }
            "link.selected" = { fg = 0, bg = "#00ff00", modifiers = ["bold", "reversed"] }
            [marker]
            fg = "bright-yellow"
            [marker.selected]
            modifiers = ["reverse"]
            [palette]
            accent = "#5f87ff"
            """])
        let (theme, warnings) = ThemeLoader(directories: [dir]).load("t")
        #expect(warnings.isEmpty)
        #expect(theme.style("text") == Style(foreground: .ansi(7)))
        #expect(theme.style("link") == Style(foreground: .rgb(0x5f, 0x87, 0xff), attributes: [.underline]))
        #expect(theme.style("link.selected") == Style(foreground: .ansi(0), background: .rgb(0, 255, 0), attributes: [.bold, .reverse]))
        #expect(theme.style("marker") == Style(foreground: .ansi(11)))
        #expect(theme.style("marker.selected") == Style(attributes: [.reverse]), "nested tables are dotted scopes")
    }

    @Test func inheritsAndRecoloursThroughThePalette() throws {
        let dir = try folder([
            "base": """
                text = "ink"
                link = { fg = "ink", modifiers = ["underline"] }
                [palette]
                ink = "red"
                """,
            "child": """
                inherits = "base"
                title = { modifiers = ["bold"] }
                [palette]
                ink = "blue"
                """,
        ])
        let (theme, warnings) = ThemeLoader(directories: [dir]).load("child")
        #expect(warnings.isEmpty)
        #expect(theme.style("link") == Style(foreground: .ansi(4), attributes: [.underline]))
        #expect(theme.style("title") == Style(attributes: [.bold]))
    }

    @Test func inheritanceCyclesStop() throws {
        let dir = try folder(["a": "inherits = \"b\"\ntext = \"red\"", "b": "inherits = \"a\"\nlink = \"blue\""])
        let (theme, warnings) = ThemeLoader(directories: [dir]).load("a")
        #expect(warnings.contains { $0.contains("cycle") })
        #expect(theme.style("text") == Style(foreground: .ansi(1)))
        #expect(theme.style("link") == Style(foreground: .ansi(4)))
    }

    @Test func brokenFileWarnsWithLineAndColumnAndGivesTheDefault() throws {
        let dir = try folder(["broken": "text = \"red\"\nlink = { fg = \n"])
        let (theme, warnings) = ThemeLoader(directories: [dir]).load("broken")
        #expect(theme == ThemeLoader.compiledDefault)
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("broken.toml"))
        #expect(warnings[0].contains("line 2"), "\(warnings)")
        #expect(warnings[0].contains("using the default theme"))
    }

    @Test func badValuesWarnAndAreLeftOut() throws {
        let dir = try folder(["odd": "text = \"purple\"\nlink = { fg = \"cyan\", modifiers = [\"blink\"] }"])
        let (theme, warnings) = ThemeLoader(directories: [dir]).load("odd")
        #expect(warnings.count == 2)
        #expect(theme.style("text") == Style())
        #expect(theme.style("link") == Style(foreground: .ansi(6)))
    }

    @Test func userThemesWinOverBundledOnesAndMayInheritThem() throws {
        let home = try Fixtures.temporaryFolder("frusread-xdg")
        let user = home.appendingPathComponent("frusread/themes")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try "inherits = \"default\"\nlink = \"magenta\"\n".write(to: user.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader.standard(
            environment: ["XDG_CONFIG_HOME": home.path, "FRUSREAD_THEMES_DIR": bundled], executablePath: "")
        #expect(loader.directories == [user.path, bundled])
        let (theme, warnings) = loader.load("default")
        #expect(warnings.isEmpty)
        #expect(theme.style("link") == Style(foreground: .ansi(5)))
        #expect(theme.style("marker") == ThemeLoader.compiledDefault.style("marker"), "the rest comes from the bundled default")
    }

    @Test func homeConfigIsTheDefaultUserFolder() {
        let loader = ThemeLoader.standard(environment: ["HOME": "/home/x"], executablePath: "")
        #expect(loader.directories == ["/home/x/.config/frusread/themes"])
    }

    @Test func noColorGivesOnlyMonoWithoutColours() {
        let loader = ThemeLoader.standard(environment: ["NO_COLOR": "1", "FRUSREAD_THEMES_DIR": bundled], executablePath: "")
        let set = loader.loadAll(preferred: "light")
        #expect(set.themes.map(\.name) == ["mono"])
        for (_, style) in set.themes[0].styles { #expect(style.foreground == nil && style.background == nil) }
    }

    @Test func loadAllListsShippedThenUserThemesAndPicksThePreferred() throws {
        let dir = try folder(["solar": "text = \"yellow\""])
        let set = ThemeLoader(directories: [dir, bundled]).loadAll(preferred: "solar")
        #expect(set.themes.map(\.name) == ["default", "light", "mono", "solar"])
        #expect(set.initialIndex == 3)
        #expect(set.warnings.isEmpty)
        let unknown = ThemeLoader(directories: [bundled]).loadAll(preferred: "nope")
        #expect(unknown.initialIndex == 0 && unknown.warnings == ["no theme named \"nope\"; using the default theme"])
    }

    @Test func noFoldersStillGiveTheShippedThemes() {
        let set = ThemeLoader(directories: []).loadAll()
        #expect(set.themes.map(\.name) == ["default", "light", "mono"])
        #expect(set.warnings.isEmpty)
    }

    @Test func findsThemesByWalkingUpFromTheExecutable() {
        let exe = Fixtures.packageRoot.appendingPathComponent(".build/debug/frusread").path
        #expect(ThemeLoader.bundledDirectory(executablePath: exe) == bundled)
    }
}

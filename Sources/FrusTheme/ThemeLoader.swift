import Foundation

/// Finds and reads themes: the user's folder first, then the bundled Themes/ folder, then the
/// compiled-in copies of the shipped themes. Never fails: problems become warnings and the
/// default theme is used (helix's `load_with_warnings`).
public struct ThemeLoader: Sendable {
    /// Folders searched for `NAME.toml`, first match wins (user before bundled).
    public var directories: [String]
    /// NO_COLOR is set: every theme is shown without colours.
    public var noColor: Bool

    public init(directories: [String], noColor: Bool = false) {
        self.directories = directories
        self.noColor = noColor
    }

    /// The loader for this process: `$XDG_CONFIG_HOME/frusread/themes` (default
    /// `~/.config/frusread/themes`), then `$FRUSREAD_THEMES_DIR` or the Themes/ folder found by
    /// walking up from the executable; NO_COLOR from the environment.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? ""
    ) -> ThemeLoader {
        var dirs: [String] = []
        if let user = userDirectory(environment: environment) { dirs.append(user) }
        if let bundled = environment["FRUSREAD_THEMES_DIR"], !bundled.isEmpty {
            dirs.append(bundled)
        } else if let bundled = bundledDirectory(executablePath: executablePath) {
            dirs.append(bundled)
        }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ThemeLoader(directories: dirs, noColor: noColor)
    }

    /// `$XDG_CONFIG_HOME/frusread/themes`, or `$HOME/.config/frusread/themes`.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/frusread/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/frusread/themes" }
        return nil
    }

    /// The Themes/ folder beside the package the executable was built in
    /// (.build/<config>/frusread → ../../Themes), or beside the executable.
    public static func bundledDirectory(executablePath: String) -> String? {
        BundledFolder.find("Themes", executablePath: executablePath)
    }

    /// The names of every theme available: shipped ones first (default, light, mono), then the
    /// others found in the folders, alphabetically.
    public func availableNames() -> [String] {
        let shipped = ["default", "light", "mono"]
        var found = Set<String>()
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files where f.hasSuffix(".toml") { found.insert(String(f.dropLast(5))) }
        }
        return shipped + found.subtracting(shipped).sorted()
    }

    /// Theme `name` with its parents applied. An unknown name or a broken file gives the
    /// default theme and a warning saying why.
    public func load(_ name: String) -> (theme: Theme, warnings: [String]) {
        let (theme, warnings, _) = loadChecked(name)
        return (theme, warnings)
    }

    /// `load`, and whether the theme could not be read at all (the default stands in for it).
    func loadChecked(_ name: String) -> (theme: Theme, warnings: [String], broken: Bool) {
        var warnings: [String] = []
        var theme: Theme
        var broken = false
        do {
            let file = try resolvedFile(name, below: nil, visited: [], warnings: &warnings)
            theme = file.resolved(name: name, warnings: &warnings)
        } catch let e as ThemeError {
            warnings.append(e.message + "; using the default theme")
            theme = ThemeLoader.compiledDefault
            broken = true
        } catch {
            warnings.append("theme \(name): \(error); using the default theme")
            theme = ThemeLoader.compiledDefault
            broken = true
        }
        return (noColor ? theme.withoutColors : theme, warnings, broken)
    }

    /// Every available theme, for cycling with `c`, and the position of `preferred` in it
    /// (`--theme` / `FRUSREAD_THEME`; the default theme when nil or unknown). With NO_COLOR the
    /// only theme is mono.
    public func loadAll(preferred: String? = nil) -> ThemeSet {
        if noColor {
            let (mono, warnings) = load("mono")
            return ThemeSet(themes: [mono], initialIndex: 0, warnings: warnings)
        }
        var warnings: [String] = []
        var themes: [Theme] = []
        var initial = 0
        let names = availableNames()
        if let preferred, !names.contains(preferred) {
            warnings.append("no theme named \"\(preferred)\"; using the default theme")
        }
        for name in names {
            let chosen = name == (preferred ?? "default")
            let (theme, w, broken) = loadChecked(name)
            // What is wrong with a theme matters when it is the one in use: another theme's
            // problems are not told. A theme that cannot be read (the default stands in for
            // it) is left out of the cycle, so `c` does not show the default twice.
            if chosen { warnings += w }
            if broken { continue }
            if chosen { initial = themes.count }
            themes.append(theme)
        }
        return ThemeSet(themes: themes, initialIndex: initial, warnings: warnings)
    }

    /// The default theme as compiled in: always available, whatever is on disk.
    public static let compiledDefault: Theme = {
        var ignored: [String] = []
        let file = (try? ThemeFile.parse(BuiltinThemes.sources["default"] ?? "", name: "default", warnings: &ignored))
            ?? ThemeFile(styles: ["text": .init()])
        return file.resolved(name: "default", warnings: &ignored)
    }()

    /// A shipped theme as compiled in ("default", "light", "mono").
    public static func compiled(_ name: String) -> Theme? {
        guard let source = BuiltinThemes.sources[name] else { return nil }
        var ignored: [String] = []
        guard let file = try? ThemeFile.parse(source, name: name, warnings: &ignored) else { return nil }
        return file.resolved(name: name, warnings: &ignored)
    }

    // MARK: - Finding and merging files

    /// The theme file `name` merged over its parents. `below`: search only folders after this
    /// one (a user's default.toml may inherit the bundled default).
    private func resolvedFile(
        _ name: String, below: Int?, visited: Set<String>, warnings: inout [String]
    ) throws -> ThemeFile {
        let (text, foundIn, path) = try source(of: name, below: below)
        var file: ThemeFile
        do {
            file = try ThemeFile.parse(text, name: name, warnings: &warnings)
        } catch let e as ThemeError {
            throw ThemeError(message: "theme \(name): \(path): \(e.message)")
        }
        guard let parent = file.inherits else { return file }
        let key = "\(parent)@\(foundIn.map(String.init) ?? "-")"
        if visited.contains(key) || visited.count > 16 {
            warnings.append("theme \(name): inheritance cycle through \"\(parent)\"; not inheriting")
            file.inherits = nil
            return file
        }
        let nextBelow = parent == name ? foundIn : nil
        let parentFile: ThemeFile
        do {
            parentFile = try resolvedFile(parent, below: nextBelow, visited: visited.union([key, "\(name)@\(foundIn.map(String.init) ?? "-")"]), warnings: &warnings)
        } catch let e as ThemeError {
            warnings.append("theme \(name): cannot inherit \"\(parent)\": \(e.message)")
            return file
        }
        return file.merged(over: parentFile)
    }

    /// The text of theme `name`, the index of the folder it came from (nil: compiled in) and
    /// its path for messages.
    private func source(of name: String, below: Int?) throws -> (String, Int?, String) {
        guard !name.contains("/"), !name.isEmpty else { throw ThemeError(message: "theme \"\(name)\": not a theme name") }
        let start = below.map { $0 + 1 } ?? 0
        if start < directories.count {
            for i in start..<directories.count {
                let path = directories[i] + "/" + name + ".toml"
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else { throw ThemeError(message: "theme \(name): cannot read \(path)") }
                return (text, i, path)
            }
        }
        if let compiled = BuiltinThemes.sources[name] { return (compiled, nil, "(compiled in)") }
        throw ThemeError(message: "no theme named \"\(name)\"")
    }
}

/// The themes to cycle through, the one to start with, and what went wrong reading them.
public struct ThemeSet: Sendable {
    public var themes: [Theme]
    public var initialIndex: Int
    public var warnings: [String]

    public init(themes: [Theme], initialIndex: Int = 0, warnings: [String] = []) {
        self.themes = themes.isEmpty ? [ThemeLoader.compiledDefault] : themes
        self.initialIndex = min(max(0, initialIndex), self.themes.count - 1)
        self.warnings = warnings
    }
}

import FrusReader
import FrusUserFiles
import FrusView

/// The reader's settings from the user's files: config.toml's `[keys]` over the standard
/// keymap, its options, and what the reader remembered last time.
struct UserSettings {
    var config: UserConfig
    var keymap: Keymap
    /// The config file's problems, each naming its line; the reader shows them, `keys` prints them.
    var warnings: [String]

    init(folders: UserFolders = .from()) {
        config = UserConfig.load(folders)
        var warnings = config.warnings
        var keymap = Keymap.standard
        for entry in config.keys {
            guard let key = Key(name: entry.key) else {
                warnings.append(config.warning(entry, "`\(entry.key)` is not a key name (examples: x, Space, Ctrl-f, Enter, PgDn, F2)"))
                continue
            }
            guard let remapped = keymap.binding(key, to: entry.action) else {
                warnings.append(config.warning(entry, "no action named `\(entry.action)` (`frusread keys` lists them)"))
                continue
            }
            keymap = remapped
        }
        self.keymap = keymap
        self.warnings = warnings
    }
}

extension Keymap {
    /// `frusread keys`: one action a line — its name, its keys, what it does.
    var table: [String] {
        let nameWidth = bindings.map(\.name.count).max() ?? 0
        let keyTexts = bindings.map { $0.keys.isEmpty ? "(none)" : $0.keys.map(\.displayName).joined(separator: " ") }
        let keyWidth = keyTexts.map(\.count).max() ?? 0
        return bindings.enumerated().map { i, b in
            b.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + keyTexts[i].padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + b.help
        }
    }
}

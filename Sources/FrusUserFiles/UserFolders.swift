import Foundation

/// Where the user's own files live, by the XDG Base Directory specification: the reader's state
/// (resume, marks, history) under `$XDG_STATE_HOME/frusread/`, notes and downloaded volumes
/// under `$XDG_DATA_HOME/frusread/`, `config.toml` and themes under `$XDG_CONFIG_HOME/frusread/`.
///
/// This module alone reads and writes those files; everything else asks it.
public struct UserFolders: Sendable, Hashable {
    /// `$XDG_STATE_HOME/frusread` (default `~/.local/state/frusread`).
    public var state: URL
    /// `$XDG_DATA_HOME/frusread` (default `~/.local/share/frusread`).
    public var data: URL
    /// `$XDG_CONFIG_HOME/frusread` (default `~/.config/frusread`).
    public var config: URL

    public init(state: URL, data: URL, config: URL) {
        self.state = state
        self.data = data
        self.config = config
    }

    /// The folders from an environment (the process's by default). A relative `XDG_*` value is
    /// ignored, as the specification says.
    public static func from(environment env: [String: String] = ProcessInfo.processInfo.environment) -> UserFolders {
        let home = URL(fileURLWithPath: env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        func base(_ name: String, _ fallback: String) -> URL {
            if let v = env[name], v.hasPrefix("/") { return URL(fileURLWithPath: v) }
            return home.appendingPathComponent(fallback)
        }
        return UserFolders(
            state: base("XDG_STATE_HOME", ".local/state").appendingPathComponent("frusread"),
            data: base("XDG_DATA_HOME", ".local/share").appendingPathComponent("frusread"),
            config: base("XDG_CONFIG_HOME", ".config").appendingPathComponent("frusread"))
    }

    /// Notes: `notes/VOLUME/NUMBER.md` under the data folder.
    public var notes: URL { data.appendingPathComponent("notes") }
    /// Downloaded volumes (`frusread get`): `volumes/VOLUME.xml` under the data folder.
    public var library: URL { data.appendingPathComponent("volumes") }
    /// `config.toml`.
    public var configFile: URL { config.appendingPathComponent("config.toml") }
}

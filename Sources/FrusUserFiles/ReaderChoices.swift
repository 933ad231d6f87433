import Foundation

/// Small things the reader remembers between sessions, each in a plain file of its own under
/// the state folder (so that no other writer's file is touched): the `:` history and the
/// theme last chosen with `c`.
public struct ReaderChoices: Sendable {
    public let folders: UserFolders

    public init(_ folders: UserFolders = .from()) { self.folders = folders }

    /// `$XDG_STATE_HOME/frusread/command-history`: one command a line, oldest first.
    public var commandHistoryFile: URL { folders.state.appendingPathComponent("command-history") }
    /// `$XDG_STATE_HOME/frusread/theme`: the theme's name.
    public var themeFile: URL { folders.state.appendingPathComponent("theme") }

    /// The `:` history; empty when there is none or it cannot be read.
    public func commandHistory() -> [String] {
        guard let data = try? AtomicFile.read(commandHistoryFile), let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Writes the history (commands are one line each: line breaks in one become spaces).
    public func saveCommandHistory(_ lines: [String]) throws {
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") }
            .joined(separator: "\n") + "\n"
        try AtomicFile.withLock(on: commandHistoryFile) {
            try AtomicFile.write(Data(text.utf8), to: commandHistoryFile)
        }
    }

    /// The theme last chosen with `c`, if any.
    public func theme() -> String? {
        guard let data = try? AtomicFile.read(themeFile), let text = String(data: data, encoding: .utf8) else { return nil }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty || name.contains("\n") ? nil : name
    }

    public func saveTheme(_ name: String) throws {
        try AtomicFile.write(Data((name + "\n").utf8), to: themeFile)
    }
}

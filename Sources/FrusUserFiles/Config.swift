import Foundation
import FrusTOML
import TOMLKit

/// `$XDG_CONFIG_HOME/frusread/config.toml`: the user's options and key bindings.
///
/// ```toml
/// theme = "light"      # a theme name (bundled or in themes/)
/// text-width = 90      # the longest line of text, in columns (20–400; default 100)
///
/// [keys]               # key name = action name (`frusread keys` lists both)
/// x = "quit"
/// "Ctrl-n" = "next-document"
/// ```
///
/// Read leniently: a bad entry (unknown option, wrong type, a line TOML cannot parse) gives a
/// warning naming its line, and the rest applies. Key and action names are checked by the
/// reader, which knows them (`KeyBindingEntry.line` lets it name the line too).
public struct UserConfig: Sendable, Hashable {
    /// One `[keys]` entry as written.
    public struct KeyBindingEntry: Sendable, Hashable {
        public var key: String
        public var action: String
        /// Its line in the file (1-based), when found.
        public var line: Int?
    }

    public var theme: String?
    public var textWidth: Int?
    public var keys: [KeyBindingEntry] = []
    /// "config.toml:4: unknown option `colour` (…)", in file order.
    public var warnings: [String] = []
    /// The file's path, for messages.
    public var path: String = "config.toml"

    public static let textWidthRange = 20...400
    static let options = ["theme", "text-width", "keys"]

    public init() {}

    /// The user's config file; an empty config when there is none. Never throws: an unreadable
    /// file is a warning.
    public static func load(_ folders: UserFolders = .from()) -> UserConfig {
        let url = folders.configFile
        do {
            guard let data = try AtomicFile.read(url) else { return UserConfig() }
            guard let text = String(data: data, encoding: .utf8) else {
                var c = UserConfig()
                c.path = url.path
                c.warnings = ["\(url.path): not UTF-8 text; ignored"]
                return c
            }
            return parse(text, path: url.path)
        } catch {
            var c = UserConfig()
            c.path = url.path
            c.warnings = ["\(error)"]
            return c
        }
    }

    /// Parses the text of a config file; `path` names it in warnings.
    public static func parse(_ text: String, path: String = "config.toml") -> UserConfig {
        var config = UserConfig()
        config.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A line TOML cannot read alone is reported and left out (values here are one line
        // each), so that one typo does not lose the rest of the file.
        for i in lines.indices {
            let text = lines[i].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#"), !text.hasPrefix("[") else { continue }
            // Text that would crash TOMLKit's parser never reaches it (FrusTOML).
            if let problem = TOMLPreflight.problem(in: text) {
                config.warnings.append("\(path):\(i + 1): \(problem.replacingOccurrences(of: " at line 1", with: "")); line ignored")
                lines[i] = ""
                continue
            }
            do { _ = try TOMLTable(string: text) } catch let e as TOMLParseError {
                config.warnings.append("\(path):\(i + 1): \(e.description); line ignored")
                lines[i] = ""
            } catch {
                lines[i] = ""
            }
        }
        let table: TOMLTable?
        let joined = lines.joined(separator: "\n")
        if let problem = TOMLPreflight.problem(in: joined) {
            config.warnings.append("\(path): \(problem); the file is ignored")
            return config
        }
        do {
            table = try TOMLTable(string: joined)
        } catch let e as TOMLParseError {
            config.warnings.append("\(path):\(e.source.begin.line): \(e.description); the file is ignored")
            table = nil
        } catch {
            config.warnings.append("\(path): \(error); the file is ignored")
            table = nil
        }
        guard let table else { return config }
        let finder = LineFinder(lines: lines)
        for (key, value) in table {
            let line = finder.line(of: key, in: nil)
            func warn(_ what: String) { config.warnings.append("\(path):\(line.map(String.init) ?? "?"): \(what)") }
            switch key {
            case "theme":
                if let s = value.string, !s.isEmpty { config.theme = s } else { warn("`theme` must be a theme name in quotes") }
            case "text-width":
                if let n = value.int, textWidthRange.contains(n) { config.textWidth = n }
                else { warn("`text-width` must be a number of columns from \(textWidthRange.lowerBound) to \(textWidthRange.upperBound)") }
            case "keys":
                guard let keys = value.table else {
                    warn("`keys` must be a table: [keys] then lines such as x = \"quit\"")
                    continue
                }
                for (name, action) in keys {
                    let at = finder.line(of: name, in: "keys")
                    guard let a = action.string else {
                        config.warnings.append("\(path):\(at.map(String.init) ?? "?"): key \(name) must be bound to an action name in quotes")
                        continue
                    }
                    config.keys.append(KeyBindingEntry(key: name, action: a, line: at))
                }
            default:
                warn("unknown option `\(key)` (known: \(options.joined(separator: ", ")))")
            }
        }
        // In file order, as the user reads them.
        config.keys.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        let prefix = path + ":"
        func line(_ w: String) -> Int { w.hasPrefix(prefix) ? Int(w.dropFirst(prefix.count).prefix { $0.isNumber }) ?? .max : .max }
        config.warnings = config.warnings.enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }.map(\.element)
        return config
    }

    /// "config.toml:7: …" for a `[keys]` entry the reader cannot use.
    public func warning(_ entry: KeyBindingEntry, _ what: String) -> String {
        "\(path):\(entry.line.map(String.init) ?? "?"): \(what)"
    }
}

/// Finds the line of a key in TOML text (TOMLKit gives no positions for values).
struct LineFinder {
    let lines: [String]

    func line(of key: String, in section: String?) -> Int? {
        var current: String?
        for (i, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") {
                current = String(text.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                if section == nil, current == key { return i + 1 }
                continue
            }
            guard current == section, let eq = text.firstIndex(of: "=") else { continue }
            var name = text[..<eq].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, let q = name.first, q == "\"" || q == "'", name.last == q {
                name = String(name.dropFirst().dropLast())
            }
            if name == key { return i + 1 }
        }
        return nil
    }
}

import Foundation

/// Where a corpus's index lives: `$XDG_CACHE_HOME/frusread/` (default `~/.cache/frusread/`),
/// one database per corpus, named after the corpus folder plus a hash of its absolute path
/// (`volumes-3f2a…c1.sqlite`), so two corpora never share an index.
public struct IndexLocation: Sendable, Hashable {
    public var directory: String
    public var file: String

    /// The index of the corpus at `corpusPath`, in `cacheHome` (default: from the environment).
    public init(corpusPath: String, cacheHome: String? = nil) {
        let absolute = Self.absolute(corpusPath)
        directory = (cacheHome ?? Self.defaultCacheHome()) + "/frusread"
        let name = (absolute as NSString).lastPathComponent
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(40))
        let hash = String(ContentHash.of(Array(absolute.utf8)), radix: 16)
        file = directory + "/" + (safeName.isEmpty ? "corpus" : safeName) + "-" + hash + ".sqlite"
    }

    /// `$XDG_CACHE_HOME` if set and absolute (the XDG rule), else `$HOME/.cache`.
    public static func defaultCacheHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache"
    }

    /// The absolute form of a path, `.` and `..` resolved, no trailing or doubled slashes.
    /// Pure string work (no symlinks followed): it runs for every volume on every start.
    public static func absolute(_ path: String) -> String {
        let full = path.utf8.first == UInt8(ascii: "/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if isPlainAbsolute(full) { return full }
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether an absolute path has no `//`, no `/.` and no trailing slash (`/` itself aside),
    /// judged on its bytes: `String.contains` with Foundation imported goes through
    /// `CFStringFind`, which cost a search of 400 volumes ~1 ms.
    static func isPlainAbsolute(_ full: String) -> Bool {
        var previous: UInt8 = 0
        for byte in full.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/") || full.utf8.count == 1
    }
}

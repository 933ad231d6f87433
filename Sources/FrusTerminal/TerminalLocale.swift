import CNcursesw
import Glibc

/// The locale as curses will see it: set from the environment, and whether it is UTF-8.
/// Under another character set ncursesw silently drops non-ASCII characters, so the reader
/// says so and falls back to ASCII transliteration (`GlyphSanitizer`).
struct TerminalLocale {
    var codeset: String
    var isUTF8: Bool { Self.isUTF8(codeset: codeset) }

    /// The one-line notice for a non-UTF-8 locale, or nil.
    var warning: String? {
        isUTF8 ? nil
            : "frusread: the locale's character set is \(codeset), not UTF-8: showing ASCII only (try LANG=C.UTF-8)"
    }

    /// `setlocale(LC_ALL, "")`, then `nl_langinfo(CODESET)`.
    static func setUp() -> TerminalLocale {
        setlocale(LC_ALL, "")
        return TerminalLocale(codeset: cnc_codeset().map { String(cString: $0) } ?? "unknown")
    }

    static func isUTF8(codeset: String) -> Bool {
        let c = codeset.uppercased()
        return c == "UTF-8" || c == "UTF8"
    }

    /// NO_COLOR (https://no-color.org): set and not empty.
    static var noColorRequested: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}

extension Color {
    /// The 16 ANSI colour names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// A colour as written in a theme: a name ("red", "bright-red", "default"), a palette index
    /// as a decimal string ("208"), or "#rrggbb". Nil when it is none of these.
    public init?(themeName raw: String) {
        let name = raw.lowercased().trimmingSpacesAndTabs
        if name == "default" || name == "reset" || name == "none" { self = .terminalDefault; return }
        if name.hasPrefix("#") {
            guard let rgb = Color.parseHex(String(name.dropFirst())) else { return nil }
            self = .rgb(rgb.0, rgb.1, rgb.2)
            return
        }
        if let n = Int(name) {
            guard let index = Color(index: n) else { return nil }
            self = index
            return
        }
        for prefix in ["bright-", "bright_", "light-", "light_"] where name.hasPrefix(prefix) {
            let base = String(name.dropFirst(prefix.count))
            if let i = Color.ansiNames.firstIndex(of: base) { self = .ansi(UInt8(i + 8)); return }
            return nil
        }
        if name == "gray" || name == "grey" { self = .ansi(8); return }
        if let i = Color.ansiNames.firstIndex(of: name) { self = .ansi(UInt8(i)); return }
        return nil
    }

    /// A 256-colour palette index; 0–15 are the ANSI colours.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = index < 16 ? .ansi(UInt8(index)) : .indexed(UInt8(index))
    }

    private static func parseHex(_ hex: String) -> (UInt8, UInt8, UInt8)? {
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        return (UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff))
    }
}

extension Attribute {
    /// An attribute as written in a theme; helix spellings ("underlined", "reversed") too.
    public init?(themeName raw: String) {
        switch raw.lowercased() {
        case "bold": self = .bold
        case "dim", "faint": self = .dim
        case "italic": self = .italic
        case "underline", "underlined": self = .underline
        case "reverse", "reversed": self = .reverse
        default: return nil
        }
    }
}

extension String {
    var trimmingSpacesAndTabs: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

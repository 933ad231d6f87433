import FrusTOML
import TOMLKit

/// A theme file as written, before its palette and parent are applied: colours are still the
/// strings of the file, so a child's palette can recolour what its parent names.
struct ThemeFile {
    struct RawStyle: Equatable {
        var foreground: String?
        var background: String?
        var attributes: [String] = []
    }

    var inherits: String?
    var palette: [String: String] = [:]
    var styles: [String: RawStyle] = [:]

    /// Parses TOML text. Throws `ThemeError` for a syntax error (with its line and column);
    /// odd values become `warnings` and are left out.
    static func parse(_ text: String, name: String, warnings: inout [String]) throws -> ThemeFile {
        if let problem = TOMLPreflight.problem(in: text) { throw ThemeError(message: problem) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ThemeError(
                message: "\(e.description) (at line \(e.source.begin.line), column \(e.source.begin.column))")
        }
        var file = ThemeFile()
        for (key, value) in table {
            switch key {
            case "inherits":
                if let s = value.string { file.inherits = s } else { warnings.append("theme \(name): `inherits` must be a theme name") }
            case "palette":
                guard let t = value.table else { warnings.append("theme \(name): [palette] must be a table"); continue }
                for (colorName, colorValue) in t {
                    if let s = colorValue.string { file.palette[colorName] = s }
                    else if let i = colorValue.int { file.palette[colorName] = String(i) }
                    else { warnings.append("theme \(name): palette colour \(colorName) must be a string or a number") }
                }
            default:
                file.readScope(key, value, themeName: name, warnings: &warnings)
            }
        }
        return file
    }

    /// A scope's value: a colour string (the foreground), or a table of fg/bg/modifiers whose
    /// other keys are sub-scopes (an unquoted `link.selected = …` arrives as `link.selected`
    /// nested in `link`).
    private mutating func readScope(
        _ scope: String, _ value: TOMLValueConvertible, themeName: String, warnings: inout [String]
    ) {
        if let s = value.string { styles[scope] = RawStyle(foreground: s); return }
        if let i = value.int { styles[scope] = RawStyle(foreground: String(i)); return }
        guard let table = value.table else {
            warnings.append("theme \(themeName): scope \(scope) must be a colour or a table")
            return
        }
        var style = RawStyle()
        var hasStyle = false
        for (key, v) in table {
            switch key {
            case "fg", "bg":
                let colour = v.string ?? v.int.map(String.init)
                guard let colour else { warnings.append("theme \(themeName): \(scope).\(key) must be a colour"); continue }
                if key == "fg" { style.foreground = colour } else { style.background = colour }
                hasStyle = true
            case "modifiers", "attributes":
                if let array = v.array {
                    style.attributes += array.compactMap(\.string)
                } else if let s = v.string {
                    style.attributes.append(s)
                } else {
                    warnings.append("theme \(themeName): \(scope).\(key) must be a list of attributes")
                }
                hasStyle = true
            default:
                readScope("\(scope).\(key)", v, themeName: themeName, warnings: &warnings)
            }
        }
        if hasStyle || table.isEmpty { styles[scope] = style }
    }

    /// This file drawn over `parent`: the child's scopes and palette entries replace the parent's.
    func merged(over parent: ThemeFile) -> ThemeFile {
        var out = parent
        out.inherits = inherits
        out.palette.merge(palette) { _, child in child }
        out.styles.merge(styles) { _, child in child }
        return out
    }

    /// The finished theme: palette names replaced by colours; unknown names warned about and left out.
    func resolved(name: String, warnings: inout [String]) -> Theme {
        func colour(_ raw: String?, _ scope: String) -> Color? {
            guard let raw else { return nil }
            if let named = palette[raw], let c = Color(themeName: named) { return c }
            if let c = Color(themeName: raw) { return c }
            warnings.append("theme \(name): unknown colour \"\(raw)\" in \(scope)")
            return nil
        }
        var out: [String: Style] = [:]
        for (scope, raw) in styles {
            var attributes = Set<Attribute>()
            for a in raw.attributes {
                if let attribute = Attribute(themeName: a) { attributes.insert(attribute) }
                else { warnings.append("theme \(name): unknown attribute \"\(a)\" in \(scope)") }
            }
            out[scope] = Style(
                foreground: colour(raw.foreground, scope), background: colour(raw.background, scope),
                attributes: attributes)
        }
        return Theme(name: name, styles: out)
    }
}

/// A theme file that cannot be used at all.
struct ThemeError: Error {
    var message: String
}

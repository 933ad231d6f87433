/// A theme read from TOML text alone, without folders or parents: what the theme file reader
/// makes of any text (the fuzz target feeds it arbitrary bytes).
extension ThemeLoader {
    /// The theme `text` describes (its `inherits` ignored), or nil and the syntax error's message;
    /// odd values are warnings.
    public static func parse(text: String, name: String) -> (theme: Theme?, warnings: [String]) {
        var warnings: [String] = []
        do {
            let file = try ThemeFile.parse(text, name: name, warnings: &warnings)
            return (file.resolved(name: name, warnings: &warnings), warnings)
        } catch let e as ThemeError {
            return (nil, warnings + [e.message])
        } catch {
            return (nil, warnings + ["theme \(name): \(error)"])
        }
    }
}

import FrusTheme
import Testing

/// Theme files that crashed TOMLKit's parser (found by the `theme` fuzz target): refused with a
/// message naming the line, never reaching the parser's assert.
@Suite struct ThemeFileCrashTests {
    @Test(arguments: [
        ("\"subject\" = { modifiers = [ }\n", "line 1"),
        ("text = {}\n\"title\" = { modifiers = [\"bold\", }\n", "line 2"),
        ("a = [ \u{2028} ]\n", "U+2028"),
        ("a = [\u{0B}]\n", "U+B"),
        ("[\u{7F}\u{7F}palette]\n", "U+7F"),
        ("[`alette]\naccent = \"red\"\n", "line 1"),
        ("\"text\" = { fg = \"red\", %x = 1 }\n", "line 1"),
    ])
    func aValueTerminatorInsideAnArrayIsASyntaxErrorNotACrash(text: String, expected: String) {
        let (theme, warnings) = ThemeLoader.parse(text: text, name: "bad")
        #expect(theme == nil)
        #expect(warnings.contains { $0.contains(expected) }, "\(warnings)")
    }

    @Test func bracketsInsideStringsAndCommentsAreNotCounted() {
        let text = """
            # a comment with } and [
            "text" = { fg = "white" }   # trailing } comment
            "title" = { modifiers = ["bold"], fg = "#ff8800" }
            [palette]
            accent = '}]'
            other = \"\"\"
            multi ] } line
            \"\"\"
            """
        let (theme, warnings) = ThemeLoader.parse(text: text, name: "ok")
        #expect(theme != nil, "\(warnings)")
    }
}

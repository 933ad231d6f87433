import FrusReader
import Testing

@Suite struct KeymapTests {
    let keymap = Keymap.standard

    @Test(arguments: [
        (Key.char("j"), Action.scroll(.lines(1))), (.down, .scroll(.lines(1))),
        (.char("k"), .scroll(.lines(-1))), (.up, .scroll(.lines(-1))),
        (.char(" "), .pageOrNext), (.ctrl("f"), .scroll(.pages(1))), (.ctrl("b"), .scroll(.pages(-1))),
        (.ctrl("d"), .scroll(.halfPages(1))), (.ctrl("u"), .scroll(.halfPages(-1))),
        (.ctrl("e"), .scroll(.lines(1))), (.ctrl("y"), .scroll(.lines(-1))), (.char("z"), .toggleReadingMode), (.char("p"), .peek), (.pageDown, .scroll(.pages(1))), (.char("f"), .scroll(.pages(1))),
        (.char("b"), .scroll(.pages(-1))), (.pageUp, .scroll(.pages(-1))),
        (.char("d"), .scroll(.halfPages(1))), (.char("u"), .scroll(.halfPages(-1))),
        (.char("g"), .scroll(.top)), (.home, .scroll(.top)), (.char("G"), .scroll(.bottom)), (.end, .scroll(.bottom)),
        (.tab, .selectNext), (.backTab, .selectPrevious), (.enter, .activate),
        (.backspace, .back), (.left, .back), (.ctrl("o"), .back), (.right, .forward),
        (.char("]"), .nextDocument), (.char("["), .previousDocument),
        (.char("w"), .cycleFocus), (.ctrl("w"), .cycleFocus), (.char(":"), .openCommandLine),
        (.char("t"), .openTableOfContents), (.char("?"), .openHelp), (.char("h"), .openHelp), (.function(1), .openHelp),
        (.char("c"), .nextTheme), (.ctrl("l"), .redraw), (.escape, .cancel), (.char("q"), .quit),
        (.char("/"), .openFind), (.char("n"), .findNext), (.char("N"), .findPrevious),
        (.char("S"), .openCorpusSearch),
    ])
    func bindsIssueKeys(key: Key, action: Action) {
        #expect(keymap.action(for: key) == action)
    }

    @Test func unboundKeysDoNothing() {
        #expect(keymap.action(for: .char("~")) == nil)
        #expect(keymap.action(for: .function(5)) == nil)
    }

    @Test func helpListsEveryBoundKey() {
        let listed = keymap.helpLines.map(\.keys).joined(separator: " ")
        for binding in keymap.bindings {
            for key in binding.keys { #expect(listed.contains(key.displayName), "\(key.displayName) missing from help") }
        }
        #expect(keymap.helpLines.contains { $0.keys.contains(":p 766") })
    }
}

@Suite struct CommandParsingTests {
    @Test(arguments: [
        ("175", Command.document(volume: nil, number: "175")),
        ("d 175", .document(volume: nil, number: "175")),
        ("  d   175 ", .document(volume: nil, number: "175")),
        ("d d175", .document(volume: nil, number: "175")),
        ("d frus1981-88v04/150", .document(volume: "frus1981-88v04", number: "150")),
        ("d frus1981-88v04/d150", .document(volume: "frus1981-88v04", number: "150")),
        ("p 766", .page("766")), ("page xii", .page("xii")),
        ("q", .quit), ("quit", .quit),
    ])
    func parses(text: String, command: Command) {
        #expect(Command(parsing: text) == command)
    }

    @Test(arguments: ["", "x", "d", "p", "d 1 2", "foo 175", "d /150", "d frus1981-88v04/"])
    func rejects(text: String) {
        #expect(Command(parsing: text) == nil)
    }
}

import FrusModel
import FrusReader
import Testing

@Suite struct CommandLineTests {
    @Test func typingEditingAndCancelling() {
        var s = seedState()
        s.press(.char(":"))
        #expect(s.commandLine == "")
        s.type("17j")
        #expect(s.commandLine == "17j" && s.scroll == 0, "keys go to the command line, not the keymap")
        s.press(.backspace)
        #expect(s.commandLine == "17")
        s.press(.escape)
        #expect(s.commandLine == nil && s.document?.number == "175")
        s.press(.char(":"))
        s.press(.backspace)
        #expect(s.commandLine == nil, "Backspace on an empty command line closes it")
    }

    @Test func goesToDocuments() {
        var s = seedState()
        s.type(":168"); s.press(.enter)
        #expect(s.document?.number == "168" && s.commandLine == nil && s.back.count == 1)
        s.type(":d 175"); s.press(.enter)
        #expect(s.document?.number == "175" && s.back.count == 2)
        s.type(":d frus1981-88v05/168"); s.press(.enter)
        #expect(s.document?.number == "168")
    }

    @Test func reportsWhatIsNotThere() {
        var s = seedState()
        s.type(":d frus1981-88v04/150"); s.press(.enter)
        #expect(s.message == StatusMessage("FRUS, 1981–1988, vol. IV is not in this corpus.", kind: .error))
        s.type(":999"); s.press(.enter)
        #expect(s.message?.text == "Document 999 is not in FRUS, 1981–1988, vol. V.")
        s.type(":frobnicate"); s.press(.enter)
        #expect(s.message?.kind == .error && s.message?.text.hasPrefix("Not a command") == true)
        s.type(":p 1"); s.press(.enter)
        #expect(s.message?.text == "Page 1 is not in this volume.")
        #expect(s.document?.number == "175" && s.back.isEmpty)
    }

    @Test func goesToPrintedPages() throws {
        var s = seedState(number: "168", width: 100, height: 14)
        s.type(":p 767"); s.press(.enter)
        #expect(s.document?.number == "175")
        let line = try #require(s.view?.documentLayout.line(ofPage: "767"))
        #expect(s.scroll == line || s.scroll == (s.view!.documentLayout.lines.count - s.documentHeight))
        s.type(":p 743"); s.press(.enter)
        #expect(s.document?.number == "168" && s.scroll == 0, "page 743 is where 168 starts: its top")
        s.type(":p 744"); s.press(.enter)
        #expect(s.scroll > 0)
    }

    @Test func quitCommand() {
        var s = seedState()
        s.type(":q")
        #expect(s.press(.enter).last == .quit(0))
    }
}

extension CommandLineTests {
    func seedState(number: String = "175", width: Int = 100, height: Int = 30) -> ReaderState {
        FrusReaderTests.seedState(width: width, height: height, number: number)
    }
}

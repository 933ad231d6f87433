import FrusReader
import FrusTerminal
import Testing

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (127, .backspace), (8, .backspace),
        (27, .escape), (15, .ctrl("o")), (12, .ctrl("l")), (23, .ctrl("w")), (1, .ctrl("a")),
        (26, .ctrl("z")), (32, .char(" ")), (113, .char("q")), (58, .char(":")), (63, .char("?")),
        (93, .char("]")), (0xE9, .char("é")), (0x4E2D, .char("中")),
    ])
    func characters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(.character(value)) == .key(key))
    }

    @Test(arguments: [UInt32(0), 28, 31, 0x80, 0x9B, 0xD800])
    func controlsWithoutMeaningAreIgnored(value: UInt32) {
        #expect(KeyDecoder.decode(.character(value)) == nil)
    }

    @Test func functionKeys() {
        let table: [(Int32, Key)] = [
            (CursesKeyCode.up, .up), (CursesKeyCode.down, .down), (CursesKeyCode.left, .left),
            (CursesKeyCode.right, .right), (CursesKeyCode.pageUp, .pageUp),
            (CursesKeyCode.pageDown, .pageDown), (CursesKeyCode.home, .home), (CursesKeyCode.end, .end),
            (CursesKeyCode.keypadHome, .home), (CursesKeyCode.keypadEnd, .end),
            (CursesKeyCode.enter, .enter), (CursesKeyCode.backspace, .backspace),
            (CursesKeyCode.delete, .delete), (CursesKeyCode.backTab, .backTab),
        ] + (1...12).map { (CursesKeyCode.function($0), Key.function($0)) }
        for (code, key) in table {
            #expect(KeyDecoder.decode(.keyCode(code)) == .key(key), "key code \(code)")
        }
        // The values curses.h gives (checked so that a wrong macro wrapper cannot pass).
        #expect(CursesKeyCode.up == 259 && CursesKeyCode.resize == 410 && CursesKeyCode.function(1) == 265)
    }

    @Test func resizeIsAnEvent() {
        #expect(KeyDecoder.decode(.keyCode(CursesKeyCode.resize)) == .resize)
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(KeyDecoder.decode(.keyCode(CursesKeyCode.function(13))) == nil)
        #expect(KeyDecoder.decode(.keyCode(0o777)) == nil)
    }
}

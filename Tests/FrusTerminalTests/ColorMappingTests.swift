import FrusTerminal
import FrusTheme
import Testing

@Suite struct ColorMappingTests {
    let full = ColorMapper(depth: .full256)
    let sixteen = ColorMapper(depth: .sixteen)
    let eight = ColorMapper(depth: .eight)

    @Test func depthFromCursesColors() {
        #expect(ColorDepth(colors: 256) == .full256)
        #expect(ColorDepth(colors: 16_777_216) == .full256)
        #expect(ColorDepth(colors: 88) == .sixteen)
        #expect(ColorDepth(colors: 8) == .eight)
        #expect(ColorDepth(colors: 0) == .none)
        #expect(ColorDepth(colors: -1) == .none)
    }

    @Test func terminalDefaultAndInheritAreMinusOne() {
        #expect(full.number(for: .terminalDefault, foreground: true) == -1)
        #expect(full.number(for: nil, foreground: false) == -1)
    }

    @Test func withoutDefaultColorsTheDefaultIsWhiteOnBlack() {
        let m = ColorMapper(depth: .eight, hasDefaultColors: false)
        #expect(m.number(for: .terminalDefault, foreground: true) == 7)
        #expect(m.number(for: nil, foreground: false) == 0)
    }

    @Test func ansiColors() {
        #expect(full.number(for: .ansi(9), foreground: true) == 9)
        #expect(sixteen.number(for: .ansi(9), foreground: true) == 9)
        #expect(eight.number(for: .ansi(9), foreground: true) == 1)  // bright red → red
        #expect(eight.number(for: .ansi(4), foreground: true) == 4)
        // Bright black (grey) as black would vanish on a dark background: white instead.
        #expect(eight.number(for: .ansi(8), foreground: true) == 7)
        #expect(sixteen.number(for: .ansi(8), foreground: true) == 8)
    }

    @Test func indexedColors() {
        #expect(full.number(for: .indexed(196), foreground: true) == 196)
        #expect(sixteen.number(for: .indexed(196), foreground: true) == 9)  // ff0000
        #expect(eight.number(for: .indexed(196), foreground: true) == 1)
        #expect(sixteen.number(for: .indexed(21), foreground: true) == 4)  // 0000ff: blue (0000ee)
        #expect(sixteen.number(for: .indexed(46), foreground: true) == 10)  // 00ff00: bright green
        #expect(sixteen.number(for: .indexed(244), foreground: true) == 8)  // grey 128
        #expect(eight.number(for: .indexed(12), foreground: true) == 4)
    }

    @Test func rgbGoesToTheNearestAvailableColor() {
        #expect(full.number(for: .rgb(255, 0, 0), foreground: true) == 196)
        #expect(full.number(for: .rgb(0x87, 0xaf, 0xd7), foreground: true) == 110)  // exact cube entry
        #expect(full.number(for: .rgb(128, 128, 128), foreground: true) == 244)  // a grey, not the cube
        #expect(full.number(for: .rgb(0, 0, 0), foreground: true) == 16)
        #expect(sixteen.number(for: .rgb(250, 10, 10), foreground: true) == 9)
        #expect(sixteen.number(for: .rgb(250, 250, 250), foreground: true) == 15)
        #expect(eight.number(for: .rgb(250, 10, 10), foreground: true) == 1)
        #expect(eight.number(for: .rgb(20, 20, 200), foreground: true) == 4)
        #expect(eight.number(for: .rgb(200, 200, 40), foreground: true) == 3)
    }

    @Test func noColorsAtAll() {
        let none = ColorMapper(depth: .none)
        for c: Color in [.ansi(1), .indexed(200), .rgb(1, 2, 3), .terminalDefault] {
            #expect(none.number(for: c, foreground: true) == -1)
        }
    }

    @Test func pairsAreAllocatedOnDemandAndCached() {
        var table = ColorPairTable(capacity: 3)
        var defined: [[Int16]] = []
        let define = { (n: Int16, f: Int16, b: Int16) in defined.append([n, f, b]) }
        #expect(table.pair(foreground: -1, background: -1, define: define) == 0)
        #expect(table.pair(foreground: 1, background: -1, define: define) == 1)
        #expect(table.pair(foreground: 2, background: 0, define: define) == 2)
        #expect(table.pair(foreground: 1, background: -1, define: define) == 1)
        // Capacity 3 = pairs 0…2: the next combination falls back to the default pair.
        #expect(table.pair(foreground: 3, background: 3, define: define) == 0)
        #expect(defined == [[1, 1, -1], [2, 2, 0]])
        #expect(table.allocated == 2)
    }
}

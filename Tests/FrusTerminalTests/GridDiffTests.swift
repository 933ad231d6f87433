import FrusTerminal
import FrusTheme
import FrusView
import Testing

/// A one-row grid from a string; "中" and other wide glyphs are followed by a continuation cell.
func row(_ text: String, wide: Set<Character> = ["中", "文"]) -> Grid {
    var cells: [Cell] = []
    for c in text {
        cells.append(Cell(String(c)))
        if wide.contains(c) { cells.append(Cell("", isContinuation: true)) }
    }
    var grid = Grid(width: cells.count, height: 1)
    grid.cells = cells
    return grid
}

func positions(_ changes: [GridDiff.Change]) -> [Int] { changes.map(\.x) }

@Suite struct GridDiffTests {
    @Test func identicalFramesNeedNothing() {
        #expect(GridDiff.changes(from: row("abc"), to: row("abc")).isEmpty)
    }

    @Test func onlyChangedCellsArePainted() {
        #expect(positions(GridDiff.changes(from: row("abcdef"), to: row("abXdeY"))) == [2, 5])
    }

    @Test func aStyleChangeAloneIsAChange() {
        var styled = row("abc")
        styled[1, 0].style = Style(attributes: [.bold])
        #expect(positions(GridDiff.changes(from: row("abc"), to: styled)) == [1])
    }

    @Test func aNewWideGlyphSkipsItsContinuation() {
        let changes = GridDiff.changes(from: row("abcd"), to: row("a中d"))
        #expect(changes == [GridDiff.Change(x: 1, y: 0, span: 2)])
    }

    @Test func replacingAWideGlyphRepaintsTheCellItCovered() {
        // Old: a 中 (cols 1-2) d; new: a x y d. Column 2 held the right half of 中: repainted.
        let changes = GridDiff.changes(from: row("a中d"), to: row("axyd"))
        #expect(positions(changes) == [1, 2])
    }

    @Test func aWideGlyphReplacedByAWideOneIsOneChange() {
        #expect(GridDiff.changes(from: row("a中"), to: row("a文")) == [GridDiff.Change(x: 1, y: 0, span: 2)])
    }

    @Test func wideGlyphShiftedRightRepaintsEverythingTouched() {
        // Old: 中 x y (cols 0-1, 2, 3); new: x 中 y (0, 1-2, 3).
        let changes = GridDiff.changes(from: row("中y"), to: row("x中"))
        #expect(changes == [GridDiff.Change(x: 0, y: 0, span: 1), GridDiff.Change(x: 1, y: 0, span: 2)])
    }

    @Test func fullRepaintSkipsContinuations() {
        #expect(GridDiff.all(row("a中b")).map(\.x) == [0, 1, 3])
    }

    @Test func rowsAreIndependent() {
        var old = Grid(width: 2, height: 2)
        var new = old
        old[0, 0] = Cell("中")
        old[1, 0] = Cell("", isContinuation: true)
        new[0, 0] = Cell("a")
        new[1, 0] = Cell("b")
        new[1, 1] = Cell("z")
        #expect(GridDiff.changes(from: old, to: new).map { [$0.x, $0.y] } == [[0, 0], [1, 0], [1, 1]])
    }

    @Test func anOrphanContinuationIsABlank() {
        var grid = Grid(width: 2, height: 1)
        grid[0, 0] = Cell("", isContinuation: true)
        #expect(GridDiff.changes(from: Grid(width: 2, height: 1), to: grid).isEmpty)
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}

/// Where each part of the screen goes for a terminal size. Pure geometry, shared by the reducer
/// (paging needs pane heights; layout needs text widths) and the view.
///
/// At 100 columns or more: the document on the left (60%), footnotes and the link navigator
/// stacked on the right. Narrower: the document on top, footnotes and links side by side below.
public struct ScreenLayout: Sendable, Hashable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    public static let wideWidth = 100

    public var width: Int
    public var height: Int
    public var isTooSmall: Bool
    public var isWide: Bool
    public var titleRow: Rect
    /// Boxes with a one-cell border; the text goes inside, one column of padding on each side.
    public var document: Rect
    public var footnotes: Rect
    public var links: Rect
    public var statusRow: Rect

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        isWide = width >= Self.wideWidth
        titleRow = Rect(x: 0, y: 0, width: width, height: 1)
        statusRow = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let bodyTop = 1
        let bodyHeight = max(0, height - 2)
        if isTooSmall {
            document = Rect(x: 0, y: bodyTop, width: width, height: bodyHeight)
            footnotes = Rect(x: 0, y: 0, width: 0, height: 0)
            links = footnotes
        } else if isWide {
            let docWidth = width * 60 / 100
            let sideWidth = width - docWidth
            let notesHeight = max(3, bodyHeight * 55 / 100)
            document = Rect(x: 0, y: bodyTop, width: docWidth, height: bodyHeight)
            footnotes = Rect(x: docWidth, y: bodyTop, width: sideWidth, height: notesHeight)
            links = Rect(x: docWidth, y: bodyTop + notesHeight, width: sideWidth, height: bodyHeight - notesHeight)
        } else {
            let docHeight = max(3, bodyHeight * 55 / 100)
            let lowerHeight = bodyHeight - docHeight
            let notesWidth = width / 2
            document = Rect(x: 0, y: bodyTop, width: width, height: docHeight)
            footnotes = Rect(x: 0, y: bodyTop + docHeight, width: notesWidth, height: lowerHeight)
            links = Rect(x: notesWidth, y: bodyTop + docHeight, width: width - notesWidth, height: lowerHeight)
        }
    }

    /// The text area of a box: inside the border, with a column of padding on each side.
    public static func textArea(of box: Rect) -> Rect {
        Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    }

    public var documentText: Rect { Self.textArea(of: document) }
    public var footnotesText: Rect { Self.textArea(of: footnotes) }
    public var linksText: Rect { Self.textArea(of: links) }
}

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
/// At 100 columns or more: the document on the left (60%, its text at most `maxTextWidth`
/// columns), footnotes and the link navigator stacked on the right. Narrower: the document on
/// top (at least 15 rows of text when the terminal has 24), footnotes and links side by side
/// below. In reading mode (`z`) the document takes every row and column, its text column
/// centred and capped, and the footnotes are a strip at the bottom shown when a marker is
/// selected.
public struct ScreenLayout: Sendable, Hashable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    public static let wideWidth = 100
    /// The longest text line by default (config.toml `text-width`).
    public static let defaultMaxTextWidth = 100
    /// Rows of the reading mode's footnote strip, border included.
    public static let stripHeight = 7

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
    public var readingMode: Bool
    public var maxTextWidth: Int

    public init(width: Int, height: Int, readingMode: Bool = false, maxTextWidth: Int = defaultMaxTextWidth) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.readingMode = readingMode
        self.maxTextWidth = max(20, maxTextWidth)
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
        } else if readingMode {
            // No border at the sides: the text column centred, padding of two at least.
            let textWidth = min(self.maxTextWidth, width - 4)
            let docWidth = textWidth + 4
            document = Rect(x: (width - docWidth) / 2, y: bodyTop - 1, width: docWidth, height: bodyHeight + 2)
            let strip = min(Self.stripHeight, bodyHeight / 2)
            footnotes = Rect(x: document.x, y: bodyTop + bodyHeight - strip, width: docWidth, height: strip)
            links = Rect(x: 0, y: bodyTop, width: 0, height: 0)
        } else if isWide {
            let docWidth = min(width * 60 / 100, self.maxTextWidth + 4)
            let sideWidth = width - docWidth
            let notesHeight = max(3, bodyHeight * 55 / 100)
            document = Rect(x: 0, y: bodyTop, width: docWidth, height: bodyHeight)
            footnotes = Rect(x: docWidth, y: bodyTop, width: sideWidth, height: notesHeight)
            links = Rect(x: docWidth, y: bodyTop + notesHeight, width: sideWidth, height: bodyHeight - notesHeight)
        } else {
            // At 24 rows the document keeps 15 of text; taller, it has 55% of the rows.
            let docHeight = max(3, min(bodyHeight - 5, max(bodyHeight * 55 / 100, 17)))
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
    /// The help overlay's box, centred, and its text.
    public var helpBox: Rect {
        let w = min(78, width - 4)
        return Rect(x: (width - w) / 2, y: 1, width: w, height: height - 2)
    }
    public var helpText: Rect { Self.textArea(of: helpBox) }
    /// The peek overlay (`p`): centred, up to 90 columns and 18 rows.
    public var peekBox: Rect {
        let w = min(90, width - 4)
        let h = min(18, height - 2)
        return Rect(x: (width - w) / 2, y: max(1, (height - h) / 2), width: w, height: h)
    }
    public var peekText: Rect { Self.textArea(of: peekBox) }
    public var footnotesText: Rect { Self.textArea(of: footnotes) }
    public var linksText: Rect { Self.textArea(of: links) }
}

/// A `capture-pane -e` screen parsed into characters and the SGR state each is drawn with, so
/// tests can ask which text is highlighted, or whether any colour was used at all.
public struct StyledScreen {
    /// The graphic rendition in effect for a character, as SGR sequences set it.
    public struct Rendition: Hashable, Sendable {
        public var bold = false, dim = false, italic = false, underline = false, reverse = false
        /// "31", "38;5;110", "38;2;1;2;3" …; nil = the terminal's default.
        public var foreground: String?
        public var background: String?

        public init() {}

        public var hasColor: Bool { foreground != nil || background != nil }

        /// Applies one SGR parameter list.
        public mutating func apply(_ params: [String]) {
            var i = 0
            while i < params.count {
                let head = params[i].split(separator: ":").first.map(String.init) ?? ""
                let n = Int(head) ?? 0
                switch n {
                case 0: self = Rendition()
                case 1: bold = true
                case 2: dim = true
                case 3: italic = true
                case 4: underline = true
                case 7: reverse = true
                case 22: bold = false; dim = false
                case 23: italic = false
                case 24: underline = false
                case 27: reverse = false
                case 30...37, 90...97: foreground = "\(n)"
                case 39: foreground = nil
                case 40...47, 100...107: background = "\(n)"
                case 49: background = nil
                case 38, 48:
                    // 38;5;N or 38;2;R;G;B
                    let count = i + 1 < params.count && params[i + 1] == "2" ? 4 : 2
                    let value = params[i...min(params.count - 1, i + count)].joined(separator: ";")
                    if n == 38 { foreground = value } else { background = value }
                    i += count
                default: break
                }
                i += 1
            }
        }
    }

    public struct StyledCharacter: Hashable, Sendable {
        public var character: Character
        public var rendition: Rendition
    }

    public var rows: [[StyledCharacter]]

    /// Every SGR parameter list found in the capture, in order.
    public var sgrSequences: [[String]] = []

    public init(capture: String) {
        rows = []
        var current = Rendition()
        for line in capture.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [StyledCharacter] = []
            var scalars = Array(line.unicodeScalars)[...]
            var text = String.UnicodeScalarView()
            func flushText() {
                for c in String(text) { row.append(StyledCharacter(character: c, rendition: current)) }
                text = String.UnicodeScalarView()
            }
            while let u = scalars.first {
                scalars = scalars.dropFirst()
                guard u == "\u{1B}", scalars.first == "[" else { text.append(u); continue }
                flushText()
                scalars = scalars.dropFirst()
                var body = ""
                while let c = scalars.first, !(0x40...0x7E).contains(c.value) {
                    body.unicodeScalars.append(c)
                    scalars = scalars.dropFirst()
                }
                let final = scalars.first
                scalars = scalars.dropFirst()
                guard final == "m" else { continue }
                let params = body.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                sgrSequences.append(params)
                current.apply(params.map { $0.isEmpty ? "0" : $0 })
            }
            flushText()
            rows.append(row)
        }
    }

    /// The text of row `y` from column `x` on (tmux trims trailing blanks).
    public func text(row y: Int, from x: Int = 0, count: Int = Int.max) -> String {
        guard y < rows.count, x < rows[y].count else { return "" }
        return String(rows[y][x..<min(rows[y].count, x + min(count, rows[y].count))].map(\.character))
    }

    /// True when any SGR sequence of the capture sets a colour.
    public var usesColor: Bool {
        sgrSequences.contains { params in
            var r = Rendition()
            r.apply(params)
            return r.hasColor
        }
    }
}

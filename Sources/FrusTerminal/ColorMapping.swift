import FrusTheme

/// How many colours the terminal offers.
public enum ColorDepth: Sendable, Hashable {
    case none, eight, sixteen, full256

    /// From curses' `COLORS` (0 when the terminal has none or colours are turned off).
    public init(colors: Int) {
        switch colors {
        case 256...: self = .full256
        case 16..<256: self = .sixteen
        case 8..<16: self = .eight
        default: self = .none
        }
    }
}

/// Maps theme colours to curses colour numbers for a terminal of a given depth: -1 for the
/// terminal's own colour, 0–255 otherwise; `#rrggbb` and out-of-range indices go to the nearest
/// colour the terminal has (xterm's palette as the reference for the 16 ANSI colours).
public struct ColorMapper: Sendable {
    public var depth: ColorDepth
    /// Whether `use_default_colors` worked; if not, the default is white on black.
    public var hasDefaultColors: Bool

    public init(depth: ColorDepth, hasDefaultColors: Bool = true) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
    }

    /// The curses colour number for `color` (nil = inherit = terminal default).
    public func number(for color: Color?, foreground: Bool) -> Int16 {
        let n = mapped(color)
        if n == -1 && !hasDefaultColors { return foreground ? 7 : 0 }
        return n
    }

    private func mapped(_ color: Color?) -> Int16 {
        guard depth != .none, let color else { return -1 }
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n):
            let n = n & 15
            return Int16(depth == .eight && n >= 8 ? n - 8 : n)
        case .indexed(let n):
            switch depth {
            case .full256: return Int16(n)
            case .sixteen where n < 16: return Int16(n)
            case .eight where n < 8: return Int16(n)
            case .eight where n < 16: return Int16(n - 8)
            default: return nearest(Palette.rgb(ofIndex: Int(n)))
            }
        case .rgb(let r, let g, let b): return nearest(RGB(r: Int(r), g: Int(g), b: Int(b)))
        }
    }

    private func nearest(_ rgb: RGB) -> Int16 {
        switch depth {
        case .full256: return Int16(Palette.nearestIn256(rgb))
        case .sixteen: return Int16(Palette.nearest(rgb, among: 0..<16))
        case .eight, .none: return Int16(Palette.nearest(rgb, among: 0..<8))
        }
    }
}

struct RGB: Hashable {
    var r: Int, g: Int, b: Int
}

/// Nearest-colour search over xterm's 256-colour palette (16 ANSI colours, a 6×6×6 cube and
/// 24 greys). The palette itself is FrusTheme's (`Color.xtermRGB`); this is the terminal's own
/// distance and choice of candidates.
enum Palette {
    static let cubeLevels = (0..<6).map { Color.xtermRGB(16 + 36 * $0).0 }

    static func rgb(ofIndex i: Int) -> RGB {
        let (r, g, b) = Color.xtermRGB(i)
        return RGB(r: r, g: g, b: b)
    }

    /// Perceptual-ish distance ("redmean" weighting): good enough to pick a palette entry.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let rMean = (a.r + b.r) / 2
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        // (Swift's >> binds tighter than *: the products are parenthesised.)
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    static func nearest(_ rgb: RGB, among indices: Range<Int>) -> Int {
        indices.min { distance(rgb, self.rgb(ofIndex: $0)) < distance(rgb, self.rgb(ofIndex: $1)) }!
    }

    /// The nearest cube colour or grey (16–255; the 16 ANSI colours are left out because users
    /// often redefine them).
    static func nearestIn256(_ rgb: RGB) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(rgb.r) + 6 * level(rgb.g) + level(rgb.b)
        let average = (rgb.r + rgb.g + rgb.b) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb, self.rgb(ofIndex: grey)) < distance(rgb, self.rgb(ofIndex: cube)) ? grey : cube
    }
}

/// Colour pairs allocated on demand and cached: curses draws with a pair number, a theme gives
/// foreground/background colours. Pair 0 is the terminal default; when the terminal runs out of
/// pairs, further combinations fall back to it rather than failing.
public struct ColorPairTable: Sendable {
    public struct Key: Hashable, Sendable {
        public var foreground: Int16
        public var background: Int16
    }

    public let capacity: Int
    private var pairs: [Key: Int16] = [:]
    private var next: Int16 = 1

    /// `capacity` is curses' COLOR_PAIRS (pair numbers 1..<capacity are allocatable).
    public init(capacity: Int) { self.capacity = min(capacity, Int(Int16.max)) }

    /// The pair for these colours; `define` is called once for each new pair (curses' init_pair).
    public mutating func pair(
        foreground: Int16, background: Int16, define: (Int16, Int16, Int16) -> Void
    ) -> Int16 {
        if foreground == -1 && background == -1 { return 0 }
        let key = Key(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        guard Int(next) < capacity else { return 0 }
        let number = next
        next += 1
        define(number, foreground, background)
        pairs[key] = number
        return number
    }

    public var allocated: Int { pairs.count }
}

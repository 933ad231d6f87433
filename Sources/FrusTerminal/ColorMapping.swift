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
/// terminal's own colour, 0–255 otherwise. Which colour a terminal of that depth shows is
/// FrusTheme's rule (`Color.nearest(in:)`: `#rrggbb` to the nearest palette entry, bright colours
/// to their normal forms on 8 colours, grey to white there); this only numbers the result.
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
        guard let color else { return -1 }
        switch color.nearest(in: depth.colors) {
        case .ansi(let n): return Int16(n & 15)
        case .indexed(let n): return Int16(n)
        case .terminalDefault, .rgb: return -1
        }
    }
}

extension ColorDepth {
    /// How many colours this depth has.
    var colors: Int {
        switch self {
        case .none: 0
        case .eight: 8
        case .sixteen: 16
        case .full256: 256
        }
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

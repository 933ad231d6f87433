// Mapping colours down to what a terminal has. Pure, so the terminal layer and the tests
// share it: the terminal asks for the nearest colour in its palette size (256, 16 or 8).

extension Color {
    /// The RGB value this colour is usually shown as (xterm's defaults); nil for the
    /// terminal's default colour, which has no fixed value.
    public var approximateRGB: (Int, Int, Int)? {
        switch self {
        case .terminalDefault: return nil
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .ansi(let n): return Color.xtermRGB(Int(n))
        case .indexed(let n): return Color.xtermRGB(Int(n))
        }
    }

    /// The nearest colour a terminal with `size` colours can show: 256 → ANSI or indexed,
    /// 16 → ANSI 0–15, 8 → ANSI 0–7; below 8 → the terminal default (no colour).
    /// The terminal default stays as it is.
    public func nearest(in size: Int) -> Color {
        guard self != .terminalDefault else { return self }
        if size < 8 { return .terminalDefault }
        switch self {
        case .ansi(let n) where size >= 16 || n < 8:
            return self
        case .ansi(let n):
            // Bright colours on 8-colour terminals: their normal forms, except bright black
            // (grey), which would vanish on a dark background as black: white is the fallback.
            return n == 8 ? .ansi(7) : .ansi(n - 8)
        case .indexed where size >= 256:
            return self
        case .rgb(let r, let g, let b) where size >= 256:
            return .indexed(UInt8(Color.nearest256(Int(r), Int(g), Int(b))))
        default:
            guard let (r, g, b) = approximateRGB else { return .terminalDefault }
            let count = size >= 16 ? 16 : 8
            return .ansi(UInt8(Color.nearestIndex(r, g, b, among: 0..<count)))
        }
    }

    /// The xterm RGB value of palette index `n` (0–255).
    public static func xtermRGB(_ n: Int) -> (Int, Int, Int) {
        switch n {
        case 0..<16: return ansi16[n]
        case 16..<232:
            let i = n - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let v = 8 + 10 * (min(max(n, 232), 255) - 232)
            return (v, v, v)
        }
    }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]
    private static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The nearest of the 240 cube and grey entries (16–255); the 16 ANSI ones are left out
    /// because terminals redefine them.
    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        nearestIndex(r, g, b, among: 16..<256)
    }

    static func nearestIndex(_ r: Int, _ g: Int, _ b: Int, among indices: Range<Int>) -> Int {
        var best = indices.lowerBound
        var bestDistance = Int.max
        for i in indices {
            let (pr, pg, pb) = xtermRGB(i)
            // Weighted by the eye's sensitivity (a cheap "redmean"-like weighting).
            let d = 3 * (r - pr) * (r - pr) + 4 * (g - pg) * (g - pg) + 2 * (b - pb) * (b - pb)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }
}

extension Style {
    /// This style as a terminal with `colors` colours can show it: colours mapped to the
    /// nearest available ones; with no colours, attributes only (a selected link stays visible
    /// because the themes give selections `reverse`).
    public func adapted(toColors colors: Int) -> Style {
        if colors < 8 { return Style(attributes: attributes) }
        return Style(
            foreground: foreground?.nearest(in: colors),
            background: background?.nearest(in: colors),
            attributes: attributes)
    }
}

// Styles as themes describe them, independent of any terminal library.

/// A colour as a theme gives it. The terminal layer maps it to what the terminal has
/// (256, 8 or no colours).
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours: 0 black … 7 white, 8–15 their bright forms.
    case ansi(UInt8)
    /// An index of the 256-colour palette.
    case indexed(UInt8)
    /// A true colour, mapped to the nearest available one.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes.
public enum Attribute: String, Sendable, Hashable, CaseIterable {
    case bold, dim, italic, underline, reverse
}

/// Foreground, background and attributes; nil colours inherit.
public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var attributes: Set<Attribute> {
        didSet { attributeBits = Self.bits(attributes) }
    }
    /// `attributes` as bits: styles are compared for every cell of every frame (the screen
    /// diff), and comparing two bytes is much cheaper than comparing two sets.
    private var attributeBits: UInt8

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Set<Attribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.attributeBits = Self.bits(attributes)
    }

    private static func bits(_ attributes: Set<Attribute>) -> UInt8 {
        var b: UInt8 = 0
        for a in attributes {
            switch a {
            case .bold: b |= 1
            case .dim: b |= 2
            case .italic: b |= 4
            case .underline: b |= 8
            case .reverse: b |= 16
            }
        }
        return b
    }

    public static func == (a: Style, b: Style) -> Bool {
        a.attributeBits == b.attributeBits && a.foreground == b.foreground && a.background == b.background
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(foreground)
        hasher.combine(background)
        hasher.combine(attributeBits)
    }

    public static let plain = Style()

    /// This style with `other` drawn over it: other's colours where set, attributes combined.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            attributes: attributes.union(other.attributes))
    }
}

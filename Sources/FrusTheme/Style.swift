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
    public var attributes: Set<Attribute>

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Set<Attribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
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

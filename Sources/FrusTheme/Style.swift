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
///
/// A plain value of three numbers (colours packed, attributes as bits): every cell of every
/// frame holds one, and the screen diff compares 12,000 of them a frame — integer compares, no
/// enum matching, no reference counts.
public struct Style: Sendable, Hashable {
    @usableFromInline var packedForeground: UInt32
    @usableFromInline var packedBackground: UInt32
    @usableFromInline var attributeBits: UInt8

    // Inlinable: the screen diff (another module) compares a style per cell.
    @inlinable
    public static func == (a: Style, b: Style) -> Bool {
        a.packedForeground == b.packedForeground && a.packedBackground == b.packedBackground
            && a.attributeBits == b.attributeBits
    }

    public var foreground: Color? {
        get { Self.unpack(packedForeground) }
        set { packedForeground = Self.pack(newValue) }
    }

    public var background: Color? {
        get { Self.unpack(packedBackground) }
        set { packedBackground = Self.pack(newValue) }
    }

    public var attributes: Set<Attribute> {
        get { Set(Attribute.allCases.filter { attributeBits & Self.bit($0) != 0 }) }
        set { attributeBits = Self.bits(newValue) }
    }

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Set<Attribute> = []) {
        self.packedForeground = Self.pack(foreground)
        self.packedBackground = Self.pack(background)
        self.attributeBits = Self.bits(attributes)
    }

    // Packing: 0 none; 1 the terminal's; 0x100 + n ANSI; 0x200 + n indexed; 0x1000000 + rgb.
    private static func pack(_ color: Color?) -> UInt32 {
        switch color {
        case nil: 0
        case .terminalDefault: 1
        case .ansi(let n): 0x100 | UInt32(n)
        case .indexed(let n): 0x200 | UInt32(n)
        case .rgb(let r, let g, let b): 0x100_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        }
    }

    private static func unpack(_ packed: UInt32) -> Color? {
        switch packed {
        case 0: nil
        case 1: .terminalDefault
        case 0x100..<0x200: .ansi(UInt8(packed & 0xFF))
        case 0x200..<0x300: .indexed(UInt8(packed & 0xFF))
        default: .rgb(UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF))
        }
    }

    /// Whether the style has `attribute` (cheaper than `attributes.contains`).
    public func has(_ attribute: Attribute) -> Bool { attributeBits & Self.bit(attribute) != 0 }

    /// Adds `attribute`.
    public mutating func insert(_ attribute: Attribute) { attributeBits |= Self.bit(attribute) }

    private static func bit(_ a: Attribute) -> UInt8 {
        switch a {
        case .bold: 1
        case .dim: 2
        case .italic: 4
        case .underline: 8
        case .reverse: 16
        }
    }

    private static func bits(_ attributes: Set<Attribute>) -> UInt8 {
        attributes.reduce(0) { $0 | bit($1) }
    }

    public static let plain = Style()

    /// This style with `other` drawn over it: other's colours where set, attributes combined.
    public func patched(with other: Style) -> Style {
        var patched = self
        if other.packedForeground != 0 { patched.packedForeground = other.packedForeground }
        if other.packedBackground != 0 { patched.packedBackground = other.packedBackground }
        patched.attributeBits |= other.attributeBits
        return patched
    }
}

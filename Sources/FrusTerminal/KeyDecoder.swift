import CNcursesw
import FrusReader

/// What `get_wch` returned: a character (`OK`) or a function-key code (`KEY_CODE_YES`).
public enum RawInput: Sendable, Hashable {
    case character(UInt32)
    case keyCode(Int32)
}

/// An input event for the run loop.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// The terminal changed size (KEY_RESIZE).
    case resize
}

/// The curses key codes the decoder knows, by name (their values come from curses.h), so that
/// tests can speak of `CursesKeyCode.up` rather than 259.
public enum CursesKeyCode {
    public static let up = Int32(KEY_UP), down = Int32(KEY_DOWN)
    public static let left = Int32(KEY_LEFT), right = Int32(KEY_RIGHT)
    public static let pageUp = Int32(KEY_PPAGE), pageDown = Int32(KEY_NPAGE)
    public static let home = Int32(KEY_HOME), end = Int32(KEY_END)
    public static let enter = Int32(KEY_ENTER), backspace = Int32(KEY_BACKSPACE)
    public static let delete = Int32(KEY_DC), backTab = Int32(KEY_BTAB)
    public static let resize = Int32(KEY_RESIZE)
    /// Keypad Home/End as some terminals send them (vt100 keypad: A1 top left, C1 bottom left).
    public static let keypadHome = Int32(KEY_A1), keypadEnd = Int32(KEY_C1)
    public static func function(_ n: Int) -> Int32 { Int32(cnc_key_f(Int32(n))) }
}

/// Decodes `get_wch` results into reader keys. Pure: the table the tests check.
public enum KeyDecoder {
    public static func decode(_ input: RawInput) -> TerminalEvent? {
        switch input {
        case .character(let value): return decodeCharacter(value).map(TerminalEvent.key)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))  // 15 → Ctrl-o
        case 0, 28...31, 0x80...0x9F: return nil  // other controls: nothing a reader key means
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> TerminalEvent? {
        typealias K = CursesKeyCode
        switch code {
        case K.resize: return .resize
        case K.up: return .key(.up)
        case K.down: return .key(.down)
        case K.left: return .key(.left)
        case K.right: return .key(.right)
        case K.pageUp: return .key(.pageUp)
        case K.pageDown: return .key(.pageDown)
        case K.home, K.keypadHome: return .key(.home)
        case K.end, K.keypadEnd: return .key(.end)
        case K.enter: return .key(.enter)
        case K.backspace: return .key(.backspace)
        case K.delete: return .key(.delete)
        case K.backTab: return .key(.backTab)
        case K.function(1)...K.function(12): return .key(.function(Int(code - K.function(0))))
        default: return nil
        }
    }
}

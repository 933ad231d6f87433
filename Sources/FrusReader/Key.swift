/// A key press as the reader understands it, decoded by the terminal layer.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, space).
    case char(Character)
    /// Control + letter ("o" for Ctrl-O). Tab, Enter, Backspace and Esc have their own cases.
    case ctrl(Character)
    case enter, tab, backTab, backspace, escape, delete
    case up, down, left, right, pageUp, pageDown, home, end
    /// F1 … F12
    case function(Int)
}

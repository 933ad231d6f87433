/// The status-line prompt edits like a shell line (readline's keys) and `:` keeps a history.
extension ReaderState {
    /// How many `:` commands the history keeps.
    public static let commandHistoryLimit = 200

    mutating func editCommandLine(_ key: Key) {
        guard let line = commandLine else { return }
        var text = Array(line)
        var cursor = min(max(0, commandCursor), text.count)
        switch key {
        case .char(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            // Backspace on an empty line closes it, as in vim.
            if text.isEmpty { commandLine = nil; return }
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"): text.removeSubrange(cursor...)
        case .ctrl("w"):
            // The word before the cursor, and the spaces after it.
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        default: return
        }
        commandLine = String(text)
        commandCursor = cursor
    }

    /// ↑ (-1) / ↓ (+1) on the `:` line: the earlier / later commands; below the newest, the
    /// line as it was typed.
    mutating func stepCommandHistory(_ delta: Int) {
        guard commandLine != nil, prompt == .command, !commandHistory.isEmpty else { return }
        let current = historyPosition ?? commandHistory.count
        let next = min(max(0, current + delta), commandHistory.count)
        guard next != current else { return }
        if historyPosition == nil { historyDraft = commandLine ?? "" }
        let text = next == commandHistory.count ? historyDraft : commandHistory[next]
        commandLine = text
        historyPosition = next == commandHistory.count ? nil : next
        commandCursor = text.count
    }

    /// Adds a `:` command to the history (not twice in a row) and asks the app to keep it.
    mutating func remember(command text: String) -> [Effect] {
        let trimmed = text.trimmingSpaces
        guard prompt == .command, !trimmed.isEmpty else { return [] }
        if commandHistory.last != trimmed { commandHistory.append(trimmed) }
        if commandHistory.count > Self.commandHistoryLimit {
            commandHistory.removeFirst(commandHistory.count - Self.commandHistoryLimit)
        }
        return [.saveCommandHistory(commandHistory)]
    }
}

import Foundation
import FrusTestSupport
import Testing

/// Shared pieces of the end-to-end tests: the reader started in tmux on a corpus, and ways to
/// read its screen (title row, status row, panes).

let bundledCorpus = Fixtures.bundledCorpus.path
let tmuxMissing = Comment(rawValue: TmuxSession.skipMessage)

/// The title the reader opens the bundled corpus on (its first document).
let firstTitle = "168. Letter From President Reagan to Soviet General Secretary Gorbachev"
let title175 = "175. Memorandum From Secretary of State Shultz to President Reagan"

extension TmuxSession {
    /// The reader on `corpus`, once its first frame shows `waitingFor`.
    static func reader(
        _ extra: [String] = [], corpus: String = bundledCorpus, width: Int = 120, height: Int = 40,
        environment: [String: String] = [:], waitingFor: String? = firstTitle
    ) throws -> TmuxSession {
        let session = try TmuxSession(
            frusread: ["--corpus", corpus] + extra, width: width, height: height, environment: environment)
        if let waitingFor { try session.waitFor(waitingFor) }
        return session
    }

    var titleRow: String { get throws { try lines().first ?? "" } }

    /// The last non-empty row: the status line.
    var statusRow: String { get throws { try lines().last { !$0.isEmpty } ?? "" } }

    /// Presses `keys` and waits until the screen is different.
    @discardableResult
    func pressAndWaitForChange(_ keys: String...) throws -> String {
        // Both screens held still for a poll: the change is the keys', not the end of a frame
        // that was still being drawn.
        let before = try stableScreen()
        for key in keys { try press(key) }
        return try waitUntil("the screen to change after \(keys)") { $0 != before }
    }

    /// `:COMMAND` Enter, then waits for the title row to contain `title`.
    func command(_ text: String, thenTitle title: String) throws {
        try type(":" + text)
        try press("Enter")
        try waitUntil("title “\(title)”") { $0.split(separator: "\n").first?.contains(title) == true }
    }

    /// Tab until the status row contains `text` (at most `limit` presses).
    func tabUntilStatus(contains text: String, limit: Int = 20) throws {
        for _ in 0..<limit {
            if try statusRow.contains(text) { return }
            try pressAndWaitForChange("Tab")
        }
        if try statusRow.contains(text) { return }
        throw Failure.timeout(waitingFor: "status “\(text)” after \(limit) Tabs", screen: try screen())
    }

    /// Waits until every key sent so far has been handled: keys are handled in order, so once
    /// the help that "?" opens is up (and closed again by Esc), the earlier ones are done.
    func sync() throws {
        try press("?")
        try waitFor("┌ Help")
        try press("Escape")
        try waitUntil("the help closed") { !$0.contains("┌ Help") }
    }

    /// Quits with q and returns the exit status.
    func quit() throws -> Int32 {
        try press("q")
        return try exitStatus()
    }

    /// Whether the terminal is as before the reader: the normal screen, a visible cursor,
    /// normal cursor keys, and the same tty modes (`stty -g` before and after, recorded by the
    /// `init(frusread:)` wrapper).
    func terminalRestored() throws -> Bool {
        let before = try? String(contentsOf: folder.appendingPathComponent("stty.before"), encoding: .utf8)
        let after = try? String(contentsOf: folder.appendingPathComponent("stty.after"), encoding: .utf8)
        return try paneFlag("alternate_on") == "0" && paneFlag("cursor_flag") == "1"
            && paneFlag("keypad_cursor_flag") == "0" && before != nil && before == after
    }
}

/// The text of the pane whose top-left corner is at column `left` of each row: the characters
/// between the vertical border at `left` and the next one.
func paneText(_ screen: String, left: Int) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
        let chars = Array(line)
        guard left < chars.count, chars[left] == "│" else { return nil }
        let rest = chars[(left + 1)...]
        let end = rest.firstIndex(of: "│") ?? chars.count
        return String(chars[(left + 1)..<end])
    }
}

/// The column where the second pane (footnotes) starts: the second "┌" on the row below the title.
func rightPaneLeft(_ screen: String) -> Int? {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    guard rows.count > 1 else { return nil }
    let chars = Array(rows[1])
    let corners = chars.indices.filter { chars[$0] == "┌" }
    return corners.count > 1 ? corners[1] : nil
}

/// Words as comparable tokens: markers, page tags and footnote numbers stripped.
func words(_ text: String) -> [String] {
    var t = text.replacingOccurrences(of: #"\[Page [0-9ivxlc]+\]"#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"\[\d+\]"#, with: " ", options: .regularExpression)
    t = t.replacingOccurrences(of: #"(?<=[\p{L}\p{P}])\d{1,2}(?=\s|$)"#, with: " ", options: .regularExpression)
    return t.split { $0.isWhitespace || $0 == "—" || $0 == "–" }.map(String.init)
        .filter { $0 != "•" && !$0.allSatisfy(\.isNumber) }
        .filter { !$0.hasSuffix(".") || $0.dropLast().contains { !$0.isNumber } }
}

/// The first word of `expected` missing from `shown` in order, or nil when all are there.
func firstMissingWord(_ expected: [String], in shown: [String]) -> String? {
    var k = 0
    for w in expected {
        guard let found = shown[k...].firstIndex(of: w) else { return "“\(w)” (after \(k) words)" }
        k = found + 1
    }
    return nil
}

import Foundation
import FrusTestSupport
import Testing

/// Issue 13: thousands of random keys from the keymap against the partial volume — with `:`
/// commands, finds, corpus searches, overlays and resizes between 40×10 and 250×80 — from a
/// fixed seed, checking after every batch that the reader is alive and its screen not empty.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct KeySoakE2ETests {
    /// A fixed-seed generator (SplitMix64): the same keys on every run, so a failure repeats.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The keymap's keys in tmux's names (Sources/FrusReader/Keymap.swift), without `q`: the soak
    /// must not quit. Letters typed into prompts and filters come from `words`, never alone.
    static let keys = [
        "j", "k", "Down", "Up", "Space", "f", "b", "PageDown", "PageUp", "d", "u", "g", "G", "Home", "End",
        "Tab", "BTab", "Enter", "BSpace", "Left", "Right", "C-o", "]", "[", "w", "C-w", "t", "?", "h", "F1",
        "c", "C-l", "Escape", "n", "N",
        // Persons and terms, citations, reading mode, peek, marks, history, notes, vi/less keys,
        // counts (a mark's letter and a count's key are whatever comes next).
        "K", "P", "y", "Y", "o", "z", "p", "m", "'", "M", "H", "a", "5", "C-f", "C-b", "C-d", "C-u", "C-e", "C-y",
    ]
    /// What follows `/`, `S` or `t` (then Enter): words of the volume, odd text, nothing.
    static let words = ["Gorbachev", "Shultz", "Geneva", "treaty", "zzzz", "\"arms control\"", "sovi*", "-the", "", "1985", "é’“"]
    /// `:` commands (then Enter): documents, pages, searches, bad input.
    static let commands = ["131", "d 140", "175", "p 770", "p 1", "d frus1981-88v05/150", "search Reagan", "9999", "d nowhere/1", "", "zz", "d"]

    /// One batch of `count` keys, each a list of tmux key names sent together: single keys
    /// mostly, then a prompt with its text and Enter (`/`, `S`, `t`, `:`).
    static func batch(_ count: Int, _ rng: inout SplitMix64) -> [[String]] {
        var out: [[String]] = []
        var sent = 0
        while sent < count {
            let press: [String]
            switch rng.below(20) {
            case 0: press = ["/"] + literal(rng.pick(words)) + ["Enter"]
            case 1: press = ["S"] + literal(rng.pick(words)) + ["Enter"]
            case 2: press = ["t"] + literal(String(rng.pick(words).prefix(rng.below(4)))) + [rng.pick(["Enter", "Escape", "Down"])]
            case 3: press = [":"] + literal(rng.pick(commands)) + [rng.pick(["Enter", "Enter", "Escape"])]
            default: press = [rng.pick(keys)]
            }
            out.append(press)
            sent += press.count
        }
        return out
    }

    /// Text as tmux key names, one per character ("Space" for a blank).
    static func literal(_ text: String) -> [String] { text.map { $0 == " " ? "Space" : String($0) } }

    @Test func fiveThousandRandomKeysLeaveTheReaderAliveAndDrawing() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        // Every user folder in the session's own folder; an editor or browser a key might start
        // does nothing.
        let home = try Fixtures.temporaryFolder("key-soak")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = [
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "EDITOR": "true", "VISUAL": "true", "BROWSER": "true",
        ]
        let r = try TmuxSession.reader(corpus: volume.path, environment: environment, waitingFor: nil)
        _ = try r.waitUntil("the first frame") { $0.split(separator: "\n").contains { !$0.isEmpty } }
        let pid = try r.programPID()
        var rng = SplitMix64(state: 13)
        var sent = 0
        var batches = 0
        var screens = Set<String>()
        while sent < 5_000 {
            for keys in Self.batch(50, &rng) {
                try r.press(keys)
                sent += keys.count
            }
            batches += 1
            if batches % 3 == 0 {
                try r.resize(width: 40 + rng.below(211), height: 10 + rng.below(71))
            }
            // Alive: the process is there and the wrapper has not printed an exit status; and
            // drawing: once the screen holds still, something is on it.
            // (A resize clears the screen before the reader repaints it: on a busy machine a
            // still, blank screen can be caught in between, so wait for the repaint.)
            let screen = try r.waitUntil("something drawn after \(sent) keys") {
                $0.contains("[exit ") || $0.split(separator: "\n").contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            }
            screens.insert(screen)
            #expect(kill(pid, 0) == 0, "the reader died after \(sent) keys")
            #expect(!screen.contains("[exit "), "the reader exited after \(sent) keys:\n\(screen)")
            #expect(screen.split(separator: "\n").contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                    "empty screen after \(sent) keys")
            if kill(pid, 0) != 0 || screen.contains("[exit ") { return }
        }
        #expect(sent >= 5_000)
        // The keys did something: the screen after a batch is rarely the one after another.
        #expect(screens.count > batches / 2, "\(screens.count) different screens after \(batches) batches")
        // Still answering: close whatever is open, then quit normally.
        try r.resize(width: 120, height: 40)
        // Overlays stack (contents over help over an entry …): one Esc each, told apart.
        for _ in 0..<8 {
            try r.press("Escape")
            try r.sync()
        }
        #expect(try r.quit() == 0)
        #expect(try r.terminalRestored())
    }
}

extension TmuxSession {
    /// Sends several tmux key names in one `send-keys`.
    func press(_ keys: [String]) throws {
        guard !keys.isEmpty else { return }
        for chunk in stride(from: 0, to: keys.count, by: 64) {
            try pressAll(Array(keys[chunk..<min(keys.count, chunk + 64)]))
        }
    }
}

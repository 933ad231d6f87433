import Foundation
import FrusReader
import FrusTerminal
import FrusView
import Testing

/// OSC 52 and the browser opener.
@Suite struct ClipboardTests {
    @Test func base64MatchesFoundations() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Memorandum — 1986 “quoted” ü"] {
            #expect(OSC52.base64(Array(text.utf8)) == Data(text.utf8).base64EncodedString())
        }
    }

    @Test func theSequenceIsOSC52WithTheTextInBase64() {
        #expect(OSC52.sequence(for: "hi") == "\u{1B}]52;c;aGk=\u{07}")
    }

    /// An app that asks for the clipboard on `y`.
    final class CopyingApp: TerminalApp {
        var pending: [String] = []
        func resize(width: Int, height: Int) {}
        func handle(_ key: Key) -> AppResponse {
            if key == .char("y") { pending.append("copied text") }
            return .continue
        }
        func draw(into grid: inout Grid) {}
        func takeClipboardRequests() -> [String] {
            defer { pending.removeAll() }
            return pending
        }
    }

    @Test func theDriverHandsClipboardRequestsToTheScreen() {
        let screen = TestScreen(width: 20, height: 5)
        let driver = ScreenDriver(app: CopyingApp(), screen: screen)
        driver.start()
        _ = driver.handle(.key(.char("y")))
        _ = driver.handle(.key(.char("j")))
        #expect(screen.clipboard == ["copied text"])
    }

    @Test func noBrowserIsSaidAndNothingStarts() {
        let message = URLOpener.open("https://example.org", environment: ["PATH": "/nonexistent", "BROWSER": "nosuchbrowser"])
        #expect(message.kind == .error)
        #expect(message.text.contains("No browser"))
    }

    @Test func theBrowserGetsTheAddressAndTheCallReturnsAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-opener-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let script = folder.appendingPathComponent("browser").path
        // A browser that takes its time: `open` must not wait for it.
        try "#!/bin/sh\nsleep 3\nprintf '%s' \"$1\" > '\(out)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let message = URLOpener.open("https://history.state.gov/x?a=1&b='2'", environment: ["PATH": "/usr/bin:/bin", "BROWSER": script])
        #expect(message.kind == .info)
        // Back before the browser has done anything: the reader does not wait for it.
        #expect(!FileManager.default.fileExists(atPath: out))
        var content = ""
        for _ in 0..<300 where content.isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
            content = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        }
        #expect(content == "https://history.state.gov/x?a=1&b='2'")
    }
}

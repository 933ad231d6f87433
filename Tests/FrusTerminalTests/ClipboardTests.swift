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
}

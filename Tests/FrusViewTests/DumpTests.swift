import Testing
import FrusView
import FrusReader

@Test func dump() {
    let app = seedApp()
    print(frame(app, width: 100, height: 30).lines.joined(separator: "\n"))
    _ = app.handle(.tab); _ = app.handle(.tab); _ = app.handle(.tab)
    print(frame(app, width: 100, height: 30).lines.joined(separator: "\n"))
    let small = seedApp(width: 60, height: 20)
    print(frame(small, width: 60, height: 20).lines.joined(separator: "\n"))
}

import Foundation
import FrusTestSupport
import Testing

/// When the terminal goes away without a SIGHUP reaching the reader (a pty that is not its
/// controlling terminal is closed), reads fail at once; the reader must leave, not spin.
@Suite struct TerminalGoneE2ETests {
    @Test func theReaderLeavesWhenItsTerminalIsGone() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            print("python3 is absent: skipping the closed-terminal test")
            return
        }
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/FrusreadE2ETests/Scripts/terminal-gone.py").path
        let r = try Spawn.run(
            "/usr/bin/python3", [script, FrusreadBinary.path, Fixtures.bundledCorpus.path],
            environment: FrusreadBinary.isolated(ProcessInfo.processInfo.environment, in: FrusreadBinary.testCache))
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("exited 129"))
    }
}

import Foundation
import FrusTestSupport
import Testing

/// libxml2 is loaded when a TEI volume is first parsed, not at every start (see CLibXML2's
/// header): a machine without it still reads plain-text volumes, and a TEI volume gets one
/// clear error naming the file.
@Suite struct LibraryLoadingCLITests {
    /// Where the dynamic loader finds libxml2 on this machine, from `ldconfig -p`.
    private func libxml2Path() throws -> String? {
        let r = try Spawn.run("/sbin/ldconfig", ["-p"], environment: ProcessInfo.processInfo.environment)
        return r.stdout.split(separator: "\n").first { $0.contains("libxml2.so.2 ") }
            .flatMap { $0.components(separatedBy: "=> ").last }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func withoutLibxml2TEIGetsOneClearErrorAndPlainTextStillReads() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        guard let library = try libxml2Path() else {
            print("libxml2 is not installed: nothing to hide")
            return
        }
        let folder = try Fixtures.temporaryFolder("frusread-no-libxml2")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.so")
        try Data().write(to: empty)
        // A mount namespace of its own in which libxml2's file is an empty one (root only, as
        // in CI's container; skipped where unshare is not allowed).
        let frusread = FrusreadBinary.path
        let script = """
            mount --bind '\(empty.path)' '\(library)' || exit 97
            echo mounted
            '\(frusread)' list --corpus '\(partial.path)'; echo "status=$?"
            '\(frusread)' list --corpus '\(Fixtures.bundledCorpus.path)'
            """
        let env = FrusreadBinary.isolated(ProcessInfo.processInfo.environment, in: folder.path)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            let r = try? Spawn.run("/usr/bin/unshare", ["-m", "sh", "-c", script], environment: env),
            r.stdout.hasPrefix("mounted\n")
        else {
            print("cannot make a mount namespace here (not root?): skipping the test without libxml2")
            return
        }
        #expect(r.stderr.contains("\(partial.path): cannot read TEI volume: libxml2 is not installed"))
        #expect(r.stdout.contains("status=1"))
        // The plain-text sample lists as always: its two documents, numbers from its files.
        #expect(r.stdout.contains("frus1981-88v05\t168\t"))
        #expect(r.stdout.contains("frus1981-88v05\t175\t"))
        #expect(r.status == 0)
    }
}

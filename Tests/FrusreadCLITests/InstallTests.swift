import Foundation
import FrusTestSupport
import Testing

/// `Scripts/install.sh PREFIX`, then the installed frusread run from `/`, its prefix moved away
/// from where it was installed and far from the source checkout. One test: it builds a release
/// binary (minutes; in `.build-install/`, kept for the next run, apart from `swift test`'s own
/// `.build/`, which that command holds locked).
@Suite struct InstallTests {
    @Test func installedFrusreadRunsFromAnywhereWithItsManualAndCompletions() throws {
        let temp = try Fixtures.temporaryFolder("frusread-install")
        defer { try? FileManager.default.removeItem(at: temp) }
        var env = ProcessInfo.processInfo.environment
        env["FRUSREAD_BUILD_PATH"] = Fixtures.packageRoot.appendingPathComponent(".build-install").path
        let prefix = temp.appendingPathComponent("prefix")
        let install = try Spawn.run(
            "/bin/bash", [Fixtures.packageRoot.appendingPathComponent("Scripts/install.sh").path, prefix.path], environment: env)
        #expect(install.status == 0, "\(install.stdout)\n\(install.stderr)")
        guard install.status == 0 else { return }

        // Move the whole prefix: nothing may depend on where it was installed.
        let moved = temp.appendingPathComponent("elsewhere/opt")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: prefix, to: moved)
        let binary = moved.appendingPathComponent("bin/frusread").path
        let home = temp.appendingPathComponent("home")
        let clean: [String: String] = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ]
        func fromRoot(_ command: String) throws -> Spawn.Result {
            try Spawn.run("/bin/sh", ["-c", "cd / && \(command)"], environment: clean)
        }

        // `list` from / lists the bundled sample: the seeds' title lines, in order.
        let list = try fromRoot("'\(binary)' list")
        #expect(list.status == 0, "\(list.stderr)")
        let seeds = try [Fixtures.seed168, Fixtures.seed175].map { url -> String in
            let first = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")[0]
            return String(first.split(separator: ".", maxSplits: 1)[0])
        }
        #expect(list.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[1]) } == seeds)
        // … read from the moved prefix, not from the checkout.
        let volumes = try fromRoot("'\(binary)' volumes --json")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(volumes.stdout.utf8)) as? [[String: Any]])
        #expect((listed.first?["path"] as? String)?.hasPrefix(moved.appendingPathComponent("share/frusread/Corpus").path) == true)
        // Run through $PATH as a bare name, too.
        let viaPath = try Spawn.run(
            "/bin/sh", ["-c", "cd / && PATH='\(moved.path)/bin':/usr/bin:/bin frusread list"], environment: clean)
        #expect(viaPath.stdout == list.stdout, "\(viaPath.stderr)")

        // A release build carries SQLite, ncursesw, zlib and the C++ library (Package.swift,
        // `staticLibraries`): the system need not have them as shared libraries.
        if (try? Spawn.run("/bin/sh", ["-c", "command -v ldd"], environment: clean).status) == 0 {
            let ldd = try fromRoot("ldd '\(binary)'")
            #expect(ldd.status == 0, "\(ldd.stderr)")
            for library in ["libsqlite3", "libncursesw", "libtinfo", "libz.so", "libstdc++"] {
                #expect(!ldd.stdout.contains(library), "the installed binary loads \(library): \(ldd.stdout)")
            }
        } else {
            print("ldd is not installed: skipping the check of the installed binary's shared libraries")
        }

        // The same binary without its share/ folder finds nothing of the checkout: it says how
        // to get volumes.
        let bare = temp.appendingPathComponent("bare/bin")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        // Copied by cp, not in this process: a test running beside this one may fork while our
        // copy's file is open for writing, and its child would keep it open ("Text file busy").
        let copied = try Spawn.run("/bin/cp", [binary, bare.appendingPathComponent("frusread").path], environment: clean)
        #expect(copied.status == 0, "\(copied.stderr)")
        let nothing = try fromRoot("'\(bare.path)/frusread' list")
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("frusread get frus1981-88v05"), "\(nothing.stderr)")
        #expect(nothing.stdout.isEmpty)

        // The manual renders, with the subcommands and the reader's keys.
        let manual = moved.appendingPathComponent("share/man/man1/frusread.1").path
        if (try? Spawn.run("/bin/sh", ["-c", "command -v man"], environment: clean).status) == 0 {
            let man = try fromRoot("MANPAGER=cat MANWIDTH=100 man -l '\(manual)'")
            #expect(man.status == 0, "\(man.stderr)")
            for text in ["frusread", "export", "get", "KEYS IN THE READER", "scroll a line", "volumes"] {
                #expect(man.stdout.contains(text), "the manual lacks “\(text)”")
            }
        } else {
            print("man is not installed: skipping the manual's rendering (.ci/run installs man-db)")
        }
        #expect(FileManager.default.fileExists(atPath: manual))

        // Completions: bash's loads, zsh's and fish's are there.
        let share = moved.appendingPathComponent("share").path
        let bash = try Spawn.run("/bin/bash", ["-n", "\(share)/bash-completion/completions/frusread"], environment: clean)
        #expect(bash.status == 0, "\(bash.stderr)")
        let sourced = try Spawn.run(
            "/bin/bash", ["-c", "source '\(share)/bash-completion/completions/frusread' && complete -p frusread"], environment: clean)
        #expect(sourced.stdout.contains("frusread"), "\(sourced.stderr)")
        for file in ["zsh/site-functions/_frusread", "fish/vendor_completions.d/frusread.fish"] {
            let text = (try? String(contentsOfFile: "\(share)/\(file)", encoding: .utf8)) ?? ""
            #expect(text.contains("frusread") && text.contains("export"), "\(file)")
        }
    }
}

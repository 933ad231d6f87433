import Foundation
import FrusTestSupport
import Testing

/// Several `frusread` processes updating one search index at once (issue 13, defect 1): two
/// searches that both find the index out of date, `index` beside `search`, a first build by two
/// processes. Every process must exit 0 with the answer a clean build gives, never show SQLite's
/// own error text, and never claim the cache "cannot be written" when it can.
@Suite struct ConcurrentIndexTests {
    /// A value shared between threads.
    final class Shared<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T
        init(_ value: T) { self.value = value }
        func withLock<R>(_ body: (inout T) -> R) -> R { lock.withLock { body(&value) } }
    }

    /// A corpus folder of copies of the shared partial TEI volume, with a cache folder beside.
    struct Scratch {
        let root: URL
        let volumes: URL
        let cache: URL
        let text: String

        init(_ name: String, partial: URL) throws {
            root = try Fixtures.temporaryFolder("frusread-\(name)")
            volumes = root.appendingPathComponent("volumes")
            cache = root.appendingPathComponent("cache")
            try FileManager.default.createDirectory(at: volumes, withIntermediateDirectories: true)
            text = try String(contentsOf: partial, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func file(_ id: String) -> URL { volumes.appendingPathComponent("\(id).xml") }

        /// Writes volume `id` (the partial volume renamed), with `comment` after its root
        /// element: a change of size and bytes that leaves every document's text as it was.
        /// Written to a temporary file and renamed, as an editor or `git checkout` does.
        func write(_ id: String, comment: String = "") throws {
            var body = text.replacingOccurrences(of: "frus1981-88v05", with: id)
            if !comment.isEmpty { body += "<!-- \(comment) -->\n" }
            let temporary = root.appendingPathComponent(".\(id).\(UUID().uuidString)")
            try body.write(to: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary.path, file(id).path)
        }

        var environment: [String: String?] { ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": cache.path] }
    }

    static let queries = ["Krasnoyarsk", "Gorbachev", #""Soviet Union""#, "Pentecost*"]

    /// Runs every command at the same moment, each in a process of its own.
    static func runTogether(_ commands: [[String]], environment: [String: String?]) throws -> [FrusreadBinary.Output] {
        let results = Shared<[Int: Result<FrusreadBinary.Output, Error>]>([:])
        let group = DispatchGroup()
        for (i, args) in commands.enumerated() {
            group.enter()
            Thread {
                let out = Result { try FrusreadBinary.run(args, environment: environment) }
                results.withLock { $0[i] = out }
                group.leave()
            }.start()
        }
        group.wait()
        let all = results.withLock { r in commands.indices.map { r[$0]! } }
        return try all.map { try $0.get() }
    }

    /// The answer of a build from nothing, in a cache of its own.
    static func cleanBuild(_ scratch: Scratch, _ args: [String]) throws -> String {
        let cache = scratch.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let r = try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": cache.path])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static func search(_ scratch: Scratch, _ query: String) -> [String] {
        ["search", "--corpus", scratch.volumes.path, "--json", "--limit", "1000", query]
    }

    /// What no process may print, whatever the timing.
    static func expectClean(_ r: FrusreadBinary.Output, _ context: String) {
        #expect(r.status == 0, "\(context): exit \(r.status): \(r.stderr)")
        #expect(!r.stderr.contains("SQLite"), "\(context): \(r.stderr)")
        #expect(!r.stderr.contains("cannot write"), "\(context): \(r.stderr)")
        #expect(!r.stderr.contains("in memory"), "\(context): \(r.stderr)")
    }

    /// The defect as found: an index of three volumes, all three changed, two searches at once
    /// — each found the index out of date and both wrote the same volumes (UNIQUE constraint
    /// failed, 10 of 10 trials). Repeated, each time with new changes.
    @Test func twoSearchesOfThreeChangedVolumes() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try Scratch("race-changed", partial: partial)
        defer { scratch.remove() }
        let ids = ["frus1981-88v71", "frus1981-88v72", "frus1981-88v73"]
        for id in ids { try scratch.write(id) }
        let args = Self.search(scratch, "Krasnoyarsk")
        let expected = try Self.cleanBuild(scratch, args)
        // Sanity of the expectation itself: every volume holds the word (the TEI has it).
        #expect(ids.allSatisfy { expected.contains(#""volume": "\#($0)""#) })
        expectBuilt(try FrusreadBinary.run(["index", "--corpus", scratch.volumes.path], environment: scratch.environment))
        for round in 1...5 {
            for id in ids { try scratch.write(id, comment: "round \(round)") }
            let outs = try Self.runTogether([args, args], environment: scratch.environment)
            for (i, r) in outs.enumerated() {
                Self.expectClean(r, "round \(round), process \(i)")
                #expect(r.stdout == expected, "round \(round), process \(i)")
            }
        }
    }

    func expectBuilt(_ r: FrusreadBinary.Output) {
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// A first build by two processes at once (and `index` beside `search`): the loser used to
    /// fall back to an index in memory, saying the cache could not be written.
    @Test func firstBuildByTwoProcesses() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try Scratch("race-first", partial: partial)
        defer { scratch.remove() }
        for id in ["frus1981-88v74", "frus1981-88v75", "frus1981-88v76"] { try scratch.write(id) }
        let args = Self.search(scratch, "Gorbachev")
        let expected = try Self.cleanBuild(scratch, args)
        for round in 1...3 {
            try? FileManager.default.removeItem(at: scratch.cache)
            let commands = round == 2 ? [["index", "--corpus", scratch.volumes.path], args] : [args, args]
            let outs = try Self.runTogether(commands, environment: scratch.environment)
            for (i, r) in outs.enumerated() {
                Self.expectClean(r, "round \(round), process \(i)")
                if commands[i] == args { #expect(r.stdout == expected, "round \(round), process \(i)") }
            }
            // One index file, written by both: the next run changes nothing.
            let again = try FrusreadBinary.run(["index", "--corpus", scratch.volumes.path], environment: scratch.environment)
            #expect(again.stdout.hasPrefix("3 volume(s): 0 added, 0 updated, 0 removed, 3 unchanged"), "\(again.stdout)")
        }
    }

    /// Issue 13's concurrency test: several processes searching and indexing one corpus while
    /// its volumes change under them. Changes inside a round keep every document's text (only
    /// a comment after the root element differs), so every answer must equal a clean build's;
    /// between rounds a volume is added and one removed, which changes the answers.
    @Test func severalProcessesSearchAndIndexWhileVolumesChange() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try Scratch("race-soak", partial: partial)
        defer { scratch.remove() }
        var ids = ["frus1981-88v81", "frus1981-88v82", "frus1981-88v83"]
        for id in ids { try scratch.write(id) }
        for round in 1...3 {
            if round > 1 {
                // Between rounds: one volume more, the oldest gone.
                let added = "frus1981-88v8\(3 + round)"
                try scratch.write(added)
                try FileManager.default.removeItem(at: scratch.file(ids.removeFirst()))
                ids.append(added)
            }
            let commands: [[String]] = Self.queries.map { Self.search(scratch, $0) } + [
                ["index", "--corpus", scratch.volumes.path], Self.search(scratch, "Krasnoyarsk"),
            ]
            var expected: [[String]: String] = [:]
            for args in Set(commands) where args[0] == "search" { expected[args] = try Self.cleanBuild(scratch, args) }
            #expect(ids.allSatisfy { expected[Self.search(scratch, "Krasnoyarsk")]!.contains(#""volume": "\#($0)""#) })

            // Volumes keep changing while the processes run.
            let stop = Shared(false)
            let changer = DispatchGroup()
            changer.enter()
            let currentIDs = ids
            Thread {
                var n = 0
                while !stop.withLock({ $0 }) {
                    n += 1
                    try? scratch.write(currentIDs[n % currentIDs.count], comment: "round \(round) change \(n)")
                    usleep(30_000)
                }
                changer.leave()
            }.start()
            let outs = try Self.runTogether(commands, environment: scratch.environment)
            stop.withLock { $0 = true }
            changer.wait()

            for (i, r) in outs.enumerated() {
                Self.expectClean(r, "round \(round), \(commands[i].joined(separator: " "))")
                if let e = expected[commands[i]] { #expect(r.stdout == e, "round \(round), \(commands[i].last!)") }
            }
            // And after the changes stopped, the index answers as a clean build does.
            for (args, e) in expected {
                let r = try FrusreadBinary.run(args, environment: scratch.environment)
                Self.expectClean(r, "round \(round) after, \(args.last!)")
                #expect(r.stdout == e, "round \(round) after, \(args.last!)")
            }
        }
    }
}

extension ConcurrentIndexTests {
    /// A search that finds another process updating the index says so on standard error and
    /// waits for it, then answers (the other process is played by the test holding the lock).
    @Test func aSearchWaitsForAnotherWriterAndSaysSo() throws {
        guard let partial = Fixtures.partialVolume else { return print(Fixtures.sharedMissing) }
        let scratch = try Scratch("race-wait", partial: partial)
        defer { scratch.remove() }
        try scratch.write("frus1981-88v77")
        let built = try FrusreadBinary.run(["index", "--corpus", scratch.volumes.path], environment: scratch.environment)
        #expect(built.status == 0, "\(built.stderr)")
        let folder = scratch.cache.appendingPathComponent("frusread")
        let database = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".sqlite") })
        let fd = open(folder.appendingPathComponent(database + ".lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        try scratch.write("frus1981-88v77", comment: "changed")  // the search has something to write
        let search = try FrusreadBinary.start(Self.search(scratch, "Krasnoyarsk"), environment: scratch.environment)
        let line = search.waitForLine(containing: "waiting for another frusread")
        flock(fd, LOCK_UN)
        search.process.waitUntilExit()
        #expect(line == "waiting for another frusread to finish updating the search index…")
        #expect(search.process.terminationStatus == 0)
    }
}

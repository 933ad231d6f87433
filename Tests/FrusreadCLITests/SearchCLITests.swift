import Foundation
import FrusTestSupport
import Testing

/// `frusread search` and `frusread index` through the real binary, each test with its own
/// cache folder ($XDG_CACHE_HOME).
@Suite struct SearchCLITests {
    let corpus = Fixtures.bundledCorpus.path

    func frusread(_ args: [String], cache: URL) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": cache.path])
    }

    @Test func searchShcharanskiyInTheBundledCorpus() throws {
        let cache = try Fixtures.temporaryFolder("frusread-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let r = try frusread(["search", "Shcharanskiy"], cache: cache)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(Set(lines.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: "\t")[1] }) == ["168", "175"])
        // Snippets: indented, the match in brackets.
        #expect(lines.filter { $0.hasPrefix("    ") }.allSatisfy { $0.contains("[Shcharanskiy]") })
        // The index was built on first need, in the cache folder.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("frusread").path)
        #expect(files.contains { $0.hasPrefix("Corpus-") && $0.hasSuffix(".sqlite") })
    }

    @Test func searchJSONShape() throws {
        let cache = try Fixtures.temporaryFolder("frusread-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let r = try frusread(["search", "--corpus", corpus, "--json", "Shcharanskiy"], cache: cache)
        #expect(r.status == 0)
        // Keys in the documented order.
        #expect(r.stdout.contains(#""volume": "frus1981-88v05",\#n    "number": "#))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        for item in items {
            #expect(Set(item.keys) == ["volume", "number", "title", "snippet", "score"])
            #expect((item["snippet"] as? String)?.contains("[Shcharanskiy]") == true)
            #expect(item["score"] is Double || item["score"] is Int)
        }
        #expect(Set(items.compactMap { $0["number"] as? String }) == ["168", "175"])
    }

    @Test func limitAndQueryForms() throws {
        let cache = try Fixtures.temporaryFolder("frusread-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let one = try frusread(["search", "--corpus", corpus, "--limit", "1", "Shcharanskiy"], cache: cache)
        #expect(one.stdout.split(separator: "\n").count == 3)
        // Matches are counted only on request (--count): a common word's count is a pass over
        // every document holding it.
        #expect(one.stdout.hasSuffix("\n(the first 1; --limit N for more, --count for how many match)\n"))
        let counted = try frusread(["search", "--corpus", corpus, "--limit", "1", "--count", "Shcharanskiy"], cache: cache)
        #expect(counted.stdout.split(separator: "\n").count == 3)
        #expect(counted.stdout.hasSuffix("\n(1 of 2 documents; --limit N for more)\n"))
        // "-word" as an argument excludes (not an unknown option).
        let minus = try frusread(["search", "--corpus", corpus, "--json", "Shcharanskiy", "-anatoliy"], cache: cache)
        #expect(minus.status == 0, "\(minus.stderr)")
        #expect(minus.stdout.contains(#""number": "175""#) && !minus.stdout.contains(#""number": "168""#))
        let none = try frusread(["search", "--corpus", corpus, "zzzzunfindable"], cache: cache)
        #expect(none.status == 0)
        #expect(none.stdout == "no document matches\n")
        let empty = try frusread(["search", "--corpus", corpus, "--", "-- &"], cache: cache)
        #expect(empty.status == 1)
        #expect(empty.stderr == "frusread: the query has no word to look for\n")
    }

    @Test func indexCommandAndRebuild() throws {
        let cache = try Fixtures.temporaryFolder("frusread-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try frusread(["index", "--corpus", corpus], cache: cache)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("1 volume(s): 1 added, 0 updated, 0 removed, 0 unchanged"))
        // Progress on a pipe: plain lines, no control characters.
        #expect(first.stderr.contains("indexed 1/1 volumes"))
        #expect(!first.stderr.contains("\u{1B}") && !first.stderr.contains("\r"))
        let second = try frusread(["index", "--corpus", corpus], cache: cache)
        #expect(second.stdout.hasPrefix("1 volume(s): 0 added, 0 updated, 0 removed, 1 unchanged"))
        #expect(second.stderr.isEmpty)
        let rebuilt = try frusread(["index", "--corpus", corpus, "--rebuild"], cache: cache)
        #expect(rebuilt.stdout.hasPrefix("1 volume(s): 1 added"))
    }

    @Test func unwritableCacheStillSearches() throws {
        let dir = try Fixtures.temporaryFolder("frusread-cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let r = try FrusreadBinary.run(
            ["search", "--corpus", corpus, "Shcharanskiy"],
            environment: ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": blocker.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[Shcharanskiy]"))
        #expect(r.stderr.contains("warning: cannot write the search index"))
    }

    /// `kill -9` in the middle of a build: the next run keeps the volumes already written,
    /// reads the rest, and answers exactly.
    @Test func buildKilledWithSIGKILLResumes() throws {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let root = try Fixtures.temporaryFolder("frusread-kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("volumes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: partial, encoding: .utf8)
        let count = 12
        for i in 1...count {
            let id = "frus1981-88v\(60 + i)"
            try text.replacingOccurrences(of: "frus1981-88v05", with: id)
                .write(to: folder.appendingPathComponent("\(id).xml"), atomically: false, encoding: .utf8)
        }
        let env: [String: String?] = ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
        let build = try FrusreadBinary.start(["index", "--corpus", folder.path], environment: env)
        let line = build.waitForLine(containing: "indexed 1/")
        build.kill(SIGKILL)
        #expect(line != nil)
        #expect(build.process.terminationReason == .uncaughtSignal)

        let resumed = try FrusreadBinary.run(["index", "--corpus", folder.path], environment: env)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        // Some volumes were kept from the killed run; the others were read now; none twice.
        let fields = resumed.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let (added, updated, removed, unchanged) = (fields[1], fields[2], fields[3], fields[4])
        #expect(fields[0] == count)
        #expect(unchanged >= 1)
        #expect(added + unchanged == count && updated == 0 && removed == 0, "\(resumed.stdout)")

        let search = try FrusreadBinary.run(
            ["search", "--corpus", folder.path, "--json", "--limit", "1000", "Krasnoyarsk"], environment: env)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 4 * count)
        #expect(Set(items.compactMap { $0["volume"] as? String }).count == count)
    }
}

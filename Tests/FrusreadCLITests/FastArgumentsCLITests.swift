import Foundation
import FrusTestSupport
import Testing

/// `search` and the reader's plain command lines are read without ArgumentParser
/// (FastArguments); the same lines in a form only ArgumentParser takes (`--option=value`) must
/// give the same output, and everything unusual the same messages.
@Suite struct FastArgumentsCLITests {
    let corpus = Fixtures.bundledCorpus.path

    func frusread(_ args: [String], cache: URL) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": cache.path])
    }

    @Test func plainAndEqualsFormsAgree() throws {
        let cache = try Fixtures.temporaryFolder("frusread-fast-args")
        defer { try? FileManager.default.removeItem(at: cache) }
        // The index built first: the first search would say so on stderr.
        #expect(try frusread(["index", "--corpus", corpus], cache: cache).status == 0)
        let pairs: [([String], [String])] = [
            (["search", "--corpus", corpus, "Shcharanskiy"], ["search", "--corpus=\(corpus)", "Shcharanskiy"]),
            (["search", "--corpus", corpus, "--limit", "1", "--count", "Shcharanskiy"],
             ["search", "--corpus=\(corpus)", "--limit=1", "--count", "Shcharanskiy"]),
            (["search", "--json", "--corpus", corpus, "divided", "spouses", "--limit", "5"],
             ["search", "--json", "--corpus=\(corpus)", "divided", "spouses", "--limit=5"]),
            (["search", "--corpus", corpus, "Sakharov", "OR", "Orlov"], ["search", "--corpus=\(corpus)", "Sakharov", "OR", "Orlov"]),
            (["list", "--corpus", corpus, "--volume", "frus1981-88v05", "--json"],
             ["list", "--corpus=\(corpus)", "--volume=frus1981-88v05", "--json"]),
            (["list", "--all", "--corpus", corpus], ["list", "--all", "--corpus=\(corpus)"]),
            (["list", "--corpus", corpus, "--volume", "nosuchvolume"], ["list", "--corpus=\(corpus)", "--volume=nosuchvolume"]),
            // Refused by validate(): left to ArgumentParser, whose message both forms give.
            (["search", "--corpus", corpus, "--limit", "0", "Shcharanskiy"], ["search", "--corpus=\(corpus)", "--limit=0", "Shcharanskiy"]),
            (["search", "--corpus", corpus], ["search", "--corpus=\(corpus)"]),
            // Not plain: ArgumentParser both times.
            (["search", "--corpus", corpus, "--limit", "2", "--limit", "3", "Shcharanskiy"],
             ["search", "--corpus=\(corpus)", "--limit=2", "--limit=3", "Shcharanskiy"]),
            (["search", "--corpus", corpus, "--limit", "x", "Shcharanskiy"], ["search", "--corpus=\(corpus)", "--limit=x", "Shcharanskiy"]),
        ]
        for (plain, equals) in pairs {
            let a = try frusread(plain, cache: cache)
            let b = try frusread(equals, cache: cache)
            #expect(a.status == b.status, "\(plain)")
            #expect(a.stdout == b.stdout, "\(plain)")
            #expect(a.stderr == b.stderr, "\(plain)")
        }
        // The plain form really searched (not an error both ways).
        let r = try frusread(["search", "--corpus", corpus, "--limit", "1", "--count", "Shcharanskiy"], cache: cache)
        #expect(r.status == 0)
        #expect(r.stdout.contains("(1 of 2 documents; --limit N for more)"), "\(r.stdout)")
    }

    /// The reader without a terminal refuses to start, by either path, with the same words;
    /// with `--help` ArgumentParser answers.
    @Test func readerLinesAgree() throws {
        let cache = try Fixtures.temporaryFolder("frusread-fast-args-read")
        defer { try? FileManager.default.removeItem(at: cache) }
        let a = try frusread(["--corpus", corpus, "--exit-after-first-frame"], cache: cache)
        let b = try frusread(["read", "--corpus=\(corpus)", "--exit-after-first-frame"], cache: cache)
        #expect(a.status == 2)
        #expect(a.status == b.status)
        #expect(a.stderr == b.stderr)
        #expect(a.stderr.contains("the reader needs a terminal"))
        let help = try frusread(["--corpus", corpus, "--help"], cache: cache)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"), "\(help.stdout)")
    }
}

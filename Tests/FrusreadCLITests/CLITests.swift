import Foundation
import FrusTestSupport
import Testing

/// The non-interactive commands, driven through the real binary on the bundled corpus.
@Suite struct CLITests {
    let corpus = Fixtures.bundledCorpus.path

    func frusread(_ args: String...) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil])
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func listShowsBothSeedsInOrder() throws {
        let r = try frusread("list", "--corpus", corpus)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n") == [
            // The plain-text seeds carry no machine-readable date: "-".
            "frus1981-88v05\t168\t-\tLetter From President Reagan to Soviet General Secretary Gorbachev",
            "frus1981-88v05\t175\t-\tMemorandum From Secretary of State Shultz to President Reagan",
        ])
        #expect(r.stderr.isEmpty)
    }

    @Test func listFindsTheBundledCorpusByDefault() throws {
        let r = try frusread("list")
        #expect(r.status == 0)
        #expect(r.stdout.contains("\t175\t"))
    }

    @Test func listJSONShape() throws {
        let r = try frusread("list", "--corpus", corpus, "--json")
        let items = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["volume", "number", "title", "date", "kind"])
        #expect(items[0]["kind"] as? String == "document")
        #expect(items[1]["number"] as? String == "175")
    }

    @Test func show175At60ColumnsHasEveryWordInOrderAndNoWideLine() throws {
        let r = try frusread("show", "175", "--width", "60", "--corpus", corpus)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= 60, "\(line)") }
        #expect(r.stdout.contains("Moscow.[2]") || r.stdout.contains("Moscow. [2]"))
        #expect(!r.stdout.contains("Moscow.2"))
        #expect(r.stdout.contains("[Page 766]"))
        // Every word of the seed, in order (markers and page tags as the layout prints them).
        let seed = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let shown = words(r.stdout)
        var k = 0
        for w in words(seed) {
            guard let found = shown[k...].firstIndex(of: w) else {
                Issue.record("word “\(w)” missing after position \(k)")
                return
            }
            k = found + 1
        }
    }

    /// Words with markers, page tags and footnote numbers stripped, as comparable tokens.
    func words(_ text: String) -> [String] {
        var t = text.replacingOccurrences(of: #"\[Page [0-9ivxlc]+\]"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\[\d+\]"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(?<=[\p{L}\p{P}])\d{1,2}(?=\s|$)"#, with: " ", options: .regularExpression)
        return t.split { $0.isWhitespace || $0 == "—" || $0 == "–" }.map(String.init)
            .filter { $0 != "•" && !$0.allSatisfy { $0 == "─" } && !$0.allSatisfy(\.isNumber) }
            .filter { !$0.hasSuffix(".") || $0.dropLast().contains { !$0.isNumber } }
    }

    @Test func showJSONShape() throws {
        let r = try frusread("show", "168", "--json", "--corpus", corpus)
        let doc = try #require(try json(r.stdout) as? [String: Any])
        #expect(Set(doc.keys) == [
            "volume", "number", "kind", "title", "date", "dateEnd", "place", "classification", "text", "pages",
            "footnotes", "mentions", "from", "to", "scan",
        ])
        #expect(doc["pages"] as? [String] == ["744", "745"])
        let notes = try #require(doc["footnotes"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(Set(notes[0].keys) == ["number", "label", "text"])
        #expect((doc["text"] as? String)?.contains("unfortunately [Page 744]") == true)
    }

    @Test func links175() throws {
        let r = try frusread("links", "175", "--corpus", corpus)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains("Document 168") && $0.contains("→ Document 168: Letter From President Reagan") })
        #expect(lines.contains { $0.contains("footnote 3, Document 136") && $0.contains("not in this corpus") })
    }

    @Test func links175JSON() throws {
        let r = try frusread("links", "175", "--json", "--corpus", corpus)
        let items = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["label", "source", "target", "resolved", "reason", "citation", "url"])
        #expect(items[0]["resolved"] as? Bool == true)
        #expect(items[0]["url"] as? String == "https://history.state.gov/historicaldocuments/frus1981-88v05/d168")
        let target = try #require(items[1]["target"] as? [String: Any])
        #expect(target["kind"] as? String == "footnote")
        #expect(target["document"] as? String == "136")
        #expect(target["footnote"] as? Int == 3)
        #expect(items[1]["resolved"] as? Bool == false)
        #expect(items[1]["reason"] as? String == "Document 136 is not in this corpus")
        #expect(items[1]["citation"] as? String == "FRUS, 1981–1988, vol. V, Doc. 136, note 3")
        #expect(items[1]["source"] as? String == "footnote 3")
    }

    @Test func backlinksOf168Name175() throws {
        let r = try frusread("links", "168", "--backlinks", "--corpus", corpus)
        #expect(r.status == 0)
        #expect(r.stdout.contains("175\tMemorandum From Secretary of State Shultz"))
    }

    @Test func unknownDocumentIsOneClearLine() throws {
        let r = try frusread("show", "999", "--corpus", corpus)
        #expect(r.status != 0)
        #expect(r.stderr == "frusread: no document 999 in frus1981-88v05; it has 168, 175\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func missingCorpusPathIsOneClearLine() throws {
        let r = try frusread("list", "--corpus", "/no/such/corpus")
        #expect(r.status != 0)
        #expect(r.stderr == "frusread: /no/such/corpus: no such file or folder\n")
    }

    @Test func searchInAMissingCorpusLeavesNoIndexBehind() throws {
        let cache = try Fixtures.temporaryFolder("frusread-missing-corpus")
        defer { try? FileManager.default.removeItem(at: cache) }
        for args in [["search", "--corpus", "/no/such/corpus", "Shultz"], ["index", "--corpus", "/no/such/corpus"]] {
            let r = try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": cache.path])
            #expect(r.status != 0)
            #expect(r.stderr == "frusread: /no/such/corpus: no such file or folder\n")
            let left = FileManager.default.enumerator(atPath: cache.path)?.compactMap { $0 as? String } ?? []
            #expect(!left.contains { $0.hasSuffix(".sqlite") }, "an index was made for a missing corpus: \(left)")
        }
    }

    @Test func checkReportsTheUnresolvedLinkAndExitsZero() throws {
        let r = try frusread("check", "--corpus", corpus)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Document 136 is not in this corpus"))
        #expect(r.stdout.contains("1 volume(s), 2 document(s): 0 unreadable, 1 unresolved link(s)"))
    }

    @Test func badInputInTheCorpusWarnsAndTheRestWorks() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vol = dir.appendingPathComponent("frus1981-88v05")
        try FileManager.default.createDirectory(at: vol, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.seed175, to: vol.appendingPathComponent("175.txt"))
        try FileManager.default.copyItem(at: Fixtures.seed168, to: vol.appendingPathComponent("168.txt"))
        try Data([0x00, 0xFF, 0x13, 0x37, 0x1B, 0x5B]).write(to: vol.appendingPathComponent("garbage.txt"))
        try "3. Memo Without Notes 1\n\nText with a marker.2\n".write(to: vol.appendingPathComponent("nolist.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Fixtures.seed168, to: vol.appendingPathComponent("zz-duplicate.txt"))
        let before = try snapshot(dir)

        let list = try frusread("list", "--corpus", dir.path)
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] } == ["3", "168", "175"])
        #expect(list.stderr.contains("garbage.txt:1: binary data"))
        #expect(list.stderr.contains("nolist.txt:1: footnote markers 1–2 but no footnote list"))
        #expect(list.stderr.contains("zz-duplicate.txt: duplicate document 168"))
        #expect(!list.stderr.contains("\u{1B}"))

        let show = try frusread("show", "175", "--corpus", dir.path)
        #expect(show.status == 0)

        let check = try frusread("check", "--corpus", dir.path)
        #expect(check.status == 1)  // an unreadable file
        #expect(check.stdout.contains("1 unreadable"))
        #expect(try snapshot(dir) == before, "frusread never writes into a corpus")
    }

    @Test func emptyCorpusFolderIsAClearMessage() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try frusread("show", "1", "--corpus", dir.path)
        #expect(r.status != 0)
        #expect(r.stderr.contains("has no volumes"))
    }

    func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)!
        while let f = e.nextObject() as? String {
            let p = dir.appendingPathComponent(f).path
            out[f] = FileManager.default.contents(atPath: p) ?? Data()
        }
        return out
    }
}

import Foundation
import FrusTestSupport
import Testing

/// Issue 13's defects 2–5, through the real binary: hostile ids and text never reach the
/// terminal raw, one id per volume, exit statuses, damage and skipped files told, clear
/// messages for odd document arguments.
@Suite struct ReliabilityCLITests {
    let seeds = Fixtures.bundledCorpus.appendingPathComponent("frus1981-88v05")

    /// Runs the binary with every XDG folder in a temporary folder of the test.
    func frusread(_ args: [String], home: URL) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: [
            "FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ])
    }

    /// The scalars no output may hold raw: C0 controls but line feed and tab, DEL, C1, and the
    /// bidi embedding, override and isolate controls.
    func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F..<0xA0).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// A plain-text volume of the two seeds, its volume.json holding `id` and `title`.
    func seedVolume(in corpus: URL, id: String, title: String) throws {
        let folder = corpus.appendingPathComponent("vol")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let meta = try JSONSerialization.data(withJSONObject: ["id": id, "title": title])
        try meta.write(to: folder.appendingPathComponent("volume.json"))
    }

    /// A TEI volume of documents `numbers` (each one paragraph of `text`), its idno `idno`
    /// (XML text: may hold character references).
    func tei(idno: String, numbers: [String], text: String = "Plain words.") -> String {
        let docs = numbers.map { n in
            "<div type=\"document\" n=\"\(n)\" xml:id=\"d\(n.filter(\.isNumber))\"><head>Memorandum \(n)</head><p>\(text)</p></div>\n"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
            <title type="complete">Sample</title></titleStmt>
            <publicationStmt><idno type="frus">\(idno)</idno></publicationStmt></fileDesc></teiHeader>
            <text><body>
            \(docs)</body></text></TEI>

            """
    }

    // MARK: Defect 2: one sanitising rule for every text output

    @Test func aVolumeIdWithEscapesIsShownAsPlaceholdersByEveryCommand() throws {
        let home = try Fixtures.temporaryFolder()
        let corpus = home.appendingPathComponent("corpus")
        let id = "v\u{1B}]0;pwned\u{07}\u{1B}[31mX\u{202E}"
        try seedVolume(in: corpus, id: id, title: "Title\u{9B}\u{2066}")
        // The placeholders the id is shown with: Control Pictures for C0, U+FFFD for the rest.
        let shownID = "v␛]0;pwned␇␛[31mX\u{FFFD}"
        // 175 cites 168 (the seed's text says "Document 168"): 168's backlinks list 175's volume.
        let seed175 = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        #expect(seed175.contains("168"))
        let commands: [[String]] = [
            ["list"], ["volumes"], ["links", "168", "--backlinks"], ["search", "Gorbachev"],
        ]
        for args in commands {
            let r = try frusread(args + ["--corpus", corpus.path], home: home)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(rawControls(r.stdout).isEmpty, "\(args) stdout: \(rawControls(r.stdout))")
            #expect(rawControls(r.stderr).isEmpty, "\(args) stderr: \(rawControls(r.stderr))")
            #expect(r.stdout.contains(shownID), "\(args): \(r.stdout)")
        }
        // JSON keeps the id exactly, escaped: the bytes hold no raw control either.
        let json = try frusread(["list", "--json", "--corpus", corpus.path], home: home)
        #expect(rawControls(json.stdout).isEmpty)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["volume"] as? String } == [id, id])
    }

    @Test func aDocumentNumberOrIdnoWithAC1ControlIsShownAsAPlaceholder() throws {
        let home = try Fixtures.temporaryFolder()
        let file = home.appendingPathComponent("frus1999-00v01.xml")
        // U+009B (CSI) is legal in XML 1.0 as a character reference.
        try tei(idno: "frus1999-00v01&#x9B;2J", numbers: ["1&#x9B;2J", "2"], text: "Before &#x202E;reversed&#x2069; after.")
            .write(to: file, atomically: true, encoding: .utf8)
        for args in [["list"], ["volumes"], ["show", "2"], ["check"]] {
            let r = try frusread(args + ["--corpus", file.path], home: home)
            #expect(rawControls(r.stdout).isEmpty, "\(args) stdout: \(rawControls(r.stdout))")
            #expect(rawControls(r.stderr).isEmpty, "\(args) stderr: \(rawControls(r.stderr))")
        }
        let list = try frusread(["list", "--corpus", file.path], home: home)
        #expect(list.stdout.contains("frus1999-00v01\u{FFFD}2J\t1\u{FFFD}2J\t"), "\(list.stdout)")
        // The id is unusual: said once, on standard error.
        #expect(list.stderr.contains("has characters other than"))
        let show = try frusread(["show", "2", "--corpus", file.path], home: home)
        #expect(show.stdout.contains("Before \u{FFFD}reversed\u{FFFD} after."))
    }

    @Test func aFileNameWithABidiControlIsNeutralisedInLibxml2Messages() throws {
        let home = try Fixtures.temporaryFolder()
        let corpus = home.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let name = "frus\u{202E}lmx.\u{2067}broken.xml"
        try "<?xml version=\"1.0\"?>\n<TEI><teiHeader>\n<p>unclosed &amp; <b></TEI>\n"
            .write(to: corpus.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let r = try frusread(["check", "--corpus", corpus.path], home: home)
        #expect(r.status != 0)
        let all = r.stdout + r.stderr
        #expect(all.contains("frus\u{FFFD}lmx.\u{FFFD}broken.xml"), "\(all)")
        #expect(rawControls(all).isEmpty, "\(rawControls(all))")
    }

    /// Structural: only Output.swift writes to standard output or error, so every text the
    /// command prints passes its sanitising functions.
    @Test func onlyOutputWritesToTheTerminal() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Sources/frusread")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("Output.swift"))
        for name in files where name != "Output.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for forbidden in ["print(", "FileHandle.standard", "fputs(", "fwrite(", "putchar(", "dprintf("] {
                #expect(!text.contains(forbidden), "\(name) writes with \(forbidden) instead of Output")
            }
        }
    }

    // MARK: Defect 3: one id per volume

    @Test func aTrailingNELInTheIdnoGivesOneIdEverywhere() throws {
        let home = try Fixtures.temporaryFolder()
        let file = home.appendingPathComponent("volume.xml")
        try tei(idno: "frus1999-00v01&#x85;", numbers: ["1", "2"]).write(to: file, atomically: true, encoding: .utf8)
        let volumes = try frusread(["volumes", "--json", "--corpus", file.path], home: home)
        let vIDs = try #require(try JSONSerialization.jsonObject(with: Data(volumes.stdout.utf8)) as? [[String: Any]]).map { $0["id"] as? String }
        let list = try frusread(["list", "--json", "--corpus", file.path], home: home)
        let lIDs = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).map { $0["volume"] as? String }
        #expect(vIDs == ["frus1999-00v01"])
        #expect(lIDs == ["frus1999-00v01", "frus1999-00v01"])
        let show = try frusread(["show", "frus1999-00v01/2", "--json", "--corpus", file.path], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(doc["volume"] as? String == "frus1999-00v01")
        // Nothing unusual about the id once normalised: no warning.
        #expect(!list.stderr.contains("has characters other than"))
    }

    // MARK: Defect 4: exit statuses, damage, skipped files

    @Test func listingsOfACorpusWithNothingReadableExitNonZero() throws {
        let home = try Fixtures.temporaryFolder()
        let corpus = home.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        // One file whose header is not even XML, one whose header reads but whose body is broken.
        try "not xml at all".write(to: corpus.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        let broken = tei(idno: "frus1999-00v02", numbers: ["1"]).replacingOccurrences(of: "</div>", with: "</dvi>")
        try broken.write(to: corpus.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        for args in [["list"], ["list", "--json"]] {
            let r = try frusread(args + ["--corpus", corpus.path], home: home)
            #expect(r.status != 0, "\(args)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
            #expect(r.stderr.contains("can be read"), "\(args): \(r.stderr)")
        }
        // A folder with no volume at all (a file that is none, ignored): every listing fails.
        let empty = home.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "x".write(to: empty.appendingPathComponent("notes.pdf"), atomically: true, encoding: .utf8)
        for args in [["list"], ["list", "--json"], ["volumes"], ["volumes", "--json"]] {
            let r = try frusread(args + ["--corpus", empty.path], home: home)
            #expect(r.status != 0, "\(args)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
            #expect(r.stderr.contains("notes.pdf"), "\(args): \(r.stderr)")
        }
    }

    @Test func showOfADocumentBeforeDamageWarnsThatTheFileIsDamagedFurtherOn() throws {
        let home = try Fixtures.temporaryFolder()
        let intact = home.appendingPathComponent("intact.xml")
        let damaged = home.appendingPathComponent("damaged.xml")
        let xml = tei(idno: "frus1999-00v01", numbers: ["130", "131"])
        try xml.write(to: intact, atomically: true, encoding: .utf8)
        // Document 131's paragraph loses its end: the file is not well-formed from that line on.
        var lines = xml.components(separatedBy: "\n")
        let line131 = try #require(lines.firstIndex { $0.contains("n=\"131\"") })
        lines[line131] = lines[line131].replacingOccurrences(of: "</p>", with: "")
        try lines.joined(separator: "\n").write(to: damaged, atomically: true, encoding: .utf8)
        let good = try frusread(["show", "130", "--corpus", intact.path], home: home)
        let r = try frusread(["show", "130", "--corpus", damaged.path], home: home)
        #expect(r.status == 0)
        #expect(r.stdout == good.stdout)
        #expect(r.stdout.contains("Memorandum 130"))
        #expect(r.stderr.contains("damaged.xml"), "\(r.stderr)")
        #expect(r.stderr.contains("damaged further on"), "\(r.stderr)")
        #expect(good.stderr.isEmpty, "\(good.stderr)")
        // And 131 itself cannot be shown.
        #expect(try frusread(["show", "131", "--corpus", damaged.path], home: home).status != 0)
    }

    @Test func showOfADocumentWhoseFileWasSkippedNamesTheFileAndWhy() throws {
        let home = try Fixtures.temporaryFolder()
        let corpus = home.appendingPathComponent("corpus")
        try seedVolume(in: corpus, id: "frus1981-88v05", title: "Seeds")
        let file168 = corpus.appendingPathComponent("vol").appendingPathComponent(Fixtures.seed168.lastPathComponent)
        try Data([0x31, 0x36, 0x38, 0x2E, 0x00, 0x00, 0x0A]).write(to: file168)
        let r = try frusread(["show", "168", "--corpus", corpus.path], home: home)
        #expect(r.status != 0)
        #expect(r.stderr.contains("no document 168"))
        #expect(r.stderr.contains(Fixtures.seed168.lastPathComponent), "\(r.stderr)")
        #expect(r.stderr.contains("was skipped: binary data"), "\(r.stderr)")
    }

    // MARK: Defect 5: document arguments

    @Test func oddDocumentArgumentsGiveOneClearLine() throws {
        let home = try Fixtures.temporaryFolder()
        let corpus = Fixtures.bundledCorpus.path
        let cases: [([String], String)] = [
            (["show", "-1"], "-1 is not a document"),
            (["links", "-1"], "-1 is not a document"),
            (["show", "--width", "40", "-7"], "-7 is not a document"),
            (["show", ""], "no document given"),
            (["show", "/175"], "no volume before the / in \"/175\""),
            (["show", "frus1981-88v05/"], "no document number after the /"),
        ]
        for (args, message) in cases {
            let r = try frusread(args + ["--corpus", corpus], home: home)
            #expect(r.status == 1, "\(args)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(args): \(r.stderr)")
            #expect(lines.first?.hasPrefix("frusread: ") == true, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Usage"))
        }
        // A document really named by number still shows, whatever option precedes it.
        #expect(try frusread(["show", "--width", "40", "175", "--corpus", corpus], home: home).status == 0)
    }

    @Test func theItHasListNamesEachNumberOnce() throws {
        let home = try Fixtures.temporaryFolder()
        let file = home.appendingPathComponent("frus1999-00v01.xml")
        try tei(idno: "frus1999-00v01", numbers: ["5", "5", "6"]).write(to: file, atomically: true, encoding: .utf8)
        let r = try frusread(["show", "9", "--corpus", file.path], home: home)
        #expect(r.status == 1)
        #expect(r.stderr.contains("it has 5, 6"), "\(r.stderr)")
    }
}

import Foundation
import FrusTestSupport
import Testing

/// `frusread export`: Markdown that a real CommonMark parser reads as the document.
@Suite struct ExportCLITests {
    let corpus = Fixtures.bundledCorpus.path

    func frusread(_ args: [String]) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: ["FRUSREAD_CORPUS": nil])
    }

    /// Words of Markdown as a reader sees them: escapes, footnote references and definitions,
    /// link addresses, page tags and emphasis taken away.
    func markdownWords(_ md: String) -> [String] {
        var t = md.replacingOccurrences(of: #"\\\[Page [0-9ivxlc]+\\\]"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\[\^\d+\]:?"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\]\([^)\s]*\)"#, with: "", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\\([!-/:-@\[-`{-~])"#, with: "$1", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(^|\s)[#>]+(?=\s)"#, with: " ", options: .regularExpression)
        return t.split { $0.isWhitespace || $0 == "—" || $0 == "–" }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[*_")) }
            .filter { !$0.isEmpty }
    }

    /// Words of the plain-text seed: the footnote numbers after words and the list's numbers
    /// taken away (the seed format marks footnotes by digits glued to a word).
    func seedWords(_ seed: String) -> [String] {
        var t = seed.replacingOccurrences(of: #"\[Page [0-9ivxlc]+\]"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(?m)^\s+\d+\.\s"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(?<=[\p{L}\p{P}])\d{1,2}(?=\s|$)"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(?<=\s)\d{1,2}(?=\n)"#, with: " ", options: .regularExpression)
        return t.split { $0.isWhitespace || $0 == "—" || $0 == "–" }.map(String.init).filter { $0 != "•" }
    }

    /// The seed's footnote list: lines "  N. text" after the body.
    func seedFootnoteCount(_ seed: String) -> Int {
        seed.split(separator: "\n").filter { $0.range(of: #"^\s+\d+\.\s"#, options: .regularExpression) != nil }.count
    }

    /// What markdown-it-py (CommonMark, pipe tables, footnotes) makes of `markdown`; nil, with
    /// a message, when python3 or the modules are missing (`.ci/run` installs them).
    func commonMark(_ markdown: String) throws -> [String: Any]? {
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/FrusreadCLITests/Scripts/commonmark_check.py").path
        let input = try Fixtures.temporaryFolder("frusread-md").appendingPathComponent("in.md")
        try markdown.write(to: input, atomically: true, encoding: .utf8)
        let r = try Spawn.run("/usr/bin/env", ["python3", script, input.path], environment: ProcessInfo.processInfo.environment)
        if r.status == 3 || r.status == 127 {
            print("markdown-it-py is not installed: skipping the CommonMark parse (.ci/run installs it): \(r.stderr)")
            return nil
        }
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    }

    @Test func export175HasEveryFootnoteEveryWordAndTheLinkTo168() throws {
        let seed = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let notes = seedFootnoteCount(seed)
        #expect(notes == 5)
        let r = try frusread(["export", "175", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let md = r.stdout
        // Definitions [^1]: … [^5]: at line starts, each referenced in the text.
        for n in 1...notes {
            #expect(md.components(separatedBy: "\n[^\(n)]: ").count == 2, "definition \(n)")
            #expect(md.components(separatedBy: "[^\(n)]").count == 3, "reference and definition \(n)")
        }
        #expect(!md.contains("[^\(notes + 1)]"))
        #expect(md.hasPrefix("# 175. Memorandum From Secretary of State Shultz to President Reagan[^1]\n"))
        #expect(md.contains("](https://history.state.gov/historicaldocuments/frus1981-88v05/d168)"))
        #expect(md.contains("\\[Page 766\\]"))
        #expect(md.contains("\\[Page 767\\]"))
        #expect(md.contains("https://history.state.gov/historicaldocuments/frus1981-88v05/d175"))
        // Every word of the seed, in order.
        let shown = markdownWords(md)
        var k = 0
        for w in seedWords(seed) {
            guard let found = shown[k...].firstIndex(of: w) else {
                Issue.record("word “\(w)” missing after position \(k): …\(shown[max(0, k - 5)..<min(shown.count, k + 5)])")
                return
            }
            k = found + 1
        }
    }

    @Test func export175ParsesAsCommonMarkWithFiveFootnotes() throws {
        let seed = try String(contentsOf: Fixtures.seed175, encoding: .utf8)
        let r = try frusread(["export", "175", "--corpus", corpus, "--format", "markdown"])
        #expect(r.status == 0)
        guard let parsed = try commonMark(r.stdout) else { return }
        #expect(parsed["definitions"] as? Int == seedFootnoteCount(seed))
        #expect(parsed["footnotes"] as? Int == seedFootnoteCount(seed))
        #expect(parsed["references"] as? Int == seedFootnoteCount(seed))
        let links = parsed["links"] as? [String] ?? []
        #expect(links.contains("https://history.state.gov/historicaldocuments/frus1981-88v05/d168"))
        // Page tags are text, never links: every link goes to history.state.gov or a footnote.
        for link in links {
            #expect(link.hasPrefix("https://history.state.gov/") || link.hasPrefix("#fn"), "\(link)")
        }
        let text = parsed["text"] as? String ?? ""
        #expect(text.contains("[Page 766]"))
        #expect(!text.contains("\\"))
    }

    /// `--notes`: the user's notes file (the format the reader's `a` writes) after the
    /// document, its quote as a block quote; none without the flag.
    @Test func exportWithNotesAddsTheUsersNotes() throws {
        let data = try Fixtures.temporaryFolder("frusread-export-notes")
        let folder = data.appendingPathComponent("frusread/notes/frus1981-88v05")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        # 175. Memorandum From Secretary of State Shultz to President Reagan

        ---
        volume: frus1981-88v05
        document: "175"
        anchor: paragraph 2
        quote: "It smacked of having been drafted by bureaucrats."
        created: 2026-12-05T18:40:00Z
        ---

        Compare with *Document 168*.
        """.write(to: folder.appendingPathComponent("175.md"), atomically: true, encoding: .utf8)
        let env: [String: String?] = ["FRUSREAD_CORPUS": nil, "XDG_DATA_HOME": data.path]
        let with = try FrusreadBinary.run(["export", "175", "--notes", "--corpus", corpus], environment: env)
        #expect(with.status == 0, "\(with.stderr)")
        let notes = try #require(with.stdout.range(of: "\n## My notes\n"), "\(with.stdout)")
        let tail = String(with.stdout[notes.upperBound...])
        #expect(tail.contains("> It smacked of having been drafted by bureaucrats."))
        #expect(tail.contains("Compare with *Document 168*."))
        #expect(tail.contains("_paragraph 2, 2026-12-05T18:40:00Z_"))
        let without = try FrusreadBinary.run(["export", "175", "--corpus", corpus], environment: env)
        #expect(!without.stdout.contains("My notes"))
    }

    @Test func exportOfAnUnknownDocumentIsOneLine() throws {
        let r = try frusread(["export", "999", "--corpus", corpus])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("999"))
    }

    /// Every document of the real TEI: as many footnote definitions as the TEI has numbered
    /// notes, list items as the TEI's items, every definition parsed as a footnote.
    @Test func everyDocumentOfThePartialVolumeExports() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let xml = try String(contentsOf: volume, encoding: .utf8)
        let expected = try TEICLITests().numberedNotesPerDocument(xml)
        let items = try itemsPerDocument(xml)
        #expect(expected.count == 46)
        var parsedAny = false
        for (number, notes) in expected {
            let r = try FrusreadBinary.run(["export", number, "--corpus", volume.path])
            #expect(r.status == 0, "document \(number): \(r.stderr)")
            let definitions = r.stdout.split(separator: "\n").filter { $0.range(of: #"^\[\^\d+\]: "#, options: .regularExpression) != nil }
            #expect(definitions.count == notes, "document \(number)")
            guard let parsed = try commonMark(r.stdout) else { continue }
            parsedAny = true
            #expect(parsed["definitions"] as? Int == notes, "document \(number)")
            #expect(parsed["listItems"] as? Int == items[number], "document \(number)")
        }
        if parsedAny { #expect(items.values.reduce(0, +) > 0) }
    }

    /// `<item>`s in each document of the raw TEI, by a plain scan (as the note counts).
    func itemsPerDocument(_ xml: String) throws -> [String: Int] {
        let div = try NSRegularExpression(pattern: #"<div\b[^>]*\btype="document"[^>]*>"#)
        let n = try NSRegularExpression(pattern: #"\bn="([^"]+)""#)
        let item = try NSRegularExpression(pattern: #"<item\b"#)
        let ns = xml as NSString
        let starts = div.matches(in: xml, range: NSRange(location: 0, length: ns.length))
        var out: [String: Int] = [:]
        for (i, m) in starts.enumerated() {
            let tag = ns.substring(with: m.range) as NSString
            guard let number = n.firstMatch(in: tag as String, range: NSRange(location: 0, length: tag.length)) else { continue }
            let end = i + 1 < starts.count ? starts[i + 1].range.location : ns.length
            out[tag.substring(with: number.range(at: 1))] = item.numberOfMatches(
                in: xml, range: NSRange(location: m.range.location, length: end - m.range.location))
        }
        return out
    }

    /// A TEI volume with a table, a list, a quote and a signature: each becomes its Markdown
    /// form, and the text's Markdown characters stay text.
    @Test func tableListQuoteAndSignatureOfATEIVolume() throws {
        let folder = try Fixtures.temporaryFolder("frusread-export")
        let file = folder.appendingPathComponent("frus1999v01.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1999v01">
        <teiHeader><fileDesc><titleStmt><title type="complete">Test Volume</title></titleStmt>
        <publicationStmt><idno type="frus">frus1999v01</idno></publicationStmt></fileDesc></teiHeader>
        <text><body><div type="chapter" xml:id="ch1"><head>One</head>
        <div type="document" xml:id="d1" n="1"><head>Cable *not* [bold] 1. Title<note n="1" xml:id="d1fn1">Source: a_b.</note></head>
        <dateline><placeName>Washington</placeName>, <date when="1999-01-02">January 2, 1999</date></dateline>
        <p>Costs: $5 &amp; <hi rend="italic">more</hi> | see <ref target="#d2">Document 2</ref>.</p>
        <list><item>First item</item><item>- Second item</item></list>
        <table><row><cell>Name</cell><cell>Count</cell></row><row><cell>Alpha</cell><cell>1 | 2</cell></row></table>
        <quote><p>Quoted words.</p></quote>
        <closer><signed>John Doe</signed><lb/>Secretary</closer>
        </div>
        <div type="document" xml:id="d2" n="2"><head>Second</head><p>Text.</p></div>
        </div></body></text></TEI>
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try FrusreadBinary.run(["export", "1", "--corpus", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let md = r.stdout
        #expect(md.contains("| Name | Count |\n| --- | --- |\n| Alpha | 1 \\| 2 |"))
        #expect(md.contains("- First item\n- \\- Second item") || md.contains("- First item\n- \\- Second item"))
        #expect(md.contains("> Quoted words."))
        #expect(md.contains("\\$5 \\& *more* \\| see [Document 2](https://history.state.gov/historicaldocuments/frus1999v01/d2)."))
        #expect(md.contains("# 1. Cable \\*not\\* \\[bold\\] 1. Title[^1]"))
        #expect(md.contains("[^1]: Source: a\\_b."))
        guard let parsed = try commonMark(md) else { return }
        #expect(parsed["tables"] as? Int == 1)
        #expect(parsed["listItems"] as? Int == 2)
        #expect(parsed["definitions"] as? Int == 1)
        let text = parsed["text"] as? String ?? ""
        for words in ["Cable *not* [bold] 1. Title", "Source: a_b.", "$5 & ", "- Second item", "1 | 2", "Quoted words.", "John Doe"] {
            #expect(text.contains(words), "\(words)")
        }
    }
}

import Foundation
import FrusTestSupport
import Testing

/// Issue 13, defect 6, through the real binary: a huge word (CJK and accented letters, cut on
/// bytes by the layout's fast path) is shown whole, once, in order, in lines of the width, in
/// text and in JSON; JSON escaping (done on bytes now) still escapes quotes, backslashes, C1
/// and bidi controls.
@Suite struct HugeValuesCLITests {
    func frusread(_ args: [String], home: URL) throws -> FrusreadBinary.Output {
        try FrusreadBinary.run(args, environment: [
            "FRUSREAD_CORPUS": nil, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ])
    }

    /// 漢 takes 2 columns, e + combining acute 1: the word's glyphs.
    static let word = String(repeating: "漢e\u{301}", count: 30_000)
    static func columns(_ s: Substring) -> Int { s.reduce(0) { $0 + ($1 == "漢" ? 2 : 1) } }

    /// The lines holding the word: made only of its glyphs (the last may go on with " after.").
    static func wordLines<S: StringProtocol>(_ lines: [S]) -> [Substring] {
        lines.compactMap { line in
            let s = Substring(line)
            let l = s.hasSuffix(" after.") ? s.dropLast(7) : s
            return !l.isEmpty && l.allSatisfy({ $0 == "漢" || $0 == "e\u{301}" }) ? l : nil
        }
    }

    func volume(home: URL) throws -> URL {
        let file = home.appendingPathComponent("huge.xml")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
            <title type="complete">Huge</title></titleStmt>
            <publicationStmt><idno type="frus">frus1999-00v01</idno></publicationStmt></fileDesc></teiHeader>
            <text><body><div type="document" n="1" xml:id="d1"><head>Title &#x9B; &#x202E; "q" \\</head>
            <p>Before "quoted" back\\slash \(Self.word) after.</p></div></body></text></TEI>

            """
        try xml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aHugeWordIsShownWholeInLinesOfTheWidth() throws {
        let home = try Fixtures.temporaryFolder()
        let file = try volume(home: home)
        let show = try frusread(["show", "1", "--width", "40", "--corpus", file.path], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        let lines = show.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // The word's lines: those made only of its glyphs.
        let wordLines = Self.wordLines(lines)
        #expect(wordLines.joined() == Self.word)
        for line in wordLines { #expect(Self.columns(line) <= 40) }
        for line in wordLines.dropLast() { #expect(Self.columns(line) >= 39) }  // full: a 漢 may not fit
        #expect(show.stdout.contains("Before \"quoted\" back\\slash"))
        #expect(!show.stdout.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) || $0.value == 0x202E })
    }

    @Test func itsJSONEscapesWhatItMustAndKeepsTheRest() throws {
        let home = try Fixtures.temporaryFolder()
        let file = try volume(home: home)
        let show = try frusread(["show", "1", "--json", "--width", "40", "--corpus", file.path], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        // Raw, the bytes hold no C1 or bidi control: they are \u escapes.
        #expect(!show.stdout.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(show.stdout.contains("\\u009b") && show.stdout.contains("\\u202e"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let title = try #require(doc["title"] as? String)
        #expect(title.contains("\u{9B}") && title.contains("\u{202E}") && title.contains("\"q\" \\"))
        let text = try #require(doc["text"] as? String)
        #expect(text.contains("Before \"quoted\" back\\slash"))
        let wordLines = Self.wordLines(text.split(separator: "\n"))
        #expect(wordLines.joined() == Self.word)
    }
}

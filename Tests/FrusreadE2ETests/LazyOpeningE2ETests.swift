import Foundation
import FrusTestSupport
import Testing

/// Lazy opening in a real terminal, on the shared partial TEI volume: the reader shows its
/// first document read alone and reads the rest in the background; keys that need the whole
/// volume, pressed at once, still give the right screens. Expected titles are read from the TEI.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing), .enabled(if: Fixtures.partialVolume != nil, Comment(rawValue: Fixtures.sharedMissing)))
struct LazyOpeningE2ETests {
    static let tei = TEIExpectations(xml: Fixtures.partialVolume.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")

    /// "130. Note From …": a document's head as printed, its footnotes left out.
    static func heading(_ doc: TEIExpectations.DocumentSlice) -> String {
        let head = doc.text.range(of: #"(?s)<head\b[^>]*>.*?</head>"#, options: .regularExpression).map { String(doc.text[$0]) } ?? ""
        let withoutNotes = head.replacingOccurrences(of: #"(?s)<note\b.*?</note>"#, with: "", options: .regularExpression)
        return TEIExpectations.text(withoutNotes)
    }

    /// The start of a heading: what fits on the title row at any width used here.
    static func start(_ doc: TEIExpectations.DocumentSlice) -> String { String(heading(doc).prefix(30)) }

    @Test func keysNeedingTheWholeVolumePressedAtOnceGiveTheRightScreens() throws {
        let docs = Self.tei.documents
        try #require(docs.count > 3)
        let volume = try #require(Fixtures.partialVolume).path
        let r = try TmuxSession.reader(corpus: volume, waitingFor: Self.start(docs[0]))
        // At once, while the rest of the volume may still be being read: the next document, the
        // contents, and back.
        try r.press("]")
        try r.waitUntil("the second document") { $0.split(separator: "\n").first?.contains(Self.start(docs[1])) == true }
        try r.press("t")
        let contents = try r.waitFor("Contents · ")
        for doc in docs.prefix(4) {
            let title = Self.heading(doc).split(separator: " ").dropFirst().joined(separator: " ")
            #expect(contents.contains(String(title.prefix(20))), "the contents list \(doc.n)")
        }
        try r.press("Escape")
        try r.press("[")
        try r.waitUntil("the first document again") { $0.split(separator: "\n").first?.contains(Self.start(docs[0])) == true }
        // A link into another document of the volume (the first document holding one, in the
        // TEI), followed to that document.
        let numbers = Set(docs.map(\.n))
        let (from, target) = try #require(docs.lazy.compactMap { doc -> (TEIExpectations.DocumentSlice, TEIExpectations.DocumentSlice)? in
            guard let m = doc.text.firstMatch(of: /<ref\b[^>]*target="#d([0-9]+)"/), numbers.contains(String(m.1)), String(m.1) != doc.n
            else { return nil }
            return (doc, docs.first { $0.n == String(m.1) }!)
        }.first)
        try r.command(from.n, thenTitle: Self.start(from))
        try r.tabUntilStatus(contains: "Document \(target.n):", limit: 60)
        try r.press("Enter")
        try r.waitUntil("Document \(target.n)") { $0.split(separator: "\n").first?.contains(Self.start(target)) == true }
        // Cited by: once the volume is read, the navigator of the document lists what cites it.
        try r.waitUntil("the volume read") { !$0.contains("Reading the rest of the volume") }
        #expect(try r.quit() == 0)
    }

    /// A copy of the volume cut off inside its third document: the first document opens, and
    /// the status line says the rest of the volume cannot be read, and where the file is damaged.
    @Test func aFileDamagedAfterTheFirstDocumentOpensAndWarns() throws {
        let docs = Self.tei.documents
        let folder = try Fixtures.temporaryFolder("damaged-volume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cut = try #require(Self.tei.xml.range(of: docs[2].startTag)).upperBound
        let damaged = folder.appendingPathComponent("frus1981-88v05.xml")
        let text = String(Self.tei.xml[..<cut]) + "<p>cut off"
        try text.write(to: damaged, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let r = try TmuxSession.reader(corpus: damaged.path, width: 200, waitingFor: Self.start(docs[0]))
        let screen = try r.waitUntil("the damage on the status line") { $0.contains("cannot be read") }
        #expect(screen.contains("frus1981-88v05.xml:\(line)"), "names the file and the line where it breaks off")
        // The first document stays readable.
        #expect(screen.split(separator: "\n").first?.contains(Self.start(docs[0])) == true)
        #expect(try r.quit() == 0)
    }
}

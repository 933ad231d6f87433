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
        let head = doc.text.range(of: #"<head\b[^>]*>.*?</head>"#, options: .regularExpression).map { String(doc.text[$0]) } ?? ""
        let withoutNotes = head.replacingOccurrences(of: #"<note\b.*?</note>"#, with: "", options: .regularExpression)
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
        let contents = try r.waitFor(String(Self.heading(docs[2]).split(separator: " ").dropFirst().joined(separator: " ").prefix(25)))
        #expect(contents.contains(String(Self.heading(docs[3]).split(separator: " ").dropFirst().joined(separator: " ").prefix(25))))
        try r.press("Escape")
        try r.press("[")
        try r.waitUntil("the first document again") { $0.split(separator: "\n").first?.contains(Self.start(docs[0])) == true }
        // A link into another document of the volume: followed to that document.
        try r.tabUntilStatus(contains: "Document ", limit: 40)
        let status = try r.statusRow
        let number = try #require(status.firstMatch(of: /Document ([0-9A-Za-z]+)/)?.1).description
        let target = try #require(docs.first { $0.n == number }, "Document \(number) is in the volume")
        try r.press("Enter")
        try r.waitUntil("Document \(number)") { $0.split(separator: "\n").first?.contains(Self.start(target)) == true }
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

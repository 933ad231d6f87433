import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// Untrusted files: each fails fast with a clear error naming the file (and line and column
/// when the XML is malformed), never crashes, never reads other files, never echoes content.
@Suite struct HostileInputTests {
    /// Writes `bytes` to a temporary file, imports it, and returns the error (or nil) and the
    /// time it took.
    static func importFile(_ bytes: [UInt8], name: String = "hostile.xml") throws
        -> (error: Diagnostic?, load: VolumeLoad?, elapsed: Duration)
    {
        let dir = try Fixtures.temporaryFolder("frusread-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let clock = ContinuousClock()
        var error: Diagnostic?
        var load: VolumeLoad?
        let elapsed = clock.measure {
            do { load = try TEIImporter.read(path: path) } catch let e as Diagnostic { error = e } catch {
                Issue.record("not a Diagnostic: \(error)")
            }
        }
        if let error {
            #expect(error.severity == .error)
            #expect(error.location?.file == path)
        }
        return (error, load, elapsed)
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Everything the importer produced, as text: to check nothing of another file leaked.
    static func everything(_ load: VolumeLoad?, _ error: Diagnostic?) -> String {
        var out = error?.description ?? ""
        if let load {
            out += load.volume.title
            out += load.diagnostics.map(\.description).joined()
            out += load.volume.documents.map(\.fullText).joined()
        }
        return out
    }

    @Test func billionLaughsFailsFast() throws {
        var dtd = "<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n\(dtd)]>\n"
            + TEISample.volume(body: TEISample.document("<p>&lol9;</p>")).drop(while: { $0 != "\n" })
        let (error, load, elapsed) = try Self.importFile(Self.bytes(xml))
        #expect(load == nil)
        let e = try #require(error)
        #expect(e.message.contains("entity"), "\(e)")
        #expect(e.location?.line == 3)
        #expect(elapsed < .seconds(1))
    }

    @Test(arguments: [
        "<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE TEI [<!ENTITY % xxe SYSTEM \"file:///etc/passwd\"> %xxe;]>",
    ])
    func externalEntitiesAreRefused(doctype: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n\(doctype)\n"
            + TEISample.volume(body: TEISample.document("<p>before &xxe; after</p>")).drop(while: { $0 != "\n" })
        let (error, load, elapsed) = try Self.importFile(Self.bytes(xml))
        #expect(error != nil)
        #expect(!Self.everything(load, error).contains("root:"))
        #expect(elapsed < .seconds(1))
    }

    @Test func anExternalDTDIsNotLoaded() throws {
        // No entity declared: the file parses, the DTD named is never read.
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI SYSTEM \"file:///etc/passwd\">\n"
            + TEISample.volume(body: TEISample.document("<p>text</p>")).drop(while: { $0 != "\n" })
        let (error, load, _) = try Self.importFile(Self.bytes(xml))
        #expect(error == nil)
        #expect(load?.volume.documents.first?.blocks == [.paragraph([.text("text")], .normal)])
        #expect(!Self.everything(load, error).contains("root:"))
    }

    @Test func unclosedTagsGiveLineAndColumn() throws {
        let xml = """
            <?xml version="1.0"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <div type="document" n="1"><head>1. Title</head>
            <p>An unclosed paragraph
            </div></body></text></TEI>
            """
        let (error, load, elapsed) = try Self.importFile(Self.bytes(xml))
        #expect(load == nil)
        let e = try #require(error)
        #expect(e.location?.line == 5)
        #expect(e.location?.column != nil)
        #expect(e.description.contains("hostile.xml:5:"))
        #expect(e.message.contains("mismatch") || e.message.contains("end"), "\(e)")
        #expect(elapsed < .seconds(1))
    }

    @Test func truncatedFileIsAnError() throws {
        let xml = TEISample.volume(body: TEISample.document("<p>text</p>"))
        let (error, _, _) = try Self.importFile(Array(Self.bytes(xml).prefix(xml.utf8.count / 2)))
        #expect(error?.location?.line != nil)
    }

    @Test func invalidUTF8IsAnErrorWithoutTheBytes() throws {
        var bytes = Self.bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>\n<div type=\"document\" n=\"1\"><head>1. T</head><p>bad ")
        bytes += [0xFF, 0xFE, 0xC3, 0x28]
        bytes += Self.bytes(" bytes</p></div></body></text></TEI>\n")
        let (error, load, elapsed) = try Self.importFile(bytes)
        #expect(load == nil)
        let e = try #require(error)
        #expect(e.message.contains("UTF-8"), "\(e)")
        #expect(e.location?.line == 3)
        #expect(!e.message.contains("0xFF") && !e.message.contains("Bytes"), "\(e)")
        #expect(elapsed < .seconds(1))
    }

    @Test func tenMegabytesOfOneLineOfJunkFailFast() throws {
        let junk = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let (error, _, elapsed) = try Self.importFile(junk)
        let e = try #require(error)
        #expect(e.location?.line == 1)
        #expect(elapsed < .seconds(1))
    }

    @Test func tenMegabyteSingleLineVolumeEndsCleanly() throws {
        // A well-formed volume whose one paragraph is a single 10 MB line: libxml2's limits
        // (no XML_PARSE_HUGE) apply, so this is read or refused, but quickly and cleanly.
        let words = String(repeating: "word ", count: 2_000_000)
        let xml = TEISample.volume(body: TEISample.document("<p>\(words)</p>"))
            .replacingOccurrences(of: "\n", with: " ")
        let (error, load, elapsed) = try Self.importFile(Self.bytes(xml))
        #expect(error != nil || load?.volume.documents.count == 1)
        if let error { #expect(error.location?.line == 1, "\(error)") }
        print("10 MB single-line volume: \(elapsed), \(error.map(\.description) ?? "read")")
        #expect(elapsed < .seconds(1))
    }

    @Test func absurdNestingFailsFast() throws {
        let depth = 100_000
        let xml = TEISample.volume(body: TEISample.document(
            "<p>" + String(repeating: "<hi rend=\"italic\">", count: depth) + "deep"
                + String(repeating: "</hi>", count: depth) + "</p>"))
        let (error, load, elapsed) = try Self.importFile(Self.bytes(xml))
        #expect(load == nil)
        let e = try #require(error)
        #expect(e.message.contains("deep") || e.message.contains("depth"), "\(e)")
        #expect(elapsed < .seconds(1))
    }

    @Test func notXMLAtAll() throws {
        let text = "175. Memorandum From Secretary of State Shultz to President Reagan\n\nDobrynin came by.\n"
        let (error, _, _) = try Self.importFile(Self.bytes(text), name: "frus1981-88v05.xml")
        #expect(error != nil)
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("plain.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        #expect(try TEIImporter.peek(path: path).id == nil)
    }

    @Test func notTEI() throws {
        let (error, _, _) = try Self.importFile(Self.bytes("<?xml version=\"1.0\"?><html><body><p>hi</p></body></html>"))
        #expect(error?.message.contains("TEI") == true)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: Diagnostic.self) { try TEIImporter.read(path: "/nonexistent/frus1999v01.xml") }
        #expect(throws: Diagnostic.self) { try TEIImporter.peek(path: "/nonexistent/frus1999v01.xml") }
    }
}

import Foundation
import FrusModel
import FrusTEI
import FrusTestSupport

/// Small TEI volumes written inline, for unit tests of one mapping each.
enum TEISample {
    static let volumeID = "frus1999-00v01"

    /// A complete TEI volume around `body` (the content of `<body>`); `front` goes in `<front>`.
    static func volume(body: String, front: String = "", header: Bool = true) -> String {
        let head = header ? """
            <teiHeader><fileDesc><titleStmt>
              <title type="complete">Foreign Relations, Sample Volume</title>
            </titleStmt><publicationStmt><idno type="frus">\(volumeID)</idno></publicationStmt>
            </fileDesc></teiHeader>
            """ : ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">
            \(head)
            <text><front>\(front)</front><body>
            \(body)
            </body></text></TEI>
            """
    }

    /// One document (number `n`) with this content after its head.
    static func document(_ content: String, n: String = "1", head: String = "1. A Memorandum") -> String {
        """
        <div type="document" n="\(n)" xml:id="d\(n)" frus:doc-dateTime-min="1985-11-01T00:00:00-05:00"
             frus:doc-dateTime-max="1985-11-01T23:59:59-05:00">
            <head>\(head)</head>
            \(content)
        </div>
        """
    }

    static func load(_ xml: String, path: String = "sample.xml") throws -> VolumeLoad {
        try TEIImporter.read(data: Array(xml.utf8), path: path)
    }

    /// The only document of a one-document volume.
    static func onlyDocument(_ content: String, head: String = "1. A Memorandum") throws -> Document {
        let load = try load(volume(body: document(content, head: head)))
        guard let doc = load.volume.documents.first else { throw SampleError.noDocument }
        return doc
    }

    enum SampleError: Error { case noDocument }
}

/// The real partial volume in ../shared, read as bytes and as the importer's result (once).
enum PartialVolume {
    static let loaded: (bytes: [UInt8], load: VolumeLoad)? = {
        guard let url = Fixtures.partialVolume, let data = FileManager.default.contents(atPath: url.path),
            let load = try? TEIImporter.read(path: url.path)
        else { return nil }
        return ([UInt8](data), load)
    }()

    static var volume: Volume? { loaded?.load.volume }
}

/// An independent reading of the TEI text: slices of each `div[@type="document"]`, found by a
/// plain scan of the bytes (no XML parser), and the numbered notes in each.
enum TEIScan {
    struct DocumentSlice {
        var id: String
        var n: String
        var text: Substring
    }

    /// Each document's text, from its `<div … type="document"` to the next one (or `</body>`).
    static func documentSlices(_ xml: String) -> [DocumentSlice] {
        var starts: [(String.Index, String, String)] = []
        var cursor = xml.startIndex
        while let open = xml[cursor...].firstRange(of: "<div") {
            guard let close = xml[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = xml[open.lowerBound...close]
            if tag.contains("type=\"document\"") {
                starts.append((open.lowerBound, attribute("xml:id", in: tag) ?? "", attribute("n", in: tag) ?? ""))
            }
            cursor = close
        }
        let end = xml.range(of: "</body>")?.lowerBound ?? xml.endIndex
        return starts.enumerated().map { i, s in
            let stop = i + 1 < starts.count ? starts[i + 1].0 : end
            return DocumentSlice(id: s.1, n: s.2, text: xml[s.0..<stop])
        }
    }

    /// The `@n` of every `<note>` start tag that has one, in order.
    static func numberedNotes(_ text: Substring) -> [String] {
        var out: [String] = []
        var cursor = text.startIndex
        while let open = text[cursor...].firstRange(of: "<note") {
            guard let close = text[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = text[open.lowerBound...close]
            let next = tag.dropFirst(5).first
            if next == " " || next == "\n" || next == ">", let n = attribute("n", in: tag) { out.append(n) }
            cursor = close
        }
        return out
    }

    /// The value of attribute `name` in a start tag's text (preceded by white space).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        for sep in [" ", "\n", "\t"] {
            if let r = tag.range(of: sep + name + "=\"") {
                let rest = tag[r.upperBound...]
                if let q = rest.firstIndex(of: "\"") { return String(rest[..<q]) }
            }
        }
        return nil
    }

    /// The number of start tags `<element … attribute=…>` between two markers of the text.
    static func countTags(_ element: String, with attribute: String, in text: Substring) -> Int {
        var count = 0
        var cursor = text.startIndex
        while let open = text[cursor...].firstRange(of: "<" + element) {
            guard let close = text[open.upperBound...].firstIndex(of: ">") else { break }
            let tag = text[open.lowerBound...close]
            let next = tag.dropFirst(element.count + 1).first
            if next == " " || next == "\n", self.attribute(attribute, in: tag) != nil { count += 1 }
            cursor = close
        }
        return count
    }
}

extension Document {
    /// Everything a reader can read of the document: title, body, then footnotes.
    var fullText: String {
        ([title, bodyText] + footnotes.map(\.plainText)).joined(separator: "\n")
    }
}

enum FrusTestSupportTemp {
    static func folder() throws -> String { try Fixtures.temporaryFolder("frusread-tei").path }
}

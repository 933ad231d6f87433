import Foundation
import FrusModel
import FrusPlainText
import FrusTestSupport

/// Reads a plain-text document from a string, as the corpus loader would read a file.
func importText(_ text: String, volume: String = "frus1981-88v05") throws -> PlainTextImporter.Result {
    try PlainTextImporter.read(Array(text.utf8), path: "test.txt", volumeID: volume)
}

func importSeed(_ url: URL) throws -> PlainTextImporter.Result {
    let data = try Data(contentsOf: url)
    return try PlainTextImporter.read([UInt8](data), path: url.path, volumeID: "frus1981-88v05")
}

extension Array where Element == Inline {
    /// A compact rendering for assertions: markers as ⟨N⟩, page breaks as ⟦N⟧, links as {label→kind}.
    var sketch: String {
        map { inline -> String in
            switch inline {
            case .text(let s): return s
            case .styled(_, let c), .mention(_, let c): return c.sketch
            case .footnoteRef(let n): return "⟨\(n)⟩"
            case .pageBreak(let p): return "⟦\(p)⟧"
            case .lineBreak: return "⏎"
            case .link(let t, let c): return "{\(c.sketch)→\(t.kind)}"
            }
        }.joined()
    }
}

extension Block {
    var sketch: String {
        switch self {
        case .paragraph(let i, _): return "P: " + i.sketch
        case .heading(let i): return "H: " + i.sketch
        case .dateline(let i): return "DATE: " + i.sketch
        case .salutation(let i): return "SAL: " + i.sketch
        case .closer(let i): return "SIG: " + i.sketch
        case .editorialNote(let i): return "NOTE: " + i.sketch
        case .attachment(let a): return "ATT[\(a.label.sketch)|\(a.heading.sketch)]{" + a.blocks.map(\.sketch).joined(separator: " / ") + "}"
        case .list(_, let items): return "LIST: " + items.map { $0.map(\.sketch).joined(separator: " ") }.joined(separator: " | ")
        case .quote(let b): return "Q: " + b.map(\.sketch).joined(separator: " / ")
        case .table: return "TABLE"
        case .container(let n, let b): return "\(n): " + b.map(\.sketch).joined(separator: " / ")
        }
    }
}

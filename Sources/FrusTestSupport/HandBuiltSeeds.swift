import Foundation
import FrusModel

/// The two seed documents built by hand-rolled code, for tests of the reader while the real
/// plain-text importer is not yet merged. It knows only what the seeds hold: the title with its
/// source-note marker, a "•" subject line, paragraphs, glued footnote markers running 1, 2, 3…,
/// "[Page N]" tags, one attachment heading, salutations and signatures, footnotes at the end,
/// "See Document N." and "See footnote F, Document N." cross-references.
public enum HandBuiltSeeds {
    public static let volumeID = "frus1981-88v05"

    /// A corpus of one volume holding documents 168 and 175 (in that order), plus `extra`.
    public static func corpus(extra: [Document] = []) -> Corpus {
        let docs = ([try! document(at: Fixtures.seed168), try! document(at: Fixtures.seed175)] + extra)
            .sorted { (Int($0.number) ?? 0) < (Int($1.number) ?? 0) }
        return Corpus(volumes: [Volume(
            id: volumeID,
            title: "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986",
            documents: docs)])
    }

    public static func document(at url: URL) throws -> Document {
        try document(text: String(contentsOf: url, encoding: .utf8))
    }

    public static func document(text: String) -> Document {
        var lines = text.components(separatedBy: "\n")
        // Footnotes: the trailing "  N. text" lines.
        var notes: [Footnote] = []
        while let last = lines.last {
            if last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast(); continue }
            guard last.hasPrefix("  "), let (n, body) = numbered(last.trimmingCharacters(in: .whitespaces)) else { break }
            notes.insert(Footnote(number: n, blocks: [.paragraph(noteInlines(body), .normal)]), at: 0)
            lines.removeLast()
        }
        var next = 1
        let first = lines.removeFirst()
        let (number, rest) = numbered(first)!
        let titleInlines = inlines(rest, next: &next)
        var subject: String?
        var blocks: [Block] = []
        var attachment: (heading: [Inline], blocks: [Block])?
        var paragraphs: [String] = []
        var current = ""
        for line in lines + [""] {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = "" }
            } else {
                current += current.isEmpty ? line : " " + line
            }
        }
        for raw in paragraphs {
            let p = raw.trimmingCharacters(in: .whitespaces)
            if p.hasPrefix("•") { subject = String(p.dropFirst()).trimmingCharacters(in: .whitespaces); continue }
            let block: Block
            if p.hasPrefix("Letter From") {
                attachment = (inlines(p, next: &next), [])
                continue
            } else if p.hasPrefix("Dear ") {
                block = .salutation(inlines(p, next: &next))
            } else if p == "M. Gorbachev" || p == "Ronald Reagan" {
                block = .closer(inlines(p, next: &next))
            } else {
                block = .paragraph(inlines(p, next: &next), .normal)
            }
            if attachment != nil { attachment!.blocks.append(block) } else { blocks.append(block) }
        }
        if let a = attachment { blocks.append(.attachment(Attachment(heading: a.heading, blocks: a.blocks))) }
        return Document(volumeID: volumeID, number: String(number), titleInlines: titleInlines,
                        subject: subject, blocks: blocks, footnotes: notes)
    }

    /// "175. Title" → (175, "Title").
    static func numbered(_ s: String) -> (Int, String)? {
        guard let dot = s.firstIndex(of: "."), let n = Int(s[..<dot]) else { return nil }
        return (n, String(s[s.index(after: dot)...]).trimmingCharacters(in: .whitespaces))
    }

    /// Text with "[Page N]" tags and glued markers (the next expected number at a word's end).
    static func inlines(_ s: String, next: inout Int) -> [Inline] {
        var out: [Inline] = []
        var text = ""
        var rest = Substring(s)
        func flush() { if !text.isEmpty { out.append(.text(text)); text = "" } }
        while !rest.isEmpty {
            if rest.hasPrefix("[Page "), let close = rest.firstIndex(of: "]") {
                flush()
                out.append(.pageBreak(String(rest[rest.index(rest.startIndex, offsetBy: 6)..<close])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            let marker = String(next)
            if rest.hasPrefix(marker), let prev = text.last, !prev.isNumber,
                rest.dropFirst(marker.count).first.map({ $0 == " " }) ?? true,
                prev != " " || rest.count == marker.count
            {
                if prev == " " { text.removeLast() }
                flush()
                out.append(.footnoteRef(next))
                next += 1
                rest = rest.dropFirst(marker.count)
                continue
            }
            text.append(rest.removeFirst())
        }
        flush()
        return out
    }

    static func noteInlines(_ s: String) -> [Inline] {
        if s.hasPrefix("See Document "), let n = Int(s.dropFirst(13).dropLast()) {
            return [.text("See "), .link(.document(volume: volumeID, number: String(n)), [.text("Document \(n)")]), .text(".")]
        }
        if s.hasPrefix("See footnote ") {
            // "See footnote 3, Document 136."
            let parts = s.dropFirst(13).dropLast().components(separatedBy: ", Document ")
            if parts.count == 2, let f = Int(parts[0]), let d = Int(parts[1]) {
                return [.text("See "), .link(.footnote(volume: volumeID, document: String(d), footnote: f),
                                             [.text("footnote \(f), Document \(d)")]), .text(".")]
            }
        }
        return [.text(s)]
    }
}

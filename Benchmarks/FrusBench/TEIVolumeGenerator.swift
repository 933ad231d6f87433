import Foundation

/// Makes a full-size TEI volume from the shared partial one (documents 130–175): the body is
/// repeated, each copy with its documents, footnotes and pages renumbered, and the references
/// between the copied documents renumbered the same way, so every copy is a consistent set of
/// documents (copy k's "#d168" points at copy k's Document 168).
struct TEIVolumeGenerator {
    /// The partial volume's bytes.
    let source: [UInt8]
    /// The document numbers the body holds (130…175) and the span of pages it covers.
    var firstDocument = 130
    var lastDocument = 175
    var pageShift = 250
    var sourceID = "frus1981-88v05"

    init(source: [UInt8]) { self.source = source }

    /// A volume of at least `minimumBytes`, with id `volumeID`.
    func generate(minimumBytes: Int, volumeID: String) throws -> [UInt8] {
        guard let bodyStart = find(Array("<body>".utf8), from: 0).map({ $0 + 6 }),
            let bodyEnd = find(Array("</body>".utf8), from: bodyStart)
        else { throw GeneratorError.notAVolume }
        let prefix = replacingAll(Array(source[..<bodyStart]), Array(sourceID.utf8), Array(volumeID.utf8))
        let body = Array(source[bodyStart..<bodyEnd])
        let suffix = Array(source[bodyEnd...])
        let copies = max(1, Int((Double(minimumBytes - prefix.count - suffix.count) / Double(body.count)).rounded(.up)))
        var out = prefix
        out.reserveCapacity(prefix.count + copies * (body.count + 64) + suffix.count)
        for k in 0..<copies { out += renumbered(body, copy: k) }
        out += suffix
        return out
    }

    enum GeneratorError: Error, CustomStringConvertible {
        case notAVolume
        var description: String { "the source is not a TEI volume with a <body>" }
    }

    /// The body with copy `k`'s numbers: documents shifted by k × (number of documents),
    /// pages by k × `pageShift`, chapter ids suffixed.
    private func renumbered(_ body: [UInt8], copy k: Int) -> [UInt8] {
        if k == 0 { return body }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 4096)
        var i = 0
        while i < body.count {
            guard body[i] == UInt8(ascii: "<"), let end = body[i...].firstIndex(of: UInt8(ascii: ">")) else {
                out.append(body[i]); i += 1; continue
            }
            let tag = String(decoding: body[i...end], as: UTF8.self)
            out += Array(rewriteTag(tag, copy: k).utf8)
            i = end + 1
        }
        return out
    }

    private func rewriteTag(_ tag: String, copy k: Int) -> String {
        let documentShift = k * (lastDocument - firstDocument + 1)
        if tag.hasPrefix("<div") {
            if tag.contains("type=\"document\"") {
                return rewriteAttributes(tag) { name, value in
                    switch name {
                    case "n": return shiftNumber(value, by: documentShift)
                    case "xml:id": return shiftDocumentRef(value, by: documentShift)
                    default: return value
                    }
                }
            }
            return rewriteAttributes(tag) { name, value in name == "xml:id" ? "\(value)-\(k)" : value }
        }
        if tag.hasPrefix("<note") {
            return rewriteAttributes(tag) { name, value in
                name == "xml:id" ? shiftDocumentRef(value, by: documentShift) : value
            }
        }
        if tag.hasPrefix("<pb") {
            return rewriteAttributes(tag) { name, value in
                switch name {
                case "n": return shiftNumber(value, by: k * pageShift)
                case "xml:id" where value.hasPrefix("pg_"):
                    return "pg_" + shiftNumber(String(value.dropFirst(3)), by: k * pageShift)
                default: return value
                }
            }
        }
        if tag.hasPrefix("<ref") {
            return rewriteAttributes(tag) { name, value in
                guard name == "target", value.hasPrefix("#") else { return value }
                let fragment = String(value.dropFirst())
                if fragment.hasPrefix("pg_") {
                    return "#pg_" + shiftNumber(String(fragment.dropFirst(3)), by: k * pageShift)
                }
                return "#" + shiftDocumentRef(fragment, by: documentShift)
            }
        }
        return tag
    }

    /// "d168" → "d214", "d136fn3" → "d182fn3" for documents of the copied range; others unchanged.
    private func shiftDocumentRef(_ value: String, by shift: Int) -> String {
        guard value.hasPrefix("d") else { return value }
        let digits = value.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), (firstDocument...lastDocument).contains(n) else { return value }
        return "d\(n + shift)" + value.dropFirst(1 + digits.count)
    }

    private func shiftNumber(_ value: String, by shift: Int) -> String {
        guard let n = Int(value) else { return value }
        return String(n + shift)
    }

    /// Applies `change` to each `name="value"` of a start tag.
    private func rewriteAttributes(_ tag: String, _ change: (String, String) -> String) -> String {
        var out = ""
        var rest = Substring(tag)
        while let eq = rest.firstRange(of: "=\"") {
            let before = rest[..<eq.lowerBound]
            let nameStart = before.lastIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { before.index(after: $0) } ?? before.startIndex
            let name = String(before[nameStart...])
            let valueStart = eq.upperBound
            guard let close = rest[valueStart...].firstIndex(of: "\"") else { break }
            out += rest[..<valueStart]
            out += change(name, String(rest[valueStart..<close]))
            out += "\""
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= source.count else { return nil }
        var i = start
        while i + needle.count <= source.count {
            if source[i] == needle[0], Array(source[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private func replacingAll(_ bytes: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + old.count <= bytes.count, bytes[i] == old[0], Array(bytes[i..<(i + old.count)]) == old {
                out += new
                i += old.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}

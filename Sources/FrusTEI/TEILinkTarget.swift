import FrusModel

/// Turns a TEI `ref/@target` into a typed link target. Pure: one case per form seen in the
/// FRUS volumes.
///
/// | target                     | link                                              |
/// |----------------------------|---------------------------------------------------|
/// | `#d168`                    | document 168 of this volume                       |
/// | `#d136fn3`                 | footnote 3 of document 136 of this volume         |
/// | `#pg_744`                  | page 744 of this volume                           |
/// | `#ch4`, `#terms`, `#p_X_1` | a named part of this volume                       |
/// | `frus1981-88v04#d224`      | document 224 of another volume (also `…#d13fn2`)  |
/// | `frus1981-88v44p1`         | another volume as a whole                         |
/// | `d346`, `pg_12` (no `#`)   | a document or page of this volume (the `#` left out) |
/// | `https://…`, `mailto:…`    | a web address                                     |
public enum TEILinkTarget {
    /// The link for `target`, read in volume `volume`; nil when the target is empty or of
    /// no known form (the reference's text is then kept without a link).
    public static func parse(_ target: String, volume: String) -> LinkTarget? {
        // TEI allows several space-separated targets; the first one is followed.
        guard let first = target.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first
        else { return nil }
        let raw = String(first)
        let lower = raw.lowercased()
        for scheme in ["https://", "http://", "mailto:", "ftp://"] where lower.hasPrefix(scheme) {
            return raw.count > scheme.count ? .url(raw) : nil
        }
        if let hash = raw.firstIndex(of: "#") {
            let volumePart = String(raw[..<hash])
            let fragment = String(raw[raw.index(after: hash)...])
            let targetVolume = volumePart.isEmpty ? volume : volumeID(volumePart)
            guard let targetVolume else { return nil }
            if fragment.isEmpty { return .volume(targetVolume, anchor: nil) }
            return inVolume(fragment, volume: targetVolume)
        }
        // "frus1969-76v14/d12": a path form some references use.
        if let slash = raw.firstIndex(of: "/"), let v = volumeID(String(raw[..<slash])) {
            let fragment = String(raw[raw.index(after: slash)...])
            return fragment.isEmpty ? .volume(v, anchor: nil) : inVolume(fragment, volume: v)
        }
        if let v = volumeID(raw) { return .volume(v, anchor: nil) }
        // "d346" for "#d346" (a microfiche supplement's notes): an id of this volume's documents
        // or pages written without its "#".
        if isDocumentOrPageID(raw) { return inVolume(raw, volume: volume) }
        return nil
    }

    /// "d346", "d72a", "pg_12": the forms of document and page ids.
    private static func isDocumentOrPageID(_ s: String) -> Bool {
        let chars = Array(s.utf8)
        if s.hasPrefix("pg_") { return chars.count > 3 }
        guard chars.count >= 2, chars[0] == UInt8(ascii: "d"), isDigit(chars[1]) else { return false }
        return chars.allSatisfy { isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// A fragment within a volume: a document, a footnote, a page or another anchor.
    static func inVolume(_ fragment: String, volume: String) -> LinkTarget {
        let chars = Array(fragment.utf8)
        if chars.count >= 2, chars[0] == UInt8(ascii: "d"), isDigit(chars[1]) {
            // d136fn3: the last "fn" followed only by digits splits document and note.
            if let fn = lastFootnoteSplit(chars) {
                let doc = String(decoding: chars[1..<fn], as: UTF8.self)
                if let note = Int(String(decoding: chars[(fn + 2)...], as: UTF8.self)) {
                    return .footnote(volume: volume, document: doc, footnote: note)
                }
            }
            return .document(volume: volume, number: String(decoding: chars[1...], as: UTF8.self))
        }
        if fragment.hasPrefix("pg_"), fragment.count > 3 {
            return .page(volume: volume, page: String(fragment.dropFirst(3)))
        }
        return .volume(volume, anchor: fragment)
    }

    private static func lastFootnoteSplit(_ chars: [UInt8]) -> Int? {
        var i = chars.count - 1
        guard i > 0, isDigit(chars[i]) else { return nil }
        while i > 0, isDigit(chars[i]) { i -= 1 }
        // chars[i] is the "n" of "fn"
        guard i >= 2, chars[i] == UInt8(ascii: "n"), chars[i - 1] == UInt8(ascii: "f") else { return nil }
        return i - 1 > 1 ? i - 1 : nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A volume id as written in a target ("frus1981-88v04", maybe with ".xml"); nil if it
    /// does not look like one.
    static func volumeID(_ s: String) -> String? {
        var s = s
        if s.hasSuffix(".xml") { s.removeLast(4) }
        guard s.hasPrefix("frus"), s.count > 4,
            s.utf8.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")) })
        else { return nil }
        return s
    }
}

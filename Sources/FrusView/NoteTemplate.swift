#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FrusModel
import FrusReader

/// What the editor opens for a new note: one comment line saying what the note is about, then
/// room to write. The comment line is dropped when the note is saved.
enum NoteTemplate {
    static let commentStart = "<!-- frusread:"

    static func text(for request: NoteRequest) -> String {
        var about = "\(request.volume) \(request.document)"
        if !request.anchor.isEmpty { about += ", \(request.anchor)" }
        if !request.quote.isEmpty {
            let quote = request.quote.count > 80 ? request.quote.prefix(80) + "…" : Substring(request.quote)
            about += ": “\(quote.replacingOccurrences(of: "-->", with: "→"))”"
        }
        return "\(commentStart) your note on \(about). This line is dropped; an empty note is not saved. -->\n\n"
    }

    /// The edited text without the template's comment line.
    static func strip(_ edited: String) -> String {
        edited.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix(commentStart) && $0.hasSuffix("-->")) }
            .joined(separator: "\n")
    }
}

/// The time now in ISO 8601, UTC ("2026-12-05T18:40:00Z"), for marks, history and notes.
public enum ISOTime {
    public static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

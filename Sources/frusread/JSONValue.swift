import FrusLayout

/// A JSON value with keys in the order written, so that `--json` output is stable and reads in
/// the documented order (Foundation's encoder orders keys by hash on Linux).
enum JSONValue {
    case string(String)
    case int(Int)
    /// A number with a fraction (scores).
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(_ s: String?) { self = s.map(JSONValue.string) ?? .null }
    init(_ i: Int?) { self = i.map(JSONValue.int) ?? .null }

    /// Pretty-printed, two-space indent.
    func serialized(indent: Int = 0) -> String {
        var out = ""
        serialize(into: &out, indent: indent)
        return out
    }

    /// Pretty-printed into `out`: one String grows, where joining nested pieces copied an 11 MB
    /// text once per level.
    func serialize(into out: inout String, indent: Int = 0) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (n, item) in items.enumerated() {
                if n > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                item.serialize(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (n, field) in fields.enumerated() {
                if n > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                Self.quote(field.0, into: &out)
                out += ": "
                field.1.serialize(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ indent: Int) {
        for _ in 0..<indent { out += "  " }
    }

    /// A JSON string literal; control characters escaped, and the bidi controls too, so that
    /// JSON read in a terminal is as safe as the text output (`TerminalText`'s set).
    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// `quote` appended to `out`: the runs between characters to escape are copied whole, as
    /// slices of `s` (no scalar-by-scalar append, no UTF-8 validation), found on the bytes.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        var escapes: [(at: Int, length: Int, text: String)] = []
        s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            var i = 0
            while i < n {
                if i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = base[i]
                var escape: (Int, String)?
                switch b {
                case 0x22: escape = (1, "\\\"")
                case 0x5C: escape = (1, "\\\\")
                case 0x0A: escape = (1, "\\n")
                case 0x0D: escape = (1, "\\r")
                case 0x09: escape = (1, "\\t")
                case 0x00..<0x20, 0x7F: escape = (1, unicodeEscape(UInt32(b)))
                case 0xC2 where i + 1 < n && base[i + 1] >= 0x80 && base[i + 1] < 0xA0:
                    escape = (2, unicodeEscape(UInt32(base[i + 1])))
                case 0xE2 where i + 2 < n:
                    let v = 0x2000 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                    if base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80, TerminalText.isBidiControl(v) {
                        escape = (3, unicodeEscape(v))
                    }
                default: break
                }
                if let (length, text) = escape {
                    escapes.append((i, length, text))
                    i += length
                } else {
                    i += 1
                }
            }
        }
        let utf8 = s.utf8
        var copied = 0
        for e in escapes {
            if e.at > copied { out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: copied)..<utf8.index(utf8.startIndex, offsetBy: e.at)]) }
            out += e.text
            copied = e.at + e.length
        }
        if copied < utf8.count { out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: copied)...]) }
        out += "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Whether one of the 8 bytes is below 0x20, `"`, `\\`, DEL, or the lead byte C2 or E2 of a
    /// C1 or bidi control (exact: no false negative).
    @inline(__always)
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return TerminalText.mayHoldControl(w) || hasZeroByte(w ^ (ones &* 0x22)) || hasZeroByte(w ^ (ones &* 0x5C))
    }
}

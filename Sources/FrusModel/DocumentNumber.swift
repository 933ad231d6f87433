/// Document numbers as a reader types them. Most are digits ("175"), but some are not: a
/// microfiche supplement's "ETA–1" (an en dash, which no keyboard has), a front-matter page
/// "XIII", an appendix "A". A number typed with a hyphen for the dash, or in the other case,
/// still finds its document when no document has exactly what was typed.
public enum DocumentNumber {
    /// `number` with every dash or hyphen variant a hyphen-minus, letters lowercased and the
    /// spaces around it gone: the form two spellings of one number share.
    public static func folded(_ number: String) -> String {
        var out = ""
        for scalar in number.trimmingSpaces.unicodeScalars {
            switch scalar.value {
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.unicodeScalars.append("-")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.lowercased()
    }
}

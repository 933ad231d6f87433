/// The parts of a FRUS volume id, for citations: "frus1981-88v05" is years 1981–1988,
/// volume V; "frus1952-54v02p1" adds part 1; "frus1969-76ve15p2" is an electronic-only
/// volume E–15. Ids of other shapes (early annual volumes, supplements) have no parts and
/// are cited by the id itself.
public struct VolumeID: Sendable, Hashable {
    public let raw: String
    /// "1981–1988" (en dash), or "1945" for single-year volumes.
    public let years: String?
    /// "V", "E–15"
    public let volume: String?
    /// "1" for "p1"
    public let part: String?

    public init(_ raw: String) {
        self.raw = raw
        var years: String?
        var volume: String?
        var part: String?
        // frus YYYY [-YY|-YYYY] v [e] NN [p N]
        let chars = Array(raw)
        var i = 0
        func digits() -> String {
            var s = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { s.append(chars[i]); i += 1 }
            return s
        }
        if raw.hasPrefix("frus") {
            i = 4
            let first = digits()
            if first.count == 4 {
                var y = first
                if i < chars.count, chars[i] == "-" {
                    i += 1
                    let second = digits()
                    if second.count == 2 { y += "–" + String(first.prefix(2)) + second }
                    else if second.count == 4 { y += "–" + second }
                    else { y = "" }
                }
                if !y.isEmpty, i < chars.count, chars[i] == "v" {
                    i += 1
                    var electronic = false
                    if i < chars.count, chars[i] == "e" { electronic = true; i += 1 }
                    let v = digits()
                    if let n = Int(v), !v.isEmpty {
                        var p: String?
                        if i < chars.count, chars[i] == "p" {
                            i += 1
                            let pd = digits()
                            if !pd.isEmpty { p = String(Int(pd) ?? 0) }
                        }
                        if i == chars.count {
                            years = y
                            volume = electronic ? "E–\(n)" : Roman.numeral(n)
                            part = p
                        }
                    }
                } else if !y.isEmpty, i == chars.count {
                    years = y
                }
            }
        }
        self.years = years
        self.volume = volume
        self.part = part
    }

    /// "FRUS, 1981–1988, vol. V" (", pt. 1" when there is a part); nil for ids of other shapes.
    public var citation: String? {
        guard let years else { return nil }
        var s = "FRUS, \(years)"
        if let volume { s += ", vol. \(volume)" }
        if let part { s += ", pt. \(part)" }
        return s
    }

    /// The id for "Foreign Relations, 1981–1988, vol. IV": years as printed, the volume as a roman
    /// numeral, an optional part. Nil when the parts do not make an id.
    public static func make(firstYear: Int, lastYear: Int?, volume: String, part: Int? = nil) -> String? {
        guard (1861...2100).contains(firstYear), let n = Roman.value(volume) ?? Int(volume), n > 0 else { return nil }
        var id = "frus\(firstYear)"
        if let lastYear, lastYear != firstYear {
            guard lastYear > firstYear else { return nil }
            id += lastYear / 100 == firstYear / 100
                ? "-" + String(String(lastYear).suffix(2)) : "-\(lastYear)"
        }
        id += "v" + (n < 10 ? "0\(n)" : "\(n)")
        if let part { id += "p\(part)" }
        return id
    }
}

/// Roman numerals for volume numbers.
public enum Roman {
    private static let table: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    public static func numeral(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        var n = n
        var s = ""
        for (v, r) in table { while n >= v { s += r; n -= v } }
        return s
    }

    /// The value of a roman numeral ("XIV" → 14), nil if it is not one.
    public static func value(_ s: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        let chars = Array(s.uppercased())
        guard !chars.isEmpty else { return nil }
        var total = 0
        for (i, c) in chars.enumerated() {
            guard let v = values[c] else { return nil }
            if i + 1 < chars.count, let next = values[chars[i + 1]], next > v { total -= v } else { total += v }
        }
        return numeral(total) == String(chars) ? total : nil
    }
}

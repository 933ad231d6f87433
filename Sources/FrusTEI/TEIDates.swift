import FrusModel

/// Dates as FRUS TEI writes them, of every era: `when="1894-03-08"`, month-only
/// `when="1962-09"`, a year, full timestamps with odd offsets (`1945-02-11T12:00:00-05:19`,
/// local mean time), `from`/`to` ranges and `notBefore`/`notAfter` with or without a zone.
/// Pure and shared: the importer uses it for datelines, and for `frus:doc-dateTime-min/max`.
public enum TEIDates {
    /// The value if it is an ISO 8601 date the model can carry (year, year-month, day, or a
    /// timestamp with an optional zone), trimmed; nil for anything else ("undated", "").
    public static func normalize(_ value: String?) -> String? {
        guard let value = value?.trimmingSpaces, !value.isEmpty else { return nil }
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        }
        func byte(_ i: Int, _ c: Character) -> Bool { i < bytes.count && bytes[i] == c.asciiValue! }
        guard digits(0..<4) else { return nil }
        if bytes.count == 4 { return value }
        guard byte(4, "-"), digits(5..<7), let month = Int(value.dropFirst(5).prefix(2)), (1...12).contains(month)
        else { return nil }
        if bytes.count == 7 { return value }
        guard byte(7, "-"), digits(8..<10), let day = Int(value.dropFirst(8).prefix(2)), (1...31).contains(day)
        else { return nil }
        if bytes.count == 10 { return value }
        // A time: hh:mm[:ss[.fff]], then Z or ±hh:mm (any minutes: -05:19 is a real offset).
        guard byte(10, "T"), digits(11..<13), byte(13, ":"), digits(14..<16) else { return nil }
        var i = 16
        if byte(i, ":") {
            guard digits((i + 1)..<(i + 3)) else { return nil }
            i += 3
            if byte(i, ".") {
                i += 1
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            }
        }
        if i == bytes.count { return value }
        if byte(i, "Z"), i + 1 == bytes.count { return value }
        if byte(i, "+") || byte(i, "-"), digits((i + 1)..<(i + 3)), byte(i + 3, ":"), digits((i + 4)..<(i + 6)),
            i + 6 == bytes.count
        {
            return value
        }
        return nil
    }

    /// A TEI `date` element's attributes as (start, end): `when` alone, else `from`/`to`,
    /// else `notBefore`/`notAfter`; `end` is nil when it equals `start` or is absent.
    public static func range(
        when: String?, from: String?, to: String?, notBefore: String?, notAfter: String?
    ) -> (start: String, end: String?)? {
        if let when = normalize(when) { return (when, nil) }
        let start = normalize(from) ?? normalize(notBefore)
        let end = normalize(to) ?? normalize(notAfter)
        guard let first = start ?? end else { return nil }
        let last = start == nil ? nil : end
        return (first, last == first ? nil : last)
    }

    /// The year a date begins with.
    public static func year(_ date: String) -> Int? { Int(date.prefix(4)) }

    /// The years a volume covers, from its id: "frus1894Nicaragua" → 1894…1894,
    /// "frus1981-88v05" → 1981…1988, "frus1961-63v07-09mSupp" → 1961…1963,
    /// "frus1917-72PubDipv02" → 1917…1972. Nil when the id names no years.
    public static func coverage(ofVolume id: String) -> ClosedRange<Int>? {
        guard id.hasPrefix("frus") else { return nil }
        let rest = Array(id.utf8.dropFirst(4))
        func number(_ from: Int) -> (value: Int, end: Int) {
            var i = from
            var n = 0
            while i < rest.count, rest[i] >= 0x30, rest[i] <= 0x39 {
                // Only 2 or 4 digits make a year; a longer run is counted, not added up (a run of
                // 20 digits overflowed: found by fuzzing).
                if n < 100_000 { n = n * 10 + Int(rest[i] - 0x30) }
                i += 1
            }
            return (n, i)
        }
        let first = number(0)
        guard first.end == 4 else { return nil }
        guard first.end < rest.count, rest[first.end] == UInt8(ascii: "-") else { return first.value...first.value }
        let second = number(first.end + 1)
        let digits = second.end - first.end - 1
        guard digits == 2 || digits == 4 else { return first.value...first.value }
        // "1981-88": the second year shares the century of the first (1999-2000 crosses it).
        var last = digits == 4 ? second.value : first.value / 100 * 100 + second.value
        if last < first.value { last += 100 }
        // A second year before the first even so ("frus1999-0000", a damaged id): only the
        // first is known (found by fuzzing: the range crashed).
        guard last >= first.value else { return first.value...first.value }
        return first.value...last
    }

    /// How far outside a volume's years a document's date may fall and still be believed: a
    /// volume prints papers written well before or after the years of its title (background,
    /// retrospective compilations), so only a date generations away (1804 in an 1894 volume)
    /// is taken for a slip of the source.
    public static let coverageMargin = 30

    /// Whether a source date can be taken as a document's date in volume `volumeID`: its
    /// year within the volume's years (± `coverageMargin`). A date such as 1804-07-06 in an
    /// 1894 volume is a slip of the source: its text is kept, the date is not used.
    public static func isPlausible(_ date: String, inVolume volumeID: String) -> Bool {
        guard let years = coverage(ofVolume: volumeID) else { return true }
        guard let year = year(date) else { return false }
        return year >= years.lowerBound - coverageMargin && year <= years.upperBound + coverageMargin
    }
}

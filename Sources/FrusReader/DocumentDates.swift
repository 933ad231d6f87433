import FrusModel

/// Document dates as the reader shows and compares them: the ISO day ("1986-01-14") of the
/// model's ISO 8601 date or timestamp.
public enum DocumentDates {
    /// "1986-01-14"; a range "1986-01-14–01-16" (same year) or "1985-12-30–1986-01-02"; nil when
    /// the date is unknown.
    public static func display(_ date: String?, _ end: String? = nil) -> String? {
        guard let date, let start = isoDay(date) else { return nil }
        guard let end, let last = isoDay(end), last != start else { return start }
        return start.prefix(5) == last.prefix(5) ? start + "–" + last.dropFirst(5) : start + "–" + last
    }

    /// The day part of an ISO 8601 date or timestamp ("1986-01-14T10:00:00-05:00" → "1986-01-14");
    /// a month or year alone stays as it is ("1986-01").
    static func isoDay(_ text: String) -> String? {
        let iso = String(text.prefix(10))
        return Self.day(iso) != nil ? iso : nil
    }

    /// Days since 1970-01-01 of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a timestamp's day), for
    /// ordering and nearest-date look-up; nil when it is not such a date.
    public static func day(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : 1
        let d = parts.count > 2 ? Int(parts[2]) : 1
        guard let m, let d, (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

extension ReaderState {
    /// `:date 1985-11-19`: the document of the current volume nearest that date (the earlier
    /// one on a tie); front and back matter are not candidates.
    mutating func openNearestDate(_ text: String) {
        guard let target = DocumentDates.day(text) else {
            message = StatusMessage("Not a date: “\(text)” (try :date 1985-11-19, :date 1985-11).", kind: .error)
            return
        }
        guard let doc = document, let volume = corpus.volume(doc.volumeID) else {
            message = StatusMessage("No volume is open.", kind: .error)
            return
        }
        var best: (doc: Document, distance: Int)?
        for d in volume.documents where d.kind == .document {
            guard let date = d.date, let day = DocumentDates.day(date) else { continue }
            // A dated range counts as near as its nearer end.
            let endDay = d.dateEnd.flatMap(DocumentDates.day) ?? day
            let distance = target < day ? day - target : (target > endDay ? target - endDay : 0)
            if best == nil || distance < best!.distance { best = (d, distance) }
        }
        guard let best else {
            message = StatusMessage("No document of this volume has a date.", kind: .error)
            return
        }
        jump(to: volume.id, best.doc.number, landing: .top)
        let when = DocumentDates.display(best.doc.date, best.doc.dateEnd) ?? ""
        message = StatusMessage(best.distance == 0 ? "\(best.doc.number): \(when)" : "Nearest to \(text): \(best.doc.number), \(when)")
    }
}

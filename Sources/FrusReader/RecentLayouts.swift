import FrusLayout
import FrusModel

/// The layouts of the last few documents shown, at the widths they were laid out for: going
/// back, forward or to a neighbouring document again shows it without laying it out again
/// (a 10-page document with its footnotes takes about half a millisecond). Only layouts are
/// kept — what the link navigator says of other volumes can change as they are read, so it is
/// made anew each time.
struct RecentLayouts: Sendable {
    struct Entry: Sendable {
        var volume: String
        var number: String
        var documentLayout: LaidOutText
        var footnoteLayout: LaidOutText
        var selectables: [Selectable]
    }

    /// A few documents: what back, forward and `]`/`[` come back to; ~100 KB each.
    static let capacity = 8
    private var entries: [Entry] = []

    /// The layouts of document `number` of `volume` at these widths, if kept.
    func find(volume: String, number: String, documentWidth: Int, footnoteWidth: Int) -> Entry? {
        entries.first {
            $0.volume == volume && $0.number == number && $0.documentLayout.width == documentWidth
                && $0.footnoteLayout.width == footnoteWidth
        }
    }

    /// Keeps `view`'s layouts, most recent first, forgetting the oldest beyond `capacity`.
    mutating func remember(_ view: DocumentView) {
        let d = view.document
        entries.removeAll { $0.volume == d.volumeID && $0.number == d.number }
        entries.insert(
            Entry(volume: d.volumeID, number: d.number, documentLayout: view.documentLayout,
                  footnoteLayout: view.footnoteLayout, selectables: view.selectables),
            at: 0)
        if entries.count > Self.capacity { entries.removeLast(entries.count - Self.capacity) }
    }

    var count: Int { entries.count }
}

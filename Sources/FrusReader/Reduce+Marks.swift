import FrusModel

/// The marks (`M`) and history (`H`) overlays: a list with one row selected.
public struct MemoryListState: Sendable, Hashable {
    public var selection = 0
    /// The first row shown.
    public var scroll = 0
    public init(selection: Int = 0) { self.selection = selection }
}

/// Marks, as in vim and less: `m` + letter remembers the place (volume, document, scroll,
/// selection), `'` + letter goes back to it as a jump, `''` returns to where the last jump
/// started. They last across sessions (saved by the app, see `takeMemoryUpdate`).
extension ReaderState {
    /// `m` or `'`: the next key names the mark.
    mutating func startMarkKey(_ kind: MarkKey) {
        memory.pendingMarkKey = kind
        message = StatusMessage(kind == .set ? "m: a letter to mark this place" : "': a letter to go to its mark ('' back)")
    }

    /// The key after `m` or `'`.
    mutating func markKey(_ key: Key) {
        guard let kind = memory.pendingMarkKey else { return }
        memory.pendingMarkKey = nil
        guard case .char(let c) = key else {
            if key != .escape { message = StatusMessage("Not a mark: marks are letters (a–z, A–Z).", kind: .error) }
            return
        }
        if kind == .jump, c == "'" || c == "`" {
            jumpBackToJumpStart()
            return
        }
        guard c.isASCII, c.isLetter else {
            message = StatusMessage("Not a mark: “\(c)”; marks are letters (a–z, A–Z).", kind: .error)
            return
        }
        let letter = String(c)
        switch kind {
        case .set: setMark(letter)
        case .jump: jumpToMark(letter)
        }
    }

    mutating func setMark(_ letter: String) {
        guard let here = place, let doc = document else { return }
        let mark = Mark(place: here.reading, title: doc.numberedTitle, date: doc.date, set: memory.clock())
        memory.marks[letter] = mark
        memory.unsavedMarks[letter] = .some(mark)
        message = StatusMessage("Mark \(letter) set: \(doc.numberedTitle), line \(scroll + 1) · '\(letter) returns here")
    }

    mutating func jumpToMark(_ letter: String) {
        guard let mark = memory.marks[letter] else {
            message = StatusMessage("No mark \(letter) (m\(letter) sets it; M lists the marks).", kind: .error)
            return
        }
        jump(toPlace: Place(mark.place))
    }

    /// `''`: back to where the last jump started; itself a jump, so `''` again returns.
    mutating func jumpBackToJumpStart() {
        guard let target = memory.lastJumpStart else {
            message = StatusMessage("No jump yet: '' returns to where the last jump started.")
            return
        }
        jump(toPlace: target)
    }

    /// A jump to an exact place (a mark, a history entry): recorded in back/forward like any
    /// other jump.
    mutating func jump(toPlace target: Place) {
        guard corpus.openDocument(volume: target.volume, number: target.number) != nil else {
            message = unavailable(target.volume, target.number)
            return
        }
        if let here = place {
            back.append(here)
            forward.removeAll()
            memory.lastJumpStart = here
        }
        restore(target)
    }

    // MARK: - The marks overlay

    /// The marks, by letter (lowercase first, as vim lists them).
    public var sortedMarks: [(letter: String, mark: Mark)] {
        memory.marks.sorted { a, b in
            let (la, lb) = (a.key.first?.isLowercase == true, b.key.first?.isLowercase == true)
            return la != lb ? la : a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    mutating func openMarks() {
        guard !memory.marks.isEmpty else {
            message = StatusMessage("No marks yet: m and a letter marks the place.")
            return
        }
        overlays.append(.marks(MemoryListState()))
    }

    /// Rows the marks and history overlays show at once.
    public var memoryListHeight: Int { max(1, screen.height - 6) }

    mutating func moveInMemoryList(_ delta: Int) {
        switch topOverlay {
        case .marks(var s)?:
            s.move(delta, count: memory.marks.count, height: memoryListHeight)
            overlays[overlays.count - 1] = .marks(s)
        case .history(var s)?:
            s.move(delta, count: memory.history.count, height: memoryListHeight)
            overlays[overlays.count - 1] = .history(s)
        default: break
        }
    }

    mutating func openSelectedMemoryEntry() {
        switch topOverlay {
        case .marks(let s)?:
            let marks = sortedMarks
            guard marks.indices.contains(s.selection) else { return }
            overlays.removeLast()
            jump(toPlace: Place(marks[s.selection].mark.place))
        case .history(let s)?:
            // Newest first on the screen.
            let entries = memory.history.reversed().map { $0 }
            guard entries.indices.contains(s.selection) else { return }
            overlays.removeLast()
            let visit = entries[s.selection]
            jump(to: visit.volume, visit.document, landing: .top)
        default: break
        }
    }

    /// `d` in the marks overlay.
    mutating func deleteSelectedMark() {
        guard case .marks(var s)? = topOverlay else { return }
        let marks = sortedMarks
        guard marks.indices.contains(s.selection) else { return }
        let letter = marks[s.selection].letter
        memory.marks[letter] = nil
        memory.unsavedMarks[letter] = .some(nil)
        message = StatusMessage("Mark \(letter) deleted.")
        if memory.marks.isEmpty {
            overlays.removeLast()
            return
        }
        s.move(0, count: memory.marks.count, height: memoryListHeight)
        overlays[overlays.count - 1] = .marks(s)
    }

    mutating func openHistory() {
        guard !memory.history.isEmpty else {
            message = StatusMessage("No history yet.")
            return
        }
        // The newest entry is the document open now: the one before it is selected.
        overlays.append(.history(MemoryListState(selection: memory.history.count > 1 ? 1 : 0)))
    }
}

extension MemoryListState {
    mutating func move(_ delta: Int, count: Int, height: Int) {
        guard count > 0 else { return }
        selection = min(max(0, selection + delta), count - 1)
        if selection < scroll { scroll = selection }
        if selection >= scroll + height { scroll = selection - height + 1 }
        scroll = min(max(0, scroll), max(0, count - 1))
    }
}

/// Keys in the marks and history overlays.
enum MemoryKeys {
    static func action(for key: Key, in state: ReaderState) -> Action? {
        let page = max(1, state.memoryListHeight - 1)
        switch key {
        case .escape, .char("q"): return .cancel
        case .enter: return .openSelectedMemoryEntry
        case .down, .char("j"), .tab, .ctrl("n"): return .moveInMemoryList(1)
        case .up, .char("k"), .backTab, .ctrl("p"): return .moveInMemoryList(-1)
        case .pageDown, .char(" "), .char("f"): return .moveInMemoryList(page)
        case .pageUp, .char("b"): return .moveInMemoryList(-page)
        case .home, .char("g"): return .moveInMemoryList(-Int(Int32.max))
        case .end, .char("G"): return .moveInMemoryList(Int(Int32.max))
        case .char("d"), .delete:
            if case .marks? = state.topOverlay { return .deleteSelectedMark }
            return nil
        case .ctrl("l"): return .redraw
        default: return nil
        }
    }
}

import FrusModel

/// Shapes of older and special volumes: attachment openers before heads, dates in datelines,
/// images, the catalogue entries of microfiche supplements, unknown elements.
extension TEIBuilder {
    /// Whether blocks now go into a list (its items).
    var receivesListItems: Bool {
        guard blockTarget >= 0, case .list = frames[blockTarget].role else { return false }
        return true
    }

    /// Lines of an attachment before its head ("[Inclosure 1 in No. 12.]", an `opener`) are
    /// its label, drawn above the head as printed; an attachment with no head keeps them as
    /// its text.
    func takeOpenerAsLabel() {
        let blocks = frames[blockTarget].blocks
        guard !blocks.isEmpty else { return }
        var lines: [[Inline]] = []
        for block in blocks {
            switch block {
            // "[From the Times, Monday, September 19, 1870.]": a dateline before the head too.
            case .paragraph(let inlines, _), .dateline(let inlines): lines.append(inlines)
            default: return
            }
        }
        frames[blockTarget].blocks.removeAll()
        for line in lines {
            if !frames[blockTarget].label.isEmpty { frames[blockTarget].label.append(.lineBreak) }
            frames[blockTarget].label += line
        }
    }

    /// Lines of a document before its head (older volumes print the file citation there:
    /// `<note rend="inline" type="source">500.A15a3/1208: Telegram</note><head>…`) are drawn
    /// above the heading, as printed, so the text reads in the source's order. Only plain
    /// lines move (text, styles, page breaks): anything else stays in the body.
    func takeBlocksBeforeHead() {
        let blocks = frames[blockTarget].blocks
        guard !blocks.isEmpty else { return }
        var lines: [[Inline]] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines, _), .editorialNote(let inlines):
                guard Self.isPlain(inlines) else { return }
                lines.append(inlines)
            default:
                return
            }
        }
        frames[blockTarget].blocks.removeAll()
        var label: [Inline] = []
        for line in lines where !line.isEmpty {
            if !label.isEmpty { label.append(.lineBreak) }
            label += line
        }
        draft?.headLabel = label
    }

    /// Whether inlines hold only text, styles, line and page breaks.
    static func isPlain(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy { inline in
            switch inline {
            case .text, .lineBreak, .pageBreak: return true
            case .styled(_, let inner): return isPlain(inner)
            default: return false
            }
        }
    }

    /// A `date` in the document: checked against the volume's years, and taken as the
    /// document's date when it is in the document's own first dateline.
    func noteDate(_ tag: XMLStartTag) {
        guard let number = draft?.number else { return }
        guard let range = TEIDates.range(
            when: tag.attribute("when"), from: tag.attribute("from"), to: tag.attribute("to"),
            notBefore: tag.attribute("notBefore"), notAfter: tag.attribute("notAfter"))
        else { return }
        guard TEIDates.isPlausible(range.start, inVolume: volumeID) else {
            let years = TEIDates.coverage(ofVolume: volumeID).map { "\($0.lowerBound)–\($0.upperBound)" } ?? ""
            remarks.append(Diagnostic(
                .warning, "document \(number): the source's date \(range.start) lies outside the volume's years (\(years)); the text is kept, the date is not used",
                at: SourceLocation(file: path, line: location().line)))
            return
        }
        // The document's own first dateline (`inDateline` is set only for it).
        guard draft?.datelineDate == nil, draft?.inDateline == true else { return }
        draft?.datelineDate = range.start
        draft?.datelineDateEnd = range.end
    }

    /// A part of a scan's catalogue entry: the page count, or the file's address (from an
    /// attribute naming it, else from the element's text).
    func startScanPart(_ element: TEIElement, _ tag: XMLStartTag) {
        guard draft != nil else { return pushTransparent() }
        if draft?.scan == nil {
            draft?.scan = Scan()
            if blockTarget >= 0, case .document = frames[blockTarget].role {
                draft?.scanBlockIndex = frames[blockTarget].blocks.count
            }
        }
        if element == .scanPages {
            // The count as text, or in an attribute when the element is empty.
            if let n = (tag.attribute("n") ?? tag.attribute("quantity")).flatMap({ Int($0.trimmingSpaces) }) {
                draft?.scan?.pages = n
            }
            return pushCapture(.scanPages)
        }
        let fromPDF = element == .scanPDF
        let address = tag.attribute("url") ?? tag.attribute("href") ?? tag.attribute("target")
            ?? tag.attribute("src") ?? tag.attribute("facs")
        if let address { setScanAddress(address, fromPDF: fromPDF) }
        if fromPDF {
            // `<frus:pdf bytes="294624" readable="288 KB"/>`: the PDF exists, at the place
            // history.state.gov keeps every document's PDF (finishDocument).
            if address == nil { draft?.scanPDFWithoutAddress = true }
            if let size = tag.attribute("readable")?.trimmingSpaces, !size.isEmpty { draft?.scanPDFSize = size }
        }
        pushCapture(.scanAddress(fromPDF: fromPDF))
    }

    /// A PDF's address wins over a file's.
    func setScanAddress(_ address: String, fromPDF: Bool) {
        let address = address.trimmingSpaces
        guard !address.isEmpty, draft?.scan != nil else { return }
        if fromPDF || draft?.scan?.address == nil { draft?.scan?.address = address }
    }

    func finishScanCapture(_ kind: CaptureKind, text: String) {
        switch kind {
        case .scanPages:
            let digits = text.filter(\.isNumber)
            if let pages = Int(digits), !digits.isEmpty { draft?.scan?.pages = pages }
            if !text.isEmpty, text != digits { draft?.scanPagesText = text }
        case .scanAddress(let fromPDF):
            setScanAddress(text, fromPDF: fromPDF)
            if !text.isEmpty { draft?.scanTexts.append(text) }
        default:
            break
        }
    }

    /// Where history.state.gov keeps a document's PDF (hsg-shell's `frus:exists-doc-pdf`:
    /// `static.history.state.gov/frus/VOLUME/pdf/ID.pdf`), for a `frus:pdf` naming no address.
    static func scanPDFAddress(volume: String, id: String) -> String {
        "https://static.history.state.gov/frus/\(volume)/pdf/\(id).pdf"
    }

    /// The block that shows a scan's catalogue entry: "71 pages, scanned: <address>", the
    /// address a link when it is a web address.
    static func scanBlock(_ scan: Scan, pagesText: String?, texts: [String]) -> Block {
        var inlines: [Inline] = []
        // A count with no figure in it ("?": not known) is not a bare value: "pages: ?".
        let pages = (pagesText.map { $0.contains(where: \.isNumber) ? $0 : "pages: \($0)" })
            ?? scan.pages.map { $0 == 1 ? "1 page" : "\($0) pages" }
        // Texts of the file elements other than the address itself.
        let others = texts.filter { $0 != scan.address }
        let rest = others.isEmpty ? "" : " (\(others.joined(separator: "; ")))"
        guard let address = scan.address else { return .editorialNote([.text((pages ?? "") + rest)]) }
        if let pages { inlines.append(.text(pages + ", ")) }
        inlines.append(.text("scanned: "))
        let lower = address.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            inlines.append(.link(.url(address), [.text(address)]))
        } else {
            inlines.append(.text(address))
        }
        if !rest.isEmpty { inlines.append(.text(rest)) }
        return .editorialNote(inlines)
    }

    /// An XHTML element that is code or hidden, not text: `script`, `style`, `object`,
    /// `embed`, `param`, `iframe`, `noscript`, or any with `style="display:none"`.
    static func isEmbeddedWebCode(_ tag: XMLStartTag) -> Bool {
        guard let uri = tag.namespaceURI, cStringEquals(uri, xhtmlNamespace) else { return false }
        switch tag.localNameString {
        case "script", "style", "object", "embed", "param", "iframe", "noscript": return true
        default: break
        }
        let style = (tag.attribute("style") ?? "").lowercased().filter { $0 != " " }
        return style.contains("display:none")
    }

    static let xhtmlNamespace: StaticString = "http://www.w3.org/1999/xhtml"

    /// An element's name for `check`: as written ("frus:foo"), and an element of another
    /// vocabulary written without a prefix names it ("xhtml:p", not a TEI "p").
    static func displayName(_ tag: XMLStartTag) -> String {
        guard tag.prefix == nil, let uri = tag.namespaceURI, !cStringEquals(uri, TEIElement.tei_ns) else {
            return tag.qualifiedName
        }
        if cStringEquals(uri, xhtmlNamespace) { return "xhtml:" + tag.localNameString }
        return "{\(String(cString: uri))}" + tag.localNameString
    }

    /// Counts an element of a document the importer has no rule for (its text is kept).
    func countIfUnknown(_ element: TEIElement, _ tag: XMLStartTag) {
        guard element == .other, draft != nil else { return }
        if tag.namespaceURI == nil || cStringEquals(tag.namespaceURI!, TEIElement.tei_ns) {
            if KnownElements.tei.contains(tag.localNameString) { return }
        }
        unknownElements[Self.displayName(tag), default: 0] += 1
    }

    /// The heading's printed number taken off the title: "No. 12." (kept to print), or
    /// "130." (the number frusread prints anyway). A line break after it goes too.
    static func takePrintedNumber(_ title: inout [Inline], number: String) -> String? {
        // "No. 186.<lb/>Mr. Schuyler to …" where the document is n="192" (frus1884 numbers its
        // documents apart from the printed numbers): a first line that is a number alone is the
        // printed number (a head holding only it leaves the title to the next head).
        let firstLine = title.prefix { $0 != .lineBreak }.filter { if case .pageBreak = $0 { return false } else { return true } }
        let lineText = firstLine.plainText.trimmingSpaces
        if isPrintedNumberAlone(lineText), title.removeLeadingText(lineText) {
            if let i = title.firstIndex(of: .lineBreak) { title.remove(at: i) }
            return lineText
        }
        for (form, prefixes) in printedNumberForms(number) {
            for prefix in prefixes {
                if title.removeLeadingText(prefix) {
                    while let first = title.first(where: { if case .pageBreak = $0 { return false } else { return true } }),
                        first == .lineBreak, let i = title.firstIndex(of: .lineBreak)
                    {
                        title.remove(at: i)
                    }
                    return prefix == "\(form)." ? nil : prefix
                }
            }
        }
        return nil
    }

    /// "No. 186.", "No.12.", "No. 72A.": a document number as older volumes print it, on a line
    /// of its own.
    static func isPrintedNumberAlone(_ text: String) -> Bool {
        var rest = Substring(text)
        guard rest.hasPrefix("No."), rest.hasSuffix(".") else { return false }
        rest = rest.dropFirst(3).dropLast()
        if rest.first == " " { rest = rest.dropFirst() }
        guard let first = rest.first, first.isASCII, first.isNumber else { return false }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let tail = rest.dropFirst(digits.count)
        return tail.count <= 1 && tail.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// The ways a head prints number `number`: "No. 12.", "No. 12", "No.12.", "No 12.",
    /// "12." (each form of the number: as written, upper and lower case).
    static func printedNumberForms(_ number: String) -> [(form: String, prefixes: [String])] {
        Array(Set([number, number.uppercased(), number.lowercased()])).map { form in
            (form, ["No. \(form).", "No. \(form)", "No.\(form).", "No \(form).", "\(form)."])
        }
    }

    /// The document's number printed alone on a line above the head ("No. 3.": 1870s volumes
    /// print it there, as `<note rend="inline" type="source">No. 3.</note>` or a centred
    /// `<seg>No. 2.</seg>` in an opener). On the line right above the head it is taken off
    /// the lines and the heading prints it; above other lines ("No. 3." then "[Telegram.]") it
    /// stays where it is printed and the heading prints no number (`printed` is then ""), so
    /// the text keeps the source's order. `printed` is nil for a plain "3." (the heading's own
    /// form).
    static func takePrintedNumberLine(_ label: inout [Inline], number: String) -> (taken: Bool, printed: String?) {
        let lines = label.split(separator: .lineBreak, omittingEmptySubsequences: false)
        guard let last = lines.last, let first = lines.first else { return (false, nil) }
        if let found = printedNumber(alone: last, number: number) {
            // Page breaks on that line stay, at the end of what is left.
            let pages = last.filter { if case .pageBreak = $0 { return true } else { return false } }
            if let b = label.lastIndex(of: .lineBreak) { label = Array(label[..<b]) + pages } else { label = pages }
            return (true, found.printed)
        }
        if lines.count > 1, printedNumber(alone: first, number: number) != nil { return (true, "") }
        return (false, nil)
    }

    /// A line that is a document number alone: "No. 186." (any number), or this document's
    /// number in one of its printed forms ("No. 3", "3."; `printed` nil for "3.").
    private static func printedNumber(alone line: ArraySlice<Inline>, number: String) -> (text: String, printed: String?)? {
        let text = line.filter { if case .pageBreak = $0 { return false } else { return true } }.plainText.trimmingSpaces
        if isPrintedNumberAlone(text) { return (text, text) }
        for (form, prefixes) in printedNumberForms(number) {
            guard let prefix = prefixes.first(where: { $0 == text }) else { continue }
            return (text, prefix == "\(form)." ? nil : prefix)
        }
        return nil
    }
}

extension TEIRendition {
    /// "[Image: figure_0001]": what stands for a `graphic` (its `url`, else `facs`).
    static func imagePlaceholder(_ tag: XMLStartTag) -> String {
        let address = (tag.attribute("url") ?? tag.attribute("facs") ?? "").trimmingSpaces
        return address.isEmpty ? "[Image]" : "[Image: \(address)]"
    }
}

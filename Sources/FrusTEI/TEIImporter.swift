import FrusModel

/// Reads FRUS volumes in TEI (the HistoryAtState/frus `volumes/*.xml` files) into the model.
public enum TEIImporter {
    /// How much of a file `peek` reads at most: the header of a FRUS volume ends within the
    /// first few KB; the page-image list (`facsimile`) that follows it is not needed.
    public static let peekLimit = 256 * 1024

    /// The volume id and title from the `teiHeader`, without reading the rest of the file
    /// (`idno[@type="frus"]`, `title[@type="complete"]`). A nil id means the file is not a FRUS
    /// TEI volume (not XML, not TEI, no id). Throws only when the file cannot be opened.
    public static func peek(path: String) throws -> (id: String?, title: String?) {
        let header = try peekHeader(path: path)
        return (header.id, header.title)
    }

    /// `peek`, with the header's publication status (`revisionDesc/@status`).
    public static func peekHeader(path: String) throws -> (id: String?, title: String?, status: String?) {
        // A small buffer: the header is in the first few KB, and a folder of volumes is listed
        // by peeking at each.
        let file = try InputFile(path: path, bufferSize: 16 * 1024)
        let sink = HeaderPeek()
        var remaining = peekLimit
        _ = try? XMLEventSource.parse(sink: sink, fileName: path) { buffer in
            guard remaining > 0 else { return 0 }
            let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(min(remaining, 16 * 1024))))
            remaining -= n
            return n
        }
        guard sink.isTEI else { return (nil, nil, nil) }
        return (sink.id, sink.title, sink.status)
    }

    /// Reads a whole volume, streaming. Throws a `Diagnostic` (severity `.error`) with file,
    /// line and column when the file cannot be read or is not well-formed XML. Problems inside
    /// documents are warnings in the result's diagnostics.
    ///
    /// - Parameter fallbackID: the volume id to use when the header has none (e.g. from the
    ///   file name).
    public static func read(path: String, fallbackID: String? = nil) throws -> VolumeLoad {
        let file = try InputFile(path: path)
        let builder = TEIBuilder(path: path, fallbackID: fallbackID ?? defaultID(path))
        try parse(builder, path: path) { buffer in try file.read(into: buffer) }
        return try finish(builder, path: path)
    }

    /// Reads only document `number` of a volume (by number or id), streaming past the others
    /// and stopping after it: the fast path for one-shot commands like `frusread show N`.
    /// Returns nil when the volume has no such document. The volume's chapters, persons and
    /// terms are not read.
    public static func readDocument(_ number: String, path: String, fallbackID: String? = nil) throws -> Document? {
        try readDocumentChecked(number, path: path, fallbackID: fallbackID)?.document
    }

    /// `readDocument`, and then the rest of the file checked for well-formedness (callbacks
    /// off: about the cost of `xmllint --noout` on what is left): a file damaged after the
    /// document gives the document and a warning saying where the damage is.
    public static func readDocumentChecked(_ number: String, path: String, fallbackID: String? = nil) throws -> DocumentLoad? {
        let file = try InputFile(path: path)
        let builder = TEIBuilder(path: path, fallbackID: fallbackID ?? defaultID(path))
        builder.onlyDocument = number
        var damage: XMLParseFailure?
        try parse(builder, path: path, laterDamage: { damage = $0 }) { buffer in try file.read(into: buffer) }
        guard let document = try finish(builder, path: path).volume.documents.first else { return nil }
        var diagnostics: [Diagnostic] = []
        if let damage {
            diagnostics.append(Diagnostic(
                .warning, "the file is damaged further on, after document \(document.number) (\(damage.message)); the rest of the volume cannot be read",
                at: SourceLocation(file: path, line: damage.line, column: damage.column)))
        }
        return DocumentLoad(document: document, diagnostics: diagnostics)
    }

    /// Reads a volume held in memory; `path` names it in messages.
    public static func read(data: [UInt8], path: String, fallbackID: String? = nil) throws -> VolumeLoad {
        let builder = TEIBuilder(path: path, fallbackID: fallbackID ?? defaultID(path))
        try data.withUnsafeBytes { bytes in
            var offset = 0
            try parse(builder, path: path) { out in
                let n = min(out.count, bytes.count - offset)
                if n > 0 {
                    out.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
                    offset += n
                }
                return n
            }
        }
        return try finish(builder, path: path)
    }

    /// The volume id a file's name suggests: "frus1981-88v05" for ".../frus1981-88v05.xml".
    public static func defaultID(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".xml") else { return nil }
        return TEILinkTarget.volumeID(String(name.dropLast(4)))
    }

    private static func parse(
        _ builder: TEIBuilder, path: String, laterDamage: ((XMLParseFailure) -> Void)? = nil,
        next: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws {
        do {
            try XMLEventSource.parse(sink: builder, fileName: path, laterDamage: laterDamage, next: next)
        } catch let failure as XMLParseFailure {
            throw Diagnostic(
                .error, "cannot read TEI volume: \(failure.message)",
                at: SourceLocation(file: path, line: failure.line, column: failure.column))
        }
        builder.finishVolume()
    }

    private static func finish(_ builder: TEIBuilder, path: String) throws -> VolumeLoad {
        guard builder.sawTEIRoot else {
            throw Diagnostic(.error, "not a TEI volume: the root element is not <TEI>", at: SourceLocation(file: path))
        }
        var diagnostics = builder.diagnostics
        // The id the documents and links were made with: the header's, else the root
        // element's, else the fallback.
        let id = builder.volumeID
        guard builder.headerID != nil || builder.rootID.flatMap(TEILinkTarget.volumeID) != nil
            || builder.fallbackID != nil
        else {
            throw Diagnostic(
                .error, "not a FRUS volume: no idno[@type=\"frus\"] in the header and no id in the file name",
                at: SourceLocation(file: path))
        }
        // An announced volume not yet digitized has a header and no text: not a defect. Nor is
        // a shell of front matter with an empty body (`<body/>` after a press release, as
        // frus1981-88v06 stood before its documents came); an empty file still is.
        let shell = !builder.bodyHoldsElements && builder.documents.contains { $0.kind == .front }
        if !builder.documents.contains(where: { $0.kind == .document }), !Volume.isPreparing(builder.revisionStatus),
            !shell
        {
            diagnostics.append(Diagnostic(.warning, "the volume has no documents (div[@type=\"document\"])", at: SourceLocation(file: path)))
        }
        let documents = builder.documents
        let title = builder.volumeTitle ?? VolumeID(id).citation ?? id
        var volume = Volume(
            id: id, title: title, documents: documents, chapters: builder.chapters,
            persons: builder.persons, terms: builder.terms)
        volume.status = builder.revisionStatus
        volume.unknownElements = builder.unknownElements
        volume.remarks = builder.remarks
        volume.bibliography = builder.bibliography
        volume.bibliography.documentsNumbered = builder.sawPrintedDocumentNumber || documents.allSatisfy { $0.kind != .document }
        return VolumeLoad(volume: volume, diagnostics: diagnostics)
    }
}

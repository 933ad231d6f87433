import CLibXML2
import FrusModel

import Glibc

/// Reads FRUS volumes in TEI (the HistoryAtState/frus `volumes/*.xml` files) into the model.
public enum TEIImporter {
    /// How much of a file `peek` reads at most: the header of a FRUS volume ends within the
    /// first few KB; the page-image list (`facsimile`) that follows it is not needed.
    public static let peekLimit = 256 * 1024

    /// The volume id and title from the `teiHeader`, without reading the rest of the file
    /// (`idno[@type="frus"]`, `title[@type="complete"]`). A nil id means the file is not a FRUS
    /// TEI volume (not XML, not TEI, no id). Throws only when the file cannot be opened.
    public static func peek(path: String) throws -> (id: String?, title: String?) {
        let file = try InputFile(path: path)
        defer { file.close() }
        let sink = HeaderPeek()
        var remaining = peekLimit
        _ = try? XMLEventSource.parse(sink: sink, fileName: path) { buffer in
            guard remaining > 0 else { return 0 }
            let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(min(remaining, 16 * 1024))))
            remaining -= n
            return n
        }
        guard sink.isTEI else { return (nil, nil) }
        return (sink.id, sink.title)
    }

    /// Reads a whole volume, streaming. Throws a `Diagnostic` (severity `.error`) with file,
    /// line and column when the file cannot be read or is not well-formed XML. Problems inside
    /// documents are warnings in the result's diagnostics.
    ///
    /// - Parameter fallbackID: the volume id to use when the header has none (e.g. from the
    ///   file name).
    public static func read(path: String, fallbackID: String? = nil) throws -> VolumeLoad {
        let file: InputFile
        do { file = try InputFile(path: path) } catch let error as Diagnostic { throw error }
        defer { file.close() }
        let builder = TEIBuilder(path: path, fallbackID: fallbackID ?? defaultID(path))
        try parse(builder, path: path) { buffer in try file.read(into: buffer) }
        return try finish(builder, path: path)
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
        _ builder: TEIBuilder, path: String, next: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws {
        do {
            try XMLEventSource.parse(sink: builder, fileName: path, next: next)
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
        if builder.documents.isEmpty {
            diagnostics.append(Diagnostic(.warning, "the volume has no documents (div[@type=\"document\"])", at: SourceLocation(file: path)))
        }
        let documents = builder.documents
        let title = builder.volumeTitle ?? VolumeID(id).citation ?? id
        let volume = Volume(
            id: id, title: title, documents: documents, chapters: builder.chapters,
            persons: builder.persons, terms: builder.terms)
        return VolumeLoad(volume: volume, diagnostics: diagnostics)
    }
}

/// A file read with plain POSIX calls (no Foundation): the importer streams it in chunks.
struct InputFile {
    let fd: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.error, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(fd)
            throw Diagnostic(.error, "is a folder, not a TEI file", at: SourceLocation(file: path))
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw XMLParseFailure(message: "read error: \(String(cString: strerror(errno)))", line: nil, column: nil)
        }
    }

    func close() { _ = Glibc.close(fd) }
}

import FrusModel
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A TEI volume mapped by one fast pass over its bytes (`TEIByteScan`): where each
/// `div type="document"` and each section of the front and back matter begins and ends, with
/// its number and id, and where the page breaks are. Nothing is built and libxml2 does not
/// run; the pass reads only tags (text is skipped with `memchr`), so it costs a few ms on an
/// 8 MB volume where parsing it costs ~80.
///
/// A document is then read alone (`read`): the bytes of its `div` are parsed by the importer
/// itself, behind the file's prolog and `TEI` start tag (its namespace declarations) and the
/// `teiHeader` (the volume id and title), so it comes out exactly as reading the whole volume
/// builds it. What a document takes from outside its `div` is supplied: the page breaks that
/// open it (those met after the previous document's last text: that document is parsed too
/// when it holds page breaks), the volume's document ids (in-volume links), its place in the
/// volume (the number of a `div` without one) and its line in the file. The map does not
/// check well-formedness: reading the whole volume does that.
public final class TEIVolumeMap: VolumeMap {
    public let path: String
    public let documents: [MappedDocument]
    private let fallbackID: String?
    private let bytes: [UInt8]
    private let scan: TEIByteScan
    /// Lines before each entry's start, counted on first need (see `line(before:)`).
    private let lines = Mutex<[Int: Int]>([:])

    /// Maps the volume in `path`. Throws a `Diagnostic` when the file cannot be read, or is
    /// not shaped like a TEI volume (no `TEI` start tag).
    public init(path: String, fallbackID: String? = nil) throws {
        self.path = path
        self.fallbackID = fallbackID ?? TEIImporter.defaultID(path)
        bytes = try Self.readAll(path)
        scan = bytes.withUnsafeBufferPointer { TEIByteScan($0) }
        guard scan.rootTag != nil else {
            throw Diagnostic(.error, "not a TEI volume: no <TEI> start tag found", at: SourceLocation(file: path))
        }
        documents = scan.entries.map { MappedDocument(number: $0.number, id: $0.id, kind: $0.kind) }
    }

    /// Reads document `position` alone (see the type's comment).
    public func read(_ position: Int) throws -> Document {
        precondition(documents.indices.contains(position))
        let entry = scan.entries[position]
        // The previous document is parsed too when page breaks at its end may open this one.
        let previous = position > 0 && scan.entries[position - 1].holdsPageBreaks ? position - 1 : nil
        let isLast = position == scan.entries.count - 1
        var input = Array(bytes[0..<scan.rootTag!.upperBound])
        if let header = scan.header { input += bytes[header] }
        input += Array("<text>".utf8)
        var area: TEIByteScan.Area?
        func enter(_ next: TEIByteScan.Area) {
            guard next != area else { return }
            if let area { input += Array("</\(area.rawValue)>".utf8) }
            input += Array("<\(next.rawValue)>".utf8)
            area = next
        }
        if let previous {
            enter(scan.entries[previous].area)
            input += bytes[scan.entries[previous].range]
        }
        enter(entry.area)
        for page in scan.pagesBefore(position) { input += bytes[page] }
        let start = input.count
        input += bytes[entry.range]
        if isLast { for page in scan.pagesAfterLast() { input += bytes[page] } }
        if let area { input += Array("</\(area.rawValue)>".utf8) }
        input += Array("</text></TEI>".utf8)

        let builder = TEIBuilder(path: path, fallbackID: fallbackID)
        builder.documentCountBase = previous ?? position
        builder.volumeDocuments = documents.map { ($0.number, $0.id) }
        // Page breaks after this document's text open the next one: not its own.
        builder.attachesTrailingPages = isLast
        do {
            try input.withUnsafeBytes { raw in
                var offset = 0
                try XMLEventSource.parse(sink: builder, fileName: path) { out in
                    let n = min(out.count, raw.count - offset)
                    if n > 0 {
                        out.baseAddress!.copyMemory(from: raw.baseAddress! + offset, byteCount: n)
                        offset += n
                    }
                    return n
                }
            }
        } catch let failure as XMLParseFailure {
            throw Diagnostic(
                .error, "cannot read document \(entry.number) alone: \(failure.message)", at: SourceLocation(file: path))
        }
        builder.finishVolume()
        guard var document = builder.documents.last, document.number == entry.number else {
            throw Diagnostic(.error, "cannot read document \(entry.number) alone", at: SourceLocation(file: path))
        }
        // The line in the file, not in the input made here: the bytes of the div are the same,
        // so the difference is the lines before it.
        if let parsed = document.source?.line {
            let synthetic = input.withUnsafeBufferPointer { TEIByteScan.newlines($0, upTo: start) }
            document.source?.line = parsed - synthetic + line(before: position)
        }
        return document
    }

    public func positions(ofPage page: String) -> [Int] {
        let key = Volume.pageKey(page)
        var out: [Int] = []
        for mark in scan.pages where mark.name == page || Volume.pageKey(mark.name) == key {
            // A page break between documents, or at the end of one, may open the next.
            for p in [mark.entry, mark.entry + 1] where scan.entries.indices.contains(p) && !out.contains(p) {
                out.append(p)
            }
        }
        return out.sorted()
    }

    /// Newlines before entry `position` in the file, counted once from the nearest entry
    /// counted before.
    private func line(before position: Int) -> Int {
        lines.withLock { known in
            if let n = known[position] { return n }
            let from = known.keys.filter { $0 < position }.max()
            let base = from.map { known[$0]! } ?? 0
            let start = from.map { scan.entries[$0].range.lowerBound } ?? 0
            let n = base + bytes.withUnsafeBufferPointer {
                TEIByteScan.newlines(UnsafeBufferPointer(rebasing: $0[start...]), upTo: scan.entries[position].range.lowerBound - start)
            }
            known[position] = n
            return n
        }
    }

    /// The whole file, with plain POSIX calls (a private copy: the file may change while the
    /// reader runs, which a memory map would turn into a crash).
    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.error, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            throw Diagnostic(.error, "is a folder, not a TEI file", at: SourceLocation(file: path))
        }
        let size = max(0, Int(info.st_size))
        var failure: Int32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                count += n
            }
        }
        if failure != 0 {
            throw Diagnostic(.error, "read error: \(String(cString: strerror(failure)))", at: SourceLocation(file: path))
        }
        return out
    }
}

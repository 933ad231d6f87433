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
    private let scan: TEIByteScan
    /// The file's bytes up to the end of the `TEI` start tag, and the `teiHeader`: the start of
    /// every document read alone.
    private let prolog: [UInt8]
    private let header: [UInt8]
    /// The file as mapped (size, modification time): a document is read alone only from the
    /// same file.
    private let fingerprint: Fingerprint
    /// Newlines before entries, counted when a document is first read (counting them in the
    /// pass would cost it a third more), each from the nearest entry counted before.
    private let counted = Mutex<[Int: Int]>([:])

    /// Maps the volume in `path`. Throws a `Diagnostic` when the file cannot be read, or is
    /// not shaped like a TEI volume (no `TEI` start tag).
    public init(path: String, fallbackID: String? = nil) throws {
        self.path = path
        self.fallbackID = fallbackID ?? TEIImporter.defaultID(path)
        let file = try MappedFile(path)
        scan = file.withBytes { TEIByteScan($0) }
        guard let root = scan.rootTag else {
            throw Diagnostic(.error, "not a TEI volume: no <TEI> start tag found", at: SourceLocation(file: path))
        }
        guard !scan.hasDocumentsInSections else {
            throw Diagnostic(.warning, "documents inside a section of the front or back matter: the volume is read whole", at: SourceLocation(file: path))
        }
        prolog = file.withBytes { Array($0[0..<root.upperBound]) }
        header = scan.header.map { range in file.withBytes { Array($0[range]) } } ?? []
        fingerprint = file.fingerprint
        documents = scan.entries.map { MappedDocument(number: $0.number, id: $0.id, kind: $0.kind) }
    }

    /// Reads document `position` alone (see the type's comment).
    public func read(_ position: Int) throws -> Document {
        precondition(documents.indices.contains(position))
        let entry = scan.entries[position]
        // The previous document is parsed too when page breaks at its end may open this one.
        let previous = position > 0 && scan.entries[position - 1].endsWithPageBreaks ? position - 1 : nil
        let isLast = position == scan.entries.count - 1
        let file = try PositionedFile(path, expecting: fingerprint)
        var input = prolog + header
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
            input += try file.bytes(scan.entries[previous].range)
        }
        enter(entry.area)
        for page in scan.pagesBefore(position) { input += try file.bytes(page) }
        let start = input.count
        input += try file.bytes(entry.range)
        if isLast { for page in scan.pagesAfterLast() { input += try file.bytes(page) } }
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
            document.source?.line = parsed - synthetic + (try newlines(before: position, in: file))
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

}

extension TEIVolumeMap {
    private func newlines(before position: Int, in file: PositionedFile) throws -> Int {
        let (from, base) = counted.withLock { known -> (Int, Int) in
            let nearest = known.keys.filter { $0 <= position }.max()
            return nearest.map { (scan.entries[$0].range.lowerBound, known[$0]!) } ?? (0, 0)
        }
        var n = base
        var at = from
        let end = scan.entries[position].range.lowerBound
        while at < end {
            let piece = try file.bytes(at..<min(end, at + 1 << 20))
            n += piece.withUnsafeBufferPointer { TEIByteScan.newlines($0, upTo: $0.count) }
            at += piece.count
        }
        counted.withLock { $0[position] = n }
        return n
    }
}

/// A file's size and modification time: a file that changed since it was mapped is not read
/// through the old map.
struct Fingerprint: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init(_ info: stat) {
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// A file mapped into memory for the one pass over it, unmapped right after: the bytes are
/// read where the page cache holds them, without copying 8 MB (the copy and its page faults
/// cost more than the pass itself). Nothing keeps the mapping, so a file changed later cannot
/// make a later read fault.
private final class MappedFile {
    let fingerprint: Fingerprint
    private let base: UnsafeRawPointer?
    private let count: Int

    init(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.error, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            throw Diagnostic(.error, "is a folder, not a TEI file", at: SourceLocation(file: path))
        }
        fingerprint = Fingerprint(info)
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), p != MAP_FAILED else {
            throw Diagnostic(.error, "cannot read: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        _ = madvise(p, count, MADV_SEQUENTIAL)
        base = UnsafeRawPointer(p)
    }

    deinit {
        if let base { _ = munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: base == nil ? 0 : count))
    }
}

/// A file read in pieces by position (`pread`), refused when it is no longer the file mapped.
private final class PositionedFile {
    private let fd: Int32
    private let path: String

    init(_ path: String, expecting fingerprint: Fingerprint) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.error, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, Fingerprint(info) == fingerprint else {
            _ = Glibc.close(fd)
            throw Diagnostic(.error, "the file changed since it was opened", at: SourceLocation(file: path))
        }
    }

    deinit { _ = Glibc.close(fd) }

    func bytes(_ range: Range<Int>) throws -> [UInt8] {
        var failure: Int32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            while count < range.count {
                let n = pread(fd, buffer.baseAddress! + count, range.count - count, off_t(range.lowerBound + count))
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                count += n
            }
        }
        guard failure == 0, out.count == range.count else {
            throw Diagnostic(.error, "cannot read: \(failure == 0 ? "the file is shorter than it was" : String(cString: strerror(failure)))", at: SourceLocation(file: path))
        }
        return out
    }
}

import FrusModel

#if canImport(Glibc)
import Glibc
#endif

/// A file read with plain POSIX calls (no Foundation), through a buffer: libxml2 asks for a
/// few KB at a time, and one system call per request would cost more than the copying.
final class InputFile {
    private let fd: Int32
    let path: String
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    init(path: String, bufferSize: Int = 256 * 1024) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.error, "cannot open: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = Glibc.close(fd)
            throw Diagnostic(.error, "is a folder, not a TEI file", at: SourceLocation(file: path))
        }
        buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        _ = Glibc.close(fd)
    }

    /// Fills `out` with the next bytes of the file; 0 at the end.
    func read(into out: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let target = out.baseAddress, out.count > 0 else { return 0 }
        if start == end {
            start = 0
            end = try readSome(into: buffer)
            if end == 0 { return 0 }
        }
        let n = min(out.count, end - start)
        target.copyMemory(from: buffer.baseAddress! + start, byteCount: n)
        start += n
        return n
    }

    private func readSome(into out: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, out.baseAddress, out.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw XMLParseFailure(message: "read error: \(String(cString: strerror(errno)))", line: nil, column: nil)
        }
    }
}

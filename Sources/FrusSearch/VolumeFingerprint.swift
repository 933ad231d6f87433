import Foundation
import Glibc

/// What tells whether a volume changed since it was indexed: its size and modification time
/// (cheap: one `stat`), and when those differ, a hash of its bytes — a volume that was only
/// touched, or copied back unchanged, is not indexed again.
struct VolumeFingerprint: Sendable, Hashable {
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64

    /// The fingerprint of a TEI file, or of a plain-text volume's folder (its `.txt` files and
    /// `volume.json`; the folder's own time changes when a file is added or removed).
    static func of(path: String) -> VolumeFingerprint? {
        guard let top = statFile(path) else { return nil }
        guard top.isFolder else { return VolumeFingerprint(size: top.size, modified: top.modified) }
        var size: Int64 = 0
        var modified = top.modified
        for file in folderFiles(path) {
            guard let s = statFile(file) else { continue }
            size += s.size
            modified = max(modified, s.modified)
        }
        return VolumeFingerprint(size: size, modified: modified)
    }

    /// The files of a plain-text volume that its content hash covers, in a stable order.
    static func folderFiles(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".txt") || $0 == "volume.json" }.sorted()
            .map { folder + "/" + $0 }
    }

    /// The content hash of a volume, hex; for a folder, of its files' names and bytes. Files
    /// are streamed through one buffer: hashing a 9 MB volume allocates nothing big.
    static func contentHash(path: String) -> String? {
        guard let top = statFile(path) else { return nil }
        var acc = ContentHash.Accumulator()
        if !top.isFolder {
            guard hashFile(path, into: &acc) else { return nil }
            return hex(acc.value)
        }
        for file in folderFiles(path) {
            acc.add(Array(((file as NSString).lastPathComponent).utf8))
            _ = hashFile(file, into: &acc)
        }
        return hex(acc.value)
    }

    /// Adds a file's bytes in chunks of a fixed size (so a file always hashes the same).
    private static func hashFile(_ path: String, into acc: inout ContentHash.Accumulator) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            var filled = 0
            // Fill the whole chunk unless the file ends: chunk boundaries must not depend on
            // how the kernel splits reads.
            while filled < chunk {
                let n = read(fd, buffer.baseAddress! + filled, chunk - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return false }
                if n == 0 { break }
                filled += n
            }
            if filled > 0 { acc.add(UnsafeRawBufferPointer(rebasing: buffer[0..<filled])) }
            if filled < chunk { return true }
        }
    }

    static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    private struct Stat {
        var size: Int64
        var modified: Int64
        var isFolder: Bool
    }

    private static func statFile(_ path: String) -> Stat? {
        // Swift sees `stat` as the struct only; `fstatat` from the working folder is the same
        // call (one system call, not open + fstat + close: this runs for every volume at every
        // start).
        var info = Glibc.stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return Stat(size: Int64(info.st_size), modified: modified, isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}

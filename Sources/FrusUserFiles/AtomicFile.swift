import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing the user's files so that they are never lost: a write goes to a temporary file in the
/// same folder, is flushed, then renamed over the old one (a reader sees the old file or the new
/// one, never half of either, and a write killed midway leaves the old file); a damaged file is
/// set aside beside the original, never deleted; writers of one file take turns under a lock.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Writes `data` to `url` atomically, creating the folder if needed. `beforeRename` runs when
    /// the temporary file is complete but not yet in place (tests kill a writer there).
    public static func write(_ data: Data, to url: URL, beforeRename: (() -> Void)? = nil) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure("cannot create \(folder.path): \(reason(error))")
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure("cannot write \(temp.path): \(String(cString: strerror(errno)))") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                offset += n
            }
        }
        let error = errno
        if ok, fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temp.path)
            throw Failure("cannot write \(url.path): \(String(cString: strerror(error)))")
        }
        beforeRename?()
        guard rename(temp.path, url.path) == 0 else {
            let e = errno
            unlink(temp.path)
            throw Failure("cannot write \(url.path): \(String(cString: strerror(e)))")
        }
    }

    /// The file's bytes, or nil when it does not exist.
    public static func read(_ url: URL) throws -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try Data(contentsOf: url) } catch {
            throw Failure("cannot read \(url.path): \(reason(error))")
        }
    }

    /// Moves a damaged file aside (`NAME.bad`, or `NAME.bad.2` … when that exists) and returns
    /// where it went, so the user can look at it; nothing is deleted.
    @discardableResult
    public static func setAside(_ url: URL) throws -> URL {
        var target = url.appendingPathExtension("bad")
        var n = 2
        while FileManager.default.fileExists(atPath: target.path) {
            target = url.appendingPathExtension("bad.\(n)")
            n += 1
        }
        guard rename(url.path, target.path) == 0 else {
            throw Failure("cannot move \(url.path) aside: \(String(cString: strerror(errno)))")
        }
        return target
    }

    /// Runs `body` holding an exclusive advisory lock (`flock`) on `NAME.lock` beside `url`, so
    /// two frusread processes updating one file (read, merge, write) take turns.
    public static func withLock<T>(on url: URL, _ body: () throws -> T) throws -> T {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lockPath = folder.appendingPathComponent(".\(url.lastPathComponent).lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw Failure("cannot lock \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure("cannot lock \(url.path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Temporary files of `url` left by writes that never finished (a writer killed between
    /// writing and renaming). Only meaningful under `withLock`: a live writer holds the lock.
    public static func leftovers(of url: URL) -> [URL] {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".tmp") }.sorted().map { folder.appendingPathComponent($0) }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

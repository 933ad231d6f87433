import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's library of downloaded volumes (`frusread get`): `volumes/VOLUME.xml` under the
/// data folder, each with what the server said of it beside it, hidden
/// (`.VOLUME.xml.json`: address, ETag, Last-Modified, size, when), so that a later `get` asks
/// the server whether it changed instead of downloading it again.
///
/// A download goes to `.VOLUME.xml.part` (hidden: a corpus listing never sees it), is resumed
/// from there after an interruption, and is moved over `VOLUME.xml` in one rename once it has
/// been verified: the library never holds a half-written volume.
public struct Library: Sendable {
    /// `$XDG_DATA_HOME/frusread/volumes`.
    public var folder: URL

    public init(folders: UserFolders) { folder = folders.library }
    public init(folder: URL) { self.folder = folder }

    /// What the server said of a file: kept beside a volume, and beside a partial download (to
    /// resume only the same file: `If-Range`).
    public struct Metadata: Codable, Sendable, Hashable {
        /// The address it was downloaded from.
        public var url: String
        public var etag: String?
        public var lastModified: String?
        /// Bytes in the whole file, when the server said.
        public var size: Int64?
        /// When it was downloaded (ISO 8601).
        public var downloaded: String?

        public init(url: String, etag: String? = nil, lastModified: String? = nil, size: Int64? = nil, downloaded: String? = nil) {
            self.url = url
            self.etag = etag
            self.lastModified = lastModified
            self.size = size
            self.downloaded = downloaded
        }
    }

    public func volume(_ id: String) -> URL { folder.appendingPathComponent("\(id).xml") }
    public func part(_ id: String) -> URL { folder.appendingPathComponent(".\(id).xml.part") }
    func metadataFile(_ id: String) -> URL { folder.appendingPathComponent(".\(id).xml.json") }
    func partMetadataFile(_ id: String) -> URL { folder.appendingPathComponent(".\(id).xml.part.json") }

    /// Whether `id` is a volume id a file can be named after (no folders, nothing hidden).
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200 && !id.hasPrefix(".")
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The ids of the volumes in the library, sorted.
    public func volumeIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }

    public func isInstalled(_ id: String) -> Bool { FileManager.default.fileExists(atPath: volume(id).path) }

    /// The installed volume's metadata; nil when absent or unreadable (then the volume is
    /// downloaded again, which is always safe).
    public func metadata(_ id: String) -> Metadata? { Self.decode(metadataFile(id)) }

    /// The partial download's metadata, if a partial download is there to resume.
    public func partMetadata(_ id: String) -> Metadata? {
        guard FileManager.default.fileExists(atPath: part(id).path) else { return nil }
        return Self.decode(partMetadataFile(id))
    }

    /// Bytes in the partial download (0 when there is none).
    public func partSize(_ id: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: part(id).path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Starts or restarts the partial download: its metadata written, the file emptied when
    /// `fresh`. Returns the open file, positioned at its end, to append the body to.
    public func openPart(_ id: String, metadata: Metadata, fresh: Bool) throws -> FileHandle {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(try Self.encode(metadata), to: partMetadataFile(id))
        let path = part(id).path
        if fresh || !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw AtomicFile.Failure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
        do {
            let handle = try FileHandle(forWritingTo: part(id))
            try handle.seekToEnd()
            return handle
        } catch {
            throw AtomicFile.Failure("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Drops the partial download (it was refused or cannot be resumed).
    public func discardPart(_ id: String) {
        unlink(part(id).path)
        unlink(partMetadataFile(id).path)
    }

    /// Moves the verified partial download over the volume in one rename, then records its
    /// metadata (a volume without metadata is only downloaded again next time).
    public func install(_ id: String, metadata: Metadata) throws {
        unlink(metadataFile(id).path)
        guard rename(part(id).path, volume(id).path) == 0 else {
            throw AtomicFile.Failure("cannot move the download into \(volume(id).path): \(String(cString: strerror(errno)))")
        }
        unlink(partMetadataFile(id).path)
        try AtomicFile.write(try Self.encode(metadata), to: metadataFile(id))
    }

    /// Records new metadata for an installed volume (the server said it had not changed).
    public func updateMetadata(_ id: String, _ metadata: Metadata) throws {
        try AtomicFile.write(try Self.encode(metadata), to: metadataFile(id))
    }

    /// Runs `body` with the volume locked: two `get`s of one volume take turns.
    public func withLock<T>(_ id: String, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try AtomicFile.withLock(on: volume(id), body)
    }

    private static func decode(_ url: URL) -> Metadata? {
        guard let data = try? AtomicFile.read(url) else { return nil }
        return try? JSONDecoder().decode(Metadata.self, from: data)
    }

    private static func encode(_ metadata: Metadata) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(metadata)
    }
}

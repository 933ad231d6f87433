import Foundation
import FrusModel
import FrusTEI
import FrusUserFiles

/// One volume brought into the library: asked for only if changed, resumed if interrupted,
/// verified, then moved into place. Every failure is one `CLIError` line; the library's copy
/// is only ever replaced by a verified whole file.
struct VolumeDownload {
    var id: String
    var base: String
    var library: Library
    var progress: DownloadProgress

    var url: String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + id + ".xml"
    }

    func run() throws {
        try locked { try fetch(retry: true) }
    }

    private func locked(_ body: () throws -> Void) throws {
        do { try library.withLock(id, body) } catch let e as AtomicFile.Failure { throw CLIError("\(id): \(e.description)") }
    }

    private func fetch(retry: Bool) throws {
        let safeURL = Output.safe(url)
        var headers: [String] = []
        // Resume a partial download of the same file (If-Range: the server sends it whole if
        // it changed since).
        var offset: Int64 = 0
        if let part = library.partMetadata(id), part.url == url, let validator = part.etag ?? part.lastModified {
            offset = library.partSize(id)
            if offset > 0 { headers += ["Range: bytes=\(offset)-", "If-Range: \(validator)"] }
        } else {
            library.discardPart(id)
        }
        // Already there: ask whether it changed.
        let installed = library.isInstalled(id) ? library.metadata(id) : nil
        if offset == 0, let known = installed, known.url == url {
            if let etag = known.etag { headers.append("If-None-Match: \(etag)") }
            if let modified = known.lastModified { headers.append("If-Modified-Since: \(modified)") }
            if known.etag == nil, known.lastModified == nil, let size = known.size, try unchangedBySize(size) {
                return Output.line("\(id) is up to date (\(Output.safe(library.volume(id).path)))")
            }
        }

        var file: FileHandle?
        var metadata = Library.Metadata(url: url)
        var writeError: String?
        var received: Int64 = 0
        progress.start(id, url: url, resumingAt: offset)
        let response: HTTPTransfer.Response
        do {
            response = try HTTPTransfer.perform(url, headers: headers, onBody: { r, data in
                guard r.status == 200 || r.status == 206 else { return true }  // an error page: not kept
                if file == nil {
                    do {
                        metadata = Self.metadata(url: url, r)
                        if r.status == 200 { offset = 0 }  // the whole file: the server ignored the range or it changed
                        file = try library.openPart(id, metadata: metadata, fresh: r.status == 200)
                    } catch {
                        writeError = "\(error)"
                        return false
                    }
                }
                do { try file?.write(contentsOf: data) } catch {
                    writeError = "cannot write \(library.part(id).path): \(error.localizedDescription)"
                    return false
                }
                received += Int64(data.count)
                return true
            }, onProgress: { expected, _ in
                progress.update(offset + received, total: expected > 0 ? offset + expected : nil)
            })
        } catch let failure as HTTPTransfer.Failure {
            try? file?.close()
            progress.finish()
            if let writeError { throw CLIError("\(id): \(writeError)") }
            if let status = failure.response?.status, status == 200 || status == 206, received > 0 {
                throw CLIError("\(id): the download from \(safeURL) was interrupted after \(DownloadProgress.bytes(offset + received)) (\(failure.message)); run frusread get \(id) again to resume")
            }
            throw CLIError("\(id): cannot download \(safeURL): \(failure.message)")
        }
        try? file?.close()
        progress.finish()

        switch response.status {
        case 304:
            if var known = installed {
                known.etag = response.headers["etag"] ?? known.etag
                try? library.updateMetadata(id, known)
            }
            return Output.line("\(id) is up to date (\(Output.safe(library.volume(id).path)))")
        case 416 where retry:
            // The partial file no longer fits the server's: start again from nothing.
            library.discardPart(id)
            return try fetch(retry: false)
        case 200, 206:
            break
        default:
            throw CLIError("\(id): \(safeURL): HTTP \(response.status)\(Self.reason(response.status))")
        }
        if file == nil { _ = try? library.openPart(id, metadata: metadata, fresh: true).close() }  // an empty body
        if let size = metadata.size, library.partSize(id) != size {
            throw CLIError("\(id): the download from \(safeURL) stopped at \(DownloadProgress.bytes(library.partSize(id))) of \(DownloadProgress.bytes(size)); run frusread get \(id) again to resume")
        }
        try verify()
        metadata.downloaded = ISO8601DateFormatter().string(from: Date())
        if metadata.size == nil { metadata.size = library.partSize(id) }
        do { try library.install(id, metadata: metadata) } catch { throw CLIError("\(id): \(error)") }
        Output.line("\(id): \(DownloadProgress.bytes(metadata.size ?? 0)) into \(Output.safe(library.volume(id).path))")
    }

    /// HEAD: the same size as the copy we have means unchanged (for servers that give neither
    /// ETag nor Last-Modified).
    private func unchangedBySize(_ size: Int64) throws -> Bool {
        guard let r = try? HTTPTransfer.perform(url, head: true), r.status == 200,
            let length = r.headers["content-length"].flatMap({ Int64($0) })
        else { return false }
        return length == size
    }

    /// Well-formed XML, a TEI volume, and the volume asked for; else the download is dropped
    /// and the library left as it was.
    private func verify() throws {
        let path = library.part(id).path
        func refuse(_ why: String) -> CLIError {
            library.discardPart(id)
            return CLIError("\(id): refused the download from \(Output.safe(url)): \(why); the library is unchanged")
        }
        let header: (id: String?, title: String?)
        do { header = try TEIImporter.peek(path: path) } catch { throw refuse("\(error)") }
        guard let found = header.id else { throw refuse("not a FRUS TEI volume") }
        guard found == id else { throw refuse("it is volume \(Output.safe(found)), not \(id)") }
        do {
            _ = try TEIImporter.read(path: path, fallbackID: id)
        } catch let d as Diagnostic {
            let at = [d.location?.line, d.location?.column].compactMap { $0 }.map(String.init).joined(separator: ":")
            throw refuse("not well-formed\(at.isEmpty ? "" : " at line \(at)"): \(d.message)")
        } catch {
            throw refuse("\(error)")
        }
    }

    private static func metadata(url: String, _ r: HTTPTransfer.Response) -> Library.Metadata {
        var size: Int64?
        if r.status == 206, let range = r.headers["content-range"], let slash = range.lastIndex(of: "/") {
            size = Int64(range[range.index(after: slash)...])
        } else if r.status == 200 {
            size = r.headers["content-length"].flatMap { Int64($0) }
        }
        return Library.Metadata(url: url, etag: r.headers["etag"], lastModified: r.headers["last-modified"], size: size)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 404: return " (not found: is the volume id right?)"
        case 403: return " (forbidden)"
        case 429: return " (too many requests: try again later)"
        case 500...599: return " (server error: try again later)"
        default: return ""
        }
    }
}

/// The progress of downloads: on a terminal a bar redrawn in place on standard error (bytes,
/// rate, time left); otherwise a line when each download starts.
final class DownloadProgress {
    let terminal: Bool
    private var id = ""
    private var started = Date()
    private var startBytes: Int64 = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(terminal: Bool) { self.terminal = terminal }

    func start(_ id: String, url: String, resumingAt offset: Int64) {
        self.id = id
        started = Date()
        startBytes = offset
        drawn = false
        let resume = offset > 0 ? " (resuming at \(Self.bytes(offset)))" : ""
        if !terminal { Output.line("\(id): getting \(Output.safe(url))\(resume)") }
    }

    func update(_ bytes: Int64, total: Int64?) {
        guard terminal, bytes > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || bytes == total else { return }
        lastDraw = now
        drawn = true
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes - startBytes) / elapsed
        var line = "\(id) "
        if let total, total > 0 {
            let width = 20
            let filled = min(width, Int(Double(width) * Double(bytes) / Double(total)))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += "\(Self.bytes(bytes)) / \(Self.bytes(total))  \(Self.bytes(Int64(rate)))/s"
            if rate > 0 { line += "  \(Self.duration(Double(total - bytes) / rate)) left" }
        } else {
            line += "\(Self.bytes(bytes))  \(Self.bytes(Int64(rate)))/s"
        }
        Output.progress(line, redraw: true, last: false)
    }

    func finish() {
        if terminal, drawn { Output.progress("", redraw: true, last: false) }
    }

    /// "812 B", "3.4 KB", "8.1 MB" (powers of 1,000).
    static func bytes(_ n: Int64) -> String {
        if n < 1_000 { return "\(n) B" }
        if n < 1_000_000 { return String(format: "%.1f KB", Double(n) / 1e3) }
        if n < 1_000_000_000 { return String(format: "%.1f MB", Double(n) / 1e6) }
        return String(format: "%.2f GB", Double(n) / 1e9)
    }

    /// "0:07", "12:30"
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

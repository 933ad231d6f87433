import Foundation
import FrusTestSupport
import Testing

/// A local HTTP server for `frusread get` (Scripts/volume_server.py on 127.0.0.1), serving
/// `ROOT/DIR/NAME` at `/BEHAVIOUR/DIR/NAME` (see the script for the behaviours: cut
/// connections, ranges refused, 404, 500, no validators) and logging every request.
final class VolumeServer {
    let root: URL
    let port: Int
    private let process: Process
    private let log: URL

    init(root: URL) throws {
        self.root = root
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/FrusreadCLITests/Scripts/volume_server.py").path
        let portFile = root.appendingPathComponent("port")
        log = root.appendingPathComponent("requests.log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, root.path, portFile.path, log.path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(50_000) }
        }
        guard let port else {
            process.terminate()
            throw CLIError("the test HTTP server did not start")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the server inherits the test thread's blocked signals, SIGTERM among them.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The base address of folder `dir` served with `behaviour`.
    func base(_ behaviour: String, _ dir: String) -> String { "http://127.0.0.1:\(port)/\(behaviour)/\(dir)" }

    struct Request: Decodable {
        var method: String
        var path: String
        var range: String?
        var status: Int
        var bytes: Int
    }

    /// The requests served so far, in order. The server logs a request after answering it, so
    /// a client can be gone before its request is logged: wait for `atLeast` lines (up to 10 s).
    func requests(atLeast count: Int = 0) -> [Request] {
        var out: [Request] = []
        for _ in 0..<200 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            out = text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
            if out.count >= count { break }
            usleep(50_000)
        }
        return out
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

/// `frusread get` against the local server, into a library in a temporary XDG_DATA_HOME.
@Suite(.serialized) struct GetCLITests {
    let id = "frus1981-88v05"

    /// A server folder holding the shared partial volume as `good/ID.xml`, a truncated copy as
    /// `corrupt/ID.xml` and a copy whose header names another volume as `wrong/ID.xml`; nil
    /// (with a message) when ../shared is absent.
    func setUp() throws -> (server: VolumeServer, data: URL, original: Data)? {
        guard let partial = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return nil
        }
        guard (try? Spawn.run("/usr/bin/env", ["python3", "-c", "1"], environment: ProcessInfo.processInfo.environment).status) == 0 else {
            print("python3 is absent: skipping the frusread get tests (they need its http.server)")
            return nil
        }
        let folder = try Fixtures.temporaryFolder("frusread-get")
        let root = folder.appendingPathComponent("served")
        let original = try Data(contentsOf: partial)
        for dir in ["good", "corrupt", "wrong"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try original.write(to: root.appendingPathComponent("good/\(id).xml"))
        try original.prefix(original.count * 6 / 10).write(to: root.appendingPathComponent("corrupt/\(id).xml"))
        let text = String(decoding: original, as: UTF8.self)
        let other = text.replacingOccurrences(of: "<idno type=\"frus\">\(id)</idno>", with: "<idno type=\"frus\">frus1981-88v04</idno>")
        #expect(other != text)
        try Data(other.utf8).write(to: root.appendingPathComponent("wrong/\(id).xml"))
        return (try VolumeServer(root: root), folder.appendingPathComponent("data"), original)
    }

    func get(_ args: [String], data: URL, extra: [String: String?] = [:]) throws -> FrusreadBinary.Output {
        var env: [String: String?] = ["XDG_DATA_HOME": data.path, "FRUSREAD_CORPUS": nil, "FRUSREAD_MIRROR": nil]
        for (k, v) in extra { env[k] = v }
        return try FrusreadBinary.run(["get"] + args, environment: env)
    }

    func library(_ data: URL) -> URL { data.appendingPathComponent("frusread/volumes") }

    /// The library's files, hidden ones included, by name.
    func files(_ data: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: library(data).path)) ?? []).sorted()
    }

    @Test func getDownloadsVerifiesAndASecondGetDownloadsNothing() throws {
        guard let (server, data, original) = try setUp() else { return }
        let r = try get([id, "--from", server.base("plain", "good")], data: data)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        // Plain lines without a terminal: where from, then what arrived where.
        #expect(r.stdout.contains("\(id): getting \(server.base("plain", "good"))/\(id).xml"))
        #expect(r.stdout.contains("into \(library(data).path)/\(id).xml"))
        #expect(try Data(contentsOf: library(data).appendingPathComponent("\(id).xml")) == original)
        #expect(!files(data).contains { $0.hasSuffix(".part") })
        let before = server.requests(atLeast: 1).count

        let again = try get([id, "--from", server.base("plain", "good")], data: data)
        #expect(again.status == 0)
        #expect(again.stdout.contains("\(id) is up to date"))
        let second = server.requests(atLeast: before + 1).dropFirst(before)
        #expect(second.count == 1)
        #expect(second.allSatisfy { $0.status == 304 && $0.bytes == 0 })

        // `frusread list` with no --corpus now lists the library's volume (46 documents, from
        // the TEI) and the bundled sample's ids no more than once.
        let list = try FrusreadBinary.run(["list"], environment: ["XDG_DATA_HOME": data.path, "FRUSREAD_CORPUS": nil])
        #expect(list.status == 0, "\(list.stderr)")
        let numbers = list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        let tei = String(decoding: original, as: UTF8.self)
        let teiDocuments = try NSRegularExpression(pattern: #"<div\b[^>]*\btype="document""#)
            .numberOfMatches(in: tei, range: NSRange(location: 0, length: (tei as NSString).length))
        #expect(numbers.count == teiDocuments)
        #expect(numbers.contains("130"))
        // The library's copy wins over the bundled sample's volume of the same id.
        let volumes = try FrusreadBinary.run(["volumes", "--json"], environment: ["XDG_DATA_HOME": data.path, "FRUSREAD_CORPUS": nil])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(volumes.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed.first?["format"] as? String == "tei")
        #expect((listed.first?["path"] as? String)?.hasPrefix(library(data).path) == true)
    }

    @Test func aCutDownloadResumesWhereItStopped() throws {
        guard let (server, data, original) = try setUp() else { return }
        let first = try get([id, "--from", server.base("cut", "good")], data: data)
        #expect(first.status == 1)
        #expect(first.stderr.split(separator: "\n").count == 1, "\(first.stderr)")
        #expect(first.stderr.contains("interrupted"))
        #expect(first.stderr.contains("again to resume"))
        // Nothing in place, the part kept out of sight.
        #expect(!files(data).contains("\(id).xml"))
        #expect(files(data).contains(".\(id).xml.part"))

        let second = try get([id, "--from", server.base("cut", "good")], data: data)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("resuming at"))
        #expect(try Data(contentsOf: library(data).appendingPathComponent("\(id).xml")) == original)
        let gets = server.requests(atLeast: 2).filter { $0.method == "GET" }
        #expect(gets.count == 2)
        // The second request asked only for the rest, and only the rest came.
        #expect(gets.last?.range == "bytes=\(gets[0].bytes)-")
        #expect(gets.last?.status == 206)
        #expect(gets[0].bytes + (gets.last?.bytes ?? 0) == original.count)
        #expect(!files(data).contains { $0.contains(".part") })
    }

    @Test func aServerThatRefusesRangesSendsTheWholeFileAgain() throws {
        guard let (server, data, original) = try setUp() else { return }
        _ = try get([id, "--from", server.base("cutnorange", "good")], data: data)
        let second = try get([id, "--from", server.base("cutnorange", "good")], data: data)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: library(data).appendingPathComponent("\(id).xml")) == original)
        let last = server.requests(atLeast: 2).last
        #expect(last?.status == 200)
        #expect(last?.bytes == original.count)
    }

    @Test func corruptAndWrongVolumesAreRefusedAndTheLibraryIsUnchanged() throws {
        guard let (server, data, original) = try setUp() else { return }
        #expect(try get([id, "--from", server.base("plain", "good")], data: data).status == 0)
        let installed = library(data).appendingPathComponent("\(id).xml")
        let filesBefore = files(data)

        for dir in ["corrupt", "wrong"] {
            let r = try get([id, "--from", server.base("plain", dir)], data: data)
            #expect(r.status == 1, "\(dir)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(dir): \(r.stderr)")
            #expect(r.stderr.contains("refused"), "\(dir): \(r.stderr)")
            #expect(r.stderr.contains("library is unchanged"))
            #expect(try Data(contentsOf: installed) == original, "\(dir)")
            #expect(files(data) == filesBefore, "\(dir)")
        }
        let wrong = try get([id, "--from", server.base("plain", "wrong")], data: data)
        #expect(wrong.stderr.contains("frus1981-88v04"))
        // Into an empty library, too: nothing stays.
        let empty = try Fixtures.temporaryFolder("frusread-get-empty")
        let r = try get([id, "--from", server.base("plain", "corrupt")], data: empty)
        #expect(r.status == 1)
        #expect(files(empty).filter { !$0.hasSuffix(".lock") }.isEmpty, "\(files(empty))")
    }

    @Test func notFoundAndServerErrorAreOneLineEach() throws {
        guard let (server, data, _) = try setUp() else { return }
        for (behaviour, status) in [("status404", "404"), ("status500", "500")] {
            let r = try get([id, "--from", server.base(behaviour, "good")], data: data)
            #expect(r.status == 1)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            #expect(lines.first?.hasPrefix("frusread: \(id): ") == true)
            #expect(lines.first?.contains("HTTP \(status)") == true)
            #expect(!files(data).contains("\(id).xml"))
        }
        // No server at all: one line too.
        let r = try get([id, "--from", "http://127.0.0.1:1/volumes"], data: data)
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    @Test func theMirrorVariableAndUpdate() throws {
        guard let (server, data, _) = try setUp() else { return }
        let mirror: [String: String?] = ["FRUSREAD_MIRROR": server.base("noetag", "good")]
        #expect(try get([id], data: data, extra: mirror).status == 0)
        // No ETag nor Last-Modified: a HEAD compares the size, and nothing is downloaded.
        let before = server.requests(atLeast: 1).count
        let update = try get(["--update"], data: data, extra: mirror)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("\(id) is up to date"))
        #expect(server.requests(atLeast: before + 1).dropFirst(before).map(\.method) == ["HEAD"])
    }

    /// On a terminal (`script` gives one), a progress bar with bytes, rate and time left.
    @Test func aProgressBarOnATerminal() throws {
        guard let (server, data, original) = try setUp() else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("script (util-linux) is absent: skipping the progress bar test")
            return
        }
        let command = "\(FrusreadBinary.path) get \(id) --from \(server.base("plain", "good"))"
        var env = FrusreadBinary.isolated(ProcessInfo.processInfo.environment, in: FrusreadBinary.testCache)
        env["XDG_DATA_HOME"] = data.path
        let r = try Spawn.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: env)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("/s"), "\(r.stdout)")
        let total = String(format: "%.1f MB", Double(original.count) / 1e6)
        #expect(r.stdout.contains(" / \(total)"), "\(r.stdout)")
        #expect(r.stdout.contains("\r\u{1B}[2K"))  // each redraw: to the line start, line erased
    }
}

import Foundation
import FrusModel
import FrusPlainText

/// A folder of plain-text documents read as one volume.
enum PlainTextVolume {
    /// The volume's metadata file: `{"id": "frus1981-88v05", "title": "Foreign Relations …"}`.
    /// Optional keys for citations (README "The corpus format"): `series`, `subseries`,
    /// `volumeNumber`, `volumeTitle`, `editors`, `publisher`, `place`, `year`.
    struct Metadata: Decodable {
        var id: String?
        var title: String?
        var series: String?
        var subseries: String?
        var volumeNumber: String?
        var volumeTitle: String?
        var editors: [String]?
        var publisher: String?
        var place: String?
        var year: String?

        var bibliography: Bibliography {
            Bibliography(
                completeTitle: title, seriesTitle: series, subseriesTitle: subseries, volumeNumber: volumeNumber,
                volumeTitle: volumeTitle, editors: (editors ?? []).map { Bibliography.Editor(name: $0, role: "primary") },
                publisher: publisher, publicationPlace: place, year: year)
        }
    }

    static func source(folder: String, files: [String], diagnostics: inout [Diagnostic]) -> VolumeSource {
        let folderName = ((folder as NSString).standardizingPath as NSString).lastPathComponent
        var meta = Metadata()
        let metaPath = (folder as NSString).appendingPathComponent("volume.json")
        if let data = FileManager.default.contents(atPath: metaPath) {
            do {
                meta = try JSONDecoder().decode(Metadata.self, from: data)
            } catch {
                diagnostics.append(Diagnostic(.warning, "cannot read the volume metadata (\(Self.describe(error))); using the folder name", at: SourceLocation(file: metaPath)))
            }
        }
        let id = meta.id.map(VolumeID.normalized).flatMap { $0.isEmpty ? nil : $0 } ?? folderName
        let title = meta.title
        let bibliography = meta.bibliography
        return VolumeSource(id: id, title: title, path: folder, format: "text") {
            var load = load(id: id, title: title, files: files)
            load.volume.bibliography = bibliography
            return load
        }
    }

    /// Reads every document; a file that cannot be read is skipped with a warning, duplicate
    /// numbers keep the first file (in file-name order). Documents are ordered by number.
    static func load(id: String, title: String?, files: [String]) -> VolumeLoad {
        var results = [Result<PlainTextImporter.Result, Diagnostic>?](repeating: nil, count: files.count)
        // Files are independent: read them on both cores.
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                out[i] = readOne(files[i], volumeID: id)
            }
        }
        var diagnostics: [Diagnostic] = []
        var documents: [Document] = []
        var firstFile: [String: String] = [:]
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let doc)?:
                diagnostics += doc.diagnostics
                if let first = firstFile[doc.document.number] {
                    diagnostics.append(Diagnostic(
                        .warning, "duplicate document \(doc.document.number) (also in \(first)); the first is kept",
                        at: SourceLocation(file: files[i])))
                    continue
                }
                firstFile[doc.document.number] = files[i]
                documents.append(doc.document)
            case .failure(let d)?: diagnostics.append(d)
            case nil: break
            }
        }
        documents.sort { DocumentNumber.precedes($0.number, $1.number) }
        let volume = Volume(id: id, title: title ?? VolumeID(id).citation ?? id, documents: documents)
        return VolumeLoad(volume: volume, diagnostics: diagnostics)
    }

    static func readOne(_ file: String, volumeID: String) -> Result<PlainTextImporter.Result, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(Diagnostic(.error, "cannot read this file; skipped", at: SourceLocation(file: file)))
        }
        do {
            return .success(try PlainTextImporter.read([UInt8](data), path: file, volumeID: volumeID))
        } catch let d as Diagnostic {
            var d = d
            d.message += "; skipped"
            return .failure(d)
        } catch {
            return .failure(Diagnostic(.error, "\(error); skipped", at: SourceLocation(file: file)))
        }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DecodingError {
            switch e {
            case .dataCorrupted(let c): return c.debugDescription
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c): return c.debugDescription
            @unknown default: return "\(e)"
            }
        }
        return "\(error)"
    }
}

/// Document numbers order numerically ("9" before "10", "12" before "12a"), others by text.
public enum DocumentNumber {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let na = Int(a.prefix { $0.isNumber }), nb = Int(b.prefix { $0.isNumber })
        switch (na, nb) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a < b
        }
    }
}

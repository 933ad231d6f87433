import Foundation

/// Paths of the test fixtures: the bundled corpus, the seed documents and the real FRUS TEI
/// in ../shared (which tests skip, with a message, when it is absent).
public enum Fixtures {
    /// The package root (found from this file's path: Sources/FrusTestSupport/Fixtures.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled corpus folder.
    public static var bundledCorpus: URL { packageRoot.appendingPathComponent("Corpus") }

    /// The bundled copy of the plain-text seed of document 175.
    public static var seed175: URL {
        bundledCorpus.appendingPathComponent("frus1981-88v05/000_6c35261424b29c7e.txt")
    }
    /// The bundled copy of the plain-text seed of document 168.
    public static var seed168: URL {
        bundledCorpus.appendingPathComponent("frus1981-88v05/002_2498076a82a6aec1.txt")
    }

    /// ../shared beside the checkout, if present.
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// ../shared/frus/frus1981-88v05-partial.xml, if present.
    public static var partialVolume: URL? {
        guard let shared else { return nil }
        let url = shared.appendingPathComponent("frus/frus1981-88v05-partial.xml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The message tests print when they skip for want of ../shared.
    public static let sharedMissing = "../shared/frus is absent: skipping tests on the real FRUS TEI"

    /// A new empty temporary folder.
    public static func temporaryFolder(_ name: String = "frusread-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import FrusLayout
import FrusModel
import FrusTEI
import FuzzSupport

/// The TEI importer: any bytes → a volume or a thrown error, never a crash or a hang; every
/// document it yields lays out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTEI(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let load = try? TEIImporter.read(data: bytes, path: "fuzz.xml") else { return 0 }
    for document in load.volume.documents.prefix(8) {
        _ = Layout.document(document, LayoutOptions(width: 37, includeFootnotes: true))
    }
    return 0
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzTEI_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzTEI)
}

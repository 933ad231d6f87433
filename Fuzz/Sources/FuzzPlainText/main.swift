import FrusLayout
import FrusModel
import FrusPlainText
import FuzzSupport

/// The plain-text importer: any bytes → a document or a thrown error, and the document lays out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let result = try? PlainTextImporter.read(bytes, path: "fuzz.txt", volumeID: "fuzz") else { return 0 }
    _ = Layout.document(result.document, LayoutOptions(width: 41, includeFootnotes: true))
    return 0
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzPlainText_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzPlainText)
}

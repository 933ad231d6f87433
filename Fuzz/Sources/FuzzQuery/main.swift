import FrusFind
import FuzzSupport

/// The search query parser: any text → a query or a `SearchQueryError`, never a crash; a parsed
/// query, and the text as typed after `/`, are then found in a sample text without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    let sample = "The Secretary’s talk with Brezhnev — “détente” (1983); Naïve café. \(text)"
    _ = TextFinder(.literal(text)).ranges(in: sample)
    guard let query = try? SearchQuery(parsing: text) else { return 0 }
    for term in query.positiveTerms { _ = term.words }
    _ = TextFinder(.terms(query)).ranges(in: sample)
    return 0
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzQuery_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzQuery)
}

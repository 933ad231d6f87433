import Foundation
import FrusModel
import FrusUserFiles
import FuzzSupport

/// The reader's own files as read back: any bytes as a state file (`corpus-HASH.json`, decoded
/// as `SessionStore` decodes it, merged with a change and written again, as a save does) and as
/// a notes file (`NotesFile.parse`, which must keep every byte of text it does not understand
/// and never fail). Never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: count)) } ?? Data()
    if var record = try? JSONDecoder().decode(SessionRecord.self, from: bytes) {
        let place = record.place ?? ReadingPlace(volume: "frus1981-88v05", document: "175")
        record.merge(SessionChange(place: place, back: record.back + [place], visits: [], marks: ["a": nil]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let again = try? encoder.encode(record) {
            // What a save writes, the next start reads.
            guard (try? JSONDecoder().decode(SessionRecord.self, from: again)) == record else {
                fatalError("invariant broken: a state written cannot be read back the same")
            }
        }
    }
    _ = NotesFile.parse(bytes, volume: "frus1981-88v05", document: "175", file: "fuzz.md")
    _ = NotesFile.endsInOpenFrontMatter(bytes)
    return 0
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzState_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzState)
}

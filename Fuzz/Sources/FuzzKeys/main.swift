import FrusReader
import FrusTerminal
import FuzzSupport

/// The key decoder: any sequence of `get_wch` results → keys, never a crash; a character key is
/// never a control character (those would reach the reader's text fields and the screen).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count)
    while !input.isExhausted {
        let isKeyCode = input.bool()
        let value = UInt32(truncatingIfNeeded: input.int(0...Int(UInt32.max)))
        let raw: RawInput = isKeyCode ? .keyCode(Int32(bitPattern: value % 1024)) : .character(value)
        guard case .key(let key)? = KeyDecoder.decode(raw) else { continue }
        if case .char(let c) = key {
            for scalar in c.unicodeScalars {
                let v = scalar.value
                fuzzCheck(!(v < 0x20 || (v >= 0x7F && v < 0xA0)), "control U+\(String(v, radix: 16)) decoded as a character key")
            }
        }
    }
    return 0
}

/// The executable's entry point (see FuzzSupport's `fuzzMain`).
@_cdecl("FuzzKeys_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    fuzzMain(argc, argv, fuzzKeys)
}

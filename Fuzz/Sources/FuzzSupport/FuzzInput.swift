/// The fuzzer's bytes read as a stream of choices (like LLVM's FuzzedDataProvider): a target
/// that builds structured input (a model, a key sequence) takes numbers and strings from it,
/// and gets zeros once the bytes run out, so every input is valid and short inputs stay short.
public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    public var isExhausted: Bool { position >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `range` (uniform enough for fuzzing).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt(range.upperBound - range.lowerBound)
        if span == 0 { return range.lowerBound }
        var value: UInt = 0
        var needed = span
        while needed > 0 {
            value = value << 8 | UInt(byte())
            needed >>= 8
        }
        return range.lowerBound + Int(value % (span + 1))
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...(choices.count - 1))] }

    /// The rest of the bytes.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }
}

/// Stops the run with a message libFuzzer reports as a crash (the input is saved).
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}

/// libFuzzer's driver (in the library `-sanitize=fuzzer` links): parses the options, runs the
/// fuzzing loop over `callback`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// A fuzz target's `main`: SwiftPM links an executable target's entry point as
/// `<TargetName>_main` (its `main` is an alias of it), so each target defines that symbol with
/// `@_cdecl` and hands its test function to libFuzzer's driver here.
public func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}

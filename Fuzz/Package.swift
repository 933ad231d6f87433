// swift-tools-version:6.1
// Fuzz targets for frusread (libFuzzer), built apart from the main package: `swift build` and
// `swift test` at the top never see them. Build and run one with `Scripts/fuzz.sh TARGET SECONDS`.
//
// Each target is an executable whose only entry point is `LLVMFuzzerTestOneInput`; libFuzzer
// supplies `main`. They are compiled with `-parse-as-library` (no top-level code, so no Swift
// `main`) and the whole build with `-sanitize=fuzzer,address` (Scripts/fuzz.sh passes it), so the
// main package's modules are instrumented too: coverage guides the fuzzer through them.
//
// Adding a target: a folder Sources/FuzzNAME with one file defining
// `@_cdecl("LLVMFuzzerTestOneInput")`, a line in `targets` below, and its name in
// Scripts/fuzz.sh's list (with its seeds, if any).
import PackageDescription

let fuzzFlags: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name, dependencies: ["FuzzSupport"] + dependencies, swiftSettings: fuzzFlags)
}

let package = Package(
    name: "frusread-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "frusread", path: "..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: [.swiftLanguageMode(.v6)]),
        fuzzTarget("FuzzTEI", [
            .product(name: "FrusTEI", package: "frusread"), .product(name: "FrusModel", package: "frusread"),
            .product(name: "FrusLayout", package: "frusread"),
        ]),
        fuzzTarget("FuzzPlainText", [
            .product(name: "FrusPlainText", package: "frusread"), .product(name: "FrusModel", package: "frusread"),
            .product(name: "FrusLayout", package: "frusread"),
        ]),
        fuzzTarget("FuzzQuery", [.product(name: "FrusFind", package: "frusread")]),
        fuzzTarget("FuzzKeys", [
            .product(name: "FrusTerminal", package: "frusread"), .product(name: "FrusReader", package: "frusread"),
        ]),
        fuzzTarget("FuzzTheme", [.product(name: "FrusTheme", package: "frusread")]),
        fuzzTarget("FuzzLayout", [
            .product(name: "FrusLayout", package: "frusread"), .product(name: "FrusModel", package: "frusread"),
        ]),
    ]
)

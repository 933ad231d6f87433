// swift-tools-version:6.1
// Fuzz targets for frusread (libFuzzer), built apart from the main package: `swift build` and
// `swift test` at the top never see them. Build and run one with `Scripts/fuzz.sh TARGET SECONDS`.
//
// Each target is an executable whose only entry point is `LLVMFuzzerTestOneInput`; libFuzzer
// supplies `main`. The whole build is compiled with `-sanitize=fuzzer,address -parse-as-library`
// (Scripts/fuzz.sh passes them: a main.swift without top-level code then has no Swift `main`),
// so the main package's modules are instrumented too: coverage guides the fuzzer through them.
// Release builds link the Swift runtime statically, as the main package's modules expect.
//
// Adding a target: a folder Sources/FuzzNAME with a main.swift defining
// `@_cdecl("LLVMFuzzerTestOneInput")`, a line in `targets` below, and its name in
// Scripts/fuzz.sh's lists (with its seeds, if any).
import PackageDescription

let staticRuntime = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name, dependencies: ["FuzzSupport"] + dependencies,
        swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-static-stdlib"], staticRuntime)],
        linkerSettings: [.unsafeFlags(["-static-stdlib"], staticRuntime)])
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
        fuzzTarget("FuzzConfig", [.product(name: "FrusUserFiles", package: "frusread")]),
        fuzzTarget("FuzzState", [
            .product(name: "FrusUserFiles", package: "frusread"), .product(name: "FrusModel", package: "frusread"),
        ]),
        fuzzTarget("FuzzLayout", [
            .product(name: "FrusLayout", package: "frusread"), .product(name: "FrusModel", package: "frusread"),
        ]),
    ]
)

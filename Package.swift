// swift-tools-version:6.1
// frusread — a keyboard-driven terminal reader for Foreign Relations of the United States.
//
// Dependencies run one way (readers → one model → writers, as in pandoc):
//   FrusPlainText, FrusTEI → FrusModel          (importers: the only code that knows a file format)
//   FrusImport → FrusPlainText, FrusTEI          (corpus loading: folders, volume files, lazily)
//   FrusLayout → FrusModel                       (pure: model + width → styled lines)
//   FrusReader → FrusModel, FrusLayout, FrusFind, FrusWriters (pure: state + actions; corpus search injected)
//   FrusView → FrusReader, FrusLayout, FrusTheme (pure: state → cell grid)
//   FrusTerminal → FrusView, CNcursesw           (the only code that imports curses)
//   FrusFind → FrusModel, FrusLayout             (pure: query syntax, folding, in-document matches)
//   FrusSearch → FrusFind, FrusImport, GRDB, FrusDeflate (the full-text index; the only code that imports GRDB)
//   FrusDeflate → CZlib                          (zlib for the index's stored text, libdeflate when present; no Foundation)
//   FrusWriters → FrusModel                      (pure: model → citations, Markdown; like pandoc's writers)
//   FrusTheme, FrusUserFiles → FrusTOML          (TOML checked before TOMLKit parses it)
//   FrusUserFiles → FrusModel                    (the user's own files under the XDG folders: state,
//                                                 marks, history, notes, config, library; the only
//                                                 code that reads or writes them, atomically)
//   CCurlLoader                                  (HTTP for `frusread get`: libcurl loaded with dlopen)
//   FrusTEI → CLibXML2                           (libxml2's headers; the library loaded with dlopen at the first parse)
//   frusread → everything                        (argument parsing and subcommands)
import PackageDescription

/// Release builds on Linux link the Swift runtime and Foundation statically: loading them as
/// shared libraries costs about 8 ms at every start (measured: a Foundation "hello" 10.3 →
/// 2.5 ms), more than `frusread list` or a search of a warm index needs. The modules must be
/// compiled with the flag too (their imports then name the static libraries).
let staticRuntime = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-static-stdlib"], staticRuntime)]
let staticSwiftRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], staticRuntime)]
/// Release builds of `frusread` also link SQLite, ncursesw, zlib and the C++ library statically:
/// loading and binding five shared libraries was 1.5 to 3 ms of every start (a search of a warm
/// index answers in 15 to 25 ms; README, "Seventh round"). StaticLibraries/ holds one linker
/// script per library, named as the shared library (`libsqlite3.so`: `INPUT(-l:libsqlite3.a)`), so
/// that `-lsqlite3`, which GRDB's module map asks for, finds the archive that Debian's -dev
/// package installs beside the shared library, whatever the architecture's folder. lld, which
/// ships with Swift, because gold reads an archive named by a script only once and the C++
/// library is asked for twice, before and after ICU.
let staticLibraries: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-L", Context.packageDirectory + "/StaticLibraries"], staticRuntime),
]
/// Where libxml2's headers are (`pkg-config --cflags libxml-2.0`): for CLibXML2's C file and for
/// the Swift module that imports it.
let libxml2Headers = ["-I/usr/include/libxml2"]

let package = Package(
    name: "frusread",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "frusread", targets: ["frusread"]),
        // Libraries for packages that depend on this one by path: the fuzz targets (Fuzz/).
        .library(name: "FrusModel", targets: ["FrusModel"]),
        .library(name: "FrusTEI", targets: ["FrusTEI"]),
        .library(name: "FrusPlainText", targets: ["FrusPlainText"]),
        .library(name: "FrusImport", targets: ["FrusImport"]),
        .library(name: "FrusLayout", targets: ["FrusLayout"]),
        .library(name: "FrusFind", targets: ["FrusFind"]),
        .library(name: "FrusTheme", targets: ["FrusTheme"]),
        .library(name: "FrusReader", targets: ["FrusReader"]),
        .library(name: "FrusTerminal", targets: ["FrusTerminal"]),
        .library(name: "FrusUserFiles", targets: ["FrusUserFiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries (Debian: libncursesw5-dev, libxml2-dev).
        .systemLibrary(
            name: "CNcursesw", path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        // libxml2 (Debian: libxml2-dev for its headers, libxml2 at run time): the TEI importer's
        // parser, loaded with dlopen when a volume is first parsed (see its header). Its
        // headers' folder as `pkg-config --cflags libxml-2.0` gives it on Debian and Ubuntu: the
        // pkg-config setting of a system library would link it, at a cost to every start.
        .target(
            name: "CLibXML2", path: "Sources/CLibXML2", cSettings: [.unsafeFlags(libxml2Headers)],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // zlib (Debian: zlib1g-dev): the search index stores documents' text and outlines
        // compressed. A C target wrapping it, not a system module (see its header).
        // It compresses through libdeflate instead when the system has one (dlopen; same format).
        .target(
            name: "CZlib", path: "Sources/CZlib",
            linkerSettings: [.linkedLibrary("z"), .linkedLibrary("dl", .when(platforms: [.linux]))]),

        // HTTP through libcurl, loaded with dlopen by `frusread get` only (see its header).
        .target(name: "CCurlLoader", path: "Sources/CCurlLoader", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

        // The shared document model.
        .target(name: "FrusModel", swiftSettings: swift6),

        // Importers: each turns one file format into the model.
        .target(name: "FrusPlainText", dependencies: ["FrusModel"], swiftSettings: swift6),
        .target(
            name: "FrusTEI", dependencies: ["FrusModel", "CLibXML2"],
            swiftSettings: swift6 + [.unsafeFlags(libxml2Headers.flatMap { ["-Xcc", $0] })]),
        // Corpus loading: finds volumes in a folder or file, picks the importer, loads lazily.
        .target(
            name: "FrusImport", dependencies: ["FrusModel", "FrusPlainText", "FrusTEI"],
            swiftSettings: swift6),

        // Pure layout: document + width → wrapped, styled lines with reference positions.
        .target(name: "FrusLayout", dependencies: ["FrusModel"], swiftSettings: swift6),

        // TOML text checked before TOMLKit parses it (input that crashes its parser is refused).
        .target(name: "FrusTOML", swiftSettings: swift6),

        // Colour themes (TOML files in Themes/).
        .target(
            name: "FrusTheme", dependencies: ["FrusTOML", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swift6),

        // Pure reader state and actions.
        .target(name: "FrusReader", dependencies: ["FrusModel", "FrusLayout", "FrusFind", "FrusWriters"], swiftSettings: swift6),

        // Pure view: reader state → cell grid.
        .target(
            name: "FrusView", dependencies: ["FrusModel", "FrusLayout", "FrusReader", "FrusTheme", "FrusFind"],
            swiftSettings: swift6),

        // The thin curses layer: flushes grids, reads keys, owns the terminal.
        .target(
            name: "FrusTerminal",
            dependencies: ["CNcursesw", "FrusView", "FrusReader", "FrusTheme", "FrusModel", "FrusLayout"],
            swiftSettings: swift6),

        // Pure search logic the reader can use without SQLite: the query language, text folding
        // (case, diacritics, apostrophes), matches in a document and on laid-out lines.
        .target(name: "FrusFind", dependencies: ["FrusModel", "FrusLayout"], swiftSettings: swift6),

        .target(name: "FrusDeflate", dependencies: ["CZlib"], swiftSettings: swift6),

        // The persistent full-text index (SQLite FTS5 through GRDB) and the fast-start catalogue.
        .target(
            name: "FrusSearch",
            dependencies: [
                "FrusModel", "FrusImport", "FrusFind", "FrusDeflate",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the FTS5 snippet function (SnippetFunction.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swift6),

        // Writers: citations and exports (pure, no files).
        .target(name: "FrusWriters", dependencies: ["FrusModel"], swiftSettings: swift6),

        // The user's own files (state, marks, history, notes, config, downloaded volumes).
        .target(
            name: "FrusUserFiles",
            dependencies: ["FrusModel", "FrusTOML", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swift6),

        .executableTarget(
            name: "frusread",
            dependencies: [
                "FrusModel", "FrusImport", "FrusLayout", "FrusTheme", "FrusReader", "FrusView",
                "FrusTerminal", "FrusFind", "FrusSearch", "FrusWriters", "FrusUserFiles", "FrusTEI", "CCurlLoader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swift6, linkerSettings: staticSwiftRuntime + staticLibraries),

        // Benchmarks (release build): `swift run -c release frusread-bench --help`.
        .executableTarget(
            name: "frusread-bench",
            dependencies: [
                "FrusModel", "FrusImport", "FrusPlainText", "FrusTEI", "FrusLayout", "FrusTheme",
                "FrusReader", "FrusView", "FrusTerminal", "FrusFind", "FrusSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/FrusBench",
            swiftSettings: swift6, linkerSettings: staticSwiftRuntime),

        // Helpers shared by the test targets: fixture paths (seeds, ../shared), running the binary.
        .target(name: "FrusTestSupport", dependencies: ["FrusModel"], swiftSettings: swift6),

        .testTarget(name: "FrusModelTests", dependencies: ["FrusModel", "FrusTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "FrusImportTests",
            dependencies: ["FrusModel", "FrusImport", "FrusPlainText", "FrusTestSupport"],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusTEITests", dependencies: ["FrusModel", "FrusTEI", "FrusImport", "FrusTestSupport"],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusLayoutTests",
            dependencies: ["FrusModel", "FrusLayout", "FrusImport", "FrusTestSupport"],
            swiftSettings: swift6),
        .testTarget(name: "FrusThemeTests", dependencies: ["FrusTheme", "FrusTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "FrusReaderTests",
            dependencies: ["FrusModel", "FrusReader", "FrusLayout", "FrusImport", "FrusFind", "FrusTestSupport"],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusViewTests",
            dependencies: [
                "FrusModel", "FrusView", "FrusReader", "FrusLayout", "FrusTheme", "FrusImport", "FrusFind",
                "FrusTestSupport",
            ],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusTerminalTests",
            dependencies: ["FrusTerminal", "FrusView", "FrusReader", "FrusTheme"],
            swiftSettings: swift6),
        // The reader end to end, in tmux (skipped with a message when tmux is absent).
        .testTarget(
            name: "FrusreadE2ETests", dependencies: ["FrusTestSupport"], exclude: ["Scripts"],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusSearchTests",
            dependencies: ["FrusModel", "FrusFind", "FrusSearch", "FrusImport", "FrusLayout", "FrusTestSupport", "FrusDeflate"],
            swiftSettings: swift6),
        .testTarget(
            name: "FrusreadCLITests", dependencies: ["FrusTestSupport"], exclude: ["Scripts"], swiftSettings: swift6),
        .testTarget(
            name: "FrusWritersTests",
            dependencies: ["FrusModel", "FrusWriters", "FrusImport", "FrusTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "FrusUserFilesTests",
            dependencies: ["FrusModel", "FrusUserFiles", "FrusTestSupport"], swiftSettings: swift6),
    ]
)

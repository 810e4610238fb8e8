// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tongwen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tongwen", targets: ["tongwen"]),
        .library(name: "Tongwen", targets: ["Tongwen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // C libraries, each seen by exactly one Swift module.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]),

        // Markdown → HTML fragment, headings, links, source positions. Only importer of CCmarkGFM.
        .target(name: "Markup", dependencies: ["CCmarkGFM"]),
        // HTML fragment rewriting and XML writing. Only importer of CLibXML2.
        .target(name: "HTMLKit", dependencies: ["CLibXML2"]),
        // gzip of whole buffers (the search index files). Only importer of CLibDeflate.
        .target(name: "GzipKit", dependencies: ["CLibDeflate"]),

        .target(
            name: "Tongwen",
            dependencies: [
                "Markup", "HTMLKit", "GzipKit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // `tongwen serve`: HTTP (FlyingFox), file watching (inotify), live reload.
        .target(
            name: "Preview",
            dependencies: [
                "Tongwen", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),
        .executableTarget(
            name: "tongwen",
            dependencies: [
                "Tongwen", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc for the whole process:
            // a build allocates millions of short-lived strings and nodes on every core, and
            // glibc's arenas spent 10–15% of it in malloc, free and consolidation.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),

        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        // Runs the built `tongwen` binary: exit codes, messages, `init`.
        .testTarget(name: "CLITests", dependencies: ["tongwen"]),
        .testTarget(name: "HTMLKitTests", dependencies: ["HTMLKit"]),
        .testTarget(name: "GzipKitTests", dependencies: ["GzipKit"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Tongwen"]),
        .testTarget(
            name: "TongwenTests", dependencies: ["Tongwen"],
            exclude: ["Fixtures", "Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

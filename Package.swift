// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "routemap",
    // macOS 15 for the Synchronization module (Mutex, Atomic); Linux is what the project is built and tested on.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "routemap", targets: ["routemap"]),
        .library(name: "RoutemapKit", targets: ["RoutemapKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev, through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // cmark-gfm's allocator for one document at a time, per thread (C for its thread-local arena).
        .target(name: "MarkdownArena"),
        // HTML's text rules (escaping, character references), shared by the modules below.
        .target(name: "HTMLText"),
        // The only module that sees a C pointer.
        .target(
            name: "RoutemapMarkdown",
            dependencies: ["CCmarkGFM", "MarkdownArena", "HTMLText"],
            // Lets cmark-gfm call our cmark_manage_extensions_special_characters (ThreadSafety.swift).
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"])]
        ),
        // Mustache templates: parsed once, rendered from views that name their own fields.
        .target(name: "Templates", dependencies: ["HTMLText"]),
        .target(
            name: "RoutemapKit",
            dependencies: ["HTMLText", "RoutemapMarkdown", "Templates", .product(name: "Yams", package: "Yams")],
            plugins: ["TemplateFieldsPlugin"]
        ),
        // Each view's `field(_:)`, generated at build time from its stored properties: a field added
        // to a view is a field templates can name (docs/guide/code.md: why not a macro).
        .executableTarget(name: "TemplateFieldsGenerator"),
        .plugin(name: "TemplateFieldsPlugin", capability: .buildTool(), dependencies: ["TemplateFieldsGenerator"]),
        // The editors' preview: serves the site from memory, watches, rebuilds, reloads open pages.
        .target(
            name: "Preview",
            dependencies: ["RoutemapKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "routemap",
            dependencies: [
                "RoutemapKit",
                "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RoutemapMarkdownTests", dependencies: ["RoutemapMarkdown", "MarkdownArena"]),
        .testTarget(name: "TemplateFieldsGeneratorTests", dependencies: ["TemplateFieldsGenerator"]),
        // swift-mustache only here: the templates must render exactly as it renders them.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(
            name: "RoutemapKitTests",
            // FlyingFox only to stand in for other sites when `check --external` is tested offline.
            dependencies: ["RoutemapKit", .product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PreviewTests",
            dependencies: ["Preview", "RoutemapKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // Runs the built `routemap` command as a child process: hanging inputs, interrupted builds.
        .testTarget(name: "CLITests", dependencies: ["routemap"]),
    ],
    // Swift 6: complete concurrency checking in every target (see docs/guide/code.md, Concurrency).
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "routemap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "routemap", targets: ["routemap"]),
        .library(name: "RoutemapKit", targets: ["RoutemapKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev, through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only module that sees a C pointer.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "RoutemapKit",
            dependencies: [
                "Markdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "routemap",
            dependencies: [
                "RoutemapKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "RoutemapKitTests",
            dependencies: ["RoutemapKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "JSHost",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "JSHost", targets: ["JSHost"]),
        .executable(name: "jshost", targets: ["jshost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        // The few C-only pieces: GLib main-context pumping and the exported-but-undeclared JSC SPI.
        .target(name: "CJSHostSupport", dependencies: ["CJavaScriptCore"]),
        .executableTarget(name: "EmbedJavaScriptTool", path: "Sources/EmbedJavaScriptTool"),
        .plugin(
            name: "EmbedJavaScript",
            capability: .buildTool(),
            dependencies: ["EmbedJavaScriptTool"]
        ),
        .target(
            name: "JSHost",
            dependencies: [
                "CJavaScriptCore",
                "CJSHostSupport",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Web/JS"],
            plugins: ["EmbedJavaScript"]
        ),
        .executableTarget(
            name: "jshost",
            dependencies: [
                "JSHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jshost-demo", dependencies: ["JSHost"], path: "Examples/MultiContextDemo"),
        .executableTarget(name: "getting-started", dependencies: ["JSHost"], path: "Examples/GettingStarted"),
        .executableTarget(name: "swift-api-bench", dependencies: ["JSHost", "CJavaScriptCore"], path: "Benchmarks/SwiftAPI"),
        .testTarget(name: "JSHostTests", dependencies: ["JSHost"]),
    ],
    swiftLanguageModes: [.v6]
)

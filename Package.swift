// swift-tools-version:6.0
import PackageDescription

// esafety: a terminal application that runs a UK school's online-safety policy.
// Dependencies point one way: esafety -> ESafetyApp -> {TerminalUI, ESafetyCore}; TerminalUI -> CNcursesw.
let package = Package(
    name: "esafety",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "esafety", targets: ["esafety"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "ESafetyCore", targets: ["ESafetyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The only C surface: ncursesw with wide characters on and macros exposed as functions.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                       providers: [.apt(["libncurses-dev"])]),
        // Calendar dates and clock times with no time zone, shared by the UI kit and the domain.
        .target(name: "CivilTime"),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CivilTime"]),

        // Defaults from Resources/ are embedded in the binary at build time, so it finds them
        // wherever it is run from (swift run, the build folder, or a copy elsewhere).
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(name: "EmbedResourcesPlugin", capability: .buildTool(),
                dependencies: ["EmbedResourcesTool"], path: "Sources/EmbedResourcesPlugin"),
        .target(name: "ESafetyCore", dependencies: [
            "CivilTime",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ], plugins: ["EmbedResourcesPlugin"]),

        .target(name: "ESafetyApp", dependencies: ["TerminalUI", "ESafetyCore", "CivilTime"]),
        .executableTarget(name: "esafety", dependencies: [
            "ESafetyApp", "ESafetyCore", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests split by kind, as swift-argument-parser does: a target per library (unit and
        // screen tests), end-to-end tests of the built binary, and the long robustness runs
        // (crash trials, key fuzz, contention). `swift test` runs them all.
        // TestSupport is what several test targets share: the app on a virtual terminal, and
        // the built binary driven by commands and tmux.
        .target(name: "TestSupport", dependencies: ["ESafetyApp", "TerminalUI", "ESafetyCore"], path: "Tests/TestSupport"),
        .testTarget(name: "CivilTimeTests", dependencies: ["CivilTime"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CivilTime"]),
        .testTarget(name: "ESafetyCoreTests", dependencies: ["ESafetyCore", "CivilTime"]),
        .testTarget(name: "ESafetyAppTests", dependencies: ["ESafetyApp", "TerminalUI", "ESafetyCore", "CivilTime", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["esafety", "TestSupport"]),
        .testTarget(name: "RobustnessTests", dependencies: ["esafety", "ESafetyApp", "TerminalUI", "ESafetyCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6)
]

let package = Package(
  name: "cop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cop", targets: ["cop"]),
    .library(name: "CoPKit", targets: ["CoPKit"]),
    .library(name: "GitStore", targets: ["GitStore"]),
    // Reliability: the fuzz targets, a product so that the fuzz package (Fuzz/Package.swift) can use them.
    .library(name: "CoPFuzzTargets", targets: ["CoPFuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
  ],
  targets: [
    // C libraries
    .systemLibrary(
      name: "CLibgit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),
    // The commit `cop` was built from: the Makefile defines COP_COMMIT (`-Xcc -DCOP_COMMIT=...`).
    .target(name: "CCopBuildInfo"),

    // Core
    .target(
      name: "GitStore",
      dependencies: ["CLibgit2"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "CoPKit",
      dependencies: [
        "GitStore",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Ink", package: "Ink"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),

    // Plugins
    .target(
      name: "Decline",
      dependencies: ["CoPKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Plugins/Decline",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "NewTowns",
      dependencies: ["CoPKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Plugins/NewTowns",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "NPRZ",
      dependencies: ["CoPKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Plugins/NPRZ",
      swiftSettings: swiftSettings
    ),

    // CLI
    .executableTarget(
      name: "cop",
      dependencies: [
        "CoPKit",
        "CCopBuildInfo",
        "Decline",
        "NewTowns",
        "NPRZ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),

    // Reliability: the fuzz targets (Fuzz/Targets) and the replay of their committed corpora (Fuzz/Corpus)
    .target(
      name: "CoPFuzzTargets",
      dependencies: ["CoPKit"],
      path: "Fuzz/Targets",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "FuzzCorpusTests",
      dependencies: ["CoPFuzzTargets"],
      swiftSettings: swiftSettings
    ),

    // Tests
    // The one test-support target: scratch folders, git repositories, running `cop`.
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "GitStoreTests",
      dependencies: ["GitStore", "CLibgit2"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "CoPKitTests",
      dependencies: ["CoPKit", "GitStore", "TestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "DeclineTests",
      dependencies: ["Decline", "CoPKit"],
      path: "Tests/DeclineTests",
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NewTownsTests",
      dependencies: ["NewTowns", "CoPKit", "GitStore"],
      path: "Tests/NewTownsTests",
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NPRZTests",
      dependencies: ["NPRZ", "CoPKit"],
      path: "Tests/NPRZTests",
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "copTests",
      dependencies: ["CoPKit", "GitStore", "TestSupport"],
      exclude: ["Golden"],
      swiftSettings: swiftSettings
    ),
  ]
)

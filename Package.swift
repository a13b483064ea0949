// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6)
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let ink: Target.Dependency = .product(name: "Ink", package: "Ink")

// The module graph, lowest first (docs/ARCHITECTURE.md draws it). Each target names only targets above
// it in this file, so no module can reach a higher one:
// CoPCore <- CoPTables <- CoPPluginKit <- CoPCasebook <- CoPRepository <- CoPPluginHost <- CoPReport
// <- Commands <- cop; the built-in plugins and CoPPluginKitTesting on CoPPluginKit alone.
let package = Package(
  name: "cop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cop", targets: ["cop"]),
    // What a plugin links: the plugin contract, result tables, the protocol, PluginMain. No git, no Ink.
    .library(name: "CoPPluginKit", targets: ["CoPPluginKit"]),
    // The contract test kit, separate so that a plugin's executable does not link the test framework.
    .library(name: "CoPPluginKitTesting", targets: ["CoPPluginKitTesting"]),
    .library(name: "GitStore", targets: ["GitStore"]),
    // Reliability: the fuzz targets, a product so that the fuzz package (Fuzz/Package.swift) can use them.
    .library(name: "CoPFuzzTargets", targets: ["CoPFuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    // `swift package generate-documentation --target CoPPluginKit` (`make docs-api`); a command plugin,
    // linked into no product.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
    // The model, numbers, periods, diagnostics and the comparison engine: Foundation only.
    .target(
      name: "CoPCore",
      swiftSettings: swiftSettings
    ),
    // Tables and their renderers (terminal, CSV, Markdown, JSON values, HTML escaping).
    .target(
      name: "CoPTables",
      dependencies: ["CoPCore"],
      swiftSettings: swiftSettings
    ),
    // Everything a plugin needs and nothing more.
    .target(
      name: "CoPPluginKit",
      dependencies: ["CoPCore", "CoPTables", yams, argumentParser],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "CoPPluginKitTesting",
      dependencies: ["CoPCore", "CoPTables", "CoPPluginKit", argumentParser],
      swiftSettings: swiftSettings
    ),
    // The casebook: sources (working tree, git revision), readers, loader, validator, load cache.
    .target(
      name: "CoPCasebook",
      dependencies: ["CoPCore", "CoPTables", "CoPPluginKit", "GitStore", yams],
      swiftSettings: swiftSettings
    ),
    // Git-backed work: writes and imports, history, diff, sync.
    .target(
      name: "CoPRepository",
      dependencies: ["CoPCore", "CoPTables", "CoPPluginKit", "CoPCasebook", "GitStore"],
      swiftSettings: swiftSettings
    ),
    // Installed plugins: their folder, process, protocol client, installer; the registry.
    .target(
      name: "CoPPluginHost",
      dependencies: ["CoPCore", "CoPTables", "CoPPluginKit", "CoPCasebook", "CoPRepository", argumentParser],
      swiftSettings: swiftSettings
    ),
    // Reports, case impact, maps and the static site.
    .target(
      name: "CoPReport",
      dependencies: [
        "CoPCore", "CoPTables", "CoPPluginKit", "CoPCasebook", "CoPRepository", "CoPPluginHost", ink,
      ],
      swiftSettings: swiftSettings
    ),

    // Plugins
    .target(
      name: "Decline",
      dependencies: ["CoPPluginKit", argumentParser],
      path: "Plugins/Decline",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "NewTowns",
      dependencies: ["CoPPluginKit", argumentParser],
      path: "Plugins/NewTowns",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "NPRZ",
      dependencies: ["CoPPluginKit", argumentParser],
      path: "Plugins/NPRZ",
      swiftSettings: swiftSettings
    ),
    // The one sorted list of the plugins compiled into `cop`.
    .target(
      name: "BuiltInPlugins",
      dependencies: ["CoPPluginKit", "Decline", "NewTowns", "NPRZ"],
      swiftSettings: swiftSettings
    ),

    // CLI
    // Every ArgumentParser command of `cop`.
    .target(
      name: "Commands",
      dependencies: [
        "CoPCore", "CoPTables", "CoPPluginKit", "CoPCasebook", "CoPRepository", "CoPPluginHost", "CoPReport",
        "BuiltInPlugins", "GitStore", "CCopBuildInfo", argumentParser,
      ],
      swiftSettings: swiftSettings
    ),
    // The executable: its entry point only.
    .executableTarget(
      name: "cop",
      dependencies: ["Commands"],
      swiftSettings: swiftSettings
    ),

    // Reliability: the fuzz targets (Fuzz/Targets) and the replay of their committed corpora (Fuzz/Corpus)
    .target(
      name: "CoPFuzzTargets",
      dependencies: ["CoPCore", "CoPPluginKit", "CoPCasebook", "CoPRepository", "CoPReport"],
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
      dependencies: [
        "CoPCore", "CoPTables", "CoPPluginKit", "CoPPluginKitTesting", "CoPCasebook", "CoPRepository",
        "CoPPluginHost", "CoPReport", "BuiltInPlugins", "GitStore", "TestSupport", argumentParser,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "DeclineTests",
      dependencies: [
        "Decline", "CoPCore", "CoPTables", "CoPPluginKit", "CoPPluginKitTesting", "CoPCasebook",
        argumentParser,
      ],
      path: "Tests/DeclineTests",
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NewTownsTests",
      dependencies: [
        "NewTowns", "CoPCore", "CoPTables", "CoPPluginKit", "CoPPluginKitTesting", "CoPCasebook", "GitStore",
      ],
      path: "Tests/NewTownsTests",
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NPRZTests",
      dependencies: [
        "NPRZ", "CoPCore", "CoPTables", "CoPPluginKit", "CoPPluginKitTesting", "CoPCasebook", "CoPRepository",
      ],
      path: "Tests/NPRZTests",
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "copTests",
      dependencies: [
        "CoPCore", "CoPPluginKitTesting", "CoPCasebook", "CoPPluginHost", "GitStore", "TestSupport",
      ],
      exclude: ["Golden"],
      swiftSettings: swiftSettings
    ),
  ]
)

// swift-tools-version:6.1
import PackageDescription

// A third-party cop plugin as its own Swift package. Its executable product must be named cop-<id>.
let package = Package(
  name: "HelloPlugin",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cop-hello", targets: ["cop-hello"]),
    .library(name: "HelloPlugin", targets: ["HelloPlugin"]),
  ],
  dependencies: [
    // A published plugin would name cop's repository and a version here.
    .package(name: "cop", path: "../.."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .target(
      name: "HelloPlugin",
      dependencies: [
        .product(name: "CoPPluginKit", package: "cop"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
    .executableTarget(
      name: "cop-hello",
      dependencies: ["HelloPlugin"],
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
    // `swift test`: the plugin checked with cop's contract test kit (PluginContract).
    .testTarget(
      name: "HelloPluginTests",
      dependencies: [
        "HelloPlugin", .product(name: "CoPPluginKit", package: "cop"),
        .product(name: "CoPPluginKitTesting", package: "cop"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
  ]
)

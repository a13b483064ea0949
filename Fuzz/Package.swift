// swift-tools-version:6.1
// The libFuzzer harnesses of cop: one executable per parser, each a thin entry point over
// `CoPFuzzTargets` (a library of the main package, also used by the test suite to replay the corpora).
// Build and run with `make fuzz` from the repository root; see README "Fuzzing".
import Foundation
import PackageDescription

/// The main package is the folder above; SwiftPM names a path dependency by its folder's name.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
  .lastPathComponent.lowercased()

let harnesses = ["front-matter", "yaml", "csv", "plugin-protocol"]

let package = Package(
  name: "cop-fuzz",
  dependencies: [.package(path: "..")],
  targets: harnesses.map { name in
    .executableTarget(
      name: "fuzz-" + name,
      dependencies: [.product(name: "CoPFuzzTargets", package: mainPackage)],
      path: "Harnesses/" + name,
      swiftSettings: [.swiftLanguageMode(.v6)]
    )
  }
)

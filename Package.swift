// swift-tools-version: 6.1
//
// expoplan — a planner for trade-show organizers.
// Copyright (C) 2026 the expoplan authors. GPL-3.0-or-later (see LICENSE).

import PackageDescription

let package = Package(
    name: "expoplan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "expoplan", targets: ["expoplan"]),
        .library(name: "MILP", targets: ["MILP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // GLPK 5.0 from Debian's libglpk-dev. No pkg-config file exists for GLPK, so the
        // modulemap links it by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only code that touches C.
        .target(name: "MILP", dependencies: ["CGLPK"]),
        .executableTarget(
            name: "expoplan",
            dependencies: [
                "MILP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
    ],
    swiftLanguageModes: [.v6]
)

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
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        // Domain types, scenario loading and validation, hall geometry, the generator.
        .target(name: "ExpoCore", dependencies: ["Yams"]),
        // The solvers.
        .target(name: "Layout", dependencies: ["ExpoCore", "MILP"]),
        .target(name: "Tours", dependencies: ["ExpoCore", "MILP"]),
        .target(name: "Meetings", dependencies: ["ExpoCore", "MILP"]),
        // What people read: SVG floor plans, Markdown, CSV.
        .target(name: "Render", dependencies: ["ExpoCore"]),
        .executableTarget(
            name: "expoplan",
            dependencies: [
                "MILP", "ExpoCore", "Layout", "Tours", "Meetings", "Render",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "ExpoCoreTests", dependencies: ["ExpoCore"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "ExpoCore", "MILP"]),
        .testTarget(name: "ToursTests", dependencies: ["Tours", "ExpoCore", "MILP", "Render"]),
        .testTarget(name: "MeetingsTests", dependencies: ["Meetings", "ExpoCore", "MILP", "Tours"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ExpoCore"], resources: [.copy("Fixtures")]),
        // End-to-end: runs the built executable.
        .testTarget(name: "ExpoPlanTests", dependencies: ["expoplan"]),
    ],
    swiftLanguageModes: [.v6]
)

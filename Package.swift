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
        // Pinned: the reports must repeat byte for byte from clone to clone.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The zip container of Excel workbooks (.xlsx), read and written (zlib on Linux).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
        // librsvg and cairo from Debian's librsvg2-dev and libcairo2-dev: SVG drawings
        // as PDF. Only the PDF target touches them.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]
        ),
        .target(name: "PDF", dependencies: ["CRsvg"]),
        // Domain types, scenario loading and validation (CSV files and Excel workbooks),
        // hall geometry, the generator.
        .target(name: "ExpoCore", dependencies: ["Yams", "MILP", "ZIPFoundation"]),
        // The solvers.
        .target(name: "Layout", dependencies: ["ExpoCore", "MILP"]),
        .target(name: "Tours", dependencies: ["ExpoCore", "MILP"]),
        .target(name: "Meetings", dependencies: ["ExpoCore", "MILP"]),
        // What people read: SVG floor plans, Markdown, CSV, Excel workbooks.
        .target(name: "Render", dependencies: ["ExpoCore", "ZIPFoundation"]),
        // System calls Swift's Glibc module does not expose (an atomic folder swap).
        .target(name: "CSystem"),
        // The pipeline: solve, check independently, next problem, outputs, the output
        // folder replaced whole; the commands' work, testable in-process.
        .target(name: "Planning", dependencies: ["ExpoCore", "MILP", "Layout", "Tours", "Meetings", "Render", "CSystem", "PDF"]),
        // The command line: options and calls into Planning.
        .executableTarget(
            name: "expoplan",
            dependencies: [
                "Planning", "ExpoCore", "MILP", "Layout", "Render",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "ExpoCoreTests", dependencies: ["ExpoCore"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "ExpoCore", "MILP"]),
        .testTarget(name: "ToursTests", dependencies: ["Tours", "ExpoCore", "MILP", "Render"]),
        .testTarget(name: "MeetingsTests", dependencies: ["Meetings", "ExpoCore", "MILP", "Tours"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ExpoCore", "PDF"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "ExpoCore", "Layout", "Tours", "Meetings", "Render"]),
        // End-to-end: runs the built executable.
        .testTarget(name: "ExpoPlanTests", dependencies: ["expoplan", "ExpoCore", "Planning"]),
    ],
    swiftLanguageModes: [.v6]
)

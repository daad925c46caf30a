import ArgumentParser

/// The expoplan command line.
@main
struct ExpoPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expoplan",
        abstract: "Plans a trade show: stand placement, delegation tours and B2B meetings.")
}

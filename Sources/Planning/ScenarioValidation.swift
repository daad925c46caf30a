import ExpoCore

/// What `expoplan validate` prints: the scenario's summary, or every error; warnings
/// (CSV columns ignored, a file read as Windows-1252) on standard error either way.
public struct ScenarioValidation: Sendable {
    /// Standard output: the summary (text or JSON), or with `json` the errors as JSON.
    public var output = ""
    /// Lines for standard error: the warnings, and without `json` the errors.
    public var errorLines: [String] = []
    /// 0, or 2 when the scenario cannot be used.
    public var exitStatus: Int32 = 0

    /// Loads the scenario at `path` and says what it holds, or what is wrong with it.
    public init(path: String, json: Bool) {
        do {
            let (loaded, warnings) = try ScenarioLoader().loadWithWarnings(path)
            errorLines = warnings.map(\.warningDescription)
            let summary = ScenarioSummary(loaded)
            output = json ? (try? JSONOutput.encode(summary)) ?? "" : summary.text
        } catch {
            exitStatus = 2
            if json {
                errorLines = error.warnings.map(\.warningDescription)
                let document = ValidationErrors(errors: error.diagnostics.map(ReportedError.init), warnings: error.warnings.map(ReportedError.init))
                output = (try? JSONOutput.encode(document)) ?? ""
            } else {
                errorLines = [error.errorDescription ?? ""]
            }
        }
    }
}

/// What `validate --json` prints for a scenario that cannot be used.
private struct ValidationErrors: Encodable {
    var errors: [ReportedError]
    var warnings: [ReportedError]
    var exitStatus: Int32 = 2
}

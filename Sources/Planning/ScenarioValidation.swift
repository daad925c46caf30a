import ExpoCore

/// What `expoplan validate` prints: the scenario's summary, or every error; warnings
/// (CSV columns ignored, a file read as Windows-1252) on standard error either way.
///
/// The hall is then measured against its safety rules (``SafetyAnalysis``): every
/// finding goes to standard error (and under `safety` in the JSON summary); with
/// ``SafetyMode/enforce`` an error among them makes the scenario unusable (exit 2).
public struct ScenarioValidation: Sendable {
    /// Standard output: the summary (text or JSON), or with `json` the errors as JSON.
    public var output = ""
    /// Lines for standard error: the warnings, and without `json` the errors.
    public var errorLines: [String] = []
    /// 0, or 2 when the scenario cannot be used.
    public var exitStatus: Int32 = 0

    /// Loads the scenario at `path` and says what it holds, or what is wrong with it.
    public init(path: String, json: Bool, safety mode: SafetyMode = .enforce) {
        do throws(ScenarioErrors) {
            let (loaded, warnings) = try ScenarioLoader().loadWithWarnings(path)
            let safety = SafetyAnalysis(loaded)
            let errors = safety.errors.map { $0.diagnostic(file: path) }
            let cautions = warnings + (mode == .warn ? errors : []) + safety.warnings.map { $0.diagnostic(file: path) }
            if mode == .enforce && !errors.isEmpty {
                var failure = ScenarioErrors(errors)
                failure.warnings = cautions
                throw failure
            }
            errorLines = cautions.map(\.warningDescription)
            let summary = SummaryWithSafety(summary: ScenarioSummary(loaded), safety: SafetyFindings(safety))
            output = json ? (try? JSONOutput.encode(summary)) ?? "" : summary.summary.text + safety.summaryLine + "\n"
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

/// The summary `validate --json` prints, with the safety findings under `safety`.
private struct SummaryWithSafety: Encodable {
    var summary: ScenarioSummary
    var safety: SafetyFindings

    enum CodingKeys: String, CodingKey { case safety }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(safety, forKey: .safety)
    }
}

/// The hall's safety findings as `validate --json` lists them.
struct SafetyFindings: Encodable {
    var errors: [SafetyFinding]
    var warnings: [SafetyFinding]

    init(_ analysis: SafetyAnalysis) {
        errors = analysis.errors
        warnings = analysis.warnings
    }
}

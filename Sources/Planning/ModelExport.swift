import ExpoCore
import Foundation
import Layout
import MILP
import Meetings
import Tours

/// A problem's MILP written for other solvers (`expoplan export-model`).
public enum ModelExport {
    /// What to export: the layout's zoning or placement stage, the tours or the meetings.
    public enum Target: Sendable {
        case layout(LayoutModels.Stage)
        case tours(candidates: Int)
        case meetings
    }

    /// The model of `target` for the scenario at `scenarioPath` (tours and meetings on
    /// the stands and tours of `planPath`), as LP or MPS text, and a line to print.
    public static func export(_ target: Target, scenario scenarioPath: String, plan planPath: String?, format: ModelFormat,
                              timeLimit: Double) throws(PlanningFailure) -> (text: String, summary: String) {
        let scenario = try Inputs.scenario(scenarioPath)
        let model: Model
        do {
            switch target {
            case .layout(let stage):
                model = try LayoutModels.model(scenario, stage: stage, timeLimit: timeLimit)
            case .tours(let candidates):
                model = try TourPlanner.model(scenario, layout: try layout(planPath), candidates: candidates)
            case .meetings:
                let plan = try Inputs.plan(planPath ?? "")
                guard let layout = plan.layout else { throw PlanningFailure(.badInput, "\(planPath ?? "") holds no layout; run expoplan layout first") }
                guard scenario.meetings != nil else { throw PlanningFailure(.badInput, "\(scenarioPath) has no meeting programme") }
                let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
                let network = WalkingNetwork(scenario, stands: resolved.stands)
                model = try MeetingScheduler.model(scenario, layout: layout, tours: plan.tours, network: network)!
            }
            let text = try model.export(format)
            return (text, "\(model.constraintCount) rows, \(model.variableCount) columns, \(model.nonzeroCount) non-zeros")
        } catch let failure as PlanningFailure {
            throw failure
        } catch let infeasible as LayoutInfeasibility {
            throw PlanningFailure(.infeasible, infeasible.errorDescription!)
        } catch let infeasible as TourInfeasibility {
            throw PlanningFailure(.infeasible, infeasible.errorDescription!)
        } catch {
            throw Planner.internalError("the export failed", error)
        }
    }

    private static func layout(_ planPath: String?) throws(PlanningFailure) -> LayoutPlan {
        let plan = try Inputs.plan(planPath ?? "")
        guard let layout = plan.layout else { throw PlanningFailure(.badInput, "\(planPath ?? "") holds no layout; run expoplan layout first") }
        return layout
    }
}

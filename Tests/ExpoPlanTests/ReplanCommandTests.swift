import Foundation
import Testing

/// Re-planning with `--previous`: the reference scenario changed, its reference plan as
/// the plan people were told. Moved stands and kept meetings are counted here from the
/// two plan files, independently of what the run reports.
@Suite("CLI: re-planning after the show changed")
struct ReplanCommandTests {
    static let reference = "Scenarios/vivatech-2024"
    static let referencePlan = CLI.root.appendingPathComponent("Reports/vivatech-2024/plan.json").path
    static let workLimits = ["--time-limit", "none"]

    /// A copy of the reference scenario in `folder`/s, its exhibitors (participants,
    /// requests) CSV rows passed through `edit` (header first).
    static func scenario(in folder: URL, exhibitors: @escaping ([[String]]) -> [[String]] = { $0 },
                         participants: @escaping ([[String]]) -> [[String]] = { $0 },
                         requests: @escaping ([[String]]) -> [[String]] = { $0 }) throws -> String {
        let copy = folder.appendingPathComponent("s")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(reference), to: copy)
        for (name, edit) in [("exhibitors.csv", exhibitors), ("participants.csv", participants), ("requests.csv", requests)] {
            let url = copy.appendingPathComponent(name)
            let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { String($0) }
            // Rows are edited by their first fields only, which hold no commas.
            let edited = edit(rows.map { $0.components(separatedBy: ",") }).map { $0.joined(separator: ",") }
            try (edited.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return copy.appendingPathComponent("scenario.yaml").path
    }

    /// The stands of a plan file: exhibitor → modules.
    static func stands(_ path: String) throws -> [String: [String]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let layout = json["layout"] as! [String: Any]
        var stands: [String: [String]] = [:]
        for stand in layout["stands"] as! [[String: Any]] { stands[stand["exhibitor"] as! String] = stand["modules"] as? [String] }
        return stands
    }

    /// Exhibitors in both plans whose modules differ.
    static func moved(from before: [String: [String]], to after: [String: [String]]) -> [String] {
        before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
    }

    /// Re-plans the layout of `scenario` from the reference plan; the run, the moved
    /// stands counted from the files, and the new plan's stands.
    static func replanLayout(_ scenario: String, folder: URL, extra: [String] = []) throws -> (run: CLI.Output, moved: [String], after: [String: [String]]) {
        let out = folder.appendingPathComponent("out").path
        let run = try CLI.run(["layout", scenario, "--out", out, "--previous", referencePlan] + workLimits + extra)
        guard run.status == 0 else { return (run, [], [:]) }
        let after = try stands(out + "/plan.json")
        #expect(try CLI.run(["check", out + "/plan.json"]).status == 0)
        return (run, moved(from: try stands(referencePlan), to: after), after)
    }

    @Test("Removing two exhibitors moves no other stand", arguments: [["ara-01", "hdf-04"], ["ara-10", "bret-07"]])
    func removingTwoExhibitors(_ removed: [String]) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.scenario(in: folder, exhibitors: { $0.filter { !removed.contains($0[0]) } })
        let (run, moved, after) = try Self.replanLayout(scenario, folder: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(moved.isEmpty, "moved: \(moved)")
        #expect(removed.allSatisfy { after[$0] == nil })
        #expect(run.stderr.contains("Re-plan: 0 stands moved"))
        // The reference show is French: changes.csv and changes.md are too.
        let changes = try String(contentsOfFile: folder.appendingPathComponent("out/changes.csv").path, encoding: .utf8)
        #expect(changes.hasPrefix("type,id,nom,changement,avant,après\n"))
        for id in removed { #expect(changes.contains("stand,\(id),\(id),retiré,")) }
        let report = try String(contentsOfFile: folder.appendingPathComponent("out/changes.md").path, encoding: .utf8)
        #expect(report.hasPrefix("# Ce qui a changé depuis le plan précédent\n\nStands\u{00A0}: 0 stand déplacé"))
        #expect(report.contains("Exposants du plan précédent absents du scénario\u{00A0}: "))
    }

    @Test func addingFiveExhibitorsToPavilionsWithFreeModulesMovesNoStand() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Pavilions with free modules in their area in the reference plan.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.referencePlan))) as! [String: Any]
        let layout = json["layout"] as! [String: Any]
        let used = Set((layout["stands"] as! [[String: Any]]).flatMap { $0["modules"] as! [String] })
        let free = (layout["areas"] as! [[String: Any]]).map { ($0["pavilion"] as! String, ($0["modules"] as! [String]).filter { !used.contains($0) }.count) }
            .filter { $0.1 >= 2 }.sorted { $0.1 > $1.1 }
        try #require(!free.isEmpty)
        let added = (0..<5).map { k in
            let (pavilion, room) = free[k % free.count]
            return ["new-\(k)", "New startup \(k) (fictional)", pavilion, "ai", room >= 6 && k % 2 == 0 ? "2" : "1", "no", "no", "", "standard", "", "", "", "", "Fictional"]
        }
        let scenario = try Self.scenario(in: folder, exhibitors: { $0 + added })
        let (run, moved, after) = try Self.replanLayout(scenario, folder: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(moved.isEmpty, "moved: \(moved)")
        #expect(added.allSatisfy { after[$0[0]] != nil })
    }

    /// Three one-module stands grown to two must move; the bound printed is met, or the
    /// gap is shown.
    @Test func growingThreeStandsMovesWhatTheBoundSays() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grown = ["ara-01", "bret-01", "idf-01"]
        let scenario = try Self.scenario(in: folder, exhibitors: { rows in
            rows.map { row in grown.contains(row[0]) ? Array(row[..<4]) + [String(Int(row[4])! + 1)] + Array(row[5...]) : row }
        })
        let (run, moved, _) = try Self.replanLayout(scenario, folder: folder, extra: ["--mark-changes"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("Re-plan: ") && $0.contains("stands moved") })
        let figures = line.split(separator: " ").compactMap { Int($0) }
        let (made, bound) = (figures[0], figures[1])
        #expect(made == moved.count, "\(line) but \(moved.count) stands differ: \(moved)")
        #expect(Set(grown).isSubset(of: moved))
        #expect(bound >= grown.count)
        #expect(made == bound || line.contains("gap"))
        let svg = try String(contentsOfFile: folder.appendingPathComponent("out/floor-plan.svg").path, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"moved\"").count - 1 == moved.count)
    }

    @Test func aBudgetOfMovesTooSmallIsExplained() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.scenario(in: folder, exhibitors: { rows in
            rows.map { row in row[0] == "ara-01" ? Array(row[..<4]) + ["2"] + Array(row[5...]) : row }
        })
        let (run, _, _) = try Self.replanLayout(scenario, folder: folder, extra: ["--max-moves", "0"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("at most 0 moved"))
        #expect(run.stderr.contains("changed from 1 to 2 modules"))
    }

    /// With nothing changed, `plan --previous` gives the previous plan.json byte for byte.
    @Test func noChangeGivesThePreviousPlanByteForByte() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.scenario(in: folder)
        let previous = folder.appendingPathComponent("a/plan.json")
        try FileManager.default.createDirectory(at: previous.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.referencePlan, encoding: .utf8)
            .replacingOccurrences(of: "\"scenario\" : \"../../Scenarios/vivatech-2024/scenario.yaml\"", with: "\"scenario\" : \"../s/scenario.yaml\"")
        try #require(text.contains("\"../s/scenario.yaml\""))
        try text.write(to: previous, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("b")
        let run = try CLI.run(["plan", scenario, "--out", out.path, "--previous", previous.path] + Self.workLimits)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("plan.json")) == Data(contentsOf: previous))
    }

    /// Ten investors cancel: every other meeting keeps its slot and table, and the
    /// calendars (read by Python's icalendar) keep their UIDs, raise SEQUENCE for
    /// changed events and send the dropped ones as cancelled.
    @Test func cancellingTenParticipantsKeepsEveryOtherMeeting() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gone = Set((1...10).map { String(format: "inv-%02d", $0) })
        let scenario = try Self.scenario(in: folder, participants: { $0.filter { !gone.contains($0[0]) } },
                                         requests: { $0.filter { !gone.contains($0[1]) && !gone.contains($0[2]) } })
        let before = folder.appendingPathComponent("a"), after = folder.appendingPathComponent("b")
        #expect(try CLI.run(["render", Self.referencePlan, "--out", before.path]).status == 0)
        let run = try CLI.run(["meetings", scenario, "--plan", before.path + "/plan.json", "--previous", before.path + "/plan.json",
                               "--out", after.path] + Self.workLimits)
        #expect(run.status == 0, "\(run.stderr)")
        func meetings(_ folder: URL) throws -> [String: [String: Any]] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json"))) as! [String: Any]
            let list = (json["meetings"] as! [String: Any])["meetings"] as! [[String: Any]]
            return Dictionary(uniqueKeysWithValues: list.map { ($0["request"] as! String, $0) })
        }
        let old = try meetings(before), new = try meetings(after)
        var kept = 0
        for (request, m) in old where !gone.contains(m["a"] as! String) && !gone.contains(m["b"] as! String) {
            let now = try #require(new[request], "\(request) dropped")
            for key in ["slot", "table", "stand"] { #expect("\(now[key] ?? "-")" == "\(m[key] ?? "-")", "\(request) \(key)") }
            kept += 1
        }
        #expect(kept > 0)
        #expect(new.count >= kept)
        let script = """
            import sys, os, icalendar
            a, b = sys.argv[1], sys.argv[2]
            same = raised = cancelled = 0
            for name in sorted(os.listdir(a)):
                if not name.endswith('.ics'): continue
                old = {str(e['UID']): e for e in icalendar.Calendar.from_ical(open(os.path.join(a, name), 'rb').read()).walk('VEVENT')}
                new = {str(e['UID']): e for e in icalendar.Calendar.from_ical(open(os.path.join(b, name), 'rb').read()).walk('VEVENT')}
                assert set(old) <= set(new), name
                for uid, e in old.items():
                    f = new[uid]
                    if str(f.get('STATUS', '')) == 'CANCELLED':
                        assert int(f.get('SEQUENCE', 0)) > int(e.get('SEQUENCE', 0)), uid
                        cancelled += 1
                    elif (f.decoded('DTSTART'), f.decoded('DTEND'), str(f['LOCATION'])) != (e.decoded('DTSTART'), e.decoded('DTEND'), str(e['LOCATION'])):
                        assert int(f.get('SEQUENCE', 0)) > int(e.get('SEQUENCE', 0)), uid
                        raised += 1
                    else:
                        same += 1
            print(same, raised, cancelled)
            """
        let output = try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, before.path + "/agendas", after.path + "/agendas"], in: folder)
        #expect(output.status == 0, "python3 with icalendar is needed (scripts/deps.sh test installs it): \(output.stderr)")
        let counts = output.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(counts.count == 3)
        #expect(counts[0] > 0)
        #expect(counts[2] > 0, "the cancelled investors' meetings are sent as cancelled")
    }

    /// Occitanie's window ends 30 minutes earlier: its tour keeps, in order and to the
    /// minute, the stops that still leave time to walk to its end point; the other
    /// delegations' tours do not change.
    @Test func aShorterWindowKeepsTheStopsThatStillFit() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.scenario(in: folder)
        let yaml = try String(contentsOfFile: scenario, encoding: .utf8)
        try #require(yaml.contains("    window: 10:30-12:30"))
        try yaml.replacingOccurrences(of: "    window: 10:30-12:30", with: "    window: 10:30-12:00").write(toFile: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["tours", scenario, "--plan", Self.referencePlan, "--previous", Self.referencePlan, "--out", out.path] + Self.workLimits)
        #expect(run.status == 0, "\(run.stderr)")
        func visits(_ path: String) throws -> [String: [[Int]]] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            var tours: [String: [[Int]]] = [:]
            for tour in (json["tours"] as! [String: Any])["tours"] as! [[String: Any]] {
                tours[tour["delegation"] as! String] = (tour["stops"] as! [[String: Any]]).filter { $0["kind"] as! String == "visit" }
                    .map { [($0["exhibitor"] as! String).hashValue, $0["start"] as! Int, $0["end"] as! Int] }
            }
            return tours
        }
        let old = try visits(Self.referencePlan), new = try visits(out.path + "/plan.json")
        for (delegation, stops) in old where delegation != "occitanie" { #expect(new[delegation] == stops, "\(delegation)") }
        let before = try #require(old["occitanie"]), after = try #require(new["occitanie"])
        #expect(after == Array(before.prefix(after.count)), "a prefix of the old stops, at the same times")
        let noon = 12 * 60
        #expect(after.allSatisfy { $0[2] <= noon })
        #expect(after.count >= before.filter { $0[2] <= noon - 15 }.count, "every stop leaving 15 minutes to walk out is kept")
        #expect(after.count < before.count)
    }
}

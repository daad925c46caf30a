import ExpoCore
import Foundation
import Planning
import Testing

/// `expoplan meetings` and `expoplan plan`, run as commands.
@Suite("CLI: meetings and plan")
struct MeetingsCommandTests {
    static func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func meetingsWriteAgendasGridsAndSchedulesThatCheck() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["meetings", "Scenarios/examples/small.yaml", "--out", folder.path, "--time-limit", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Meetings: optimal"))
        for name in ["plan.json", "agendas/ana.md", "agendas/ana.ics", "agendas/bob.md", "agendas/cyd.ics", "tables.csv",
                     "exhibitor-schedule.csv", "unmet-requests.csv", "meetings-summary.md", "tour-mayors.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        let agenda = try Self.read(folder, "agendas/ana.md")
        #expect(agenda.contains("Bob Founder"))
        #expect(agenda.contains("Cyd Founder"))
        // Cyd staffs Dune Énergie's stand: their agenda shows the delegation's visit.
        let staff = try Self.read(folder, "agendas/cyd.md")
        #expect(staff.contains("Delegations visiting your stand that day"))
        #expect(staff.contains("Mayors' visit"))
        #expect(try Self.read(folder, "agendas/cyd.ics").contains("SUMMARY:Delegation visit: Mayors' visit"))
        #expect(!agenda.contains("Delegations visiting"))
        // Dune Énergie receives the delegation in the morning and Ana in the afternoon.
        let schedule = try Self.read(folder, "exhibitor-schedule.csv")
        #expect(schedule.split(separator: "\n").first == "exhibitor_id,exhibitor,stand,pavilion,kind,with,date,start,end,where")
        let dune = schedule.split(separator: "\n").filter { $0.hasPrefix("dune,") }
        #expect(dune.contains { $0.contains(",delegation visit,Mayors' visit,") })
        #expect(dune.contains { $0.contains(",meeting,Cyd Founder with Ana Investor") })
        let grid = try Self.read(folder, "tables.csv")
        #expect(grid.hasPrefix("slot,start,end,table 1,table 2\n1,14:00,14:25,"))
        let check = try CLI.run(["check", folder.appendingPathComponent("plan.json").path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Meetings: 2 checked"))
        // The stand meeting moved to a table that does not exist is caught.
        let planURL = folder.appendingPathComponent("plan.json")
        var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: planURL)) as? [String: Any])
        var meetings = try #require(json["meetings"] as? [String: Any])
        var list = try #require(meetings["meetings"] as? [[String: Any]])
        let k = try #require(list.firstIndex { ($0["stand"] as? String) == "dune" })
        list[k]["stand"] = nil
        list[k]["table"] = 9
        meetings["meetings"] = list
        json["meetings"] = meetings
        try JSONSerialization.data(withJSONObject: json).write(to: planURL)
        let broken = try CLI.run(["check", planURL.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("(M4)"), "\(broken.stdout)")
    }

    /// The iCalendar agendas parse in Python's icalendar with the right local times.
    @Test func agendaCalendarsParse() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["meetings", "Scenarios/examples/small.yaml", "--out", folder.path, "--time-limit", "none"])
        try #require(run.status == 0, "\(run.stderr)")
        let script = """
            import sys, icalendar, zoneinfo
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                start = e.decoded('DTSTART').astimezone(zoneinfo.ZoneInfo('Europe/Paris'))
                end = e.decoded('DTEND').astimezone(zoneinfo.ZoneInfo('Europe/Paris'))
                print(start.strftime('%H:%M'), end.strftime('%H:%M'), str(e.get('SUMMARY')))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.appendingPathComponent("agendas/ana.ics").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with icalendar is needed (scripts/deps.sh test installs it)")
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // 30-minute slots from 14:00; a meeting ends 5 minutes before its slot does.
        for line in lines {
            let parts = line.split(separator: " ")
            #expect(["14:00", "14:30", "15:00", "15:30"].contains(String(parts[0])), "\(line)")
            #expect(["14:25", "14:55", "15:25", "15:55"].contains(String(parts[1])), "\(line)")
        }
        #expect(lines.contains { $0.hasSuffix("Meeting: Bob Founder (Alba AI)") })
    }

    @Test func badProgrammeIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/examples/small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "tables: 2}", with: "tables: 2, changeMinutes: 30}")
        let scenario = folder.appendingPathComponent("bad.yaml")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try CLI.run(["meetings", scenario.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:") && run.stderr.contains("changeMinutes"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// The README's run command: `plan` on the reference scenario. A second run writes
    /// the same bytes as the run that wrote the committed `Reports/vivatech-2024/`, every
    /// file; the plan checks.
    @Test func planOfTheReferenceRepeatsTheCommittedReports() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func files(_ root: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: root.path)!
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: root.appendingPathComponent(path))
                }
            }
            return files
        }
        // No time limit, as in the README's command: work limits end every search, so a
        // debug build writes what the release build wrote — even on a machine kept busy
        // by two sibling processes spinning for the whole run.
        let busy = try (0..<2).map { _ in try CLI.spin() }
        defer { for process in busy { CLI.stop(process) } }
        let run = try CLI.run(["plan", "Scenarios/vivatech-2024/scenario.yaml", "--out", folder.path, "--time-limit", "none"])
        try #require(run.status == 0, "\(run.stderr)")
        let written = try files(folder)
        let committed = try files(CLI.root.appendingPathComponent("Reports/vivatech-2024"))
        #expect(written.count > 300)
        #expect(written.keys.sorted() == committed.keys.sorted())
        for (path, data) in written where committed[path] != data && path != "plan.json" {
            Issue.record("\(path) differs from Reports/vivatech-2024/\(path) (run scripts/reference.sh after changing the solvers)")
        }
        // plan.json names its scenario relative to itself: the same plan from another folder.
        let relocated = try Plan.read(String(decoding: written["plan.json"] ?? Data(), as: UTF8.self))
        var expected = try Plan.read(String(decoding: committed["plan.json"] ?? Data(), as: UTF8.self))
        expected.scenario = Inputs.storedScenarioPath(CLI.root.appendingPathComponent("Scenarios/vivatech-2024/scenario.yaml").path, planPath: folder.appendingPathComponent("plan.json").path)
        #expect(try relocated.json() == expected.json())
        let summary = String(decoding: written["summary.md"] ?? Data(), as: UTF8.self)
        // The reference show is French (`show.language: fr`).
        for problem in ["placement des stands", "parcours des délégations", "rendez-vous B2B"] { #expect(summary.contains(problem)) }
        let check = try CLI.run(["check", folder.appendingPathComponent("plan.json").path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Valid: every hard constraint holds."), "\(check.stdout)")
    }
}

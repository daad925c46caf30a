import ExpoCore
import Foundation
@testable import Planning
import Testing

/// The output folder is replaced whole, never mixed, and never swapped away when it
/// holds files expoplan did not write.
@Suite struct OutputFolderTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func files(_ names: [String: String]) -> [(name: String, data: Data)] {
        names.sorted { $0.key < $1.key }.map { ($0.key, Data($0.value.utf8)) }
    }

    func contents(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let name = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            if !isFolder.boolValue { result[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
        }
        return result
    }

    @Test func aNewPlanReplacesTheOldOneWhole() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        try OutputFolder.replace(out, with: files(["plan.json": "old", "tour-a.md": "A", "agendas/x.md": "X"]))
        try OutputFolder.replace(out, with: files(["plan.json": "new", "summary.md": "S"]))
        // The old plan's files are gone: the folder holds the new plan only.
        #expect(try contents(out) == ["plan.json": "new", "summary.md": "S"])
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    /// Every kind of file a plan writes is recognised as expoplan's, so the next run may
    /// replace the folder (the index pages were not, and a second reference run refused).
    @Test func everyWrittenKindIsAnOutputName() {
        for name in ["exhibitor-index.svg", "exhibitor-index-2.svg", "exhibitor-index.pdf", "exhibitor-index.csv", "floor-plan.pdf",
                     "floor-plan.html", "agendas.html", "changes.md", "changes.csv", "tour-bretagne.pdf",
                     "floor-plan.pdf-failed.txt", "tour-bretagne.pdf-failed.txt"] {
            #expect(OutputFolder.isOutputName(name), "\(name)")
        }
        #expect(!OutputFolder.isOutputName("exhibitor-index.docx"))
        #expect(!OutputFolder.isOutputName("notes.svg"))
        #expect(!OutputFolder.isOutputName("notes.pdf-failed.txt"))
    }

    @Test func aFolderWithForeignFilesIsRefusedAndKept() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "name: show".write(toFile: root + "/scenario.yaml", atomically: true, encoding: .utf8)
        #expect {
            try OutputFolder.replace(root, with: files(["plan.json": "new"]))
        } throws: { error in
            let failure = error as! PlanningFailure
            return failure.kind == .cannotWrite && failure.exitStatus == 73 && failure.message.contains("scenario.yaml")
        }
        #expect(FileManager.default.fileExists(atPath: root + "/scenario.yaml"))
        #expect(!FileManager.default.fileExists(atPath: root + "/plan.json"))
    }

    @Test func anOutputThatIsAFileIsACannotWriteFailure() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "x".write(toFile: root + "/taken", atomically: true, encoding: .utf8)
        #expect {
            try OutputFolder.replace(root + "/taken", with: files(["plan.json": "new"]))
        } throws: { error in
            (error as! PlanningFailure).exitStatus == 73
        }
    }

    @Test func staleTemporariesOfADeadRunAreRemoved() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A run killed outright (process 999999999 does not exist) left a folder behind.
        let stale = root + "/.out.expoplan-999999999-1.tmp"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try OutputFolder.replace(root + "/out", with: files(["plan.json": "new"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }
}

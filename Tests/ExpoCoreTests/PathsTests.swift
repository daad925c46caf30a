import ExpoCore
import Testing

@Suite("Paths")
struct PathsTests {
    /// The folder of a path as NSString's deletingLastPathComponent defines it; the
    /// one-letter name is built at run time, as one read from the command line is.
    @Test(arguments: [("a/b", "a"), ("/x", "/"), ("x", ""), ("a/b/", "a"), ("/", "/"),
                      ("a//b", "a"), ("/a/b/c.yaml", "/a/b"), ("./L", "."), ("", "")])
    func folder(path: String, expected: String) {
        #expect(Paths.folder(of: path) == expected)
    }

    @Test func oneLetterNameBuiltAtRunTime() {
        let name = String(repeating: "L", count: Int.random(in: 1...1))
        #expect(Paths.folder(of: name) == "")
        #expect(Paths.folder(of: "out/" + name) == "out")
    }
}

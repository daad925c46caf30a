/// Path arithmetic done here because swift-corelibs-foundation gets it wrong.
public enum Paths {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` defines it:
    /// "" for a bare name, "/" for a name at the root, trailing slashes ignored
    /// ("a/b/" → "a"). Foundation 6.3's own traps on a one-character name that came
    /// from the command line (`--out L`), so every caller uses this one.
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var folder = path[..<slash]
        while folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}

import Testing
@testable import Render

@Suite("Markdown escaping")
struct MarkdownEscapeTests {
    @Test(arguments: [
        ("AI & health", "AI & health"),
        ("A | B", "A \\| B"),
        ("&amp; &#38;", "\\&amp; \\&\\#38;"),
        ("<script>", "&lt;script&gt;"),
        ("*bold* _it_ `code` [link] #1", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\] \\#1"),
        ("two\nlines", "two lines"),
        ("back\\slash", "back\\\\slash"),
    ])
    func cellsAreSafe(input: String, expected: String) {
        #expect(escapeMarkdown(input) == expected)
    }
}

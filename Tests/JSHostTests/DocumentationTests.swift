import Foundation
import Testing

/// The getting-started article's code is the code of `Examples/GettingStarted`, which the package builds: each
/// Swift block of the article must appear in that program verbatim.
@Suite("Documentation")
struct DocumentationTests {
    @Test("every code block of GettingStarted.md is part of Examples/GettingStarted/main.swift")
    func articleCompiles() throws {
        let root = Paths.packageRoot
        let article = try String(contentsOf: root.appendingPathComponent("Sources/JSHost/JSHost.docc/GettingStarted.md"), encoding: .utf8)
        let program = try String(contentsOf: root.appendingPathComponent("Examples/GettingStarted/main.swift"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in article.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```swift" {
                current = []
            } else if line == "```", let lines = current {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        #expect(blocks.count >= 5)
        for block in blocks {
            #expect(program.contains(block), "not in the example program:\n\(block)")
        }
    }
}

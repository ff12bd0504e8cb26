import Foundation
import Testing

/// Every `js-fixtures/output/NAME.js` runs under `jshost run NAME.js` in that folder and must exit 0 with stdout
/// byte-identical to `NAME.stdout` and stderr identical to `NAME.stderr` (empty when that file is absent).
@Suite("Golden output fixtures")
struct GoldenFixtureTests {
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Paths.outputFixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".js") }.sorted()
    }()

    @Test("the fixture folder is found and not empty")
    func fixturesExist() {
        #expect(Self.fixtures.count >= 2, "no fixtures under \(Paths.outputFixtures.path)")
        #expect(Self.fixtures.contains("timers-ordering.js"))
        #expect(Self.fixtures.contains("microtasks-ordering.js"))
    }

    @Test("output matches", arguments: fixtures)
    func fixture(name: String) async throws {
        let folder = Paths.outputFixtures
        let base = String(name.dropLast(".js".count))
        let expectedOut = try #require(
            FileManager.default.contents(atPath: folder.appendingPathComponent("\(base).stdout").path),
            "\(base).stdout is missing")
        let expectedErr = FileManager.default.contents(atPath: folder.appendingPathComponent("\(base).stderr").path) ?? Data()
        let result = try await runJSHost(["run", name], in: folder)
        #expect(!result.timedOut)
        #expect(result.status == 0, "exit status; stderr: \(result.stderr)")
        #expect(result.standardOutput == expectedOut, "stdout differs:\n\(firstDifference(result.standardOutput, expectedOut))")
        #expect(result.standardError == expectedErr, "stderr differs:\n\(firstDifference(result.standardError, expectedErr))")
    }

    /// The first differing line, for readable failures.
    private func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            if got != want { return "line \(index + 1):\n  got:      \(got.debugDescription)\n  expected: \(want.debugDescription)" }
        }
        return "(same lines; bytes differ)"
    }
}

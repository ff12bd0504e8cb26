import Foundation
import Testing
@testable import JSHost

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `jshost test` run as a subprocess on the fixtures in `Tests/Fixtures/runner/` (many of which fail, time out
/// or throw on purpose). The fixture folder is the working directory, so reported paths are relative to it
/// (`outcomes/pass.window.js`). Each test asserts the exact summary line and exit code: 0 when nothing unexpected
/// happened, 1 with failures, 2 for bad usage.
@Suite("jshost test: the test runner")
struct TestRunnerTests {
    // MARK: - Outcomes of single files

    @Test("a passing file: one line per subtest, `N passed, N failed`, exit 0")
    func passingFile() async throws {
        let result = try await runTestCommand(["outcomes/pass.window.js"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes

            2 passed, 0 failed

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test("a failing assertion: FAIL with the assert_equals message, exit 1")
    func failingAssertion() async throws {
        let result = try await runTestCommand(["outcomes/fail.window.js"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("assert_equals: the sum expected 3 but got 2"))
        #expect(result.stdout == """
            outcomes/fail.window.js
              PASS    this one passes
              FAIL    this one fails — assert_equals: the sum expected 3 but got 2 (expected PASS)

            1 passed, 1 failed

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test("a file that never completes ends at its (scaled) time limit: TIMEOUT")
    func neverCompletes() async throws {
        let result = try await runTestCommand(["--timeout-multiplier", "0.02", "outcomes/never-completes.window.js"])
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        #expect(result.stdout == """
            outcomes/never-completes.window.js
              TIMEOUT never done — Test timed out (expected PASS)
              TIMEOUT [harness] — the file did not complete within 0.2 s (expected OK)

            0 passed, 2 failed

            """)
    }

    @Test("a harness that can never complete, with nothing left to run, is TIMEOUT at once (not after the limit)")
    func nothingLeftToRun() async throws {
        // The full 10 s limit: the runner must notice quiescence instead of waiting for it.
        let result = try await runTestCommand(["--reporter", "json", "outcomes/nothing-left.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        #expect(result.stderr == "1 passed, 2 failed\n")
        let report = try JSONReport(result.standardOutput)
        let file = try #require(report.files.first)
        #expect(report.files.count == 1)
        #expect(file.status == "TIMEOUT")
        #expect(file.message == "the file has nothing left to run but the harness did not complete")
        #expect(file.subtests.map(\.status) == ["PASS", "TIMEOUT"])
        #expect(file.duration < 10, "the runner waited for the full time limit (\(file.duration) s)")
        #expect(report.summary == .init(passed: 1, failed: 2, skipped: 0, expectedFailures: 0, unexpectedPasses: 0))
    }

    @Test("`while (true) {}` inside a test is interrupted at the time limit: TIMEOUT, and the next file still runs")
    func spinInsideTest() async throws {
        let result = try await runTestCommand(
            ["--timeout-multiplier", "0.1", "spin/spin.window.js", "outcomes/pass.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        guard !result.timedOut else { return }
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("spin/spin.window.js\n  TIMEOUT spins forever"))
        #expect(result.stdout.contains("  TIMEOUT [harness] — the file did not complete within 1 s"))
        #expect(result.stdout.hasSuffix("""
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes

            2 passed, 2 failed

            """))
    }

    @Test("`while (true) {}` in a timer while a test waits is interrupted: TIMEOUT, and the next file still runs")
    func spinInTimer() async throws {
        let result = try await runTestCommand(
            ["--timeout-multiplier", "0.1", "outcomes/spin-in-timer.window.js", "outcomes/pass.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        #expect(result.stdout == """
            outcomes/spin-in-timer.window.js
              TIMEOUT spins in a timer — Test timed out (expected PASS)
              TIMEOUT [harness] — the file did not complete within 1 s (expected OK)
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes

            2 passed, 2 failed

            """)
    }

    @Test("`while (true) {}` in a timer after the harness completed is stopped: the file passes and the run goes on")
    func spinAfterCompletion() async throws {
        let result = try await runTestCommand(["spin/after-done.window.js", "outcomes/pass.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 0)
        #expect(result.stdout == """
            spin/after-done.window.js
              PASS    passes before the spin
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes

            3 passed, 0 failed

            """)
    }

    @Test("a file that throws at top level: harness ERROR with the uncaught error, exit 1")
    func topLevelThrow() async throws {
        let result = try await runTestCommand(["outcomes/top-level-throw.window.js", "outcomes/pass.window.js"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "outcomes/top-level-throw.window.js",
            "  PASS    defined before the throw",
            "  ERROR   [harness] — Uncaught TypeError: top-level boom (expected OK)",
            "    Uncaught TypeError: top-level boom",
        ])
        #expect(lines.count > 4 && lines[4].hasPrefix("        at outcomes/top-level-throw.window.js:3:"))
        // The run goes on with the next file.
        #expect(result.stdout.contains("outcomes/pass.window.js\n  PASS    addition works\n  PASS    a promise test passes\n"))
        #expect(result.stdout.hasSuffix("\n\n3 passed, 1 failed\n"))
    }

    @Test("an interval left running while a test never completes: TIMEOUT at the limit")
    func intervalNeverCompletes() async throws {
        let result = try await runTestCommand(["--timeout-multiplier", "0.02", "outcomes/interval-never-completes.window.js"])
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        #expect(result.stdout == """
            outcomes/interval-never-completes.window.js
              TIMEOUT never done while an interval runs — Test timed out (expected PASS)
              TIMEOUT [harness] — the file did not complete within 0.2 s (expected OK)

            0 passed, 2 failed

            """)
    }

    @Test("an interval left running after every test is done: harness OK, without waiting for the time limit")
    func intervalAfterCompletion() async throws {
        let result = try await runTestCommand(["--reporter", "json", "outcomes/interval-completes.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 0)
        #expect(result.stderr == "1 passed, 0 failed\n")
        let file = try #require(try JSONReport(result.standardOutput).files.first)
        #expect(file.status == "OK")
        #expect(file.subtests.map(\.status) == ["PASS"])
        #expect(file.duration < 10, "the runner waited for the full time limit (\(file.duration) s)")
    }

    @Test("setup({explicit_done: true}): complete after done(); without done() the harness is TIMEOUT")
    func explicitDone() async throws {
        let withDone = try await runTestCommand(["outcomes/explicit-done.window.js"])
        #expect(withDone.status == 0)
        #expect(withDone.stdout == """
            outcomes/explicit-done.window.js
              PASS    defined before done()
              PASS    defined in a timer

            2 passed, 0 failed

            """)

        let withoutDone = try await runTestCommand(["outcomes/explicit-no-done.window.js"], hangGuard: 60)
        #expect(!withoutDone.timedOut, "the hang guard had to stop jshost")
        #expect(withoutDone.status == 1)
        #expect(withoutDone.stdout == """
            outcomes/explicit-no-done.window.js
              PASS    passes but done() never comes
              TIMEOUT [harness] — the file has nothing left to run but the harness did not complete (expected OK)

            1 passed, 1 failed

            """)
    }

    @Test("a listener that throws: dispatch goes on, the error is reported and the harness status is ERROR")
    func listenerThrows() async throws {
        let result = try await runTestCommand(["outcomes/listener-throws.window.js"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
            outcomes/listener-throws.window.js
              PASS    dispatch goes on after a listener throws
              ERROR   [harness] — Uncaught RangeError: listener boom (expected OK)
                Uncaught RangeError: listener boom
                    at outcomes/listener-throws.window.js:5:
            """))
        #expect(result.stdout.hasSuffix("\n\n1 passed, 1 failed\n"))
    }

    @Test("setup({allow_uncaught_exception: true}): an uncaught error is recorded but the harness stays OK")
    func allowUncaughtException() async throws {
        let plain = try await runTestCommand(["outcomes/allow-uncaught.window.js"])
        #expect(plain.status == 0)
        #expect(plain.stdout == """
            outcomes/allow-uncaught.window.js
              PASS    an uncaught error in a timer is allowed
              PASS    a later test passes

            2 passed, 0 failed

            """)

        let json = try await runTestCommand(["--reporter", "json", "outcomes/allow-uncaught.window.js"])
        #expect(json.status == 0)
        let file = try #require(try JSONReport(json.standardOutput).files.first)
        #expect(file.status == "OK")
        #expect(file.uncaught.count == 1)
        #expect(file.uncaught.first?.hasPrefix("Uncaught Error: allowed uncaught error") == true)
    }

    // MARK: - META

    @Test("`// META: global=sharedworker` only: the file runs in a shared worker's global, reported as [sharedworker]")
    func sharedWorkerOnly() async throws {
        let result = try await runTestCommand(["meta/shared-worker-only.any.js"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            meta/shared-worker-only.any.js
              PASS    runs in a shared worker's global

            1 passed, 0 failed

            """)
        let json = try await runTestCommand(["--reporter", "json", "meta/shared-worker-only.any.js"])
        let report = try JSONReport(json.standardOutput)
        #expect(report.files.map(\.context) == ["sharedworker"])
        #expect(report.files.map(\.status) == ["OK"])
    }

    @Test("`// META: global=serviceworker` only: reported SKIP with the reason, counted as skipped, exit 0")
    func workerOnly() async throws {
        let result = try await runTestCommand(["meta/worker-only.any.js"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            meta/worker-only.any.js
              SKIP    the serviceworker context is not supported yet

            0 passed, 0 failed, 1 skipped

            """)
        #expect(!result.stdout.contains("PASS"))

        let json = try await runTestCommand(["--reporter", "json", "meta/worker-only.any.js"])
        let report = try JSONReport(json.standardOutput)
        #expect(report.files.map(\.status) == ["SKIP"])
        #expect(report.files.map(\.context) == ["serviceworker"])
        #expect(report.files.first?.subtests.isEmpty == true)
        #expect(report.summary == .init(passed: 0, failed: 0, skipped: 1, expectedFailures: 0, unexpectedPasses: 0))
    }

    @Test("an .any.js file without global=: a window run and a dedicated-worker run, reported separately")
    func anyDefaultContexts() async throws {
        let result = try await runTestCommand(["meta/any-default.any.js"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            meta/any-default.any.js [window]
              PASS    runs in its context
            meta/any-default.any.js [dedicatedworker]
              PASS    runs in its context

            2 passed, 0 failed

            """)
    }

    @Test("`// META: script=` relative to the test, in order; absolute against --root; a missing one is ERROR")
    func metaScripts() async throws {
        let relative = try await runTestCommand(["meta/script.window.js"])
        #expect(relative.status == 0)
        #expect(relative.stdout == """
            meta/script.window.js
              PASS    relative META scripts ran before the test, in order

            1 passed, 0 failed

            """)

        // From inside meta/, `/meta/resources/helper.js` only exists against --root ..
        let metaDirectory = RunnerFixtures.directory.appendingPathComponent("meta")
        let rooted = try await runJSHost(["test", "--root", "..", "script-absolute.window.js"], in: metaDirectory)
        #expect(rooted.status == 0)
        #expect(rooted.stdout.hasSuffix("\n1 passed, 0 failed\n"))
        let unrooted = try await runJSHost(["test", "script-absolute.window.js"], in: metaDirectory)
        #expect(unrooted.status == 1)
        #expect(unrooted.stdout.contains("  ERROR   [harness] — cannot read META script './meta/resources/helper.js'"))
        #expect(unrooted.stdout.hasSuffix("\n0 passed, 1 failed\n"))

        let missing = try await runTestCommand(["meta/script-missing.window.js"])
        #expect(missing.status == 1)
        #expect(missing.stdout.hasPrefix("""
            meta/script-missing.window.js
              ERROR   [harness] — cannot read META script 'meta/resources/does-not-exist.js'
            """))
        #expect(missing.stdout.hasSuffix("\n0 passed, 1 failed\n"))
    }

    @Test("`// META: timeout=long` gives 60 s instead of 10 s, both scaled by --timeout-multiplier")
    func metaTimeoutLong() async throws {
        let result = try await runTestCommand(
            ["--timeout-multiplier", "0.02", "meta/long.window.js", "outcomes/never-completes.window.js"], hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        #expect(result.stdout == """
            meta/long.window.js
              TIMEOUT never done — Test timed out (expected PASS)
              TIMEOUT [harness] — the file did not complete within 1.2 s (expected OK)
            outcomes/never-completes.window.js
              TIMEOUT never done — Test timed out (expected PASS)
              TIMEOUT [harness] — the file did not complete within 0.2 s (expected OK)

            0 passed, 4 failed

            """)
    }

    @Test("`// META: title=` names the file's unnamed subtests (quotes and backslashes survive)")
    func metaTitle() async throws {
        let result = try await runTestCommand(["meta/title.window.js"])
        #expect(result.status == 0)
        #expect(result.stdout == #"""
            meta/title.window.js
              PASS    A "quoted" title \ with a backslash
              PASS    A "quoted" title \ with a backslash 1
              PASS    named explicitly

            3 passed, 0 failed

            """#)
    }

    // MARK: - Which files run

    @Test("a directory is searched recursively for test suffixes; resources/ and hidden entries are skipped")
    func directoryDiscovery() async throws {
        let expected = [
            "discovery/a.any.js [window]", "discovery/a.any.js [dedicatedworker]",
            "discovery/b.window.js [window]", "discovery/c.worker.js [dedicatedworker]",
            "discovery/d.test.js [window]", "discovery/nested/deep/e.test.js [window]",
            "discovery/nested/f.window.js [window]",
        ]
        for argument in ["discovery", "discovery/"] {
            let result = try await runTestCommand(["--reporter", "json", argument])
            #expect(result.status == 0)
            let report = try JSONReport(result.standardOutput)
            #expect(report.files.map { "\($0.path) [\($0.context)]" } == expected, "\(argument)")
            #expect(report.summary == .init(passed: 7, failed: 0, skipped: 0, expectedFailures: 0, unexpectedPasses: 0))
            #expect(result.stderr == "7 passed, 0 failed\n")
        }
    }

    @Test("files named explicitly always run, whatever their name or folder")
    func explicitFiles() async throws {
        let result = try await runTestCommand([
            "--reporter", "json", "discovery/helper.js", "discovery/resources/r.any.js", "discovery/.hidden/h.test.js",
            "discovery/z.any.js.bak",
        ])
        #expect(result.status == 0)
        let report = try JSONReport(result.standardOutput)
        #expect(report.files.map { "\($0.path) [\($0.context)]" } == [
            "discovery/helper.js [window]", "discovery/resources/r.any.js [window]",
            "discovery/resources/r.any.js [dedicatedworker]", "discovery/.hidden/h.test.js [window]",
            "discovery/z.any.js.bak [window]",
        ])
        #expect(report.files.map(\.status) == ["OK", "OK", "OK", "OK", "OK"])
        #expect(result.stderr == "5 passed, 0 failed\n")
    }

    @Test("a missing path: exit 2 with one line, and nothing runs")
    func missingPath() async throws {
        for arguments in [["discovery/nope.js"], ["outcomes/pass.window.js", "no-such-dir"]] {
            let result = try await runTestCommand(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr == "jshost: no such file or directory: '\(arguments.last!)'\n")
        }
    }

    @Test("bad usage of `jshost test` exits 2 with one line on stderr", arguments: [
        ([], "argument"),
        (["--jobs", "0", "outcomes/pass.window.js"], "--jobs"),
        (["--timeout-multiplier", "0", "outcomes/pass.window.js"], "--timeout-multiplier"),
        (["--reporter", "xml", "outcomes/pass.window.js"], "xml"),
        (["--reporter", "junit", "outcomes/pass.window.js"], "--output"),
        (["--expectations", "no-such-expectations.json", "outcomes/pass.window.js"], "no-such-expectations.json"),
        (["--harness", "no-such-harness.js", "outcomes/pass.window.js"], "no-such-harness.js"),
    ])
    func badUsage(arguments: [String], mentions: String) async throws {
        let result = try await runTestCommand(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        expectOneLine(result.stderr, mentioning: mentions)
    }

    // MARK: - Parallel runs

    @Test("--jobs 3 gives byte-identical output and the same summary as --jobs 1")
    func parallelJobsSameOutput() async throws {
        // Mixed outcomes: passes, failures, timeouts, harness errors, skips. (A 3 s limit per file, not 1 s: with
        // the other suites running beside it, a file that passes once ran past 1 s in one of eight runs, and the
        // serial report gained a TIMEOUT the parallel one did not have.)
        let files = ["--timeout-multiplier", "0.3", "outcomes", "meta/any-default.any.js", "meta/worker-only.any.js"]
        let serial = try await runTestCommand(["--jobs", "1"] + files)
        let parallel = try await runTestCommand(["--jobs", "3"] + files)
        #expect(!serial.timedOut && !parallel.timedOut, "the hang guard had to stop jshost")
        #expect(serial.status == 1)
        #expect(parallel.status == 1)
        #expect(serial.stdout.hasSuffix("\n\n14 passed, 12 failed, 1 skipped\n"))
        #expect(parallel.standardOutput == serial.standardOutput)
        #expect(parallel.stdout == serial.stdout) // a readable diff when the bytes differ
        // No colour when stdout is not a terminal.
        #expect(!serial.standardOutput.contains(0x1B))
        // Every file is reported, in the order given.
        let headers = serial.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains("/") }
        #expect(headers.count == 15)
        #expect(headers.first == "outcomes/allow-uncaught.window.js")
        #expect(headers.last == "meta/worker-only.any.js")
    }

    // MARK: - Reporters

    /// Pass, fail, harness error and a skipped context.
    private static let reporterFiles = [
        "outcomes/pass.window.js", "outcomes/fail.window.js", "outcomes/top-level-throw.window.js", "meta/worker-only.any.js",
    ]

    @Test("--reporter tap: TAP 13, ok / not ok per subtest, skips as # SKIP, the plan line 1..N")
    func tapReporter() async throws {
        let result = try await runTestCommand(["--reporter", "tap"] + Self.reporterFiles)
        #expect(result.status == 1)
        #expect(result.stdout == """
            TAP version 13
            ok 1 - outcomes/pass.window.js > addition works
            ok 2 - outcomes/pass.window.js > a promise test passes
            ok 3 - outcomes/fail.window.js > this one passes
            not ok 4 - outcomes/fail.window.js > this one fails
              ---
              message: "assert_equals: the sum expected 3 but got 2"
              ...
            ok 5 - outcomes/top-level-throw.window.js > defined before the throw
            not ok 6 - outcomes/top-level-throw.window.js > [harness] ERROR
              ---
              message: "Uncaught TypeError: top-level boom"
              ...
            ok 7 - meta/worker-only.any.js # SKIP the serviceworker context is not supported yet
            1..7
            # 4 passed, 2 failed, 1 skipped

            """)
        #expect(result.stderr == "4 passed, 2 failed, 1 skipped\n")

        let clean = try await runTestCommand(["--reporter", "tap", "outcomes/pass.window.js"])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasSuffix("ok 2 - outcomes/pass.window.js > a promise test passes\n1..2\n# 2 passed, 0 failed\n"))
    }

    @Test("--reporter junit --output FILE: well-formed XML whose suites, cases and failures match the run")
    func junitReporter() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.url.appendingPathComponent("report.xml")
        let result = try await runTestCommand(["--reporter", "junit", "--output", output.path] + Self.reporterFiles)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "4 passed, 2 failed, 1 skipped\n")

        let xml = try JUnitDocument(contentsOf: output)
        #expect(xml.root?.name == "testsuites")
        #expect(xml.root?.attributes["tests"] == "7")
        #expect(xml.root?.attributes["failures"] == "1")
        #expect(xml.root?.attributes["errors"] == "1")
        #expect(xml.root?.attributes["skipped"] == "1")
        let suites = xml.root?.children.filter { $0.name == "testsuite" } ?? []
        #expect(suites.map { $0.attributes["name"] ?? "" } == [
            "outcomes/pass.window.js", "outcomes/fail.window.js", "outcomes/top-level-throw.window.js",
            "meta/worker-only.any.js",
        ])
        for suite in suites {
            let cases = suite.children.filter { $0.name == "testcase" }
            let name = suite.attributes["name"] ?? "?"
            #expect(suite.attributes["tests"] == String(cases.count), "\(name)")
            for kind in ["failure", "error", "skipped"] {
                let count = cases.flatMap(\.children).filter { $0.name == kind }.count
                #expect(suite.attributes[kind == "skipped" ? "skipped" : kind + "s"] == String(count), "\(name) \(kind)")
            }
        }
        let allCases = suites.flatMap(\.children)
        #expect(allCases.count == 7)
        let failure = allCases.flatMap(\.children).first { $0.name == "failure" }
        #expect(failure?.attributes["message"] == "assert_equals: the sum expected 3 but got 2")
        #expect(failure?.attributes["type"] == "FAIL")
        let error = allCases.flatMap(\.children).first { $0.name == "error" }
        #expect(error?.attributes["message"] == "Uncaught TypeError: top-level boom")
    }

    @Test("--reporter json: one document with every file's status, subtests and the summary counts")
    func jsonReporter() async throws {
        let result = try await runTestCommand(["--reporter", "json"] + Self.reporterFiles)
        #expect(result.status == 1)
        #expect(result.stderr == "4 passed, 2 failed, 1 skipped\n")
        let report = try JSONReport(result.standardOutput)
        try #require(report.files.count == 4)
        #expect(report.files.map(\.path) == [
            "outcomes/pass.window.js", "outcomes/fail.window.js", "outcomes/top-level-throw.window.js",
            "meta/worker-only.any.js",
        ])
        #expect(report.files.map(\.context) == ["window", "window", "window", "serviceworker"])
        #expect(report.files.map(\.status) == ["OK", "OK", "ERROR", "SKIP"])
        #expect(report.files.map(\.subtests.count) == [2, 2, 1, 0])
        #expect(report.files[1].subtests.map(\.status) == ["PASS", "FAIL"])
        #expect(report.files[1].subtests[1].message == "assert_equals: the sum expected 3 but got 2")
        #expect(report.files[1].subtests[1].expected == "PASS")
        #expect(report.files[2].message == "Uncaught TypeError: top-level boom")
        #expect(report.files[2].uncaught.first?.hasPrefix("Uncaught TypeError: top-level boom\n") == true)
        #expect(report.files[3].message == "the serviceworker context is not supported yet")
        #expect(report.summary == .init(passed: 4, failed: 2, skipped: 1, expectedFailures: 0, unexpectedPasses: 0))
    }

    @Test("names and messages with #, <&\">, control characters, newlines and non-ASCII survive every reporter")
    func reportersEscape() async throws {
        let names = [
            "a # hash", #"<xml> & "quotes" 'apostrophes'"#, "a control \u{2} character", "name with a\nnewline",
            "ünïcödé ✓ 🎉",
        ]
        let json = try await runTestCommand(["--reporter", "json", "reporters/odd-names.window.js"])
        #expect(json.status == 1)
        let report = try JSONReport(json.standardOutput)
        #expect(report.files.first?.subtests.map(\.name) == names)
        #expect(report.files.first?.subtests[3].message == "assert_true: first line\nsecond line expected true got false")

        let scratch = try ScratchDirectory()
        let output = scratch.url.appendingPathComponent("odd.xml")
        let junit = try await runTestCommand(["--reporter", "junit", "-o", output.path, "reporters/odd-names.window.js"])
        #expect(junit.status == 1)
        let xml = try JUnitDocument(contentsOf: output)
        let cases = xml.root?.children.flatMap(\.children) ?? []
        // XML 1.0 cannot carry U+0002: the reporter replaces it.
        #expect(cases.map { $0.attributes["name"] ?? "" } == names.map { $0.replacingOccurrences(of: "\u{2}", with: "\u{FFFD}") })

        let tap = try await runTestCommand(["--reporter", "tap", "reporters/odd-names.window.js"])
        #expect(tap.status == 1)
        #expect(tap.stdout.contains("ok 1 - reporters/odd-names.window.js > a \\# hash\n"))
        #expect(tap.stdout.hasSuffix("1..5\n# 3 passed, 2 failed\n"))
        let stray = tap.stdout.split(separator: "\n").filter { line in
            !(line.hasPrefix("TAP version ") || line.hasPrefix("ok ") || line.hasPrefix("not ok ") || line.hasPrefix("1..")
              || line.hasPrefix("#") || line.hasPrefix("  "))
        }
        #expect(stray.isEmpty, "lines that are not TAP: \(stray)")
    }

    // MARK: - External harness

    @Test("--harness PATH loads an external classic-script harness and reports through it")
    func externalHarness() async throws {
        let result = try await runTestCommand(["--harness", "harness/minimal-testharness.js", "harness/uses-harness.test.js"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            harness/uses-harness.test.js
              PASS    reported through the external harness
              PASS    the external harness defined globals
              FAIL    a failure keeps its message — assert_equals: product expected 5 but got 4 (expected PASS)

            2 passed, 1 failed

            """)
    }

    @Test("--harness PATH: at the time limit the external harness's timeout() decides the statuses")
    func externalHarnessTimeout() async throws {
        let result = try await runTestCommand(
            ["--timeout-multiplier", "0.02", "--harness", "harness/minimal-testharness.js", "harness/never-completes.test.js"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  TIMEOUT waits forever"))
        #expect(result.stdout.contains("  TIMEOUT [harness] — minimal harness timed out"))
        #expect(result.stdout.hasSuffix("0 passed, 2 failed\n"))
    }

    @Test("--harness with a missing file is bad usage: exit 2, one line")
    func externalHarnessMissing() async throws {
        let result = try await runTestCommand(["--harness", "harness/no-such-harness.js", "harness/uses-harness.test.js"])
        #expect(result.status == 2)
        expectOneLine(result.stderr, mentioning: "no-such-harness.js")
    }

    // MARK: - Filtering and expectations

    @Test("--filter TEXT reports only subtests whose name or file path contains TEXT, and counts only those")
    func filter() async throws {
        let files = ["outcomes/pass.window.js", "outcomes/fail.window.js"]
        let byName = try await runTestCommand(["--filter", "fails"] + files)
        #expect(byName.status == 1)
        #expect(byName.stdout == """
            outcomes/fail.window.js
              FAIL    this one fails — assert_equals: the sum expected 3 but got 2 (expected PASS)

            0 passed, 1 failed

            """)

        let byPath = try await runTestCommand(["--filter", "pass.window"] + files)
        #expect(byPath.status == 0)
        #expect(byPath.stdout == """
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes

            2 passed, 0 failed

            """)

        // Name matches in several files: "this one passes" and "a promise test passes".
        let passingOnly = try await runTestCommand(["--filter", "passes"] + files)
        #expect(passingOnly.status == 0)
        #expect(passingOnly.stdout == """
            outcomes/pass.window.js
              PASS    a promise test passes
            outcomes/fail.window.js
              PASS    this one passes

            2 passed, 0 failed

            """)

        let nothing = try await runTestCommand(["--filter", "no subtest has this name"] + files)
        #expect(nothing.status == 0)
        #expect(nothing.stdout == "\n0 passed, 0 failed\n")

        let json = try await runTestCommand(["--reporter", "json", "--filter", "fails"] + files)
        let report = try JSONReport(json.standardOutput)
        #expect(report.files.map(\.path) == ["outcomes/fail.window.js"])
        #expect(report.files.first?.subtests.map(\.name) == ["this one fails"])
        #expect(report.summary == .init(passed: 0, failed: 1, skipped: 0, expectedFailures: 0, unexpectedPasses: 0))
    }

    @Test("--expectations with a known failure: exit 0 and a known-failures line")
    func knownFailure() async throws {
        let scratch = try ScratchDirectory()
        let expectations = try scratch.write("expectations.json", """
            { "outcomes/fail.window.js": ["this one fails"] }
            """)
        let result = try await runTestCommand(["--expectations", expectations, "outcomes/pass.window.js", "outcomes/fail.window.js"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            outcomes/pass.window.js
              PASS    addition works
              PASS    a promise test passes
            outcomes/fail.window.js
              PASS    this one passes
              FAIL    this one fails — assert_equals: the sum expected 3 but got 2

            1 known failures (from expectations)
            3 passed, 0 failed

            """)

        // Object form: subtest statuses and the harness status; keys may start with ./
        let statuses = try scratch.write("statuses.json", """
            { "./outcomes/nothing-left.window.js": { "waits for nothing": "TIMEOUT", "[harness]": "TIMEOUT" },
              "outcomes/top-level-throw.window.js": { "[harness]": "ERROR" } }
            """)
        let objects = try await runTestCommand(
            ["--expectations", statuses, "outcomes/nothing-left.window.js", "outcomes/top-level-throw.window.js"], hangGuard: 60)
        #expect(objects.status == 0)
        #expect(objects.stdout.hasSuffix("\n\n3 known failures (from expectations)\n2 passed, 0 failed\n"))
        #expect(!objects.stdout.contains("(expected"))
    }

    @Test("--expectations: an expected failure that now passes exits 1 and reports unexpected passes")
    func unexpectedPass() async throws {
        let scratch = try ScratchDirectory()
        let expectations = try scratch.write("expectations.json", """
            { "outcomes/pass.window.js": ["addition works"] }
            """)
        let result = try await runTestCommand(["--expectations", expectations, "outcomes/pass.window.js"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            outcomes/pass.window.js
              PASS    addition works (expected FAIL)
              PASS    a promise test passes

            1 unexpected passes: update the expectations
            2 passed, 0 failed

            """)
        let json = try await runTestCommand(["--reporter", "json", "--expectations", expectations, "outcomes/pass.window.js"])
        #expect(json.status == 1)
        #expect(try JSONReport(json.standardOutput).summary
                == .init(passed: 2, failed: 0, skipped: 0, expectedFailures: 0, unexpectedPasses: 1))
    }

    @Test("a malformed expectations file exits 2 with one line, before running anything", arguments: [
        "{", "", "[]", #"{ "x.any.js": 3 }"#, #"{ "x.any.js": { "a subtest": 1 } }"#,
    ])
    func malformedExpectations(contents: String) async throws {
        let scratch = try ScratchDirectory()
        let expectations = try scratch.write("bad.json", contents)
        let result = try await runTestCommand(["--expectations", expectations, "outcomes/pass.window.js"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        expectOneLine(result.stderr, mentioning: "expectations")
    }
}

// MARK: - Reliability: the runner cannot be fooled

@Suite("jshost test: the runner cannot be fooled")
struct TestRunnerReliabilityTests {
    @Test("META lines are read after a byte-order mark and with CRLF line ends")
    func metaAfterBOMAndCRLF() async throws {
        let plain = "// META: title=The title\n// META: script=helper.js\n// META: timeout=long\n// META: global=window\n"
        for (label, source) in [
            ("BOM", "\u{FEFF}" + plain),
            ("CRLF", plain.replacingOccurrences(of: "\n", with: "\r\n")),
            ("BOM and CRLF", "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")),
            ("CR", plain.replacingOccurrences(of: "\n", with: "\r")),
        ] {
            let file = TestFile(path: "dir/x.any.js", source: source, root: nil)
            #expect(file.title == "The title", "\(label)")
            #expect(file.scripts == ["dir/helper.js"], "\(label)")
            #expect(file.isLongTimeout, "\(label)")
            #expect(file.contexts == ["window"], "\(label)")
        }

        // The same through `jshost test`: the helper script runs and the title names the subtest.
        let scratch = try ScratchDirectory()
        try scratch.write("helper.js", "self.helperRan = true;\r\n")
        try scratch.write("bom-crlf.any.js", "\u{FEFF}// META: title=Read after the BOM\r\n// META: script=helper.js\r\n"
                          + "// META: global=window\r\n\r\ntest(function () { assert_true(self.helperRan); });\r\n")
        let result = try await runJSHost(["test", "bom-crlf.any.js"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == """
            bom-crlf.any.js
              PASS    Read after the BOM

            1 passed, 0 failed

            """)
    }

    @Test("`// META: global=` naming nothing valid is an ERROR, not a silent skip; a valid context still runs")
    func invalidGlobals() async throws {
        let result = try await runTestCommand(["meta/global-empty.window.js", "meta/global-unknown.any.js", "meta/global-typo.any.js"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            meta/global-empty.window.js
              ERROR   [harness] — `// META: global=` names no context (expected OK)
            meta/global-unknown.any.js [browser]
              ERROR   [harness] — `// META: global=` names an unknown context 'browser' (expected OK)
            meta/global-unknown.any.js [node]
              ERROR   [harness] — `// META: global=` names an unknown context 'node' (expected OK)
            meta/global-typo.any.js [windw]
              ERROR   [harness] — `// META: global=` names an unknown context 'windw' (expected OK)
            meta/global-typo.any.js [window]
              PASS    runs in the window

            1 passed, 4 failed

            """)
        // Known contexts this build cannot run are still skipped, not errors.
        #expect(TestFile(path: "a.any.js", source: "// META: global=jsshell,worker\n", root: nil).contexts
                == ["jsshell", "dedicatedworker", "sharedworker", "serviceworker"])
    }

    @Test("directory discovery does not follow symlink loops, and searches a linked directory once")
    func symlinkLoops() async throws {
        let scratch = try ScratchDirectory()
        let fileManager = FileManager.default
        let suite = scratch.url.appendingPathComponent("suite")
        try fileManager.createDirectory(at: suite.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try scratch.write("suite/a.window.js", "test(() => {}, 'a');")
        try scratch.write("suite/sub/b.window.js", "test(() => {}, 'b');")
        try fileManager.createSymbolicLink(atPath: suite.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fileManager.createSymbolicLink(atPath: suite.appendingPathComponent("self").path, withDestinationPath: ".")
        try fileManager.createSymbolicLink(atPath: suite.appendingPathComponent("alias").path, withDestinationPath: "sub")

        #expect(try TestDiscovery.findTests(in: [suite.path]) == [suite.path + "/a.window.js", suite.path + "/alias/b.window.js"])

        let result = try await runJSHost(["test", "--reporter", "json", "suite"], in: scratch.url, hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 0)
        let report = try JSONReport(result.standardOutput)
        #expect(report.files.map(\.path) == ["suite/a.window.js", "suite/alias/b.window.js"])
    }

    @Test("--output naming an input of the run is refused before anything is written")
    func outputNamesAnInput() async throws {
        let scratch = try ScratchDirectory()
        let test = "// META: script=resources/helper.js\ntest(() => {}, 'passes');\n"
        let helper = "self.loaded = true;\n"
        let expectations = "{}"
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("resources"), withIntermediateDirectories: true)
        try scratch.write("t.window.js", test)
        try scratch.write("resources/helper.js", helper)
        try scratch.write("expected.json", expectations)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("link.json").path, withDestinationPath: "t.window.js")

        for (output, input) in [
            ("t.window.js", "./t.window.js"), ("./t.window.js", "./t.window.js"), ("link.json", "./t.window.js"),
            ("resources/helper.js", "./resources/helper.js"), ("expected.json", "expected.json"),
        ] {
            for reporter in ["default", "json", "junit"] {
                let result = try await runJSHost(
                    ["test", "--reporter", reporter, "-o", output, "--expectations", "expected.json", "."], in: scratch.url)
                #expect(result.status == 2, "\(output) \(reporter)")
                #expect(result.stdout.isEmpty)
                expectOneLine(result.stderr, mentioning: "--output '\(output)' names an input of this run ('\(input)')")
            }
        }
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("t.window.js"), encoding: .utf8) == test)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("resources/helper.js"), encoding: .utf8) == helper)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("expected.json"), encoding: .utf8) == expectations)

        // A report file that cannot be opened is bad usage too, found before the run rather than after it.
        let unwritable = try await runJSHost(["test", "-o", "no-such-dir/report.txt", "t.window.js"], in: scratch.url)
        #expect(unwritable.status == 2)
        expectOneLine(unwritable.stderr, mentioning: "cannot write 'no-such-dir/report.txt'")

        // A fresh file is fine.
        let fresh = try await runJSHost(["test", "-o", "report.txt", "t.window.js"], in: scratch.url)
        #expect(fresh.status == 0)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("report.txt"), encoding: .utf8).hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("an unhandled rejection or an error after a sync-only file's tests pass makes the harness ERROR")
    func lateErrors() async throws {
        let result = try await runTestCommand(["late/rejection.window.js", "late/microtask-error.window.js", "late/handled-later.window.js"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == [
            "late/rejection.window.js",
            "  PASS    passes before the rejection",
            "  ERROR   [harness] — Unhandled rejection: nobody handles this (expected OK)",
        ])
        #expect(result.stdout.contains("""
            late/microtask-error.window.js
              PASS    passes before the error
              ERROR   [harness] — Uncaught TypeError: thrown in a microtask (expected OK)
            """))
        // A rejection handled within the same checkpoint is no error.
        #expect(result.stdout.hasSuffix("""
            late/handled-later.window.js
              PASS    passes

            3 passed, 2 failed

            """))
    }

    @Test("a test status that is not a harness code (1e300, Infinity, NaN, 7, a string) is a FAIL, not a crash")
    func oddStatuses() async throws {
        let result = try await runTestCommand(["--harness", "harness/minimal-testharness.js", "numbers/odd-status.window.js"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            numbers/odd-status.window.js
              FAIL    status becomes 1e300 — the harness reported an unknown status (1e+300) (expected PASS)
              FAIL    status becomes Infinity — the harness reported an unknown status (null) (expected PASS)
              FAIL    status becomes NaN — the harness reported an unknown status (null) (expected PASS)
              PASS    status becomes -0
              FAIL    status becomes 7 — the harness reported an unknown status (7) (expected PASS)
              FAIL    status becomes a string — the harness reported an unknown status ("0") (expected PASS)
              PASS    status stays PASS

            2 passed, 5 failed

            """)
        // Seconds from the command line are printed without converting them to an integer.
        #expect(formatSeconds(1e300) == "1e+300")
        #expect(formatSeconds(.nan) == "nan")
        #expect(formatSeconds(.infinity) == "inf")
        #expect(formatSeconds(10) == "10")
        #expect(formatSeconds(0.2) == "0.2")
    }

    @Test("an expectations file nested 100,000 deep: a clear error and exit 2, not a crash")
    func deeplyNestedExpectations() async throws {
        let scratch = try ScratchDirectory()
        for (name, contents) in [
            ("arrays.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
            ("open.json", String(repeating: "[", count: 100_000)),
            ("objects.json", #"{ "x.any.js": "# + String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_001)),
        ] {
            let path = try scratch.write(name, contents)
            let result = try await runTestCommand(["--expectations", path, "outcomes/pass.window.js"])
            #expect(result.status == 2, "\(name)")
            #expect(result.stdout.isEmpty)
            expectOneLine(result.stderr, mentioning: "nested more than 64 levels deep")
        }
        // Brackets inside strings do not count.
        let quoted = try scratch.write("quoted.json", #"{ "outcomes/pass.window.js": [""# + String(repeating: "[{", count: 1000) + #"\""]}"#)
        let fine = try await runTestCommand(["--expectations", quoted, "outcomes/pass.window.js"])
        #expect(fine.status == 0)
    }

    @Test("names and messages with control characters are escaped in the plain report (a terminal)")
    func terminalEscapes() async throws {
        let result = try await runTestCommand(["reporters/terminal-escapes.window.js"])
        #expect(result.status == 1)
        let expectedPlain = """
            reporters/terminal-escapes.window.js
              PASS    clears \\x1B[2J the screen
              PASS    returns\\rto the start
              FAIL    reversed \\u202E txet — assert_true: rings \\x07 and \\x9B moves expected true got false (expected PASS)

            2 passed, 1 failed

            """
        #expect(result.stdout == expectedPlain)
        for byte: UInt8 in [0x1B, 0x0D, 0x07] {
            #expect(!result.standardOutput.contains(byte), "raw control byte \(byte) in the report")
        }
        // TAP is printed on terminals too: descriptions escaped the same way, messages as JSON strings with C1
        // controls and bidirectional overrides escaped as well.
        let tap = try await runTestCommand(["--reporter", "tap", "reporters/terminal-escapes.window.js"])
        #expect(tap.status == 1)
        // (Backslashes doubled in an ordinary literal: the #expect macro mangles escapes inside raw strings.)
        let expectedTAP = """
            TAP version 13
            ok 1 - reporters/terminal-escapes.window.js > clears \\x1B[2J the screen
            ok 2 - reporters/terminal-escapes.window.js > returns\\rto the start
            not ok 3 - reporters/terminal-escapes.window.js > reversed \\u202E txet
              ---
              message: "assert_true: rings \\u0007 and \\u009b moves expected true got false"
              ...
            1..3
            # 2 passed, 1 failed

            """
        #expect(tap.stdout == expectedTAP)
        // Newlines in names are escaped too; multi-line messages keep their lines.
        let odd = try await runTestCommand(["reporters/odd-names.window.js"])
        #expect(odd.stdout.contains("  FAIL    name with a\\nnewline — assert_true: first line\nsecond line expected true got false"))
        #expect(odd.stdout.contains("  FAIL    a control \\x02 character — assert_equals: control \\x07 char"))
    }

    @Test("a file that leaves built-ins patched (toJSON, iterators, push) still reports its results intact")
    func patchedBuiltins() async throws {
        let result = try await runTestCommand(["tamper/patched-builtins.window.js"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            tamper/patched-builtins.window.js
              PASS    passes before the patches
              FAIL    fails before the patches — assert_true: fails on purpose expected true got false (expected PASS)

            1 passed, 1 failed

            """)
    }

    @Test("a microtask that queues itself forever, or an endless promise chain, is TIMEOUT at the file's limit, and the run goes on")
    func microtaskLoop() async throws {
        let started = ContinuousClock.now
        let result = try await runTestCommand(
            ["--reporter", "json", "--timeout-multiplier", "0.1", "spin/microtask-loop.window.js", "spin/promise-chain.window.js",
             "outcomes/pass.window.js"],
            hangGuard: 60)
        #expect(!result.timedOut, "the hang guard had to stop jshost")
        #expect(result.status == 1)
        let report = try JSONReport(result.standardOutput)
        #expect(report.files.map(\.path) == ["spin/microtask-loop.window.js", "spin/promise-chain.window.js", "outcomes/pass.window.js"])
        #expect(report.files.map(\.status) == ["TIMEOUT", "TIMEOUT", "OK"])
        #expect(report.files.prefix(2).allSatisfy { $0.message == "the file did not complete within 1 s" })
        #expect(report.files.last?.subtests.map(\.status) == ["PASS", "PASS"])
        // Each file is stopped at its 1 s limit (plus whatever grace the runner gives a stuck agent), not later.
        // (A following passing file needs the margin on a loaded machine: a fresh agent starts for it.)
        #expect(ContinuousClock.now - started < .seconds(15))
    }
}

// MARK: - Helpers

enum RunnerFixtures {
    /// `Tests/Fixtures/runner`, the working directory of these runs.
    static let directory = Paths.packageRoot.appendingPathComponent("Tests/Fixtures/runner")
}

/// Runs `jshost test ARGUMENTS` in the runner fixtures' folder. Tests check `timedOut` themselves where a hang is
/// plausible.
private func runTestCommand(_ arguments: [String], hangGuard: Double = 120) async throws -> ProcessResult {
    try await runJSHost(["test"] + arguments, in: RunnerFixtures.directory, hangGuard: hangGuard)
}

private func expectOneLine(_ text: String, mentioning: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "expected exactly one line, got \(text.debugDescription)",
            sourceLocation: sourceLocation)
    #expect(text.hasPrefix("jshost: "), sourceLocation: sourceLocation)
    #expect(text.contains(mentioning), "\(text.debugDescription) does not mention \(mentioning)", sourceLocation: sourceLocation)
}

/// The document `--reporter json` writes, read with JSONSerialization.
private struct JSONReport {
    struct Subtest {
        var name: String
        var status: String
        var expected: String
        var message: String?
    }

    struct File {
        var path: String
        var context: String
        var status: String
        var expected: String
        var message: String?
        var duration: Double
        var subtests: [Subtest]
        var uncaught: [String]
    }

    struct Summary: Equatable {
        var passed: Int
        var failed: Int
        var skipped: Int
        var expectedFailures: Int
        var unexpectedPasses: Int
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    var files: [File]
    var summary: Summary

    init(_ data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = root["files"] as? [[String: Any]], let summary = root["summary"] as? [String: Any] else {
            throw Malformed(description: "not a report: \(String(decoding: data, as: UTF8.self))")
        }
        func string(_ object: [String: Any], _ key: String) throws -> String {
            guard let value = object[key] as? String else { throw Malformed(description: "no string '\(key)' in \(object)") }
            return value
        }
        func optionalString(_ object: [String: Any], _ key: String) throws -> String? {
            if object[key] is NSNull { return nil }
            return try string(object, key)
        }
        func int(_ key: String) throws -> Int {
            guard let value = summary[key] as? NSNumber else { throw Malformed(description: "no number '\(key)' in the summary") }
            return value.intValue
        }
        self.files = try files.map { file in
            guard let subtests = file["subtests"] as? [[String: Any]], let uncaught = file["uncaught"] as? [String],
                  let duration = file["duration"] as? NSNumber else {
                throw Malformed(description: "bad file entry \(file)")
            }
            return File(
                path: try string(file, "path"), context: try string(file, "context"), status: try string(file, "status"),
                expected: try string(file, "expected"), message: try optionalString(file, "message"),
                duration: duration.doubleValue,
                subtests: try subtests.map { subtest in
                    Subtest(name: try string(subtest, "name"), status: try string(subtest, "status"),
                            expected: try string(subtest, "expected"), message: try optionalString(subtest, "message"))
                },
                uncaught: uncaught)
        }
        self.summary = Summary(passed: try int("passed"), failed: try int("failed"), skipped: try int("skipped"),
                               expectedFailures: try int("expectedFailures"), unexpectedPasses: try int("unexpectedPasses"))
    }
}

/// A JUnit report parsed with Foundation's XMLParser into a small element tree.
private final class JUnitDocument: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var root: Element?
    private var stack: [Element] = []

    init(contentsOf url: URL) throws {
        super.init()
        let data = try Data(contentsOf: url)
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw Malformed(description: "not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")): "
                            + String(decoding: data, as: UTF8.self))
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let element = Element(name: elementName, attributes: attributes)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

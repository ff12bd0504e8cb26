import Foundation
import Testing

/// The `jshost` command line itself: usage errors, standard input, file names that are not UTF-8, and parsing
/// time with many script arguments or test paths.
@Suite("jshost CLI: usage and arguments")
struct CLIUsageTests {
    @Test("usage errors say what is wrong, on one line, with exit code 2", arguments: [
        (["run", "--timeout", "-1", "x.js"], "--timeout must be a non-negative number"),
        (["--timeout", "-1", "x.js"], "--timeout must be a non-negative number"),
        (["run", "--timeout=-1", "x.js"], "--timeout must be a non-negative number"),
        (["eval", "--timeout", "nan", "1"], "--timeout must be a non-negative number"),
        (["run", "--timeout", "inf", "x.js"], "--timeout must be a non-negative number"),
        (["-x"], "unknown option '-x'"),
        (["run", "-x", "x.js"], "unknown option '-x'"),
        (["--bogus", "x.js"], "unknown option '--bogus'"),
        (["eval", "--bogus", "1"], "unknown option '--bogus'"),
        (["test", "--bogus", "x.any.js"], "'--bogus'"),
        (["run", "--timeout"], "--timeout"),
    ])
    func usageErrors(arguments: [String], mentions: String) async throws {
        let result = try await runJSHost(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "expected exactly one line, got \(result.stderr.debugDescription)")
        #expect(result.stderr.hasPrefix("jshost: "))
        #expect(result.stderr.contains(mentions), "\(result.stderr.debugDescription) does not mention \(mentions)")
    }

    @Test("--timeout 0 means no time limit")
    func timeoutZero() async throws {
        let result = try await runJSHost(["eval", "--timeout", "0", "setTimeout(() => console.log('done'), 50)"], hangGuard: 60)
        #expect(result.status == 0)
        #expect(result.stdout == "done\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("options and arguments after the script belong to the script, even ones jshost would reject")
    func argumentsAfterTheScript() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("args.js", "console.log(JSON.stringify(jshost.args))")
        let result = try await runJSHost(["run", "--timeout", "30", "args.js", "--timeout", "-1", "-x", "-", "--"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == #"["--timeout","-1","-x","-","--"]"# + "\n")
        let eval = try await runJSHost(["eval", "-p", "jshost.args.join(' ')", "-p", "--bogus"])
        #expect(eval.status == 0)
        #expect(eval.stdout == "-p --bogus\n")
    }

    @Test("40,000 script arguments are parsed in linear time and all reach jshost.args")
    func manyArguments() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("count.js", "console.log(jshost.args.length, jshost.args[0], jshost.args[jshost.args.length - 1])")
        let arguments = (1...40_000).map { "a\($0)" }
        let started = ContinuousClock.now
        let result = try await runJSHost(["run", "count.js"] + arguments, in: scratch.url, hangGuard: 120)
        let elapsed = ContinuousClock.now - started
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(result.stdout == "40000 a1 a40000\n")
        // Quadratic parsing took minutes here; linear parsing takes a fraction of a second even in a debug build
        // (the bound leaves room for a loaded machine running the tests in parallel).
        #expect(elapsed < .seconds(30), "parsing 40,000 arguments took \(elapsed)")
    }

    @Test("40,000 paths for `jshost test` are parsed in linear time")
    func manyTestPaths() async throws {
        let scratch = try ScratchDirectory()
        let paths = (1...40_000).map { "missing\($0).any.js" }
        let started = ContinuousClock.now
        let result = try await runJSHost(["test", "--jobs", "2"] + paths, in: scratch.url, hangGuard: 120)
        let elapsed = ContinuousClock.now - started
        #expect(!result.timedOut)
        #expect(result.status == 2)
        // Quadratic parsing took minutes (1.7 s for 4,000 paths in a release build); linear takes 0.2 s.
        #expect(result.stderr == "jshost: no such file or directory: 'missing1.any.js'\n")
        #expect(elapsed < .seconds(30), "parsing 40,000 paths took \(elapsed)")
    }

    @Test("`jshost test` paths mixed with options all run, in the order given")
    func testPathsAmongOptions() async throws {
        let result = try await runJSHost(
            ["test", "outcomes/pass.window.js", "--reporter", "tap", "meta/title.window.js", "-j", "2", "--", "outcomes/fail.window.js"],
            in: RunnerFixtures.directory)
        #expect(result.status == 1)
        let points = result.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }
        #expect(points.map { $0.split(separator: " > ").first.map(String.init) ?? "" } == [
            "ok 1 - outcomes/pass.window.js", "ok 2 - outcomes/pass.window.js", "ok 3 - meta/title.window.js",
            "ok 4 - meta/title.window.js", "ok 5 - meta/title.window.js", "ok 6 - outcomes/fail.window.js",
            "not ok 7 - outcomes/fail.window.js",
        ])
    }

    @Test("`jshost run -` reads the script from standard input; arguments follow it")
    func standardInput() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("input.js", "console.log('from stdin', JSON.stringify(jshost.args)); null.x;")
        let result = try await runShell(#""$JSHOST" run - one two < input.js"#, in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == #"from stdin ["one","two"]"# + "\n")
        #expect(result.stderr.hasPrefix("Uncaught TypeError: "))
        #expect(result.stderr.contains("[stdin]:1:"), "\(result.stderr)")
        let bare = try await runShell(#"echo 'console.log(6 * 7)' | "$JSHOST" -"#, in: scratch.url)
        #expect(bare.status == 0)
        #expect(bare.stdout == "42\n")
    }

    @Test("a script whose file name is not UTF-8 is opened (Linux file names are bytes)")
    func nonUTF8FileName() async throws {
        let scratch = try ScratchDirectory()
        // The name is `caf\xE9.js`: Latin-1, not UTF-8.
        let result = try await runShell(#"""
            name=$(printf 'caf\351.js')
            printf 'console.log("ran", jshost.args.length)' > "$name"
            "$JSHOST" run "$name" x && "$JSHOST" "$name"
            """#, in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ran 1\nran 0\n")
        #expect(result.stderr.isEmpty)
    }
}

/// Runs a shell script with `$JSHOST` naming the executable: for standard input and for arguments that are not
/// UTF-8, which Foundation's Process cannot pass.
private func runShell(_ script: String, in directory: URL) async throws -> ProcessResult {
    let executable = try #require(Paths.jshost, "jshost not found beside the test bundle")
    let output = try ScratchDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["JSHOST"] = executable.path
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let outURL = output.url.appendingPathComponent("stdout")
    let errURL = output.url.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { process in continuation.resume(returning: process.terminationStatus) }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    try outHandle.close()
    try errHandle.close()
    return ProcessResult(status: status, standardOutput: try Data(contentsOf: outURL),
                         standardError: try Data(contentsOf: errURL), timedOut: false)
}

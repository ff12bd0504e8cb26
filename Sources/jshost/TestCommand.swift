import ArgumentParser
import JSHost
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run web-platform-tests-style test files (test(), promise_test(), assert_*).",
        discussion: """
            Each file runs in a fresh realm, once per context its `// META: global=` line asks for. Directories \
            are searched recursively for files ending in .any.js, .window.js, .worker.js or .test.js (folders \
            named `resources` and hidden entries are skipped); files named explicitly always run.
            Exit code 0 when nothing unexpected happened: without --expectations, when no subtest failed.
            """
    )

    enum ReporterKind: String, ExpressibleByArgument, CaseIterable {
        case `default`, tap, junit, json
    }

    @Argument(help: "Test files or directories.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Files to run at once, each in its own agent.")
    var jobs = 1

    @Option(name: .long, help: ArgumentHelp("Output format: default, tap, junit or json.", valueName: "kind"))
    var reporter: ReporterKind = .default

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Report only subtests whose name or file path contains this text.", valueName: "pattern"))
    var filter: String?

    @Option(name: .long, help: ArgumentHelp("A JSON file of results known to differ from PASS (see the README).", valueName: "file"))
    var expectations: String?

    @Option(name: .long, help: ArgumentHelp("Scale the per-file time limits (10 s; 60 s for timeout=long).", valueName: "factor"))
    var timeoutMultiplier = 1.0

    @Option(name: .long, help: ArgumentHelp("Use this testharness.js instead of the built-in harness.", valueName: "path"))
    var harness: String?

    @Option(name: .long, help: ArgumentHelp("Resolve absolute `// META: script=/...` paths against this directory.", valueName: "dir"))
    var root: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeoutMultiplier > 0) || !timeoutMultiplier.isFinite { throw ValidationError("--timeout-multiplier must be a positive number") }
        if reporter == .junit && output == nil { throw ValidationError("--reporter junit needs --output FILE") }
    }

    func run() throws {
        let files: [String]
        do {
            files = try TestDiscovery.findTests(in: paths)
        } catch {
            failUsage(error.description)
        }
        var known = Expectations()
        if let expectations {
            do {
                known = try Expectations(contentsOf: expectations)
            } catch {
                failUsage("cannot use expectations '\(expectations)': \(error)")
            }
        }
        var options = TestRunnerOptions()
        options.jobs = jobs
        options.timeoutMultiplier = timeoutMultiplier
        options.harnessPath = harness
        options.root = root
        let runner: TestRunner
        do {
            runner = try TestRunner(options: options)
        } catch {
            failUsage(error.description)
        }

        // Before the report file is opened (and truncated): a mistyped `-o` must not destroy a test.
        if let output, let input = inputNamed(by: output, files: files) {
            failUsage("--output '\(output)' names an input of this run ('\(input)'); choose another file")
        }
        let sink = ReportSink(path: output)
        if let problem = sink.openError {
            failUsage("cannot write '\(output ?? "")': \(problem)")
        }
        let useColor = reporter == .default && output == nil && isatty(1) == 1 && getenv("NO_COLOR") == nil
        let report: any TestReporter = switch reporter {
        case .default: PlainReporter(sink: sink, color: useColor)
        case .tap: TAPReporter(sink: sink)
        case .junit: JUnitReporter(sink: sink)
        case .json: JSONReporter(sink: sink)
        }
        let tally = Locked(Tally())
        let filter = self.filter
        let expected = known
        runner.run(files) { path, results in
            let judged = results.map { expected.judge($0, filter: filter) }
            tally.withLock { tally in
                for file in judged { tally.add(file) }
            }
            report.file(judged)
        }
        let final = tally.withLock { $0 }
        report.finish(final)
        if !sink.close() {
            failUsage("cannot write '\(output ?? "")'")
        }
        if output != nil || reporter != .default {
            // The summary line always reaches the terminal (and CI logs), whatever the report format.
            writeStandardError(final.summaryLine + "\n")
        }
        throw ExitCode(final.isClean ? 0 : 1)
    }

    /// The input of this run that `output` names (the same file, through any path or link): a test file, a
    /// script one of them loads, the expectations or the harness. Nil when there is none (or `output` does not
    /// exist yet).
    private func inputNamed(by output: String, files: [String]) -> String? {
        guard let target = FileIdentity(path: output) else { return nil }
        var inputs = files + [expectations, harness].compactMap { $0 }
        for file in files {
            guard let source = try? readUTF8File(file) else { continue }
            inputs += TestFile(path: file, source: source, root: root).scripts
        }
        return inputs.first { FileIdentity(path: $0) == target }
    }
}

/// A file's device and inode: two paths name the same file when these are equal.
private struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

import ArgumentParser
import JSHost

#if canImport(Glibc)
import Glibc
#endif

@main
struct JSHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jshost",
        abstract: "Run web-style JavaScript with real message passing, outside a browser.",
        discussion: """
            Exit codes: 0 success; 1 uncaught exception, unhandled rejection or syntax error; \
            2 bad usage or unreadable file; 124 stopped by --timeout.
            """,
        version: JSHostVersion.current,
        subcommands: [Run.self, Eval.self, Test.self],
        defaultSubcommand: Run.self
    )

    /// Parses like ArgumentParser, but reports a bad invocation as one line and exit code 2.
    static func main() async {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var command: any ParsableCommand
            if let split = splitScriptArguments(arguments) {
                command = try parseAsRoot(split.head)
                if var run = command as? Run {
                    run.scriptArguments = split.scriptArguments
                    command = run
                } else if var eval = command as? Eval {
                    eval.scriptArguments = split.scriptArguments
                    command = eval
                }
            } else if let split = splitTestPaths(arguments) {
                command = try parseAsRoot(split.head)
                if var test = command as? Test {
                    test.paths += split.morePaths
                    command = test
                }
            } else {
                command = try parseAsRoot(arguments)
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad usage"
            failUsage("\(message) (see 'jshost --help')")
        }
    }
}

extension JSHostCommand {
    /// Splits `run` / `eval` (and the default `jshost FILE`) command lines after the script or code: what follows
    /// belongs to the script, untouched. ArgumentParser's time grows with the square of the argument count (40,000
    /// script arguments took minutes), so it only sees the part before. Returns nil for other command lines.
    /// An unknown option before the script is reported here by name (ArgumentParser would report the missing file
    /// instead).
    static func splitScriptArguments(_ arguments: [String]) -> (head: [String], scriptArguments: [String])? {
        var index = 0
        var options = ["--expose-gc", "-h", "--help"]
        switch arguments.first {
        case "run": index = 1
        case "eval": index = 1; options += ["-p", "--print"]
        case "test", "help": return nil
        default: options.append("--version")
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--timeout" {
                index += 2
            } else if argument == "-" || !argument.hasPrefix("-") {
                return (Array(arguments[...index]), Array(arguments[(index + 1)...]))
            } else if argument == "--" {
                guard index + 1 < arguments.count else { return nil }
                return (Array(arguments[...(index + 1)]), Array(arguments[(index + 2)...]))
            } else if options.contains(argument) || argument.hasPrefix("--timeout=") {
                index += 1
            } else {
                failUsage("unknown option '\(argument)' (see 'jshost --help')")
            }
        }
        return nil
    }
}

extension JSHostCommand {
    /// Splits a `jshost test` command line so that ArgumentParser sees the options and only the first path (a
    /// shell glob can name tens of thousands of files, and its parsing time grows with the square of the count):
    /// the other paths, in order, come back as `morePaths`. Returns nil for other command lines.
    static func splitTestPaths(_ arguments: [String]) -> (head: [String], morePaths: [String])? {
        guard arguments.first == "test" else { return nil }
        let optionsWithValues: Set<String> = [
            "-j", "--jobs", "--reporter", "-o", "--output", "--filter", "--expectations", "--timeout-multiplier",
            "--harness", "--root",
        ]
        var head = ["test"]
        var morePaths: [String] = []
        var sawPath = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                let rest = arguments[(index + 1)...]
                if sawPath { morePaths += rest } else { head += ["--"] + rest.prefix(1); morePaths += rest.dropFirst() }
                break
            }
            if optionsWithValues.contains(argument) {
                head += arguments[index..<min(index + 2, arguments.count)]
                index += 2
                continue
            }
            if argument.hasPrefix("-") && argument != "-" || !sawPath {
                head.append(argument)
                sawPath = sawPath || !(argument.hasPrefix("-") && argument != "-")
            } else {
                morePaths.append(argument)
            }
            index += 1
        }
        return (head, morePaths)
    }
}

/// Options shared by every command that runs JavaScript.
struct RunOptions: ParsableArguments {
    // `.unconditional`: `--timeout -1` is a bad value to explain, not a missing one.
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Stop the run after this many seconds (exit code 124); 0 means no limit.", valueName: "seconds"))
    var timeout: Double?

    @Flag(name: .long, help: "Define gc(), which forces a full garbage collection.")
    var exposeGC = false

    func validate() throws {
        if let timeout, !(timeout >= 0) || !timeout.isFinite {
            throw ValidationError("--timeout must be a non-negative number of seconds (0: no limit), not '\(formatSeconds(timeout))'")
        }
    }

    /// The time limit, if there is one.
    var timeLimit: Double? { timeout == 0 ? nil : timeout }
}

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a JavaScript file (the default command: `jshost FILE` is `jshost run FILE`).",
        discussion: "FILE `-` reads the script from standard input. Arguments after FILE reach the script as `jshost.args`."
    )

    @OptionGroup var options: RunOptions

    @Argument(help: "The script to run (`-`: standard input).")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (`jshost.args`).")
    var scriptArguments: [String] = []

    func run() async throws {
        let source: String
        do {
            source = try file == "-" ? readStandardInput() : readScriptFile(commandLineArgument: file)
        } catch {
            failUsage("cannot read '\(file == "-" ? "standard input" : file)': \(error.reason)")
        }
        await runScript(source, sourceURL: file == "-" ? "[stdin]" : file, arguments: scriptArguments, options: options,
                        printResult: false)
    }
}

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run JavaScript given on the command line.")

    @OptionGroup var options: RunOptions

    @Flag(name: [.short, .long], help: "Print the completion value of the code.")
    var print = false

    @Argument(help: "The code to run.")
    var code: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (`jshost.args`).")
    var scriptArguments: [String] = []

    func run() async throws {
        await runScript(code, sourceURL: "[eval]", arguments: scriptArguments, options: options, printResult: print)
    }
}

func runScript(_ source: String, sourceURL: String, arguments: [String], options: RunOptions, printResult: Bool) async -> Never {
    var configuration = ScriptHost.Configuration()
    // Interrupting a running script costs a little on every call into JS; only --timeout needs it.
    configuration.canInterruptScripts = options.timeLimit != nil
    let host = ScriptHost(configuration: configuration)
    var realmOptions = RealmOptions()
    realmOptions.arguments = arguments
    realmOptions.exposeGarbageCollection = options.exposeGC
    if sourceURL != "[eval]" { realmOptions.url = RealmOptions.fileURL(forPath: sourceURL) }
    do {
        let realm = try await host.makeAgent(name: "main").makeRealm(options: realmOptions)
        try realm.run(source, sourceURL: sourceURL, printingResult: printResult)
    } catch {
        writeStandardError("jshost: \(error)\n")
        exit(70)
    }
    let outcome: RunOutcome?
    if let limit = options.timeLimit {
        outcome = (try? await host.quiescence(timeout: limit)) ?? nil
    } else {
        outcome = try? await host.quiescence()
    }
    let status: Int32
    switch outcome {
    case .quiescent: status = 0
    case .uncaughtException: status = 1
    case .terminated: status = 1
    case nil:
        writeStandardError("jshost: timed out after \(formatSeconds(options.timeout ?? 0)) s; stopping\n")
        status = 124
    }
    await host.shutdown(timeout: 1)
    exit(status)
}

func failUsage(_ message: String) -> Never {
    writeStandardError("jshost: \(message)\n")
    exit(2)
}

func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { ConsoleOutput.standard.write(.standardError, UnsafeRawBufferPointer($0)) }
}


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
            var command = try parseAsRoot()
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

/// Options shared by every command that runs JavaScript.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Stop the run after this many seconds (exit code 124).", valueName: "seconds"))
    var timeout: Double?

    @Flag(name: .long, help: "Define gc(), which forces a full garbage collection.")
    var exposeGC = false

    func validate() throws {
        if let timeout, !(timeout > 0) || !timeout.isFinite {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }
}

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a JavaScript file (the default command: `jshost FILE` is `jshost run FILE`).",
        discussion: "Arguments after FILE reach the script as `jshost.args`."
    )

    @OptionGroup var options: RunOptions

    @Argument(help: "The script to run.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (`jshost.args`).")
    var scriptArguments: [String] = []

    func run() async throws {
        let source: String
        do {
            source = try readUTF8File(file)
        } catch {
            failUsage("cannot read '\(file)': \(error.reason)")
        }
        await runScript(source, sourceURL: file, arguments: scriptArguments, options: options, printResult: false)
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
    var configuration = Host.Configuration()
    // Interrupting a running script costs a little on every call into JS; only --timeout needs it.
    configuration.canInterruptScripts = options.timeout != nil
    let host = Host(configuration: configuration)
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
    let outcome = host.wait(timeout: options.timeout)
    let status: Int32
    switch outcome {
    case .quiescent: status = 0
    case .uncaughtException: status = 1
    case .terminated: status = 1
    case nil:
        writeStandardError("jshost: timed out after \(formatSeconds(options.timeout ?? 0)) s; stopping\n")
        status = 124
    }
    host.shutdown()
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


import Foundation
import Testing
@testable import JSHost

/// The `jshost` executable, run as a subprocess. Scripts live in a temporary directory that is also the working
/// directory, so file names in reports are the bare names given on the command line.
@Suite("jshost CLI")
struct CLITests {
    @Test("a good script exits 0; `jshost FILE` is `jshost run FILE`")
    func goodScript() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("good.js", """
            console.log('sync', 1 + 1);
            setTimeout(() => console.log('timer'), 5);
            Promise.resolve().then(() => console.log('microtask'));
            console.error('to stderr');
            """)
        let viaRun = try await runJSHost(["run", "good.js"], in: scratch.url)
        #expect(viaRun.status == 0)
        #expect(viaRun.stdout == "sync 2\nmicrotask\ntimer\n")
        #expect(viaRun.stderr == "to stderr\n")
        let bare = try await runJSHost(["good.js"], in: scratch.url)
        #expect(bare.status == viaRun.status)
        #expect(bare.standardOutput == viaRun.standardOutput)
        #expect(bare.standardError == viaRun.standardError)
        // An absolute path works as well.
        let absolute = try await runJSHost([scratch.url.appendingPathComponent("good.js").path])
        #expect(absolute.status == 0)
        #expect(absolute.stdout == viaRun.stdout)
    }

    @Test("arguments after FILE reach the script as jshost.args, options included")
    func scriptArguments() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("args.js", "console.log(JSON.stringify(jshost.args), Object.isFrozen(jshost.args))")
        let run = try await runJSHost(["run", "args.js", "one", "two words", "--flag", "-x", "ünïcode"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout == #"["one","two words","--flag","-x","ünïcode"] true"# + "\n")
        let bare = try await runJSHost(["args.js", "--timeout", "5"], in: scratch.url)
        #expect(bare.status == 0)
        #expect(bare.stdout == #"["--timeout","5"] true"# + "\n")
        let none = try await runJSHost(["args.js"], in: scratch.url)
        #expect(none.stdout == "[] true\n")
        let eval = try await runJSHost(["eval", "console.log(jshost.args.join('|'))", "a", "b"])
        #expect(eval.status == 0)
        #expect(eval.stdout == "a|b\n")
    }

    @Test("eval runs code; eval -p / --print prints its completion value")
    func eval() async throws {
        let plain = try await runJSHost(["eval", "console.log('evaluated'); 6 * 7"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "evaluated\n")
        let printed = try await runJSHost(["eval", "-p", "6 * 7"])
        #expect(printed.status == 0)
        #expect(printed.stdout == "42\n")
        let long = try await runJSHost(["eval", "--print", "({ a: [1, 'x'] })"])
        #expect(long.stdout == "{ a: [ 1, 'x' ] }\n")
        let string = try await runJSHost(["eval", "-p", "'text'"])
        #expect(string.stdout == "text\n")
        let undefinedValue = try await runJSHost(["eval", "-p", "undefined"])
        #expect(undefinedValue.stdout == "undefined\n")
        let failing = try await runJSHost(["eval", "null.x"])
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("Uncaught TypeError: "))
        #expect(failing.stderr.contains("[eval]:1:"))
    }

    @Test("an uncaught error exits 1 with `Uncaught TypeError: message` and `at` frames naming file:line:col")
    func uncaughtError() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("err.js", """
            function fail() {
              throw new TypeError('boom');
            }
            function outer() { fail(); }
            console.log('before');
            outer();
            console.log('never');
            """)
        let result = try await runJSHost(["run", "err.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Uncaught TypeError: boom")
        #expect(result.stderr.hasSuffix("\n"))
        let frames = lines.dropFirst().filter { !$0.isEmpty }
        #expect(frames.count == 3)
        #expect(frames.allSatisfy { $0.hasPrefix("    at ") && $0.contains("err.js:") })
        #expect(frames.first == "    at fail (err.js:2:22)")
        #expect(frames.dropFirst().first == "    at outer (err.js:4:24)")
        #expect(frames.last == "    at err.js:6:6")
    }

    @Test("an error thrown later, in a timer, also exits 1 and stops the run")
    func uncaughtErrorInTimer() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("late.js", """
            setTimeout(function tick() { throw new RangeError('late'); }, 1);
            setTimeout(() => console.log('after the error'), 200);
            """)
        let result = try await runJSHost(["late.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Uncaught RangeError: late\n    at tick (late.js:1:"))
        #expect(result.stdout.isEmpty)
    }

    @Test("an unhandled rejection exits 1 with `Uncaught (in promise) ...`")
    func unhandledRejection() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("reject.js", """
            Promise.reject(new Error('nope'));
            Promise.reject(1).catch(() => console.log('this one was handled'));
            """)
        let result = try await runJSHost(["reject.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "this one was handled\n")
        #expect(result.stderr.hasPrefix("Uncaught (in promise) Error: nope\n    at reject.js:1:"))
        let primitive = try await runJSHost(["eval", "Promise.reject(42)"])
        #expect(primitive.status == 1)
        #expect(primitive.stderr == "Uncaught (in promise) 42\n")
    }

    @Test("a syntax error exits 1, naming the error, file and line")
    func syntaxError() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("bad.js", "const a = 1;\n\nlet b = {;\nconsole.log('never');\n")
        let result = try await runJSHost(["bad.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Uncaught SyntaxError: "))
        #expect(result.stderr.contains("bad.js:3"))
    }

    @Test("bad invocations exit 2 with one line on stderr", arguments: [
        (["missing-file.js"], "missing-file.js"),
        (["run", "missing-file.js"], "missing-file.js"),
        (["."], "directory"),
        (["--no-such-option", "x.js"], "--no-such-option"),
        (["run", "--no-such-option", "x.js"], "--no-such-option"),
        ([], "argument"),
        (["run"], "argument"),
        (["eval"], "argument"),
        (["run", "--timeout", "-1", "x.js"], "--timeout"),
        (["run", "--timeout", "soon", "x.js"], "soon"),
    ])
    func badUsage(arguments: [String], mentions: String) async throws {
        let scratch = try ScratchDirectory()
        let result = try await runJSHost(arguments, in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "expected exactly one line, got \(result.stderr.debugDescription)")
        #expect(result.stderr.hasPrefix("jshost: "))
        #expect(result.stderr.contains(mentions))
    }

    @Test("a global error listener that calls preventDefault() suppresses the report: exit 0")
    func errorListenerSuppresses() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("handled.js", """
            addEventListener('error', (event) => {
              console.log('error event:', event.error instanceof TypeError, event.error.message, event.filename, event.lineno);
              event.preventDefault();
            });
            setTimeout(() => console.log('the run goes on'), 5);
            throw new TypeError('suppressed');
            """)
        let result = try await runJSHost(["handled.js"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "error event: true suppressed handled.js 6\nthe run goes on\n")
        #expect(result.stderr.isEmpty)

        // A listener that does not cancel sees the event, and the error is still reported.
        try scratch.write("seen.js", """
            addEventListener('error', (event) => console.log('seen:', event.error.message));
            throw new Error('reported anyway');
            """)
        let seen = try await runJSHost(["seen.js"], in: scratch.url)
        #expect(seen.status == 1)
        #expect(seen.stdout == "seen: reported anyway\n")
        #expect(seen.stderr.hasPrefix("Uncaught Error: reported anyway\n    at seen.js:2:"))

        // The same for unhandled rejections.
        try scratch.write("rejection.js", """
            addEventListener('unhandledrejection', (event) => {
              console.log('unhandled:', event.reason.message);
              event.preventDefault();
            });
            Promise.reject(new Error('quiet'));
            """)
        let rejection = try await runJSHost(["rejection.js"], in: scratch.url)
        #expect(rejection.status == 0)
        #expect(rejection.stdout == "unhandled: quiet\n")
        #expect(rejection.stderr.isEmpty)
    }

    @Test("--version and --help exit 0")
    func versionAndHelp() async throws {
        let version = try await runJSHost(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        #expect(version.stderr.isEmpty)
        let scratch = try ScratchDirectory()
        try scratch.write("v.js", "console.log(jshost.version)")
        let fromScript = try await runJSHost(["v.js"], in: scratch.url)
        #expect(fromScript.stdout == version.stdout)
        for arguments in [["--help"], ["-h"], ["run", "--help"], ["eval", "--help"]] {
            let help = try await runJSHost(arguments)
            #expect(help.status == 0, "\(arguments)")
            #expect(help.stdout.contains("USAGE"), "\(arguments)")
        }
        let help = try await runJSHost(["--help"])
        #expect(help.stdout.contains("124"))
    }

    @Test("--timeout stops `while (true) {}` with exit code 124 and a message")
    func timeout() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("spin.js", "console.log('spinning'); while (true) {}")
        for arguments in [["--timeout", "0.5", "spin.js"], ["run", "--timeout", "0.5", "spin.js"]] {
            let result = try await runJSHost(arguments, in: scratch.url, hangGuard: 60)
            #expect(!result.timedOut, "the hang guard had to kill jshost")
            #expect(result.status == 124)
            #expect(result.stdout == "spinning\n")
            #expect(result.stderr.contains("timed out"))
        }
        let eval = try await runJSHost(["eval", "--timeout", "0.5", "while (true) {}"], hangGuard: 60)
        #expect(eval.status == 124)
        // A pending interval with nothing else to do is also stopped.
        let interval = try await runJSHost(["eval", "--timeout", "0.3", "setInterval(() => {}, 10)"], hangGuard: 60)
        #expect(interval.status == 124)
        // A script that finishes in time is unaffected.
        let quick = try await runJSHost(["eval", "--timeout", "30", "setTimeout(() => console.log('done'), 1)"])
        #expect(quick.status == 0)
        #expect(quick.stdout == "done\n")
    }

    @Test("--expose-gc defines gc()")
    func exposeGC() async throws {
        let with = try await runJSHost(["eval", "--expose-gc", "-p", "typeof gc"])
        #expect(with.stdout == "function\n")
        let without = try await runJSHost(["eval", "-p", "typeof gc"])
        #expect(without.stdout == "undefined\n")
    }

    @Test("non-ASCII source and output survive as UTF-8")
    func unicode() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("utf8.js", "const s = 'héllo 日本 🎉'; console.log(s, s.length);")
        let result = try await runJSHost(["utf8.js"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "héllo 日本 🎉 11\n")
    }

    /// How often `needle` occurs in `haystack`.
    private func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test("a stack overflow in a listener is reported once, as RangeError, and the script goes on")
    func stackOverflowInListener() async throws {
        let scratch = try ScratchDirectory()
        // A listener that dispatches to itself overflows inside the host's dispatch code, many levels deep.
        try scratch.write("nested.js", """
            const t = new EventTarget();
            t.addEventListener("x", function again() { t.dispatchEvent(new Event("x")); });
            t.dispatchEvent(new Event("x"));
            console.log("after");
            """)
        let nested = try await runJSHost(["nested.js"], in: scratch.url)
        #expect(nested.status == 1)
        #expect(nested.stdout == "after\n")
        #expect(occurrences(of: "Uncaught ", in: nested.stderr) == 1, "stderr: \(nested.stderr.prefix(400))")
        #expect(nested.stderr.hasPrefix("Uncaught RangeError: Maximum call stack size exceeded"))
        // One error event too (cancelled here, so the run goes on to count them).
        try scratch.write("events.js", """
            let errorEvents = [];
            addEventListener("error", (event) => { errorEvents.push(event.message); event.preventDefault(); });
            const t = new EventTarget();
            t.addEventListener("x", function again() { t.dispatchEvent(new Event("x")); });
            t.dispatchEvent(new Event("x"));
            setTimeout(() => console.log(JSON.stringify(errorEvents)), 0);
            """)
        let events = try await runJSHost(["events.js"], in: scratch.url)
        #expect(events.status == 0)
        #expect(events.stdout.hasPrefix(#"["Uncaught RangeError: Maximum call stack size exceeded"#), "\(events.stdout)")
        #expect(occurrences(of: "Uncaught", in: events.stdout) == 1, "\(events.stdout)")
        // A message listener that recurses by itself.
        try scratch.write("message.js", """
            const { port1, port2 } = new MessageChannel();
            port1.onmessage = () => { function down() { down(); } down(); };
            port2.postMessage("go");
            """)
        let message = try await runJSHost(["message.js"], in: scratch.url)
        #expect(message.status == 1)
        #expect(occurrences(of: "Uncaught ", in: message.stderr) == 1, "stderr: \(message.stderr.prefix(400))")
        #expect(message.stderr.hasPrefix("Uncaught RangeError: Maximum call stack size exceeded"))
    }

    @Test("reportError() just below the stack limit keeps the error's name and message")
    func reportErrorNearStackLimit() async throws {
        let scratch = try ScratchDirectory()
        // The deepest catch calls reportError(); when that throws (no stack left for the call), the next level
        // up catches it and tries again, until one call returns.
        try scratch.write("deep.js", """
            let reported = false;
            function down() {
              try {
                down();
              } catch {
                if (reported) return;
                reportError(new TypeError("reported near the limit"));
                reported = true;
              }
            }
            down();
            console.log("reported:", reported);
            """)
        let result = try await runJSHost(["deep.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "reported: true\n")
        #expect(occurrences(of: "Uncaught ", in: result.stderr) == 1, "stderr: \(result.stderr.prefix(400))")
        #expect(result.stderr.hasPrefix("Uncaught TypeError: reported near the limit\n    at down (deep.js:"))
    }

    @Test("a syntax error in a string timer handler points at the setTimeout call, not into jshost")
    func stringTimerSyntaxError() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("timer.js", """
            function arm() { setTimeout("(", 0); }
            arm();
            """)
        let result = try await runJSHost(["timer.js"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Uncaught SyntaxError: "))
        #expect(result.stderr.contains("\n    at arm (timer.js:1:"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("jshost:"), "stderr: \(result.stderr)")
    }

    @Test("AbortSignal.timeout() does not keep the process alive")
    func abortSignalTimeoutDoesNotKeepAlive() async throws {
        let started = Date()
        let result = try await runJSHost(["eval", """
            const signal = AbortSignal.timeout(600000);
            signal.onabort = () => console.log("aborted");
            console.log("end of script");
            """], hangGuard: 60)
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(result.stdout == "end of script\n")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("a first structuredClone() / postMessage() that fails for lack of stack does not break cloning for good")
    func cloneLoadRetried() async throws {
        let scratch = try ScratchDirectory()
        // clone.js loads on first use. The first attempts happen at the bottom of a deep recursion, where the
        // load runs out of stack; each failure is rethrown to the level above, which tries again.
        try scratch.write("first-clone.js", """
            let failures = 0;
            let copy = null;
            function down() {
              try {
                down();
              } catch {
                if (copy !== null) return;
                try {
                  copy = structuredClone({ list: [1, 2] });
                } catch (failure) {
                  if (++failures < 500) throw failure;
                }
              }
            }
            down();
            console.log(failures > 0, JSON.stringify(structuredClone({ list: [1, 2] })));
            const { port1, port2 } = new MessageChannel();
            port2.onmessage = (event) => { console.log(JSON.stringify(event.data)); port2.close(); };
            port1.postMessage({ posted: new Map([[1, 2]]).size });
            """)
        let result = try await runJSHost(["first-clone.js"], in: scratch.url)
        #expect(result.status == 0, "stderr: \(result.stderr.prefix(400))")
        #expect(result.stdout == "true {\"list\":[1,2]}\n{\"posted\":1}\n")
        // The first use happens while the script has replaced built-ins (loading clone.js used to call them).
        try scratch.write("patched-first.js", """
            const saved = [Object.freeze, Array.prototype.map, Object.getPrototypeOf];
            Object.freeze = Array.prototype.map = Object.getPrototypeOf = () => { throw new Error("patched"); };
            try { structuredClone({}); } catch {}
            [Object.freeze, Array.prototype.map, Object.getPrototypeOf] = saved;
            console.log(JSON.stringify(structuredClone({ list: [1, 2] })));
            """)
        let patched = try await runJSHost(["patched-first.js"], in: scratch.url)
        #expect(patched.status == 0, "stderr: \(patched.stderr.prefix(400))")
        #expect(patched.stdout == "{\"list\":[1,2]}\n")
    }

    @Test("with any one built-in patched, an error report still has the name, the message and the frames")
    func errorReportsUnderPatchedBuiltins() async throws {
        let patches = try String(contentsOf: Paths.packageRoot.appendingPathComponent(
            "js-fixtures/hardening/resources/patches.js"), encoding: .utf8)
        // Each report is made while one patch of makeBuiltinPatches() is in force, and is not cancelled. The CLI
        // ends the run at the first such report, so this goes through the embedding API, whose uncaught-exception
        // handler receives every report as the host formats it and lets the run go on.
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let reports = Collected<String>()
        var options = RealmOptions()
        options.uncaughtExceptionHandler = { reports.append($0) }
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run(patches + """

            const patchList = makeBuiltinPatches();
            const report = reportError, log = console.log, TypeErrorCtor = TypeError;
            for (let i = 0; i < patchList.length; i++) log(`patch ${i} ${patchList[i].name}`);
            function reportUnderPatch(i) {
              const patch = patchList[i];
              const error = new TypeErrorCtor(`report ${i}`);
              const line = `logged ${i}`;
              patch.apply();
              try { report(error); } catch {}
              try { log(line); } catch {}
              patch.restore();
            }
            for (let i = 0; i < patchList.length; i++) reportUnderPatch(i);
            """, sourceURL: "reports.js")
        #expect(try await host.quiescence() == .quiescent)
        let output = captured.standardOutput
        let names = output.split(separator: "\n").filter { $0.hasPrefix("patch ") }
            .map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? "" }
        #expect(names.count > 400, "patches listed")
        let reported = reports.all.joined()
        var lostReports: [String] = []
        var lostLogs: [String] = []
        for (index, name) in names.enumerated() {
            if !reported.contains("Uncaught TypeError: report \(index)\n    at reportUnderPatch (reports.js:") {
                lostReports.append(name)
            }
            if !output.contains("logged \(index)\n") { lostLogs.append(name) }
        }
        #expect(lostReports.isEmpty, "reports without name, message or frames under: \(lostReports)")
        #expect(lostLogs.isEmpty, "console.log lost its output under: \(lostLogs)")
    }
}

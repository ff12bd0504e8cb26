import JSHost

#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: standard output, or a file written as the run goes.
final class ReportSink: @unchecked Sendable {
    // Written only from the runner's ordered delivery (one file at a time) and then from the main thread.
    private let descriptor: Int32
    private var failed = false
    /// Why the report file could not be opened, if it could not.
    let openError: String?

    init(path: String?) {
        if let path {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            failed = descriptor < 0
            openError = failed ? String(cString: strerror(errno)) : nil
        } else {
            descriptor = 1
            openError = nil
        }
    }

    func write(_ text: String) {
        guard descriptor >= 0 else { return }
        var text = text
        text.withUTF8 { bytes in
            var remaining = UnsafeRawBufferPointer(bytes)
            while !remaining.isEmpty {
                let written = Glibc.write(descriptor, remaining.baseAddress, remaining.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
            }
        }
    }

    /// Returns false when anything could not be written.
    func close() -> Bool {
        if descriptor > 2 { Glibc.close(descriptor) }
        return !failed
    }
}

protocol TestReporter: Sendable {
    /// One file's results (one entry per context), in input order.
    func file(_ results: [JudgedFile])
    func finish(_ tally: Tally)
}

private func label(_ file: JudgedFile, among results: [JudgedFile]) -> String {
    results.count > 1 ? "\(file.result.path) [\(file.result.context)]" : file.result.path
}

/// One line per subtest, grouped by file, then the summary line.
struct PlainReporter: TestReporter {
    let sink: ReportSink
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func badge(_ status: String, expected: Bool) -> String {
        let padded = status.padding(7)
        switch status {
        case "PASS": return paint(padded, expected ? "32" : "33")
        case "SKIP", "PRECONDITION_FAILED": return paint(padded, "36")
        default: return paint(padded, expected ? "33" : "31")
        }
    }

    func file(_ results: [JudgedFile]) {
        var text = ""
        for file in results where file.isShown {
            text += paint(escapingControls(label(file, among: results)), "1") + "\n"
            if file.result.harnessStatus == .skipped {
                text += "  \(badge("SKIP", expected: true)) \(escapingControls(file.result.message ?? ""))\n"
                continue
            }
            for subtest in file.subtests {
                text += "  \(badge(subtest.result.status.rawValue, expected: subtest.isExpected)) \(escapingControls(subtest.result.name))"
                if let message = subtest.result.message, subtest.result.status != .pass, !message.isEmpty {
                    text += " — \(escapingControls(message, keepingNewlines: true))"
                }
                if !subtest.isExpected { text += paint(" (expected \(escapingControls(subtest.expected)))", "31") }
                text += "\n"
            }
            if file.result.harnessStatus != .ok || !file.harnessIsExpected {
                text += "  \(badge(file.result.harnessStatus.rawValue, expected: file.harnessIsExpected)) [harness]"
                if let message = file.result.message { text += " — \(escapingControls(message, keepingNewlines: true))" }
                if !file.harnessIsExpected { text += paint(" (expected \(escapingControls(file.harnessExpected)))", "31") }
                text += "\n"
            }
            if file.result.harnessStatus != .ok, let report = file.result.uncaughtReports.first {
                text += escapingControls(report, keepingNewlines: true).split(separator: "\n").map { "    \($0)\n" }.joined()
            }
        }
        sink.write(text)
    }

    func finish(_ tally: Tally) {
        var text = "\n"
        if tally.expectedFailures > 0 { text += "\(tally.expectedFailures) known failures (from expectations)\n" }
        if tally.unexpectedPasses > 0 { text += "\(tally.unexpectedPasses) unexpected passes: update the expectations\n" }
        sink.write(text + tally.summaryLine + "\n")
    }
}

/// TAP version 13: one test point per subtest (and per harness error or skipped context).
final class TAPReporter: TestReporter, @unchecked Sendable {
    // Mutated only from the runner's ordered delivery, one file at a time.
    private let sink: ReportSink
    private var count = 0

    init(sink: ReportSink) {
        self.sink = sink
        sink.write("TAP version 13\n")
    }

    private func point(_ ok: Bool, _ description: String, directive: String? = nil, message: String? = nil) -> String {
        count += 1
        // One test point is one line: a newline in a subtest name would start a line TAP cannot parse, and
        // other control characters would drive the terminal the report is printed on.
        let oneLine = escapingControls(description)
        var line = "\(ok ? "ok" : "not ok") \(count) - \(oneLine.replacingAll("#", with: "\\#"))"
        if let directive { line += " # \(escapingControls(directive))" }
        line += "\n"
        if let message, !ok {
            line += "  ---\n  message: \(quotedForTerminal(message))\n  ...\n"
        }
        return line
    }

    func file(_ results: [JudgedFile]) {
        var text = ""
        for file in results where file.isShown {
            let name = label(file, among: results)
            if file.result.harnessStatus == .skipped {
                text += point(true, name, directive: "SKIP \(file.result.message ?? "")")
                continue
            }
            for subtest in file.subtests {
                let status = subtest.result.status
                if status == .preconditionFailed {
                    text += point(true, "\(name) > \(subtest.result.name)", directive: "SKIP precondition failed")
                } else if status != .pass && subtest.isExpected {
                    text += point(false, "\(name) > \(subtest.result.name)", directive: "TODO expected \(status.rawValue)", message: subtest.result.message)
                } else {
                    text += point(status == .pass && subtest.isExpected, "\(name) > \(subtest.result.name)",
                                  message: subtest.result.message ?? "expected \(subtest.expected), got \(status.rawValue)")
                }
            }
            if file.result.harnessStatus != .ok || !file.harnessIsExpected {
                text += point(file.result.harnessStatus == .ok && file.harnessIsExpected, "\(name) > [harness] \(file.result.harnessStatus.rawValue)",
                              directive: file.harnessIsExpected ? "TODO expected \(file.harnessExpected)" : nil,
                              message: file.result.message ?? file.result.harnessStatus.rawValue)
            }
        }
        sink.write(text)
    }

    func finish(_ tally: Tally) {
        sink.write("1..\(count)\n# \(tally.summaryLine)\n")
    }
}

/// JUnit XML: one `testsuite` per file and context, one `testcase` per subtest.
final class JUnitReporter: TestReporter, @unchecked Sendable {
    // Mutated only from the runner's ordered delivery, one file at a time.
    private let sink: ReportSink
    private var suites = ""
    private var totals = (tests: 0, failures: 0, errors: 0, skipped: 0, time: 0.0)

    init(sink: ReportSink) {
        self.sink = sink
    }

    func file(_ results: [JudgedFile]) {
        for file in results where file.isShown {
            var cases = ""
            var counts = (tests: 0, failures: 0, errors: 0, skipped: 0)
            let suite = label(file, among: results)
            if file.result.harnessStatus == .skipped {
                counts.tests += 1
                counts.skipped += 1
                cases += "    <testcase classname=\"\(xml(suite))\" name=\"[context]\"><skipped message=\"\(xml(file.result.message ?? ""))\"/></testcase>\n"
            }
            for subtest in file.subtests {
                counts.tests += 1
                cases += "    <testcase classname=\"\(xml(suite))\" name=\"\(xml(subtest.result.name))\">"
                switch subtest.result.status {
                case .pass where subtest.isExpected: break
                case .preconditionFailed:
                    counts.skipped += 1
                    cases += "<skipped message=\"precondition failed\"/>"
                case _ where subtest.isExpected:
                    counts.skipped += 1
                    cases += "<skipped message=\"expected \(xml(subtest.expected))\"/>"
                default:
                    counts.failures += 1
                    let message = subtest.result.message ?? "expected \(subtest.expected), got \(subtest.result.status.rawValue)"
                    cases += "<failure type=\"\(subtest.result.status.rawValue)\" message=\"\(xml(message))\"/>"
                }
                cases += "</testcase>\n"
            }
            if file.result.harnessStatus != .ok && file.result.harnessStatus != .skipped || !file.harnessIsExpected {
                counts.tests += 1
                cases += "    <testcase classname=\"\(xml(suite))\" name=\"[harness]\">"
                if file.harnessIsExpected {
                    counts.skipped += 1
                    cases += "<skipped message=\"expected \(xml(file.harnessExpected))\"/>"
                } else {
                    counts.errors += 1
                    cases += "<error type=\"\(file.result.harnessStatus.rawValue)\" message=\"\(xml(file.result.message ?? file.result.harnessStatus.rawValue))\"/>"
                }
                cases += "</testcase>\n"
            }
            suites += "  <testsuite name=\"\(xml(suite))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(file.result.duration)\">\n\(cases)  </testsuite>\n"
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.errors += counts.errors
            totals.skipped += counts.skipped
            totals.time += file.result.duration
        }
    }

    func finish(_ tally: Tally) {
        sink.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="jshost test" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)" skipped="\(totals.skipped)" time="\(totals.time)">
            \(suites)</testsuites>

            """)
    }

    private func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" { result += "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

/// One JSON document: every file's results and the summary.
final class JSONReporter: TestReporter, @unchecked Sendable {
    // Mutated only from the runner's ordered delivery, one file at a time.
    private let sink: ReportSink
    private var files: [JSONValue] = []

    init(sink: ReportSink) {
        self.sink = sink
    }

    func file(_ results: [JudgedFile]) {
        for file in results where file.isShown {
            let subtests: [JSONValue] = file.subtests.map { subtest in
                .object(.init([
                    ("name", .string(subtest.result.name)),
                    ("status", .string(subtest.result.status.rawValue)),
                    ("expected", .string(subtest.expected)),
                    ("message", subtest.result.message.map(JSONValue.string) ?? .null),
                ]))
            }
            files.append(.object(.init([
                ("path", .string(file.result.path)),
                ("context", .string(file.result.context)),
                ("status", .string(file.result.harnessStatus.rawValue)),
                ("expected", .string(file.harnessExpected)),
                ("message", file.result.message.map(JSONValue.string) ?? .null),
                ("duration", .number(file.result.duration)),
                ("subtests", .array(subtests)),
                ("uncaught", .array(file.result.uncaughtReports.map(JSONValue.string))),
            ])))
        }
    }

    func finish(_ tally: Tally) {
        let summary = JSONValue.object(.init([
            ("passed", .number(Double(tally.passed))),
            ("failed", .number(Double(tally.failed))),
            ("skipped", .number(Double(tally.skipped))),
            ("expectedFailures", .number(Double(tally.expectedFailures))),
            ("unexpectedPasses", .number(Double(tally.unexpectedPasses))),
        ]))
        sink.write(JSONValue.object(.init([("files", .array(files)), ("summary", summary)])).serialized + "\n")
    }
}

/// `text` safe to print on a terminal: control characters (C0 but tab, DEL, C1) and bidirectional overrides
/// become visible escapes (`\x1B`, `\u202E`), so a test name cannot move the cursor, clear the screen or
/// reorder what follows it. With `keepingNewlines`, line feeds stay (messages and stacks span lines).
func escapingControls(_ text: String, keepingNewlines: Bool = false) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0A where keepingNewlines, 0x09:
            result.unicodeScalars.append(scalar)
        case 0x0A: result += "\\n"
        case 0x0D: result += "\\r"
        case 0x00..<0x20, 0x7F..<0xA0:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\x" + (hex.count < 2 ? "0" : "") + hex
        case 0x202A...0x202E, 0x2066...0x2069:
            result += "\\u" + String(scalar.value, radix: 16, uppercase: true)
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// A JSON (and YAML) string literal for `text` that a terminal prints as text: JSON leaves C1 controls and
/// bidirectional overrides raw, so they become `\u` escapes as well.
func quotedForTerminal(_ text: String) -> String {
    var result = ""
    for scalar in JSONValue.quote(text).unicodeScalars {
        switch scalar.value {
        case 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            let hex = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

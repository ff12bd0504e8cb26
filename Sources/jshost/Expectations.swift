import JSHost

/// Results known to differ from PASS, read from a JSON file:
///
/// ```json
/// { "dom/events/x.any.js": ["subtest that fails"],
///   "other.any.js": { "slow subtest": "TIMEOUT", "[harness]": "ERROR" } }
/// ```
/// A list means each named subtest is expected to FAIL. Keys are test paths as `jshost test` reports them.
struct Expectations {
    static let harnessKey = "[harness]"
    private var byFile: [String: [String: String]] = [:]

    init() {}

    /// Deeper than any expectations file needs, and shallow enough for the recursive JSON parser's stack.
    static let maximumNesting = 64

    init(contentsOf path: String) throws {
        let text = try readUTF8File(path)
        try Self.checkNesting(text)
        let root = try JSONValue.parse(text)
        guard case .object(let files) = root else { throw JSONValue.ParseError(description: "the top level must be an object") }
        for (file, value) in files.members {
            var expected: [String: String] = [:]
            switch value {
            case .array(let names):
                for case .string(let name) in names { expected[name] = SubtestStatus.fail.rawValue }
            case .object(let statuses):
                for (name, status) in statuses.members {
                    guard case .string(let status) = status else {
                        throw JSONValue.ParseError(description: "\(file): the status of '\(name)' must be a string")
                    }
                    expected[name] = status
                }
            default:
                throw JSONValue.ParseError(description: "\(file): expected a list of subtest names or an object of statuses")
            }
            byFile[Self.normalize(file)] = expected
        }
    }

    /// Refuses JSON nested deeper than ``maximumNesting`` (100,000 `[` would exhaust the parser's stack).
    static func checkNesting(_ text: String) throws(JSONValue.ParseError) {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in text.utf8.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting {
                    throw JSONValue.ParseError(description: "nested more than \(maximumNesting) levels deep at byte \(offset)")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }

    static func normalize(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    func judge(_ result: TestFileResult, filter: String?) -> JudgedFile {
        let expected = byFile[Self.normalize(result.path)] ?? [:]
        let fileMatches = filter.map { result.path.contains($0) } ?? true
        var subtests: [JudgedSubtest] = []
        for subtest in result.subtests where fileMatches || subtest.name.contains(filter!) {
            subtests.append(JudgedSubtest(result: subtest, expected: expected[subtest.name] ?? SubtestStatus.pass.rawValue))
        }
        let harnessExpected = expected[Self.harnessKey] ?? HarnessStatus.ok.rawValue
        let showFile = fileMatches || !subtests.isEmpty
        return JudgedFile(result: result, subtests: subtests, harnessExpected: harnessExpected, isShown: showFile)
    }
}

struct JudgedSubtest {
    var result: SubtestResult
    var expected: String
    var isExpected: Bool { result.status.rawValue == expected }
}

struct JudgedFile {
    var result: TestFileResult
    var subtests: [JudgedSubtest]
    var harnessExpected: String
    var isShown: Bool

    var harnessIsExpected: Bool {
        result.harnessStatus == .skipped || result.harnessStatus.rawValue == harnessExpected
    }
}

/// The counts behind the summary line.
struct Tally {
    var passed = 0
    var failed = 0
    var skipped = 0
    var expectedFailures = 0
    var unexpectedPasses = 0

    mutating func add(_ file: JudgedFile) {
        guard file.isShown else { return }
        switch file.result.harnessStatus {
        case .skipped: skipped += 1
        case .ok: if !file.harnessIsExpected { failed += 1 }
        default: if file.harnessIsExpected { expectedFailures += 1 } else { failed += 1 }
        }
        for subtest in file.subtests {
            switch (subtest.result.status, subtest.isExpected) {
            case (.pass, true): passed += 1
            case (.pass, false): passed += 1; unexpectedPasses += 1
            case (.preconditionFailed, _): skipped += 1
            case (_, true): expectedFailures += 1
            case (_, false): failed += 1
            }
        }
    }

    var isClean: Bool { failed == 0 && unexpectedPasses == 0 }

    var summaryLine: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }
}

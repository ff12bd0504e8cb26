/// The outcome of one subtest, as testharness.js reports it.
package enum SubtestStatus: String, Sendable, Codable, CaseIterable {
    case pass = "PASS"
    case fail = "FAIL"
    case timeout = "TIMEOUT"
    case notRun = "NOTRUN"
    case preconditionFailed = "PRECONDITION_FAILED"

    /// testharness.js's numeric test status.
    init?(harnessCode: Int) {
        switch harnessCode {
        case 0: self = .pass
        case 1: self = .fail
        case 2: self = .timeout
        case 3: self = .notRun
        case 4: self = .preconditionFailed
        default: return nil
        }
    }
}

/// The outcome of one run of a test file, as a whole.
package enum HarnessStatus: String, Sendable, Codable, CaseIterable {
    case ok = "OK"
    case error = "ERROR"
    case timeout = "TIMEOUT"
    case preconditionFailed = "PRECONDITION_FAILED"
    /// The file was not run in this context (the reason is in ``TestFileResult/message``).
    case skipped = "SKIP"

    init?(harnessCode: Int) {
        switch harnessCode {
        case 0: self = .ok
        case 1: self = .error
        case 2: self = .timeout
        case 3: self = .preconditionFailed
        default: return nil
        }
    }
}

package struct SubtestResult: Sendable, Equatable {
    package var name: String
    package var status: SubtestStatus
    /// The failure message (`assert_equals: expected 3 but got 4`), when there is one.
    package var message: String?

    package init(name: String, status: SubtestStatus, message: String? = nil) {
        self.name = name
        self.status = status
        self.message = message
    }
}

/// One run of a test file in one context (`window`, `dedicatedworker`, ...).
package struct TestFileResult: Sendable, Equatable {
    /// The file's path as given or discovered.
    package var path: String
    /// The global the file ran in (`// META: global=`).
    package var context: String
    package var harnessStatus: HarnessStatus
    /// Why the harness status is not OK, or why the file was skipped.
    package var message: String?
    package var subtests: [SubtestResult]
    /// Uncaught-exception reports the host printed while the file ran.
    package var uncaughtReports: [String]
    /// Wall-clock seconds the run took.
    package var duration: Double

    package init(path: String, context: String, harnessStatus: HarnessStatus, message: String? = nil,
                subtests: [SubtestResult] = [], uncaughtReports: [String] = [], duration: Double = 0) {
        self.path = path
        self.context = context
        self.harnessStatus = harnessStatus
        self.message = message
        self.subtests = subtests
        self.uncaughtReports = uncaughtReports
        self.duration = duration
    }
}

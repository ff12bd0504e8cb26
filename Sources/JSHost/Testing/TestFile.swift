#if canImport(Glibc)
import Glibc
#endif

/// A test file and what its `// META:` lines ask for.
///
/// Recognised META keys (as web-platform-tests writes them): `title=`, `script=PATH` (repeatable; relative to
/// the test file, or absolute against the runner's root directory), `timeout=long`, `global=LIST`.
package struct TestFile: Sendable, Equatable {
    package var path: String
    package var source: String
    package var title: String?
    /// Paths of the scripts to load before the test, resolved to readable paths.
    package var scripts: [String]
    package var isLongTimeout: Bool
    /// The contexts to run the file in, in order.
    package var contexts: [String]

    /// Parses the META block at the top of `source`. `root` resolves absolute `script=` paths.
    package init(path: String, source: String, root: String?) {
        self.path = path
        self.source = source
        title = nil
        scripts = []
        isLongTimeout = false
        var globals: [String]?
        // A byte-order mark may precede the first line, and lines may end in CRLF (one Character in Swift, so
        // splitting on "\n" alone would not split them).
        let text = source.hasPrefix("\u{FEFF}") ? source.dropFirst() : Substring(source)
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("//") else { break }
            let comment = trimmed.dropFirst(2).drop { $0 == " " }
            guard comment.hasPrefix("META:") else { continue }
            let entry = comment.dropFirst(5).trimmingSpaces
            guard let equals = entry.firstIndex(of: "=") else { continue }
            let key = entry[..<equals].trimmingSpaces
            let value = String(entry[entry.index(after: equals)...].trimmingSpaces)
            switch key {
            case "title": title = value
            case "script": scripts.append(TestFile.resolve(script: value, testPath: path, root: root))
            case "timeout": isLongTimeout = value == "long"
            case "global": globals = TestFile.expandGlobals(value)
            default: break
            }
        }
        contexts = globals ?? TestFile.defaultContexts(for: path)
    }

    /// web-platform-tests' defaults: `.any.js` runs in a window and a dedicated worker, `.worker.js` in a
    /// dedicated worker, anything else in a window.
    static func defaultContexts(for path: String) -> [String] {
        if path.hasSuffix(".any.js") { return ["window", "dedicatedworker"] }
        if path.hasSuffix(".worker.js") { return ["dedicatedworker"] }
        return ["window"]
    }

    /// The context names `// META: global=` may use (web-platform-tests' list; `worker` expands to three).
    package static let knownContexts: Set<String> = [
        "window", "dedicatedworker", "dedicatedworker-module", "sharedworker", "sharedworker-module", "serviceworker",
        "serviceworker-module", "jsshell", "shadowrealm", "shadowrealm-in-window", "shadowrealm-in-shadowrealm",
        "shadowrealm-in-dedicatedworker", "shadowrealm-in-sharedworker", "shadowrealm-in-serviceworker",
        "shadowrealm-in-audioworklet",
    ]

    /// Expands `global=` names the way web-platform-tests does (`worker` = dedicated, shared and service
    /// workers; `dedicatedworker-module` and the like are kept as named). Unknown names are kept: the runner
    /// reports each as an error (a typo must not silently skip the file), and an empty list as one error.
    static func expandGlobals(_ value: String) -> [String] {
        var result: [String] = []
        for name in value.split(separator: ",").map({ String($0.trimmingSpaces) }) where !name.isEmpty {
            let expanded = name == "worker" ? ["dedicatedworker", "sharedworker", "serviceworker"] : [name]
            for context in expanded where !result.contains(context) { result.append(context) }
        }
        return result
    }

    static func resolve(script: String, testPath: String, root: String?) -> String {
        if script.hasPrefix("/") {
            return (root ?? ".") + script
        }
        let directory = testPath.lastIndex(of: "/").map { String(testPath[..<$0]) } ?? "."
        return directory + "/" + script
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}

/// Finding test files.
package enum TestDiscovery {
    /// File-name endings that mark a test inside a searched directory.
    package static let testSuffixes = [".any.js", ".window.js", ".worker.js", ".test.js"]

    package struct Failure: Error, CustomStringConvertible, Sendable {
        package let description: String
    }

    /// Files given explicitly are always tests. Directories are searched recursively for files whose names end
    /// in one of ``testSuffixes``, skipping `resources` folders (helper scripts) and hidden entries; the files
    /// of each directory come in name order. Symbolic links are followed, but a directory is searched only once
    /// (a link back to an ancestor would otherwise loop until paths grew too long).
    package static func findTests(in paths: [String]) throws(Failure) -> [String] {
        var found: [String] = []
        var searched = Set<FileID>()
        for path in paths {
            switch fileKind(path) {
            case .file: found.append(path)
            case .directory(let id): found += searchDirectory(path, id: id, searched: &searched)
            case .missing: throw Failure(description: "no such file or directory: '\(path)'")
            }
        }
        return found
    }

    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private enum Kind { case file, directory(FileID), missing }

    private static func fileKind(_ path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return .file }
        return .directory(FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }

    private static func searchDirectory(_ directory: String, id: FileID, searched: inout Set<FileID>) -> [String] {
        guard searched.insert(id).inserted, let handle = opendir(directory) else { return [] }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        var found: [String] = []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for name in names.sorted() {
            let path = base + "/" + name
            switch fileKind(path) {
            case .directory(let id) where name != "resources":
                found += searchDirectory(path, id: id, searched: &searched)
            case .file where testSuffixes.contains(where: { name.hasSuffix($0) }):
                found.append(path)
            default:
                break
            }
        }
        return found
    }
}

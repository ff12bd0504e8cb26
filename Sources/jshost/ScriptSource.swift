#if canImport(Glibc)
import Glibc
#endif

/// Why a script could not be read: the system's words (`No such file or directory`).
struct ScriptReadError: Error {
    let reason: String

    static func fromErrno() -> ScriptReadError {
        ScriptReadError(reason: String(cString: strerror(errno)))
    }
}

/// Reads the script file named by a command-line argument. A Linux file name is any bytes, but Swift repairs
/// arguments that are not UTF-8 (each bad byte becomes U+FFFD), so the file is opened by the original bytes of
/// the argument that `argument` came from.
func readScriptFile(commandLineArgument argument: String) throws(ScriptReadError) -> String {
    let path = originalBytes(ofArgument: argument)
    let descriptor = path.withUnsafeBufferPointer { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else { throw .fromErrno() }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .fromErrno() }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw ScriptReadError(reason: "is a directory") }
    return try readAll(descriptor)
}

/// Reads the script from standard input, to its end.
func readStandardInput() throws(ScriptReadError) -> String {
    try readAll(0)
}

/// The NUL-terminated bytes of the first command-line argument that reads as `argument`.
private func originalBytes(ofArgument argument: String) -> [CChar] {
    for index in 1..<Int(CommandLine.argc) {
        guard let pointer = CommandLine.unsafeArgv[index], String(cString: pointer) == argument else { continue }
        return Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer) + 1))
    }
    return Array(argument.utf8CString)
}

/// Everything left to read from `descriptor`, decoded as UTF-8 (invalid sequences become U+FFFD).
private func readAll(_ descriptor: Int32) throws(ScriptReadError) -> String {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw .fromErrno()
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

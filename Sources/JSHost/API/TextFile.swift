#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be read: the system's words (`No such file or directory`).
package struct FileReadError: Error, Sendable, CustomStringConvertible {
    package let reason: String
    package var description: String { reason }
}

/// Reads a whole file as UTF-8 (invalid sequences become U+FFFD), without Foundation: start-up time matters.
package func readUTF8File(_ path: String) throws(FileReadError) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(reason: "is a directory") }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileReadError(reason: String(cString: strerror(errno)))
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

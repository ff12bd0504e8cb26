#if canImport(Glibc)
import Glibc
#endif

/// Where a host's console output and error reports go.
public struct ConsoleOutput: Sendable {
    public enum Stream: Sendable {
        case standardOutput
        case standardError
    }

    /// Receives UTF-8 bytes for one stream. Called on agent threads, possibly several at once.
    public let write: @Sendable (Stream, UnsafeRawBufferPointer) -> Void

    public init(write: @escaping @Sendable (Stream, UnsafeRawBufferPointer) -> Void) {
        self.write = write
    }

    /// The process's standard output and standard error, written unbuffered.
    public static let standard = ConsoleOutput { stream, bytes in
        let descriptor: Int32 = stream == .standardOutput ? 1 : 2
        var remaining = bytes
        while !remaining.isEmpty {
            let written = Glibc.write(descriptor, remaining.baseAddress, remaining.count)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
        }
    }
}

/// The version `jshost --version` prints and scripts read as `jshost.version`.
public enum JSHostVersion {
    public static let current = "0.1.0"
}

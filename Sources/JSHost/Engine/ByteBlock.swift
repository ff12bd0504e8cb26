import CJavaScriptCore

#if canImport(Glibc)
import Glibc
#endif

/// The bytes of an ArrayBuffer on their way to another agent: plain memory that belongs to no engine, so it may
/// cross threads. Copied out of the sender's buffer once; the receiver wraps the same memory in its new
/// ArrayBuffer without copying, and that buffer's deallocator frees it. A block nobody wrapped frees itself.
final class ByteBlock: @unchecked Sendable {
    // Mutable state guarded by ownership: the block is made on one thread and wrapped on one other thread,
    // handed over through a lock (the pipe's), never used by two threads at once.
    private var bytes: UnsafeMutableRawPointer?
    let count: Int

    /// Copies the bytes of `buffer`, an ArrayBuffer. Nil when `buffer` is not one (or is detached).
    init?(copying buffer: JSValue, in context: JSContext) {
        guard let object = context.object(buffer) else { return nil }
        var exception: JSValueRef?
        let length = JSObjectGetArrayBufferByteLength(context.ref, object.ref, &exception)
        guard exception == nil else { return nil }
        let source = JSObjectGetArrayBufferBytesPtr(context.ref, object.ref, &exception)
        guard exception == nil else { return nil }
        count = length
        bytes = malloc(max(length, 1))
        if length > 0, let source { bytes!.copyMemory(from: source, byteCount: length) }
    }

    private init(bytes: UnsafeMutableRawPointer?, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    deinit {
        free(bytes)
    }

    /// A block of its own with the same bytes (for a message that goes to several receivers).
    func duplicate() -> ByteBlock {
        let copy = malloc(max(count, 1))
        if let bytes, let copy, count > 0 { copy.copyMemory(from: bytes, byteCount: count) }
        return ByteBlock(bytes: copy, count: count)
    }

    /// A new ArrayBuffer of `context` over these bytes, which it now owns. Once only.
    func makeArrayBuffer(in context: JSContext) -> JSValue? {
        guard let bytes else { return nil }
        var exception: JSValueRef?
        let buffer = JSObjectMakeArrayBufferWithBytesNoCopy(context.ref, bytes, count, { bytes, _ in free(bytes) }, nil, &exception)
        guard exception == nil, let buffer else { return nil }
        self.bytes = nil
        return JSValue(ref: buffer)
    }
}

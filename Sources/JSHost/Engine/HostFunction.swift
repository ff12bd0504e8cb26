import CJavaScriptCore
import CJSHostSupport

/// What a Swift-implemented JS function receives: its realm, `this` and the arguments.
struct HostCall {
    let context: JSContext
    let argumentCount: Int
    private let thisObject: JSObjectRef?
    private let arguments: UnsafePointer<JSValueRef?>?

    init(context: JSContext, thisObject: JSObjectRef?, argumentCount: Int, arguments: UnsafePointer<JSValueRef?>?) {
        self.context = context
        self.thisObject = thisObject
        self.argumentCount = argumentCount
        self.arguments = arguments
    }

    var this: JSValue { thisObject.map { JSValue(ref: $0) } ?? context.undefined }

    /// The argument at `index`, or `undefined` when the caller passed fewer.
    subscript(index: Int) -> JSValue {
        guard index < argumentCount, let value = arguments?[index] else { return context.undefined }
        return JSValue(ref: value)
    }
}

/// An exception a host function throws into JavaScript.
enum HostFunctionError: Error {
    case typeError(String)
    case rangeError(String)
    /// Lets an exception that JS threw inside the host function propagate unchanged.
    case rethrow(ThrownValue)

    static func rethrow(_ value: JSValue) -> HostFunctionError { .rethrow(ThrownValue(value: value)) }
}

/// A JS exception value carried by a Swift error for the instant between a nested call and the host function's
/// return, on the same thread.
struct ThrownValue: @unchecked Sendable {
    let value: JSValue
}

typealias HostFunctionBody = (HostCall) throws(HostFunctionError) -> JSValue

/// Owns a host function's Swift closure; the JS function object keeps it alive and releases it when collected.
private final class HostFunctionBox {
    let body: HostFunctionBody
    init(_ body: @escaping HostFunctionBody) { self.body = body }
}

/// The one JSClass behind every Swift-backed function. A JSClass is immutable after creation and JSC keeps its
/// per-VM data in each VM, so one instance serves every agent.
private final class HostFunctionClass: @unchecked Sendable {
    static let shared = HostFunctionClass()
    let ref: JSClassRef

    private init() {
        var definition = kJSClassDefinitionEmpty
        definition.className = UnsafeRawPointer(("HostFunction" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
        definition.callAsFunction = { context, function, thisObject, argumentCount, arguments, exception in
            guard let context, let function, let private_ = JSObjectGetPrivate(function) else { return nil }
            let call = HostCall(context: JSContext(ref: context), thisObject: thisObject, argumentCount: argumentCount, arguments: arguments)
            // The function object owns the box for as long as it can be called: borrow it, no retain.
            return Unmanaged<HostFunctionBox>.fromOpaque(private_)._withUnsafeGuaranteedRef { box in
                do throws(HostFunctionError) {
                    return try box.body(call).ref
                } catch {
                    exception?.pointee = makeError(error, in: JSContext(ref: context)).ref
                    return nil
                }
            }
        }
        // Finalizers may only release Swift state (JSC-FACTS: calling into JS here aborts the process).
        definition.finalize = { object in
            guard let object, let private_ = JSObjectGetPrivate(object) else { return }
            Unmanaged<HostFunctionBox>.fromOpaque(private_).release()
        }
        ref = JSClassCreate(&definition)
    }
}

private func makeError(_ error: HostFunctionError, in context: JSContext) -> JSValue {
    let constructor: String, message: String
    switch error {
    case .typeError(let text): (constructor, message) = ("TypeError", text)
    case .rangeError(let text): (constructor, message) = ("RangeError", text)
    case .rethrow(let thrown): return thrown.value
    }
    let global = context.globalObject
    if case .normal(let value) = context.property(global, constructor), let function = context.object(value),
       case .normal(let made) = context.callAsConstructor(function, [context.string(message)]) {
        return made
    }
    return context.string(message)
}

extension JSContext {
    /// A JS function implemented by a Swift closure. It inherits from `Function.prototype`, so `call`, `apply`
    /// and `bind` work.
    func makeFunction(_ name: String, _ body: @escaping HostFunctionBody) -> JSObject {
        let box = Unmanaged.passRetained(HostFunctionBox(body)).toOpaque()
        let function = JSObjectMake(ref, HostFunctionClass.shared.ref, box)!
        // Before the prototype: once Function.prototype is inherited, its read-only `name` blocks the set.
        setProperty(JSObject(ref: function), "name", string(name), .frozen)
        if case .normal(let functionConstructor) = property(globalObject, "Function"),
           let constructor = object(functionConstructor),
           case .normal(let prototype) = property(constructor, "prototype") {
            JSObjectSetPrototype(ref, function, prototype.ref)
        }
        return JSObject(ref: function)
    }

    func callAsConstructor(_ constructor: JSObject, _ arguments: [JSValue]) -> JSCompletion {
        var exception: JSValueRef?
        let refs: [JSValueRef?] = arguments.map { $0.ref }
        let result = refs.withUnsafeBufferPointer {
            JSObjectCallAsConstructor(ref, constructor.ref, $0.count, $0.baseAddress, &exception)
        }
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: result!))
    }
}

extension JSContext {
    /// A JS function that runs a microtask checkpoint now, or nil when this JSC cannot (jshost_drain_microtasks).
    /// A plain callback function, not a ``makeFunction(_:_:)`` closure: JSC calls those as callback objects,
    /// which costs about twice as much, and this one is called between any two deliveries of a BroadcastChannel
    /// batch.
    func makeMicrotaskCheckpointFunction() -> JSObject? {
        guard jshost_can_drain_microtasks() else { return nil }
        let name = JSStringHandle("microtaskCheckpoint")
        let function = JSObjectMakeFunctionWithCallback(ref, name.ref) { context, _, _, _, _, _ in
            guard let context else { return nil }
            jshost_drain_microtasks(context)
            return JSValueMakeUndefined(context)
        }
        return function.map { JSObject(ref: $0) }
    }
}

extension JSContext {
    /// Runs `body` holding the VM's API lock, so that the C API calls it makes nest in it instead of each taking
    /// and releasing the whole lock (what they do inside a native callback, which runs with the lock dropped).
    func withAPILock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        jshost_lock(ref)
        defer { jshost_unlock(ref) }
        return try body()
    }
}

import CJavaScriptCore
import CJSHostSupport
import Synchronization

/// A realm's global context: the entry point for every engine operation. Only the owning agent's thread may
/// use it (JSC-FACTS: one VM per thread).
struct JSContext {
    let ref: JSGlobalContextRef

    var globalObject: JSObject { JSObject(ref: JSContextGetGlobalObject(ref)) }

    // MARK: Making values

    /// `undefined` is an immediate value, the same bits in every VM, so it is made once: inside a native
    /// callback every C API call retakes JSC's API lock, which costs more than the call itself.
    var undefined: JSValue {
        let cached = JSContext.undefinedBits.load(ordering: .relaxed)
        if cached != 0 { return JSValue(ref: OpaquePointer(bitPattern: cached)!) }
        let made = JSValueMakeUndefined(ref)!
        JSContext.undefinedBits.store(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(made))), ordering: .relaxed)
        return JSValue(ref: made)
    }

    private static let undefinedBits = Atomic<UInt>(0)
    var null: JSValue { JSValue(ref: JSValueMakeNull(ref)) }
    func boolean(_ value: Bool) -> JSValue { JSValue(ref: JSValueMakeBoolean(ref, value)) }
    func number(_ value: Double) -> JSValue { JSValue(ref: JSValueMakeNumber(ref, value)) }

    func string(_ value: String) -> JSValue {
        let handle = JSStringHandle(value)
        return JSValue(ref: JSValueMakeString(ref, handle.ref))
    }

    /// A JS string with the contents of `handle` (which may have been made on another thread).
    func string(_ handle: JSStringHandle) -> JSValue { JSValue(ref: JSValueMakeString(ref, handle.ref)) }

    func makeObject() -> JSObject {
        JSObject(ref: JSObjectMake(ref, nil, nil))
    }

    func makeArray(_ elements: [JSValue]) -> JSCompletion {
        var exception: JSValueRef?
        let refs: [JSValueRef?] = elements.map { $0.ref }
        let array = refs.withUnsafeBufferPointer { JSObjectMakeArray(ref, $0.count, $0.baseAddress, &exception) }
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: array!))
    }

    // MARK: Inspecting values

    func type(of value: JSValue) -> JSType { JSValueGetType(ref, value.ref) }
    func isUndefined(_ value: JSValue) -> Bool { JSValueIsUndefined(ref, value.ref) }
    func isNullOrUndefined(_ value: JSValue) -> Bool { JSValueIsUndefined(ref, value.ref) || JSValueIsNull(ref, value.ref) }
    func isObject(_ value: JSValue) -> Bool { JSValueIsObject(ref, value.ref) }
    func isArray(_ value: JSValue) -> Bool { JSValueIsArray(ref, value.ref) }

    func object(_ value: JSValue) -> JSObject? {
        JSValueIsObject(ref, value.ref) ? JSObject(ref: value.ref) : nil
    }

    func isFunction(_ value: JSValue) -> Bool {
        guard let object = object(value) else { return false }
        return JSObjectIsFunction(ref, object.ref)
    }

    func toBoolean(_ value: JSValue) -> Bool { JSValueToBoolean(ref, value.ref) }

    /// `ToNumber`, or `nil` when it throws (a Symbol, a throwing `valueOf`).
    func toNumber(_ value: JSValue) -> Double? {
        var exception: JSValueRef?
        let number = JSValueToNumber(ref, value.ref, &exception)
        return exception == nil ? number : nil
    }

    /// `ToString` as a handle, or `nil` when it throws.
    func toStringHandle(_ value: JSValue) -> JSStringHandle? {
        var exception: JSValueRef?
        guard let string = JSValueToStringCopy(ref, value.ref, &exception), exception == nil else { return nil }
        return JSStringHandle(adopting: string)
    }

    /// `ToString` as a Swift string; a value whose conversion throws describes itself by its type.
    func toSwiftString(_ value: JSValue) -> String {
        toStringHandle(value)?.string ?? "<\(describeType(of: value))>"
    }

    func describeType(of value: JSValue) -> String {
        switch type(of: value) {
        case kJSTypeUndefined: "undefined"
        case kJSTypeNull: "null"
        case kJSTypeBoolean: "boolean"
        case kJSTypeNumber: "number"
        case kJSTypeString: "string"
        case kJSTypeSymbol: "symbol"
        case kJSTypeBigInt: "bigint"
        default: "object"
        }
    }

    // MARK: Properties

    func property(_ object: JSObject, _ name: JSStringHandle) -> JSCompletion {
        var exception: JSValueRef?
        let value = JSObjectGetProperty(ref, object.ref, name.ref, &exception)
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: value!))
    }

    func property(_ object: JSObject, _ name: String) -> JSCompletion {
        property(object, JSStringHandle(name))
    }

    /// Reads a property, treating a throwing getter as `undefined`. For host bookkeeping, never for user-visible
    /// semantics.
    func propertyIgnoringExceptions(_ object: JSObject, _ name: JSStringHandle) -> JSValue {
        if case .normal(let value) = property(object, name) { return value }
        return undefined
    }

    enum PropertyAttributes {
        /// Writable, enumerable, configurable: an ordinary data property.
        case ordinary
        /// Writable and configurable but not enumerable: how WebIDL installs globals.
        case hidden
        /// Read-only, not enumerable, not deletable.
        case frozen

        var raw: JSPropertyAttributes {
            switch self {
            case .ordinary: JSPropertyAttributes(kJSPropertyAttributeNone)
            case .hidden: JSPropertyAttributes(kJSPropertyAttributeDontEnum)
            case .frozen: JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum | kJSPropertyAttributeDontDelete)
            }
        }
    }

    @discardableResult
    func setProperty(_ object: JSObject, _ name: String, _ value: JSValue, _ attributes: PropertyAttributes = .ordinary) -> JSCompletion {
        var exception: JSValueRef?
        let handle = JSStringHandle(name)
        JSObjectSetProperty(ref, object.ref, handle.ref, value.ref, attributes.raw, &exception)
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(undefined)
    }

    @discardableResult
    func setProperty(_ object: JSObject, _ name: String, _ value: JSObject, _ attributes: PropertyAttributes = .ordinary) -> JSCompletion {
        setProperty(object, name, value.value, attributes)
    }

    func element(_ object: JSObject, _ index: Int) -> JSCompletion {
        var exception: JSValueRef?
        let value = JSObjectGetPropertyAtIndex(ref, object.ref, UInt32(index), &exception)
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: value!))
    }

    /// The object's own enumerable string keys, in property order.
    func ownEnumerableKeys(_ object: JSObject) -> [String] {
        let names = JSObjectCopyPropertyNames(ref, object.ref)!
        defer { JSPropertyNameArrayRelease(names) }
        return (0..<JSPropertyNameArrayGetCount(names)).map { index in
            let name = JSPropertyNameArrayGetNameAtIndex(names, index)!
            JSStringRetain(name)
            return JSStringHandle(adopting: name).string
        }
    }

    // MARK: Running code

    func call(_ function: JSObject, this: JSValue? = nil, _ arguments: [JSValue] = []) -> JSCompletion {
        var exception: JSValueRef?
        let thisObject = this.flatMap { object($0)?.ref }
        let refs: [JSValueRef?] = arguments.map { $0.ref }
        let result = refs.withUnsafeBufferPointer {
            JSObjectCallAsFunction(ref, function.ref, thisObject, $0.count, $0.baseAddress, &exception)
        }
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: result ?? JSValueMakeUndefined(ref)))
    }

    /// Runs a classic script. `sourceURL` names it in stacks and error messages; `startingLine` is 1-based.
    func evaluate(_ source: String, sourceURL: String, startingLine: Int = 1) -> JSCompletion {
        let script = JSStringHandle(source)
        let url = JSStringHandle(sourceURL)
        var exception: JSValueRef?
        let result = JSEvaluateScript(ref, script.ref, nil, url.ref, Int32(clamping: startingLine), &exception)
        if let exception { return .thrown(JSValue(ref: exception)) }
        return .normal(JSValue(ref: result ?? JSValueMakeUndefined(ref)))
    }

    /// Forces a full garbage collection now (the SPI `JSSynchronousGarbageCollectForDebugging`), or asks for one
    /// when the SPI is missing.
    /// Whether `source` parses as a classic script.
    func checkSyntax(_ source: String, sourceURL: String) -> Bool {
        let script = JSStringHandle(source)
        let url = JSStringHandle(sourceURL)
        return JSCheckScriptSyntax(ref, script.ref, url.ref, 1, nil)
    }

    func collectGarbage() {
        if !jshost_collect_garbage_now(ref) {
            JSGarbageCollect(ref)
        }
    }

    /// Installs the function JSC calls, at the end of a microtask checkpoint, with `(promise, reason)` for each
    /// rejected promise left unhandled. Returns false when this JSC lacks the SPI.
    func setUnhandledRejectionCallback(_ function: JSObject) -> Bool {
        var exception: JSValueRef?
        return jshost_set_unhandled_rejection_callback(ref, function.ref, &exception) && exception == nil
    }
}

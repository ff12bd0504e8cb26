import CJavaScriptCore
import OrderedCollections

/// A JavaScript value copied out of the engine (or made in Swift to go into it), so Swift can keep it on any
/// thread. Values go both ways: what a script returns or passes to a Swift function arrives as a
/// `ScriptValue`, and a `ScriptValue` given to JS becomes the matching JS value.
///
/// | JavaScript | `ScriptValue` |
/// |---|---|
/// | `undefined`, `null`, booleans, numbers, strings | ``undefined``, ``null``, ``boolean(_:)``, ``number(_:)``, ``string(_:)`` |
/// | BigInt | ``bigint(_:)`` (decimal digits, e.g. `"-12345678901234567890"`) |
/// | Date | ``date(_:)`` (milliseconds since 1970, `NaN` for an invalid date) |
/// | ArrayBuffer, typed arrays, DataView | ``bytes(_:)`` (a copy of the bytes it views); back in JS: an ArrayBuffer |
/// | arrays | ``array(_:)`` (holes read as `undefined`) |
/// | Map, Set | ``map(_:)``, ``set(_:)``, in insertion order |
/// | Error objects | ``error(_:)`` |
/// | other objects | ``object(_:)``: own enumerable string-keyed properties, in the engine's order |
/// | functions, symbols, cycles, other platform objects | ``other(_:)``: `String(value)` (one-way: back in JS, a string) |
public enum ScriptValue: Sendable, Hashable {
    case undefined
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    /// A BigInt, as its decimal digits (with a leading `-` when negative).
    case bigint(String)
    /// A Date, as milliseconds since 1970-01-01T00:00:00Z (`NaN` for an invalid date).
    case date(Double)
    /// The bytes of an ArrayBuffer, typed array or DataView.
    case bytes([UInt8])
    case array([ScriptValue])
    /// An object's own enumerable string-keyed properties, in the order the engine lists them.
    case object(OrderedDictionary<String, ScriptValue>)
    /// A Map's entries, in insertion order.
    case map([MapEntry])
    /// A Set's values, in insertion order.
    case set([ScriptValue])
    /// An Error object.
    indirect case error(JavaScriptError)
    /// Anything without a Swift counterpart (functions, symbols, cycles), as `String(value)`.
    case other(String)

    /// One entry of a ``map(_:)``.
    public struct MapEntry: Sendable, Hashable {
        public var key: ScriptValue
        public var value: ScriptValue
        public init(key: ScriptValue, value: ScriptValue) {
            self.key = key
            self.value = value
        }
    }
}

// MARK: - Accessors

extension ScriptValue {
    /// The number, or nil for any other kind of value.
    public var numberValue: Double? { if case .number(let value) = self { value } else { nil } }
    /// The string, or nil for any other kind of value.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    /// The boolean, or nil for any other kind of value.
    public var boolValue: Bool? { if case .boolean(let value) = self { value } else { nil } }
    /// The elements of an array (or the values of a set), or nil.
    public var arrayValue: [ScriptValue]? {
        switch self {
        case .array(let values), .set(let values): values
        default: nil
        }
    }
    /// The properties of an object, or nil.
    public var objectValue: OrderedDictionary<String, ScriptValue>? { if case .object(let value) = self { value } else { nil } }
    /// The bytes of a buffer or view, or nil.
    public var bytesValue: [UInt8]? { if case .bytes(let value) = self { value } else { nil } }
    /// Whether the value is `undefined` or `null`.
    public var isNullish: Bool {
        switch self {
        case .undefined, .null: true
        default: false
        }
    }

    /// A property of an object (`nil` for a missing one, or when this is not an object).
    public subscript(key: String) -> ScriptValue? {
        objectValue?[key]
    }

    /// An element of an array (`nil` when out of range, or when this is not an array).
    public subscript(index: Int) -> ScriptValue? {
        guard case .array(let values) = self, values.indices.contains(index) else { return nil }
        return values[index]
    }
}

extension ScriptValue: CustomStringConvertible {
    /// A short JS-like rendering: `42`, `"text"`, `[1, 2]`, `{ a: 1 }`, `Map(1) { "k" => 1 }`, `12n`.
    public var description: String {
        switch self {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let value): return value ? "true" : "false"
        case .number(let value): return Self.describe(number: value)
        case .string(let value): return Self.quote(value)
        case .bigint(let digits): return digits + "n"
        case .date(let milliseconds): return milliseconds.isNaN ? "Invalid Date" : "Date(\(Self.describe(number: milliseconds)))"
        case .bytes(let bytes): return "ArrayBuffer { byteLength: \(bytes.count) }"
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let properties):
            if properties.isEmpty { return "{}" }
            return "{ " + properties.map { "\(Self.describe(key: $0.key)): \($0.value)" }.joined(separator: ", ") + " }"
        case .map(let entries):
            return "Map(\(entries.count)) {" + (entries.isEmpty ? "}" : " " + entries.map { "\($0.key) => \($0.value)" }.joined(separator: ", ") + " }")
        case .set(let values):
            return "Set(\(values.count)) {" + (values.isEmpty ? "}" : " " + values.map(\.description).joined(separator: ", ") + " }")
        case .error(let error): return error.description
        case .other(let text): return text
        }
    }

    private static func describe(number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }
        if number == number.rounded(), abs(number) < 1e21 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func describe(key: String) -> String {
        let isIdentifier = !key.isEmpty && key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            && !("0"..."9").contains(key.unicodeScalars.first!)
        return isIdentifier ? key : quote(key)
    }

    private static func quote(_ text: String) -> String {
        JSONValue.quote(text)
    }
}

// (Not ExpressibleByNilLiteral: `nil` would then silently mean `.null` wherever a `ScriptValue?` is built.)
extension ScriptValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: ScriptValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, ScriptValue)...) {
        self = .object(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Engine ↔ ScriptValue

extension ScriptValue {
    static func copy(_ value: JSValue, in context: JSContext) -> ScriptValue {
        var state = CopyState()
        return copy(value, in: context, state: &state)
    }

    /// What one copy keeps while it walks: the objects on the current path (a cycle becomes `.other`), and the
    /// engine values it looks up once (they live on this stack, which the engine scans).
    private struct CopyState {
        var path: Set<UnsafeRawPointer> = []
        var objectPrototype: JSValueRef?
        var classifier: JSObject?
    }

    /// `String(value)`, which (unlike ToString) also describes a Symbol.
    private static func describe(_ value: JSValue, in context: JSContext) -> String {
        if case .normal(let function) = context.property(context.globalObject, "String"), let string = context.object(function),
           case .normal(let text) = context.call(string, [value]) {
            return context.toSwiftString(text)
        }
        return context.toSwiftString(value)
    }

    private static func copy(_ value: JSValue, in context: JSContext, state: inout CopyState) -> ScriptValue {
        switch context.type(of: value) {
        case kJSTypeUndefined: return .undefined
        case kJSTypeNull: return .null
        case kJSTypeBoolean: return .boolean(context.toBoolean(value))
        case kJSTypeNumber: return .number(context.toNumber(value) ?? .nan)
        case kJSTypeString: return .string(context.toSwiftString(value))
        case kJSTypeObject: break
        default:
            if JSValueIsBigInt(context.ref, value.ref) { return .bigint(context.toSwiftString(value)) }
            return .other(describe(value, in: context))
        }
        let object = JSObject(ref: value.ref)
        let identity = UnsafeRawPointer(value.ref)
        guard !context.isFunction(value), state.path.insert(identity).inserted else { return .other(describe(value, in: context)) }
        defer { state.path.remove(identity) }
        if context.isArray(value) {
            guard let length = context.toNumber(context.propertyIgnoringExceptions(object, PropertyName.length)),
                  let count = Int(exactly: length.rounded(.towardZero)), count >= 0 else { return .array([]) }
            return .array((0..<count).map { index in
                guard case .normal(let element) = context.element(object, index) else { return .undefined }
                return copy(element, in: context, state: &state)
            })
        }
        if JSValueIsDate(context.ref, value.ref) {
            return .date(dateMilliseconds(object, in: context))
        }
        if let bytes = viewedBytes(object, in: context) { return .bytes(bytes) }
        // A plain object (the usual case) needs no check for the kinds with internal slots.
        if state.objectPrototype == nil { state.objectPrototype = JSObjectGetPrototype(context.ref, context.makeObject().ref) }
        let prototype = JSObjectGetPrototype(context.ref, object.ref)
        let isPlain = prototype == state.objectPrototype || JSValueIsNull(context.ref, prototype)
        if !isPlain, let kind = platformKind(of: object, in: context, state: &state) {
            switch kind {
            case .bytes(let view):
                return .bytes(context.object(view).flatMap { viewedBytes($0, in: context) } ?? [])
            case .map(let flat):
                var entries: [MapEntry] = []
                var index = 0
                while index + 1 < flat.count {
                    entries.append(MapEntry(key: copy(flat[index], in: context, state: &state), value: copy(flat[index + 1], in: context, state: &state)))
                    index += 2
                }
                return .map(entries)
            case .set(let values):
                return .set(values.map { copy($0, in: context, state: &state) })
            case .error:
                return .error(JavaScriptError(thrown: value, in: context))
            }
        }
        var properties: OrderedDictionary<String, ScriptValue> = [:]
        for key in context.ownEnumerableKeys(object) {
            properties[key] = copy(context.propertyIgnoringExceptions(object, JSStringHandle(key)), in: context, state: &state)
        }
        return .object(properties)
    }

    private static func dateMilliseconds(_ date: JSObject, in context: JSContext) -> Double {
        guard case .normal(let getTime) = context.property(date, "getTime"), let function = context.object(getTime),
              case .normal(let time) = context.call(function, this: date.value) else { return .nan }
        return context.toNumber(time) ?? .nan
    }

    /// The bytes an ArrayBuffer, typed array or DataView views (nil for anything else; empty when detached).
    private static func viewedBytes(_ object: JSObject, in context: JSContext) -> [UInt8]? {
        var exception: JSValueRef?
        let type = JSValueGetTypedArrayType(context.ref, object.ref, &exception)
        if type == kJSTypedArrayTypeArrayBuffer {
            let count = JSObjectGetArrayBufferByteLength(context.ref, object.ref, &exception)
            guard count > 0, let base = JSObjectGetArrayBufferBytesPtr(context.ref, object.ref, &exception) else { return [] }
            return Array(UnsafeRawBufferPointer(start: base, count: count))
        }
        if type != kJSTypedArrayTypeNone {
            let count = JSObjectGetTypedArrayByteLength(context.ref, object.ref, &exception)
            guard count > 0, let base = JSObjectGetTypedArrayBytesPtr(context.ref, object.ref, &exception) else { return [] }
            let offset = JSObjectGetTypedArrayByteOffset(context.ref, object.ref, &exception)
            return Array(UnsafeRawBufferPointer(start: base + offset, count: count))
        }
        return nil
    }

    private enum PlatformKind {
        case bytes(JSValue)
        case map([JSValue])
        case set([JSValue])
        case error
    }

    /// Maps, Sets and Errors, told apart by their internal slots (not by prototypes a script can change).
    private static func platformKind(of object: JSObject, in context: JSContext, state: inout CopyState) -> PlatformKind? {
        if state.classifier == nil, case .normal(let classify) = context.evaluate(Self.classifierSource, sourceURL: "jshost:classify-for-swift") {
            state.classifier = context.object(classify)
        }
        guard let function = state.classifier,
              case .normal(let result) = context.call(function, [object.value]),
              let list = context.object(result), context.isArray(result) else { return nil }
        let count = Int(context.toNumber(context.propertyIgnoringExceptions(list, PropertyName.length)) ?? 0)
        guard count >= 1, case .normal(let kindValue) = context.element(list, 0) else { return nil }
        let kind = context.toSwiftString(kindValue)
        var rest: [JSValue] = []
        for index in 1..<max(count, 1) {
            if case .normal(let element) = context.element(list, index) { rest.append(element) }
        }
        switch kind {
        case "bytes": return rest.first.map { .bytes($0) }
        case "map": return .map(rest)
        case "set": return .set(rest)
        case "error": return .error
        default: return nil
        }
    }

    /// Returns `["bytes", Uint8Array]` (views the C API does not know: DataView, Float16Array),
    /// `["map", k1, v1, ...]`, `["set", v1, ...]`, `["error"]` or null. Brand checks use built-ins read
    /// when the function is made, so a script that replaced `Map` or its methods later does not change the
    /// answer.
    private static let classifierSource = """
        (() => {
          const apply = Reflect.apply;
          const sizeOf = (proto) => Object.getOwnPropertyDescriptor(proto, "size").get;
          const mapSize = sizeOf(Map.prototype), setSize = sizeOf(Set.prototype);
          const mapForEach = Map.prototype.forEach, setForEach = Set.prototype.forEach;
          const toString = Object.prototype.toString;
          const isError = typeof Error.isError === "function" ? Error.isError : null;
          const isView = ArrayBuffer.isView, U8 = Uint8Array;
          const get = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
          const dataView = [get(DataView.prototype, "buffer"), get(DataView.prototype, "byteOffset"), get(DataView.prototype, "byteLength")];
          const typed = Object.getPrototypeOf(U8.prototype);
          const typedView = [get(typed, "buffer"), get(typed, "byteOffset"), get(typed, "byteLength")];
          const bytesOf = (view, [buffer, offset, length]) =>
            ["bytes", new U8(apply(buffer, view, []), apply(offset, view, []), apply(length, view, []))];
          return function classify(value) {
            if (isView(value)) {
              try { return bytesOf(value, dataView); } catch {}
              try { return bytesOf(value, typedView); } catch {}
            }
            try { apply(mapSize, value, []); const out = ["map"]; apply(mapForEach, value, [(v, k) => { out[out.length] = k; out[out.length] = v; }]); return out; } catch {}
            try { apply(setSize, value, []); const out = ["set"]; apply(setForEach, value, [(v) => { out[out.length] = v; }]); return out; } catch {}
            if (isError !== null ? isError(value) : apply(toString, value, []) === "[object Error]") return ["error"];
            return null;
          };
        })()
        """

    /// This value made in `context`. ``other(_:)`` becomes its text; an ``error(_:)`` a new Error of its name.
    func makeJSValue(in context: JSContext) -> JSValue {
        switch self {
        case .undefined: return context.undefined
        case .null: return context.null
        case .boolean(let value): return context.boolean(value)
        case .number(let value): return context.number(value)
        case .string(let value), .other(let value): return context.string(value)
        case .bigint(let digits):
            var exception: JSValueRef?
            let handle = JSStringHandle(digits)
            guard let value = JSBigIntCreateWithString(context.ref, handle.ref, &exception), exception == nil else { return context.undefined }
            return JSValue(ref: value)
        case .date(let milliseconds):
            var exception: JSValueRef?
            var argument: JSValueRef? = context.number(milliseconds).ref
            guard let date = JSObjectMakeDate(context.ref, 1, &argument, &exception), exception == nil else { return context.undefined }
            return JSValue(ref: date)
        case .bytes(let bytes):
            var exception: JSValueRef?
            let count = bytes.count
            let memory = malloc(max(count, 1))!
            if count > 0 { bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: count) } }
            guard let buffer = JSObjectMakeArrayBufferWithBytesNoCopy(context.ref, memory, count, { bytes, _ in free(bytes) }, nil, &exception),
                  exception == nil else {
                free(memory)
                return context.undefined
            }
            return JSValue(ref: buffer)
        case .array(let values):
            guard case .normal(let array) = context.makeArray(values.map { $0.makeJSValue(in: context) }) else { return context.undefined }
            return array
        case .object(let properties):
            let object = context.makeObject()
            for (key, value) in properties { _ = context.setProperty(object, key, value.makeJSValue(in: context)) }
            return object.value
        case .map(let entries):
            return construct("Map", [.array(entries.map { .array([$0.key, $0.value]) })], in: context)
        case .set(let values):
            return construct("Set", [.array(values)], in: context)
        case .error(let error):
            return error.makeJSValue(in: context)
        }
    }

    private func construct(_ name: String, _ arguments: [ScriptValue], in context: JSContext) -> JSValue {
        guard case .normal(let constructor) = context.evaluate("(\(name))", sourceURL: "jshost:intrinsic"),
              let function = context.object(constructor) else { return context.undefined }
        var exception: JSValueRef?
        let values: [JSValueRef?] = arguments.map { $0.makeJSValue(in: context).ref }
        guard let made = values.withUnsafeBufferPointer({ JSObjectCallAsConstructor(context.ref, function.ref, values.count, $0.baseAddress, &exception) }),
              exception == nil else { return context.undefined }
        return JSValue(ref: made)
    }
}

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OrderedCollections

/// Converts `Encodable` Swift values to ``ScriptValue`` (and so to JS values): structs and dictionaries become
/// objects (keys in encoding order), arrays become arrays, `Date` a JS Date, `Data` an ArrayBuffer, optionals
/// `null` when nil, and a ``ScriptValue`` inside stays what it is.
public struct ScriptValueEncoder: Sendable {
    public init() {}

    public func encode<Value: Encodable>(_ value: Value) throws -> ScriptValue {
        if let direct = Self.direct(value) { return direct }
        let box = EncodingBox(codingPath: [])
        try value.encode(to: box)
        return box.result
    }

    /// Types with a JS counterpart of their own, not their Codable shape.
    static func direct(_ value: Any) -> ScriptValue? {
        switch value {
        case let value as ScriptValue: return value
        case let date as Date: return .date((date.timeIntervalSince1970 * 1000).rounded())
        case let data as Data: return .bytes([UInt8](data))
        default: return nil
        }
    }
}

/// Converts ``ScriptValue``s (what JS returns or passes) to `Decodable` Swift values: the inverse of
/// ``ScriptValueEncoder``. Numbers must fit the integer type exactly; a missing property, `null` or `undefined`
/// decode as nil for optionals.
public struct ScriptValueDecoder: Sendable {
    public init() {}

    public func decode<Value: Decodable>(_ type: Value.Type, from value: ScriptValue) throws -> Value {
        try DecodingBox(value: value, codingPath: []).decodeValue(type)
    }
}

// MARK: - Encoding

/// A node of the value being built: containers write into it, parents read `result` when their child is done.
private final class EncodingSlot {
    var value: ScriptValue = .undefined
    var object: OrderedDictionary<String, EncodingSlot>?
    var array: [EncodingSlot]?

    var result: ScriptValue {
        if let object { return .object(object.mapValues(\.result)) }
        if let array { return .array(array.map(\.result)) }
        return value
    }
}

private struct ScriptCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private final class EncodingBox: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot: EncodingSlot

    init(codingPath: [any CodingKey], slot: EncodingSlot = EncodingSlot()) {
        self.codingPath = codingPath
        self.slot = slot
    }

    var result: ScriptValue { slot.result }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.object == nil { slot.object = [:] }
        return KeyedEncodingContainer(KeyedEncoding<Key>(box: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.array == nil { slot.array = [] }
        return UnkeyedEncoding(box: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoding(box: self) }

    /// Encodes `value` into `slot`, with `key` added to the coding path.
    func encode<Value: Encodable>(_ value: Value, into slot: EncodingSlot, at key: any CodingKey) throws {
        if let direct = ScriptValueEncoder.direct(value) {
            slot.value = direct
            return
        }
        try value.encode(to: EncodingBox(codingPath: codingPath + [key], slot: slot))
    }
}

private struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    var codingPath: [any CodingKey] { box.codingPath }

    private func slot(for key: Key) -> EncodingSlot {
        if let existing = box.slot.object?[key.stringValue] { return existing }
        let slot = EncodingSlot()
        box.slot.object?[key.stringValue] = slot
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(for: key).value = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try box.encode(value, into: slot(for: key), at: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(for: key).value = .boolean(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(for: key).value = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(for: key).value = .number(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(for: key).value = .number(Double(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        EncodingBox(codingPath: codingPath + [key], slot: slot(for: key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        EncodingBox(codingPath: codingPath + [key], slot: slot(for: key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { EncodingBox(codingPath: codingPath + [key], slot: slot(for: key)) }
}

private struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let box: EncodingBox
    var codingPath: [any CodingKey] { box.codingPath }
    var count: Int { box.slot.array?.count ?? 0 }

    private func append() -> (EncodingSlot, any CodingKey) {
        let slot = EncodingSlot()
        let key = ScriptCodingKey(intValue: count)
        box.slot.array?.append(slot)
        return (slot, key)
    }

    mutating func encodeNil() throws { append().0.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let (slot, key) = append()
        try box.encode(value, into: slot, at: key)
    }
    mutating func encode(_ value: Bool) throws { append().0.value = .boolean(value) }
    mutating func encode(_ value: String) throws { append().0.value = .string(value) }
    mutating func encode(_ value: Double) throws { append().0.value = .number(value) }
    mutating func encode(_ value: Int) throws { append().0.value = .number(Double(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (slot, key) = append()
        return EncodingBox(codingPath: codingPath + [key], slot: slot).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (slot, key) = append()
        return EncodingBox(codingPath: codingPath + [key], slot: slot).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let (slot, key) = append()
        return EncodingBox(codingPath: codingPath + [key], slot: slot)
    }
}

private struct SingleEncoding: SingleValueEncodingContainer {
    let box: EncodingBox
    var codingPath: [any CodingKey] { box.codingPath }

    mutating func encodeNil() throws { box.slot.value = .null }
    mutating func encode(_ value: Bool) throws { box.slot.value = .boolean(value) }
    mutating func encode(_ value: String) throws { box.slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { box.slot.value = .number(value) }
    mutating func encode(_ value: Float) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: Int) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: Int8) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: Int16) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: Int32) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: Int64) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: UInt) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: UInt8) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: UInt16) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: UInt32) throws { box.slot.value = .number(Double(value)) }
    mutating func encode(_ value: UInt64) throws { box.slot.value = .number(Double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let direct = ScriptValueEncoder.direct(value) {
            box.slot.value = direct
        } else {
            try value.encode(to: box)
        }
    }
}

// MARK: - Decoding

private struct DecodingBox: Decoder {
    let value: ScriptValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(value)"))
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == ScriptValue.self { return value as! T }
        if type == Date.self {
            switch value {
            case .date(let milliseconds), .number(let milliseconds):
                return Date(timeIntervalSince1970: milliseconds / 1000) as! T
            default: throw mismatch("a Date")
            }
        }
        if type == Data.self {
            switch value {
            case .bytes(let bytes): return Data(bytes) as! T
            default: break
            }
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let properties): return KeyedDecodingContainer(KeyedDecoding<Key>(properties: properties, codingPath: codingPath))
        case .error(let error):
            var properties = error.properties
            properties["name"] = .string(error.name)
            properties["message"] = .string(error.message)
            if let cause = error.cause { properties["cause"] = cause }
            return KeyedDecodingContainer(KeyedDecoding<Key>(properties: properties, codingPath: codingPath))
        case .map(let entries):
            var properties: OrderedDictionary<String, ScriptValue> = [:]
            for entry in entries {
                guard case .string(let key) = entry.key else { throw mismatch("a Map with string keys") }
                properties[key] = entry.value
            }
            return KeyedDecodingContainer(KeyedDecoding<Key>(properties: properties, codingPath: codingPath))
        default: throw mismatch("an object")
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let values), .set(let values): return UnkeyedDecoding(values: values, codingPath: codingPath)
        case .bytes(let bytes): return UnkeyedDecoding(values: bytes.map { .number(Double($0)) }, codingPath: codingPath)
        default: throw mismatch("an array")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleDecoding(box: self) }
}

private struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let properties: OrderedDictionary<String, ScriptValue>
    let codingPath: [any CodingKey]

    var allKeys: [Key] { properties.keys.compactMap { Key(stringValue: $0) } }

    /// `undefined` properties are treated as absent, as `JSON.stringify` would.
    func contains(_ key: Key) -> Bool {
        guard let value = properties[key.stringValue] else { return false }
        return value != .undefined
    }

    private func box(_ key: Key) throws -> DecodingBox {
        guard let value = properties[key.stringValue], value != .undefined else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no property '\(key.stringValue)'"))
        }
        return DecodingBox(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try box(key).value.isNullish }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try box(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try box(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try box(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try box(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try box(key) }
}

private struct UnkeyedDecoding: UnkeyedDecodingContainer {
    let values: [ScriptValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(values: [ScriptValue], codingPath: [any CodingKey]) {
        self.values = values
        self.codingPath = codingPath
    }

    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    private mutating func next() throws -> DecodingBox {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array has only \(values.count) elements"))
        }
        defer { currentIndex += 1 }
        return DecodingBox(value: values[currentIndex], codingPath: codingPath + [ScriptCodingKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, values[currentIndex].isNullish else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleDecoding: SingleValueDecodingContainer {
    let box: DecodingBox
    var codingPath: [any CodingKey] { box.codingPath }

    func decodeNil() -> Bool { box.value.isNullish }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .boolean(let value) = box.value else { throw box.mismatch("a boolean") }
        return value
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let value) = box.value else { throw box.mismatch("a string") }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let value) = box.value else { throw box.mismatch("a number") }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        switch box.value {
        case .number(let value):
            guard let exact = T(exactly: value) else { throw box.mismatch("an integer that fits \(T.self)") }
            return exact
        case .bigint(let digits):
            guard let exact = T(digits) else { throw box.mismatch("a BigInt that fits \(T.self)") }
            return exact
        default: throw box.mismatch("a number")
        }
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try box.decodeValue(type) }
}

extension ScriptValue: Codable {
    /// A ``ScriptValue`` inside a `Codable` type passes through ``ScriptValueEncoder`` and ``ScriptValueDecoder``
    /// unchanged. With other coders (JSON, ...) it is written as the closest JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .undefined, .null: try container.encodeNil()
        case .boolean(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value), .bigint(let value), .other(let value): try container.encode(value)
        case .date(let milliseconds): try container.encode(milliseconds)
        case .bytes(let bytes): try container.encode(bytes)
        case .array(let values), .set(let values): try container.encode(values)
        case .object(let properties):
            try container.encode(Dictionary(uniqueKeysWithValues: properties.map { ($0.key, $0.value) }))
        case .map(let entries): try container.encode(entries.map { [$0.key, $0.value] })
        case .error(let error): try container.encode(["name": error.name, "message": error.message])
        }
    }

    public init(from decoder: any Decoder) throws {
        if let box = decoder as? DecodingBox {
            self = box.value
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let values = try? container.decode([ScriptValue].self) { self = .array(values) }
        else { self = .object(OrderedDictionary(uniqueKeysWithValues: try container.decode([String: ScriptValue].self).sorted { $0.key < $1.key })) }
    }
}

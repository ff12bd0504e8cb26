/// UTF-8 ⇄ UTF-16 for `TextDecoder`/`TextEncoder` (Encoding Standard §8.1), on raw memory. JS calls these
/// (through `ops.decodeUTF8`/`ops.encodeUTF8`) only for inputs big enough to pay for the native call.
enum TextCodec {
    static let replacement: UInt16 = 0xFFFD

    /// The UTF-8 decoder run to the end of `bytes` (every error, including a sequence cut short at the end,
    /// becomes one U+FFFD per maximal subpart). Writes UTF-16 into `output` (room for `bytes.count` units is
    /// always enough) and returns how many units, or nil on the first error when `fatal`.
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt16>, fatal: Bool) -> Int? {
        var out = 0
        var index = 0
        let count = bytes.count
        var needed = 0, seen = 0
        var codePoint: UInt32 = 0
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        while index < count {
            let byte = bytes[index]
            if needed == 0 {
                if byte < 0x80 {
                    // A run of ASCII: one unit per byte, eight bytes at a time while they are all ASCII.
                    var position = index
                    if let base = bytes.baseAddress {
                        while position + 8 <= count {
                            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                            if word & 0x8080_8080_8080_8080 != 0 { break }
                            for k in 0..<8 { output[out + k] = UInt16(truncatingIfNeeded: word >> UInt64(8 * k)) & 0xFF }
                            out += 8
                            position += 8
                        }
                    }
                    while position < count && bytes[position] < 0x80 {
                        output[out] = UInt16(bytes[position])
                        out += 1
                        position += 1
                    }
                    index = position
                    continue
                }
                // A whole, well-formed sequence decodes at once; anything else (an error, a sequence cut short
                // by the end) goes through the decoder's states below, one byte at a time.
                if byte >= 0xC2 && byte <= 0xDF && index + 1 < count {
                    let second = bytes[index + 1]
                    if second & 0xC0 == 0x80 {
                        output[out] = UInt16(byte & 0x1F) << 6 | UInt16(second & 0x3F)
                        out += 1
                        index += 2
                        continue
                    }
                } else if byte >= 0xE0 && byte <= 0xEF && index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    let secondLower: UInt8 = byte == 0xE0 ? 0xA0 : 0x80, secondUpper: UInt8 = byte == 0xED ? 0x9F : 0xBF
                    if second >= secondLower && second <= secondUpper && third & 0xC0 == 0x80 {
                        output[out] = UInt16(byte & 0x0F) << 12 | UInt16(second & 0x3F) << 6 | UInt16(third & 0x3F)
                        out += 1
                        index += 3
                        continue
                    }
                } else if byte >= 0xF0 && byte <= 0xF4 && index + 3 < count {
                    let second = bytes[index + 1], third = bytes[index + 2], fourth = bytes[index + 3]
                    let secondLower: UInt8 = byte == 0xF0 ? 0x90 : 0x80, secondUpper: UInt8 = byte == 0xF4 ? 0x8F : 0xBF
                    if second >= secondLower && second <= secondUpper && third & 0xC0 == 0x80 && fourth & 0xC0 == 0x80 {
                        let value = (UInt32(byte & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(third & 0x3F) << 6
                            | UInt32(fourth & 0x3F)) - 0x10000
                        output[out] = UInt16(0xD800 + (value >> 10))
                        output[out + 1] = UInt16(0xDC00 + (value & 0x3FF))
                        out += 2
                        index += 4
                        continue
                    }
                }
                index += 1
                switch byte {
                case 0xC2...0xDF:
                    needed = 1
                    codePoint = UInt32(byte & 0x1F)
                case 0xE0...0xEF:
                    if byte == 0xE0 { lower = 0xA0 } else if byte == 0xED { upper = 0x9F }
                    needed = 2
                    codePoint = UInt32(byte & 0xF)
                case 0xF0...0xF4:
                    if byte == 0xF0 { lower = 0x90 } else if byte == 0xF4 { upper = 0x8F }
                    needed = 3
                    codePoint = UInt32(byte & 0x7)
                default:
                    if fatal { return nil }
                    output[out] = replacement
                    out += 1
                }
                continue
            }
            if byte < lower || byte > upper {
                // Not consumed: the byte starts over after the error.
                needed = 0; seen = 0; codePoint = 0; lower = 0x80; upper = 0xBF
                if fatal { return nil }
                output[out] = replacement
                out += 1
                continue
            }
            lower = 0x80; upper = 0xBF
            codePoint = (codePoint << 6) | UInt32(byte & 0x3F)
            seen += 1
            index += 1
            if seen == needed {
                if codePoint < 0x10000 {
                    output[out] = UInt16(codePoint)
                    out += 1
                } else {
                    let value = codePoint - 0x10000
                    output[out] = UInt16(0xD800 + (value >> 10))
                    output[out + 1] = UInt16(0xDC00 + (value & 0x3FF))
                    out += 2
                }
                needed = 0; seen = 0; codePoint = 0
            }
        }
        if needed != 0 {
            if fatal { return nil }
            output[out] = replacement
            out += 1
        }
        return out
    }

    /// UTF-8 of UTF-16 `units` (a lone surrogate becomes U+FFFD), into `output`, which must have room for
    /// `3 * units.count` bytes. Returns the number of bytes written.
    static func encodeUTF8(_ units: UnsafeBufferPointer<UInt16>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        var index = 0
        let count = units.count
        while index < count {
            let unit = units[index]
            if unit < 0x80, index + 4 <= count, let base = units.baseAddress {
                // Four code units at a time while they are all ASCII.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0xFF80_FF80_FF80_FF80 == 0 {
                    for k in 0..<4 { output[out + k] = UInt8(truncatingIfNeeded: word >> UInt64(16 * k)) }
                    out += 4
                    index += 4
                    continue
                }
            }
            index += 1
            if unit < 0x80 {
                output[out] = UInt8(unit)
                out += 1
            } else if unit < 0x800 {
                output[out] = UInt8(0xC0 | (unit >> 6))
                output[out + 1] = UInt8(0x80 | (unit & 0x3F))
                out += 2
            } else if unit >= 0xD800 && unit <= 0xDBFF && index < count && units[index] >= 0xDC00 && units[index] <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                index += 1
                output[out] = UInt8(0xF0 | (scalar >> 18))
                output[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                output[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                output[out + 3] = UInt8(0x80 | (scalar & 0x3F))
                out += 4
            } else {
                let value = unit >= 0xD800 && unit <= 0xDFFF ? replacement : unit
                output[out] = UInt8(0xE0 | (value >> 12))
                output[out + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                output[out + 2] = UInt8(0x80 | (value & 0x3F))
                out += 3
            }
        }
        return out
    }
}

import CJSHostSupport
import Testing
@testable import JSHost

/// The C UTF-8 decoder behind big `TextDecoder.decode` calls (CJSHostSupport/utf8.c), against the Swift decoder
/// that follows the Encoding Standard step by step (Web/TextCodec.swift), in both its vector and portable code.
@Suite("UTF-8 decoder", .serialized)
struct UTF8DecoderTests {
    /// SplitMix64: the same inputs on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func append(_ scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    /// Text in runs: long ASCII stretches (the blocks that skip work), and mixes of 1- to 4-byte sequences.
    static func text(_ random: inout Generator, length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < length {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes.append(contentsOf: (0..<Int.random(in: 1...100, using: &random)).map { _ in UInt8.random(in: 0...0x7F, using: &random) })
            case 1: append(UInt32.random(in: 0x80...0x7FF, using: &random), to: &bytes)
            case 2: append([0x800, 0xD7FF, 0xE000, 0xFFFF, UInt32.random(in: 0x800...0xD7FF, using: &random)].randomElement(using: &random)!, to: &bytes)
            case 3: append(UInt32.random(in: 0x10000...0x10FFFF, using: &random), to: &bytes)
            default: bytes.append(UInt8.random(in: 0...0x7F, using: &random))
            }
        }
        return bytes
    }

    /// Every kind of error the standard names: bad leads, stray continuations, overlong forms, surrogates,
    /// code points past U+10FFFF, sequences cut short.
    static func damage(_ bytes: inout [UInt8], _ random: inout Generator) {
        guard !bytes.isEmpty else { return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        let bad: [[UInt8]] = [[0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                              [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF],
                              [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98]]
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[at] = UInt8.random(in: 0x80...0xFF, using: &random)
        case 1: bytes.insert(contentsOf: bad.randomElement(using: &random)!, at: at)
        default: bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &random))
        }
    }

    static func expected(_ bytes: [UInt8]) -> [UInt16]? {
        bytes.withUnsafeBufferPointer { input in
            let output = UnsafeMutablePointer<UInt16>.allocate(capacity: max(input.count, 1))
            defer { output.deallocate() }
            return TextCodec.decodeUTF8(input, into: output, fatal: true).map { Array(UnsafeBufferPointer(start: output, count: $0)) }
        }
    }

    /// The C decoder's answer, from a buffer with guard units on both sides that must come back untouched.
    static func decoded(_ bytes: [UInt8], units claimed: Int? = nil) -> (valid: Bool, units: [UInt16]?) {
        bytes.withUnsafeBufferPointer { input -> (Bool, [UInt16]?) in
            var units = 0
            guard jshost_utf8_measure(input.baseAddress, input.count, &units) else { return (false, nil) }
            let count = claimed ?? units
            let guardUnits = 40
            var buffer = [UInt16](repeating: 0xA5A5, count: count + 2 * guardUnits)
            let finished = buffer.withUnsafeMutableBufferPointer {
                jshost_utf8_decode(input.baseAddress, input.count, $0.baseAddress! + guardUnits, count)
            }
            #expect(buffer[..<guardUnits].allSatisfy { $0 == 0xA5A5 } && buffer[(guardUnits + count)...].allSatisfy { $0 == 0xA5A5 },
                    "wrote outside its \(count) units")
            return (true, finished ? Array(buffer[guardUnits..<(guardUnits + count)]) : nil)
        }
    }

    static func compareBoth(_ check: () -> Void) {
        for vector in [true, false] {
            _ = jshost_utf8_use_vector_code(vector)
            check()
        }
        _ = jshost_utf8_use_vector_code(true)
    }

    @Test("agrees with the Encoding Standard decoder on random text, well-formed and damaged, in both code paths")
    func differential() {
        UTF8DecoderTests.compareBoth {
            var random = Generator(state: 20261128)
            for round in 0..<3000 {
                let length = round % 100 == 0 ? Int.random(in: 10_000...70_000, using: &random) : Int.random(in: 0...400, using: &random)
                var bytes = UTF8DecoderTests.text(&random, length: length)
                if round % 2 == 1 {
                    for _ in 0..<Int.random(in: 1...3, using: &random) { UTF8DecoderTests.damage(&bytes, &random) }
                }
                // Any start, including the middle of a sequence.
                let start = round % 7 == 0 ? Int.random(in: 0...min(3, bytes.count), using: &random) : 0
                let input = Array(bytes[start...])
                let want = UTF8DecoderTests.expected(input)
                let got = UTF8DecoderTests.decoded(input)
                #expect(got.valid == (want != nil), "round \(round): validity of \(input.count) bytes")
                if let want, got.valid {
                    let units = got.units ?? []
                    let firstDifference = zip(units, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(units.count, want.count)
                    #expect(units == want, "round \(round): \(input.count) bytes, first difference at unit \(firstDifference)")
                }
            }
        }
    }

    @Test("an error at every position of a 360-byte text is found, whatever its kind")
    func everyPosition() {
        UTF8DecoderTests.compareBoth {
            let base = Array(String(repeating: "ab\u{E9}c\u{20AC}d", count: 40).utf8)
            for bad: [UInt8] in [[0x80], [0xC1, 0x81], [0xE0, 0x9F, 0x80], [0xED, 0xA0, 0x80], [0xF8], [0xC3], [0xE2, 0x82]] {
                for position in 0...base.count {
                    var input = base
                    input.insert(contentsOf: bad, at: position)
                    let got = UTF8DecoderTests.decoded(input)
                    #expect(got.valid == (UTF8DecoderTests.expected(input) != nil), "\(bad) at \(position)")
                }
            }
        }
    }

    @Test("a unit count that is not the measured one is refused, and nothing is written past it")
    func changedSinceMeasured() {
        UTF8DecoderTests.compareBoth {
            let input = Array(String(repeating: "abc\u{E9}abc\u{20AC}\u{1F600}", count: 100).utf8)
            var units = 0
            #expect(jshost_utf8_measure(input, input.count, &units))
            for claimed in [0, 1, units / 2, units - 1, units + 1, units + 2, units + 30] {
                let got = UTF8DecoderTests.decoded(input, units: claimed)
                #expect(got.valid && got.units == nil, "claimed \(claimed) of \(units) units")
            }
        }
    }
}

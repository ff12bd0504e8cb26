import CJavaScriptCore
import Testing
@testable import JSHost

/// The engine layer (Engine/), driven on the test's own thread: a synchronous test never changes thread, so the
/// context group, its GLib main context and every value stay on one thread.
@Suite("Engine")
struct EngineTests {
    @Test("numbers round-trip, including -0, NaN and infinities")
    func numbers() {
        withEngine { _, context in
            for number: Double in [0, 1, -1.5, 3.141592653589793, 1e308, .leastNonzeroMagnitude, .greatestFiniteMagnitude, Double(Int64(1) << 53)] {
                #expect(context.toNumber(context.number(number)) == number)
            }
            context.setGlobal("negativeZero", context.number(-0.0))
            #expect(context.check("Object.is(negativeZero, -0)"))
            #expect(context.toNumber(context.value("-0"))?.sign == .minus)
            #expect(context.toNumber(context.number(.nan))?.isNaN == true)
            #expect(context.toNumber(context.value("0/0"))?.isNaN == true)
            #expect(context.toNumber(context.value("-Infinity")) == -.infinity)
            #expect(context.type(of: context.number(2)) == kJSTypeNumber)
            #expect(context.toNumber(context.value("2 ** 53 + 2")) == 9_007_199_254_740_994)
        }
    }

    @Test("strings round-trip: ASCII, non-ASCII, astral, empty, embedded NUL")
    func strings() {
        withEngine { _, context in
            for text in ["", "plain", "héllo wörld", "日本語", "emoji 🎉👩‍👩‍👧", "nul\u{0}inside", "line\nbreak"] {
                let value = context.string(text)
                #expect(context.type(of: value) == kJSTypeString)
                #expect(context.toSwiftString(value) == text)
                context.setGlobal("s", value)
                // JS sees the same UTF-16 code units Swift sent.
                let units = Array(text.utf16).map(String.init).joined(separator: ",")
                #expect(context.check("[...Array(s.length).keys()].map(i => s.charCodeAt(i)).join(',') === '\(units)'"))
            }
            // From JS to Swift.
            #expect(context.toSwiftString(context.value("'caf\\u00e9 \\u{1F600}'")) == "café 😀")
            #expect(context.toSwiftString(context.value("String.fromCodePoint(0x10FFFF)")) == "\u{10FFFF}")
        }
    }

    @Test("lone surrogates survive inside the engine and become U+FFFD only at the Swift boundary")
    func loneSurrogates() throws {
        try withEngine { _, context in
            let value = context.value("'a\\uD800b\\uDC00'")
            let handle = try #require(context.toStringHandle(value))
            #expect(JSStringGetLength(handle.ref) == 4)
            let units = Array(UnsafeBufferPointer(start: JSStringGetCharactersPtr(handle.ref), count: 4))
            #expect(units == [0x61, 0xD800, 0x62, 0xDC00])
            // A Swift String cannot hold a lone surrogate: each becomes U+FFFD.
            #expect(handle.string == "a\u{FFFD}b\u{FFFD}")
            #expect(handle.withUTF8 { Array($0) } == Array("a\u{FFFD}b\u{FFFD}".utf8))
            // A value passed back into JS unchanged keeps its code units.
            context.setGlobal("back", value)
            #expect(context.check("back === 'a\\uD800b\\uDC00' && back.length === 4"))
            // A surrogate pair stays one code point.
            #expect(context.toSwiftString(context.value("'\\uD83D\\uDE00'")) == "😀")
        }
    }

    @Test("booleans, null and undefined keep their types")
    func otherPrimitives() {
        withEngine { _, context in
            #expect(context.type(of: context.boolean(true)) == kJSTypeBoolean)
            #expect(context.toBoolean(context.boolean(true)))
            #expect(!context.toBoolean(context.boolean(false)))
            #expect(context.type(of: context.null) == kJSTypeNull)
            #expect(context.type(of: context.undefined) == kJSTypeUndefined)
            #expect(context.isNullOrUndefined(context.null))
            #expect(!context.isUndefined(context.null))
            #expect(context.isUndefined(context.value("void 0")))
            #expect(context.type(of: context.value("null")) == kJSTypeNull)
            context.setGlobal("t", context.boolean(true))
            context.setGlobal("n", context.null)
            context.setGlobal("u", context.undefined)
            #expect(context.check("t === true && n === null && u === undefined && 'u' in globalThis"))
            #expect(context.describeType(of: context.value("Symbol('s')")) == "symbol")
            #expect(context.describeType(of: context.value("10n")) == "bigint")
        }
    }

    @Test("a runtime error comes back as .thrown with name, message, stack, sourceURL, line and column")
    func thrownError() {
        withEngine { _, context in
            let source = """
                function outer() {
                  return inner();
                }
                function inner() {
                  throw new TypeError("bad thing");
                }
                outer();
                """
            guard case .thrown(let exception) = context.evaluate(source, sourceURL: "test://engine.js") else {
                Issue.record("expected the script to throw")
                return
            }
            let error = JavaScriptError(thrown: exception, in: context)
            #expect(error.name == "TypeError")
            #expect(error.message == "bad thing")
            #expect(error.sourceURL == "test://engine.js")
            #expect(error.line == 5)
            #expect(error.column == 22)
            let frames = error.stack.split(separator: "\n").map(String.init)
            #expect(frames.count >= 3)
            #expect(frames.first == "inner@test://engine.js:5:22")
            #expect(frames.dropFirst().first?.hasPrefix("outer@test://engine.js:2:") == true)
            #expect(frames.contains { $0.hasPrefix("global code@test://engine.js:7:") })
            #expect(error.description == "TypeError: bad thing (test://engine.js:5:22)")
        }
    }

    @Test("startingLine shifts reported lines")
    func startingLine() {
        withEngine { _, context in
            guard case .thrown(let exception) = context.evaluate("\n\nnull.x", sourceURL: "shifted.js", startingLine: 10) else {
                Issue.record("expected the script to throw")
                return
            }
            let error = JavaScriptError(thrown: exception, in: context)
            #expect(error.name == "TypeError")
            #expect(error.line == 12)
            #expect(error.sourceURL == "shifted.js")
        }
    }

    @Test("a thrown primitive becomes a nameless error carrying its string")
    func thrownPrimitive() {
        withEngine { _, context in
            guard case .thrown(let exception) = context.evaluate("throw 42", sourceURL: "p.js") else {
                Issue.record("expected the script to throw")
                return
            }
            let error = JavaScriptError(thrown: exception, in: context)
            #expect(error == JavaScriptError(name: "", message: "42", thrownValue: .number(42)))
        }
    }

    @Test("a syntax error carries its name, message, sourceURL and line")
    func syntaxError() {
        withEngine { _, context in
            let source = "let a = 1;\nlet b = 2;\nlet c = ;\n"
            guard case .thrown(let exception) = context.evaluate(source, sourceURL: "broken.js") else {
                Issue.record("expected a syntax error")
                return
            }
            let error = JavaScriptError(thrown: exception, in: context)
            #expect(error.name == "SyntaxError")
            #expect(!error.message.isEmpty)
            #expect(error.sourceURL == "broken.js")
            #expect(error.line == 3)
            // Nothing of the broken script ran.
            #expect(context.check("typeof a === 'undefined'"))
        }
    }

    @Test("makeFunction: the closure receives its arguments, missing ones as undefined, and `this`")
    func hostFunctionArguments() {
        withEngine { _, context in
            let seen = SeenCalls()
            let function = context.makeFunction("record") { call throws(HostFunctionError) in
                seen.argumentCounts.append(call.argumentCount)
                seen.arguments.append((0..<3).map { call.context.toSwiftString(call[$0]) })
                let thisObject = call.context.object(call.this)
                seen.thisTags.append(thisObject.map { call.context.toSwiftString(call.context.propertyIgnoringExceptions($0, JSStringHandle("tag"))) } ?? "-")
                return call.context.number(Double(call.argumentCount) * 10)
            }
            context.setGlobal("record", function.value)
            #expect(context.check("typeof record === 'function'"))
            #expect(context.toNumber(context.value("({ tag: 'obj', record }).record(1, 'two')")) == 20)
            #expect(context.toNumber(context.value("record(true, null, undefined, 4)")) == 40)
            #expect(seen.argumentCounts == [2, 4])
            #expect(seen.arguments == [["1", "two", "undefined"], ["true", "null", "undefined"]])
            #expect(seen.thisTags[0] == "obj")
            // The closure outlives the Swift reference: JS keeps the function alive.
            context.collectGarbage()
            #expect(context.toNumber(context.value("record()")) == 0)
        }
    }

    @Test("HostFunctionError.typeError and .rangeError become catchable JS errors")
    func hostFunctionThrows() {
        withEngine { _, context in
            context.setGlobal("failType", context.makeFunction("failType") { _ throws(HostFunctionError) in
                throw .typeError("not the right type")
            }.value)
            context.setGlobal("failRange", context.makeFunction("failRange") { _ throws(HostFunctionError) in
                throw .rangeError("out of range")
            }.value)
            #expect(context.check("""
                (() => { try { failType(); return false; } catch (e) {
                  return e instanceof TypeError && e.constructor === TypeError && e.message === 'not the right type';
                } })()
                """))
            #expect(context.check("""
                (() => { try { failRange(); return false; } catch (e) {
                  return e instanceof RangeError && e.message === 'out of range';
                } })()
                """))
            // Uncaught, it reaches Swift as the same TypeError.
            guard case .thrown(let exception) = context.evaluate("failType()", sourceURL: "t.js") else {
                Issue.record("expected failType() to throw")
                return
            }
            let error = JavaScriptError(thrown: exception, in: context)
            #expect(error.name == "TypeError")
            #expect(error.message == "not the right type")
        }
    }

    @Test("makeFunction gives the function its name")
    func hostFunctionName() {
        withEngine { _, context in
            context.setGlobal("named", context.makeFunction("named") { call throws(HostFunctionError) in call.context.undefined }.value)
            // makeFunction sets `name` with JSObjectSetProperty after giving the function Function.prototype, whose
            // `name` is read-only: the [[Set]] fails silently and no own `name` is created.
            #expect(context.toSwiftString(context.value("named.name")) == "named")
            #expect(context.check("named.bind(null).name === 'bound named'"))
        }
    }

    @Test("call, apply and bind work on host functions")
    func functionPrototypeOnHostFunctions() {
        withEngine { _, context in
            let function = context.makeFunction("describe") { call throws(HostFunctionError) in
                let this = call.context.object(call.this).map {
                    call.context.toSwiftString(call.context.propertyIgnoringExceptions($0, JSStringHandle("tag")))
                } ?? "none"
                let arguments = (0..<call.argumentCount).map { call.context.toSwiftString(call[$0]) }
                return call.context.string(([this] + arguments).joined(separator: ","))
            }
            context.setGlobal("describe", function.value)
            #expect(context.check("Object.getPrototypeOf(describe) === Function.prototype"))
            #expect(context.toSwiftString(context.value("describe.call({ tag: 'c' }, 1, 2)")) == "c,1,2")
            #expect(context.toSwiftString(context.value("describe.apply({ tag: 'a' }, [3])")) == "a,3")
            #expect(context.toSwiftString(context.value("describe.bind({ tag: 'b' }, 'x')('y')")) == "b,x,y")
            #expect(context.toSwiftString(context.value("[1, 2].map(describe, { tag: 'm' }).join('|')")) == "m,1,0,1,2|m,2,1,1,2")
        }
    }

    @Test("a ProtectedValue keeps an object alive across a forced GC; releasing it lets the object go")
    func protectedValueSurvivesGC() throws {
        try withEngine { _, context in
            // Objects made and dropped inside JS, never seen by Swift: the control group that a full GC collects.
            _ = context.value("globalThis.controls = Array.from({ length: 200 }, () => new WeakRef({ junk: [1, 2, 3] })); 0")
            // Made in a separate frame, so the only reference outside the JS heap is inside the ProtectedValue
            // (a ref left in this frame would be found by JSC's conservative stack scan).
            var protected: ProtectedValue? = makeWatchedProtectedObject(context)
            _ = context.value("delete globalThis.target; 0")
            context.collectGarbage()
            let collectedControls = try #require(context.toNumber(context.value("controls.filter(w => w.deref() === undefined).length")))
            #expect(collectedControls > 0, "a forced GC collected nothing, so this test proves nothing")
            #expect(context.check("watcher.deref()?.tag === 'kept'"))
            // Unprotected, the object is garbage like the controls.
            #expect(protected != nil)
            protected = nil
            context.collectGarbage()
            #expect(context.check("watcher.deref() === undefined"))
        }
    }

    @Test("ProtectedFunction refuses non-callables and calls functions with this and arguments")
    func protectedFunction() {
        withEngine { _, context in
            #expect(ProtectedFunction(context.value("({})"), in: context) == nil)
            #expect(ProtectedFunction(context.number(1), in: context) == nil)
            let function = ProtectedFunction(context.value("(function (a, b) { return this.base + a * b; })"), in: context)
            let receiver = context.value("({ base: 100 })")
            guard case .normal(let result)? = function?.call(this: receiver, [context.number(6), context.number(7)]) else {
                Issue.record("call failed")
                return
            }
            #expect(context.toNumber(result) == 142)
        }
    }

    @Test("realms of one group share objects but not globals; instanceof across realms is false")
    func realmsInOneGroup() {
        withEngine { group, context in
            let other = group.makeGlobalContext()
            defer { group.releaseGlobalContext(other) }
            _ = context.value("globalThis.shared = [1, 2, 3]; 0")
            let array = context.value("shared")
            other.setGlobal("fromOther", array)
            #expect(other.check("typeof shared === 'undefined' && fromOther.length === 3 && fromOther[2] === 3"))
            #expect(other.check("!(fromOther instanceof Array) && Array.isArray(fromOther)"))
        }
    }

    @Test("arrays and property helpers")
    func arraysAndProperties() throws {
        try withEngine { _, context in
            guard case .normal(let array) = context.makeArray([context.number(1), context.string("b"), context.null]) else {
                Issue.record("makeArray threw")
                return
            }
            #expect(context.isArray(array))
            context.setGlobal("arr", array)
            #expect(context.check("arr.length === 3 && arr[1] === 'b' && arr[2] === null"))
            let object = try #require(context.object(context.value("({ b: 1, a: 2, [Symbol()]: 3, get c() { return 4; } })")))
            #expect(context.ownEnumerableKeys(object) == ["b", "a", "c"])
            context.setProperty(object, "hidden", context.number(5), .hidden)
            context.setProperty(object, "frozen", context.number(6), .frozen)
            #expect(context.ownEnumerableKeys(object) == ["b", "a", "c"])
            context.setGlobal("o", object.value)
            #expect(context.check("o.hidden === 5 && o.frozen === 6 && (() => { 'use strict'; try { o.frozen = 1; return false; } catch { return true; } })()"))
            let throwing = try #require(context.object(context.value("({ get bad() { throw new Error('getter'); } })")))
            guard case .thrown(let exception) = context.property(throwing, "bad") else {
                Issue.record("a throwing getter did not throw")
                return
            }
            #expect(JavaScriptError(thrown: exception, in: context).message == "getter")
            #expect(context.isUndefined(context.propertyIgnoringExceptions(throwing, JSStringHandle("bad"))))
        }
    }
}

/// Makes `target` in JS, watches it with a WeakRef and protects it from Swift.
@inline(never)
private func makeWatchedProtectedObject(_ context: JSContext) -> ProtectedValue {
    ProtectedValue(context.value("globalThis.target = { tag: 'kept' }; globalThis.watcher = new WeakRef(target); target"), in: context)
}

/// What a host function saw; only touched on the test's thread.
private final class SeenCalls {
    var argumentCounts: [Int] = []
    var arguments: [[String]] = []
    var thisTags: [String] = []
}

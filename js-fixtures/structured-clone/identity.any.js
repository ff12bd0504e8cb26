// Identity, cycles, property order, getters, holes, mutation after cloning.

test(() => {
  const shared = { s: 1 };
  const root = { a: shared, b: [shared, { shared }], m: new Map([["k", shared]]), set: new Set([shared]) };
  root.self = root;
  const c = structuredClone(root);
  assert_equals(c.self, c);
  assert_not_equals(c.a, shared);
  assert_equals(c.b[0], c.a);
  assert_equals(c.b[1].shared, c.a);
  assert_equals(c.m.get("k"), c.a);
  assert_equals([...c.set][0], c.a);
}, "Shared references and cycles keep their identity across containers");

test(() => {
  const a = [];
  const b = { a };
  a.push(b, a);
  const c = structuredClone(b);
  assert_equals(c.a[0], c);
  assert_equals(c.a[1], c.a);
}, "Mutual cycle between an object and an array");

test(() => {
  let deep = {};
  const root = deep;
  for (let i = 0; i < 1000; i++) deep = deep.next = { i };
  const c = structuredClone(root);
  let n = 0;
  for (let p = c.next; p; p = p.next) n++;
  assert_equals(n, 1000);
}, "A 1000-deep chain");

test(() => {
  const o = { b: 1, a: 2, 2: "two", 1: "one", [Symbol("s")]: 3, z: 4 };
  const c = structuredClone(o);
  assert_array_equals(Object.keys(c), ["1", "2", "b", "a", "z"]);
  assert_equals(Object.getOwnPropertySymbols(c).length, 0, "symbol keys are not cloned");
}, "Own enumerable string keys in order; symbol keys dropped");

test(() => {
  const log = [];
  const o = {
    get first() { log.push("first"); return { get inner() { log.push("inner"); return 1; } }; },
    get second() { log.push("second"); return 2; },
  };
  const c = structuredClone(o);
  assert_array_equals(log, ["first", "inner", "second"], "each getter runs once, depth first, in order");
  assert_equals(c.second, 2);
  assert_equals(c.first.inner, 1);
  assert_equals(Object.getOwnPropertyDescriptor(c, "first").value.inner, 1, "copied as data properties");
}, "Getters run once, in order");

test(() => {
  const o = {
    get a() { delete this.b; return 1; },
    b: 2,
    c: 3,
  };
  const c = structuredClone(o);
  assert_array_equals(Object.keys(c), ["a", "c"], "a property deleted by an earlier getter is skipped");
}, "A property deleted during cloning is skipped");

test(() => {
  const err = new RangeError("boom");
  const o = { a: 1, get b() { throw err; } };
  assert_throws_exactly(err, () => structuredClone(o));
  const nested = [{ x: { get y() { throw 42; } } }];
  assert_throws_exactly(42, () => structuredClone(nested));
}, "A throwing getter's exception propagates unchanged");

test(() => {
  const arr = [1, , 3];
  arr[10] = "ten";
  arr.named = "n";
  const c = structuredClone(arr);
  assert_equals(c.length, 11);
  assert_false(1 in c, "hole kept");
  assert_false(5 in c, "hole kept");
  assert_equals(c[10], "ten");
  assert_equals(c.named, "n");
  assert_array_equals(Object.keys(c), ["0", "2", "10", "named"]);
}, "Array holes, length and extra properties");

test(() => {
  const arr = [];
  arr.length = 5;
  const c = structuredClone(arr);
  assert_equals(c.length, 5);
  assert_equals(Object.keys(c).length, 0);
}, "Array length with only holes");

test(() => {
  const arr = [];
  arr[4294967294] = "last";
  arr[100000] = "mid";
  const c = structuredClone(arr);
  assert_equals(c.length, 4294967295);
  assert_equals(c[4294967294], "last");
  assert_equals(c[100000], "mid");
  assert_array_equals(Object.keys(c), ["100000", "4294967294"]);
}, "Huge sparse array");

test(() => {
  const arr = [1, 2, 3];
  Object.defineProperty(arr, 1, { value: 2, enumerable: false });
  const c = structuredClone(arr);
  assert_false(1 in c, "non-enumerable index is not cloned");
  assert_equals(c[2], 3);
}, "Non-enumerable array index is not cloned");

test(() => {
  const log = [];
  const arr = [0, 1];
  Object.defineProperty(arr, 0, { get() { log.push(0); return "g"; }, enumerable: true });
  arr.x = 1;
  Object.defineProperty(arr, "y", { get() { log.push("y"); return "yy"; }, enumerable: true });
  const c = structuredClone(arr);
  assert_array_equals(log, [0, "y"]);
  assert_equals(c[0], "g");
  assert_equals(c.y, "yy");
}, "Array accessors run once; indices before named properties");

test(() => {
  const o = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
  const c = structuredClone(o);
  assert_equals(Object.getPrototypeOf(c), Object.prototype, "prototype not changed");
  assert_own_property(c, "__proto__");
  assert_equals(c.__proto__.polluted, true);
  assert_equals({}.polluted, undefined);
}, "An own __proto__ key is cloned as a data property");

test(() => {
  const o = { "": "empty", "1e3": "x", "01": "y", "-1": "z" };
  const c = structuredClone(o);
  assert_equals(c[""], "empty");
  assert_equals(c["1e3"], "x");
  assert_equals(c["01"], "y");
  assert_equals(c["-1"], "z");
  const a = [];
  a["01"] = 1;
  a["4294967295"] = 2;
  const ca = structuredClone(a);
  assert_equals(ca.length, 0);
  assert_equals(ca["01"], 1);
  assert_equals(ca["4294967295"], 2);
}, "Keys that look like numbers");

test(() => {
  const o = { list: [1, { x: 1 }], map: new Map([["a", { y: 1 }]]), date: new Date(1), buf: new Uint8Array([1]) };
  const c = structuredClone(o);
  o.list[1].x = 2;
  o.list.push(3);
  o.map.get("a").y = 2;
  o.map.set("b", 1);
  o.date.setTime(2);
  o.buf[0] = 2;
  assert_equals(c.list[1].x, 1);
  assert_equals(c.list.length, 2);
  assert_equals(c.map.get("a").y, 1);
  assert_false(c.map.has("b"));
  assert_equals(c.date.getTime(), 1);
  assert_equals(c.buf[0], 1);
}, "Mutating the original afterwards does not change the clone");

test(() => {
  const o = Object.freeze({ a: Object.freeze([1]) });
  const c = structuredClone(o);
  assert_false(Object.isFrozen(c));
  c.a.push(2);
  assert_equals(c.a.length, 2);
}, "Frozen objects clone as ordinary mutable objects");

test(() => {
  let inner;
  const o = { get a() { inner = structuredClone({ nested: [1, 2] }); return 1; }, b: { c: 2 } };
  o.b.self = o.b;
  const c = structuredClone(o);
  assert_equals(inner.nested[1], 2);
  assert_equals(c.b.self, c.b, "outer clone unaffected by a nested clone from a getter");
}, "structuredClone called from a getter during a clone");

test(() => {
  const mapped = (function (a) { return arguments; })(1, "two");
  const unmapped = (function () { "use strict"; return arguments; })(1);
  assert_throws_dom("DataCloneError", () => structuredClone(mapped));
  assert_throws_dom("DataCloneError", () => structuredClone(unmapped));
}, "An arguments object is not serializable");

test(() => {
  const m = new Map([[1, { get g() { m.set(2, 2); return "g"; } }]]);
  const c = structuredClone(m);
  assert_equals(c.size, 1, "entries added while cloning are not cloned");
  assert_equals(c.get(1).g, "g");
}, "Map entries are copied before their contents are cloned");

test(() => {
  const a = [1, 2, 3];
  Object.defineProperty(a, 0, { value: 1, enumerable: false });
  a.x = "x";
  const c = structuredClone(a);
  assert_false(0 in c);
  assert_equals(c[1], 2);
  assert_equals(c.x, "x");
}, "Non-enumerable first index with a named property");

test(() => {
  const a = new Array(5000);
  a[4999] = 1;
  a.q = 2;
  const c = structuredClone(a);
  assert_equals(c.length, 5000);
  assert_equals(c[4999], 1);
  assert_array_equals(Object.keys(c), ["4999", "q"]);
}, "Mostly-holes array with a named property");

test(() => {
  const a = [1, 2, 3];
  Object.defineProperty(a, 2, { get() { delete a[0]; return 3; }, enumerable: true });
  a.y = 1;
  const c = structuredClone(a);
  assert_equals(c[0], 1, "index 0 was read before it was deleted");
  assert_equals(c[2], 3);
  assert_equals(c.y, 1);
}, "A getter deletes an index that was already cloned");

// File API §4: the File constructor, name, lastModified.

test(() => {
  const before = Date.now();
  const f = new File(["ab", new Blob(["c"])], "name.txt", { type: "TEXT/plain" });
  const after = Date.now();
  assert_true(f instanceof Blob && f instanceof File);
  assert_equals(f.name, "name.txt");
  assert_equals(f.size, 3);
  assert_equals(f.type, "text/plain");
  assert_true(f.lastModified >= before && f.lastModified <= after, "defaults to now");
  assert_equals(Object.prototype.toString.call(f), "[object File]");
}, "new File(bits, name, options)");

test(() => {
  assert_equals(new File([], "x", { lastModified: 42 }).lastModified, 42);
  assert_equals(new File([], "x", { lastModified: -1.9 }).lastModified, -1);
  assert_equals(new File([], "x", { lastModified: NaN }).lastModified, 0);
  assert_equals(new File([], "a/b\ud800").name, "a/b\ufffd", "name is a USVString, slashes kept");
}, "lastModified is a long long; name is a USVString");

test(() => {
  const order = [];
  new File([], { toString() { order.push("name"); return "n"; } }, {
    get type() { order.push("type"); return ""; },
    get endings() { order.push("endings"); return "transparent"; },
    get lastModified() { order.push("lastModified"); return 1; },
  });
  assert_array_equals(order, ["name", "endings", "lastModified", "type"]);
}, "Arguments are converted in order; FilePropertyBag members in lexicographic order");

test(() => {
  assert_throws_js(TypeError, () => new File([]), "two arguments required");
  assert_throws_js(TypeError, () => File([], "x"), "called without new");
  assert_equals(File.length, 2);
  assert_equals(Object.getPrototypeOf(File), Blob);
  const name = Object.getOwnPropertyDescriptor(File.prototype, "name");
  assert_true(name.enumerable);
  assert_throws_js(TypeError, () => name.get.call(new Blob()), "a Blob is not a File");
}, "File is WebIDL-shaped and inherits from Blob");

promise_test(async () => {
  const f = new File(["hello world"], "f.txt", { type: "text/plain", lastModified: 7 });
  const s = f.slice(6);
  assert_false(s instanceof File, "a slice of a File is a Blob");
  assert_equals(await s.text(), "world");
}, "slice() of a File gives a Blob");

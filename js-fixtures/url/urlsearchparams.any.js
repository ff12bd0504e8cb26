// URL Standard §6.2 URLSearchParams and §5 application/x-www-form-urlencoded.

test(() => {
  assert_equals(new URLSearchParams().toString(), "");
  assert_equals(new URLSearchParams("?a=1&b=2").toString(), "a=1&b=2", "a leading ? is dropped");
  assert_equals(new URLSearchParams("a=1&&b&=c").toString(), "a=1&b=&=c");
  assert_equals(new URLSearchParams([["x", "1"], ["x", "2"]]).getAll("x").join(), "1,2");
  assert_equals(new URLSearchParams({ k: "v", n: 1 }).toString(), "k=v&n=1");
  assert_equals(new URLSearchParams(new URLSearchParams("q=1")).toString(), "q=1", "another URLSearchParams is iterable");
  assert_throws_js(TypeError, () => new URLSearchParams([["a"]]));
  assert_throws_js(TypeError, () => new URLSearchParams([["a", "b", "c"]]));
}, "Constructor: string, sequence of pairs, record");

test(() => {
  const p = new URLSearchParams("a=%20b+c&%E2%82%AC=%zz&x=%C3");
  assert_equals(p.get("a"), " b c", "+ is a space; percent-decoding");
  assert_equals(p.get("\u20ac"), "%zz", "a bad escape is kept");
  assert_equals(p.get("x"), "\ufffd", "invalid UTF-8 becomes U+FFFD");
}, "Parsing decodes + and percent escapes as UTF-8");

test(() => {
  const p = new URLSearchParams();
  p.append("sp ace", "a+b=c&d\u00e9~*-._!'()");
  assert_equals(p.toString(), "sp+ace=a%2Bb%3Dc%26d%C3%A9%7E*-._%21%27%28%29");
}, "Serializing uses the application/x-www-form-urlencoded percent-encode set");

test(() => {
  const p = new URLSearchParams("a=1&b=2&a=3");
  assert_equals(p.size, 3);
  assert_equals(p.get("a"), "1");
  assert_equals(p.get("none"), null);
  assert_array_equals(p.getAll("a"), ["1", "3"]);
  assert_true(p.has("b"));
  assert_true(p.has("a", "3"));
  assert_false(p.has("a", "2"));
  p.set("a", "x");
  assert_equals(p.toString(), "a=x&b=2", "set replaces the first and removes the rest");
  p.append("c", "1");
  p.append("c", "2");
  p.delete("c", "1");
  assert_equals(p.toString(), "a=x&b=2&c=2");
  p.delete("c");
  assert_false(p.has("c"));
}, "get, getAll, has, set, append, delete (with value)");

test(() => {
  const p = new URLSearchParams("z=1&a=2&\ud83d\ude00=3&\uff41=4&a=1");
  p.sort();
  assert_array_equals([...p.keys()], ["a", "a", "z", "\ud83d\ude00", "\uff41"], "by code units, stable");
  assert_array_equals([...p.values()].slice(0, 2), ["2", "1"]);
}, "sort() is stable and orders by code units");

test(() => {
  const p = new URLSearchParams("a=1&b=2");
  const seen = [];
  p.forEach(function (value, key, obj) { seen.push([key, value, obj === p, this.t]); }, { t: "this" });
  assert_equals(JSON.stringify(seen), JSON.stringify([["a", "1", true, "this"], ["b", "2", true, "this"]]));
  const it = p.entries();
  assert_equals(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
  assert_array_equals(it.next().value, ["a", "1"]);
  p.append("c", "3");
  assert_array_equals(it.next().value, ["b", "2"]);
  assert_array_equals(it.next().value, ["c", "3"], "iteration is live");
  assert_true(it.next().done);
  assert_equals(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);
  assert_equals(Object.getPrototypeOf(Object.getPrototypeOf(it)), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
}, "Iteration: forEach, entries/keys/values, live iterators");

test(() => {
  assert_throws_js(TypeError, () => URLSearchParams.prototype.get.call({}, "a"));
  assert_throws_js(TypeError, () => new URLSearchParams().append("a"));
  assert_equals(Object.prototype.toString.call(new URLSearchParams()), "[object URLSearchParams]");
  assert_true(Object.getOwnPropertyDescriptor(URLSearchParams.prototype, "size").enumerable);
}, "URLSearchParams is WebIDL-shaped");

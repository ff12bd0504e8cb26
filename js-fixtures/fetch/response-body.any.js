// Fetch §5.5 Response over in-memory bodies (jshost has no networking) and §5.2 Headers.

promise_test(async (t) => {
  const blob = new Blob(["h\u00e9"], { type: "Text/Plain" });
  const r = new Response(blob);
  assert_equals(r.status, 200);
  assert_true(r.ok);
  assert_equals(r.statusText, "");
  assert_equals(r.type, "default");
  assert_equals(r.headers.get("content-type"), "text/plain", "the Blob's type (Blob lowercased it)");
  assert_false(r.bodyUsed);
  const buffer = await r.arrayBuffer();
  assert_true(r.bodyUsed);
  assert_array_equals([...new Uint8Array(buffer)], [0x68, 0xc3, 0xa9]);
  await promise_rejects_js(t, TypeError, r.text(), "a body is read once");
}, "A Blob body: bytes, content type, bodyUsed");

promise_test(async () => {
  assert_equals(await new Response("text \u20ac").text(), "text \u20ac");
  assert_equals(new Response("x").headers.get("Content-Type"), "text/plain;charset=UTF-8");
  assert_deep_equals_json(await new Response('{"a":[1,2]}').json(), { a: [1, 2] });
  assert_array_equals([...await new Response(new Uint16Array([0x0201])).bytes()], [1, 2]);
  const params = new URLSearchParams("a=b c");
  const r = new Response(params);
  assert_equals(r.headers.get("content-type"), "application/x-www-form-urlencoded;charset=UTF-8");
  assert_equals(await r.text(), "a=b+c");
  assert_equals(await new Response().text(), "", "a null body reads as empty");
  const b = await new Response("abc", { headers: { "Content-Type": "A/B" } }).blob();
  assert_true(b instanceof Blob);
  assert_equals(b.type, "a/b");
  assert_equals(await b.text(), "abc");
}, "String, JSON, buffer, URLSearchParams and null bodies; blob()");

function assert_deep_equals_json(actual, expected) {
  assert_equals(JSON.stringify(actual), JSON.stringify(expected));
}

test(() => {
  assert_equals(new Response(null, { status: 404, statusText: "Not Found" }).status, 404);
  assert_false(new Response(null, { status: 404 }).ok);
  assert_throws_js(RangeError, () => new Response(null, { status: 199 }));
  assert_throws_js(RangeError, () => new Response(null, { status: 600 }));
  assert_throws_js(TypeError, () => new Response(null, { statusText: "bad\n" }));
  assert_throws_js(TypeError, () => new Response("body", { status: 204 }), "null body status with a body");
  const e = Response.error();
  assert_equals(e.type, "error");
  assert_equals(e.status, 0);
  assert_throws_js(TypeError, () => e.headers.set("a", "b"), "immutable headers");
  const j = Response.json({ x: 1 }, { status: 201 });
  assert_equals(j.status, 201);
  assert_equals(j.headers.get("content-type"), "application/json");
  const redirect = Response.redirect("https://example.com/x", 301);
  assert_equals(redirect.headers.get("location"), "https://example.com/x");
  assert_throws_js(RangeError, () => Response.redirect("https://example.com/", 200));
}, "status, statusText, Response.error/json/redirect");

promise_test(async () => {
  const r = new Response("once");
  const c = r.clone();
  assert_equals(await r.text(), "once");
  assert_equals(await c.text(), "once");
  assert_throws_js(TypeError, () => r.clone(), "a used body cannot be cloned");
}, "clone()");

test(() => {
  const h = new Headers([["B", "1"], ["a", " 2 "]]);
  h.append("b", "3");
  assert_equals(h.get("b"), "1, 3");
  assert_equals(h.get("A"), "2", "values are trimmed");
  assert_true(h.has("a"));
  assert_equals(JSON.stringify([...h]), JSON.stringify([["a", "2"], ["b", "1, 3"]]), "sorted, lowercased, combined");
  h.set("b", "x");
  assert_equals(h.get("b"), "x");
  h.delete("B");
  assert_false(h.has("b"));
  h.append("Set-Cookie", "a=1");
  h.append("Set-Cookie", "b=2");
  assert_array_equals(h.getSetCookie(), ["a=1", "b=2"]);
  assert_throws_js(TypeError, () => h.append("bad name", "v"));
  assert_throws_js(TypeError, () => h.append("n", "a\nb"));
  assert_equals(new Headers({ X: "y" }).get("x"), "y");
  const r = new Response(null, { headers: { "Set-Cookie": "c=1", Other: "o" } });
  assert_false(r.headers.has("set-cookie"), "a Response's headers drop Set-Cookie");
  assert_true(r.headers.has("other"));
}, "Headers");

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new Response()));
  assert_throws_dom("DataCloneError", () => structuredClone(new Headers()));
  assert_throws_dom("DataCloneError", () => structuredClone(new URL("http://x/")));
  assert_throws_dom("DataCloneError", () => structuredClone(new TextEncoder()));
  assert_throws_dom("DataCloneError", () => structuredClone(crypto));
}, "Response, Headers and the other new platform objects are not serializable");

test(() => {
  assert_equals(Object.prototype.toString.call(new Response()), "[object Response]");
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(Response.prototype, "status").get.call({}));
  assert_throws_js(TypeError, () => Response());
  assert_equals(new Response().body, null, "no ReadableStream in jshost");
}, "Response is WebIDL-shaped");

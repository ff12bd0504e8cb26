// URL Standard §6.1: the URL object's getters and setters, toJSON, searchParams; File API §8 blob: URLs.

test(() => {
  const u = new URL("https://user:pw@example.com:8080/p/a?q=1#h");
  assert_equals(u.origin, "https://example.com:8080");
  assert_equals(u.protocol, "https:");
  assert_equals(u.username, "user");
  assert_equals(u.password, "pw");
  assert_equals(u.host, "example.com:8080");
  assert_equals(u.hostname, "example.com");
  assert_equals(u.port, "8080");
  assert_equals(u.pathname, "/p/a");
  assert_equals(u.search, "?q=1");
  assert_equals(u.hash, "#h");
  assert_equals(u.toJSON(), u.href);
  assert_equals(String(u), u.href);
  assert_equals(JSON.stringify({ u }), `{"u":"${u.href}"}`);
}, "Getters");

test(() => {
  const u = new URL("http://example.com/?#");
  assert_equals(u.search, "", "an empty query reads as empty");
  assert_equals(u.hash, "");
  assert_equals(u.href, "http://example.com/?#");
  assert_equals(new URL("file:///x").origin, "null");
  assert_equals(new URL("blob:https://a.example:444/uuid").origin, "https://a.example:444");
  assert_equals(new URL("blob:file:///uuid").origin, "null");
  assert_equals(new URL("data:,x").origin, "null");
}, "Edge cases of query, fragment and origin");

test(() => {
  const u = new URL("http://example.com/a");
  u.protocol = "https";
  assert_equals(u.href, "https://example.com/a");
  u.protocol = "ftp:ignored";
  assert_equals(u.protocol, "ftp:");
  u.protocol = "non-special";
  assert_equals(u.protocol, "ftp:", "cannot switch between special and non-special");
  u.protocol = "1bad";
  assert_equals(u.protocol, "ftp:");
  const p = new URL("http://example.com:443/");
  p.protocol = "https";
  assert_equals(p.port, "", "the new scheme's default port is dropped");
  const f = new URL("http://u@x/");
  f.protocol = "file";
  assert_equals(f.protocol, "http:", "a URL with credentials cannot become file:");
}, "protocol setter");

test(() => {
  const u = new URL("http://example.com/");
  u.username = "us er";
  u.password = "p@ss:";
  assert_equals(u.href, "http://us%20er:p%40ss%3A@example.com/");
  const f = new URL("file:///x");
  f.username = "a";
  assert_equals(f.href, "file:///x", "file: URLs cannot have credentials");
}, "username and password setters");

test(() => {
  const u = new URL("http://example.com:81/p");
  u.host = "other.org:82";
  assert_equals(u.href, "http://other.org:82/p");
  u.hostname = "third.net:99";
  assert_equals(u.href, "http://other.org:82/p", "a ':' invalidates the whole hostname value");
  u.hostname = "third.net";
  u.host = "";
  assert_equals(u.host, "third.net:82", "a special URL cannot lose its host");
  u.port = "8080";
  assert_equals(u.port, "8080");
  u.port = "80";
  assert_equals(u.port, "", "the default port");
  u.port = "12abc";
  assert_equals(u.port, "12", "digits up to the first non-digit");
  u.port = "99999";
  assert_equals(u.port, "12", "out of range: unchanged");
  u.port = "";
  assert_equals(u.port, "");
  u.host = "[::1]:5";
  assert_equals(u.host, "[::1]:5");
  const m = new URL("mailto:x@y");
  m.host = "h";
  assert_equals(m.href, "mailto:x@y", "an opaque path URL has no host to set");
}, "host, hostname and port setters");

test(() => {
  const u = new URL("http://example.com/a/b?q#f");
  u.pathname = "x/../y z";
  assert_equals(u.pathname, "/y%20z");
  u.search = "a=1&b=2";
  assert_equals(u.search, "?a=1&b=2");
  assert_equals(u.searchParams.get("b"), "2");
  u.search = "";
  assert_equals(u.href, "http://example.com/y%20z#f");
  assert_equals(u.searchParams.size, 0);
  u.hash = "#new frag";
  assert_equals(u.hash, "#new%20frag");
  u.hash = "";
  assert_equals(u.href, "http://example.com/y%20z");
  u.href = "https://replaced.org/?k=v";
  assert_equals(u.searchParams.get("k"), "v", "href replaces the query list too");
  assert_throws_js(TypeError, () => { u.href = "not a url"; });
}, "pathname, search, hash and href setters");

test(() => {
  const u = new URL("http://example.com/?a=1");
  const params = u.searchParams;
  assert_equals(u.searchParams, params, "[SameObject]");
  params.append("b", "x y&z");
  assert_equals(u.search, "?a=1&b=x+y%26z");
  params.delete("a");
  assert_equals(u.href, "http://example.com/?b=x+y%26z");
  params.delete("b");
  assert_equals(u.href, "http://example.com/", "an empty list clears the query");
}, "searchParams updates the URL");

test(() => {
  const blob = new Blob(["x"]);
  const url = URL.createObjectURL(blob);
  assert_regexp_match(url, /^blob:null\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert_not_equals(URL.createObjectURL(blob), url, "each call makes a new URL");
  assert_equals(new URL(url).protocol, "blob:");
  URL.revokeObjectURL(url);
  URL.revokeObjectURL("not a url");
  URL.revokeObjectURL("https://example.com/");
  assert_throws_js(TypeError, () => URL.createObjectURL("string"));
  assert_throws_js(TypeError, () => URL.createObjectURL());
}, "createObjectURL and revokeObjectURL (file: scripts have origin null)");

test(() => {
  assert_equals(URL.length, 1);
  assert_equals(Object.prototype.toString.call(new URL("a:b")), "[object URL]");
  const href = Object.getOwnPropertyDescriptor(URL.prototype, "href");
  assert_true(href.enumerable && href.configurable && typeof href.set === "function");
  assert_throws_js(TypeError, () => href.get.call({}));
  assert_throws_js(TypeError, () => URL("http://x/"));
  for (const name of ["canParse", "parse", "createObjectURL", "revokeObjectURL"]) {
    assert_true(Object.getOwnPropertyDescriptor(URL, name).enumerable, name);
  }
  assert_equals(URL.parse.length, 1);
  assert_true(URL.parse("http://x/") instanceof URL);
}, "URL is WebIDL-shaped");

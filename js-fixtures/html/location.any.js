// HTML §7.10.4 location: the test file's own file: URL (jshost test passes it as RealmOptions.url).

test(() => {
  assert_equals(location.protocol, "file:");
  assert_true(location.href.startsWith("file:///"), location.href);
  assert_true(location.href.endsWith("/js-fixtures/html/location.any.js"), location.href);
  assert_equals(location.pathname, new URL(location.href).pathname);
  assert_equals(String(location), location.href);
  assert_equals(location.host, "");
  assert_equals(location.hostname, "");
  assert_equals(location.port, "");
  assert_equals(location.search, "");
  assert_equals(location.hash, "");
}, "location is the script's file URL");

test(() => {
  assert_equals(location.origin, "null", "file: URLs have an opaque origin");
  assert_equals(new URL(location.href).origin, "null");
}, "location.origin of a file: URL is \"null\"");

if (GLOBAL.isWindow()) {
  test(() => {
    assert_true(location instanceof Location);
    assert_equals(location, location);
    assert_throws_js(TypeError, () => new Location());
    const d = Object.getOwnPropertyDescriptor(globalThis, "location");
    assert_false(d.configurable, "[LegacyUnforgeable]");
    assert_equals(typeof d.get, "function");
    assert_throws_dom("NotSupportedError", () => location.assign("http://example.com/"));
    assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(Location.prototype, "href").get.call({}));
  }, "Location is WebIDL-shaped; jshost does not navigate");
} else {
  test(() => {
    assert_true(location instanceof WorkerLocation);
    assert_equals(location, location);
    assert_throws_js(TypeError, () => new WorkerLocation());
    assert_equals(Object.prototype.toString.call(location), "[object WorkerLocation]");
    assert_false("assign" in location, "a worker's location does not navigate");
    assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(WorkerLocation.prototype, "href").get.call({}));
  }, "WorkerLocation is WebIDL-shaped");
}

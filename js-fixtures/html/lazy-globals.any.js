// jshost evaluates the Encoding/File API/URL/fetch modules when one of their globals is first read
// (web-loader.js). After that first read the globals are ordinary WebIDL interface properties.

test(() => {
  const C = URLSearchParams;
  const d = Object.getOwnPropertyDescriptor(globalThis, "URLSearchParams");
  assert_equals(d.value, C, "a data property after the first read");
  assert_true(d.writable);
  assert_false(d.enumerable);
  assert_true(d.configurable);
  assert_equals(URLSearchParams, C, "the same object every time");
  const url = Object.getOwnPropertyDescriptor(globalThis, "URL");
  assert_equals(url.value, URL, "its module's other interface too");
}, "Reading an interface global installs the WebIDL data property");

test(() => {
  globalThis.Headers = "replaced";
  assert_equals(Headers, "replaced", "assignment before the first read wins");
  new Response(); // loads response.js, which defines Headers too
  assert_equals(Headers, "replaced", "loading the module later does not clobber it");
  assert_true(new Response().headers instanceof Object, "Response still works");
}, "A script's own value for a not-yet-loaded global is kept");

test(() => {
  delete globalThis.ProgressEvent;
  assert_false("ProgressEvent" in globalThis);
  assert_equals(typeof FileReader, "function", "the module still loads");
  assert_false("ProgressEvent" in globalThis, "a deleted global stays deleted");
}, "A deleted lazy global stays deleted");

test(() => {
  const a = Object.getOwnPropertyDescriptor(globalThis, "atob");
  assert_equals(typeof a.value, "function", "atob is a data property from the start");
  assert_equals(a.value.name, "atob");
  assert_equals(a.value.length, 1);
  assert_equals(atob("YQ=="), "a");
  assert_equals(Object.getOwnPropertyDescriptor(globalThis, "atob").value, a.value, "and keeps its identity");
}, "atob/btoa are permanent functions");

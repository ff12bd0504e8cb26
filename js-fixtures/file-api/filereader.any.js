// File API §6 FileReader: the readAs* methods, the event sequence, abort(), and ProgressEvent.

function read(method, blob, ...args) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const events = [];
    for (const type of ["loadstart", "progress", "load", "abort", "error", "loadend"]) {
      reader.addEventListener(type, (e) => {
        events.push(type);
        if (type === "loadend") resolve({ reader, events, result: reader.result });
      });
    }
    reader[method](blob, ...args);
    assert_equals(reader.readyState, FileReader.LOADING);
    assert_equals(reader.result, null, "no result while loading");
  });
}

promise_test(async () => {
  const { reader, events, result } = await read("readAsText", new Blob(["h\u00e9llo"]));
  assert_equals(result, "h\u00e9llo");
  assert_array_equals(events, ["loadstart", "progress", "load", "loadend"]);
  assert_equals(reader.readyState, FileReader.DONE);
  assert_equals(reader.error, null);
}, "readAsText: the result and the event sequence");

promise_test(async () => {
  const { events, result } = await read("readAsText", new Blob([]));
  assert_equals(result, "");
  assert_array_equals(events, ["loadstart", "load", "loadend"], "no progress for an empty Blob");
}, "Reading an empty Blob");

promise_test(async () => {
  const utf16 = new Blob([new Uint8Array([0x61, 0x00, 0x62, 0x00])]);
  assert_equals((await read("readAsText", utf16, "utf-16le")).result, "ab");
  assert_equals((await read("readAsText", new Blob(["\u00e9"]), "no-such-label")).result, "\u00e9", "unknown label → UTF-8");
  const bom = new Blob([new Uint8Array([0xfe, 0xff, 0x00, 0x63])]);
  assert_equals((await read("readAsText", bom)).result, "c", "a BOM picks the encoding");
  const typed = new Blob([new Uint8Array([0x64, 0x00])], { type: "text/plain;charset=UTF-16LE" });
  assert_equals((await read("readAsText", typed)).result, "d", "the type's charset is used");
}, "readAsText encodings");

promise_test(async () => {
  const { result } = await read("readAsArrayBuffer", new Blob([new Uint8Array([1, 2, 3])]));
  assert_true(result instanceof ArrayBuffer);
  assert_array_equals([...new Uint8Array(result)], [1, 2, 3]);
  assert_equals((await read("readAsBinaryString", new Blob([new Uint8Array([0x41, 0xff])]))).result, "A\u00ff");
  assert_equals((await read("readAsDataURL", new Blob(["hi"], { type: "text/plain" }))).result, "data:text/plain;base64,aGk=");
  assert_equals((await read("readAsDataURL", new Blob(["hi"]))).result, "data:application/octet-stream;base64,aGk=");
}, "readAsArrayBuffer, readAsBinaryString, readAsDataURL");

promise_test(async () => {
  const reader = new FileReader();
  const events = [];
  for (const type of ["loadstart", "load", "abort", "loadend"]) reader.addEventListener(type, () => events.push(type));
  reader.readAsText(new Blob(["x"]));
  assert_throws_dom("InvalidStateError", () => reader.readAsText(new Blob(["y"])), "a second read while loading");
  reader.abort();
  assert_array_equals(events, ["abort", "loadend"], "abort and loadend fire at once");
  assert_equals(reader.readyState, FileReader.DONE);
  assert_equals(reader.result, null);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert_array_equals(events, ["abort", "loadend"], "the aborted read's tasks never run");
}, "abort() while loading");

promise_test(async () => {
  const reader = new FileReader();
  let seen = null;
  reader.onload = (e) => { seen = e; };
  const done = new Promise((resolve) => { reader.onloadend = resolve; });
  reader.readAsText(new Blob(["abcd"]));
  await done;
  assert_true(seen instanceof ProgressEvent);
  assert_true(seen.lengthComputable);
  assert_equals(seen.loaded, 4);
  assert_equals(seen.total, 4);
  assert_true(seen.isTrusted);
}, "Events are trusted ProgressEvents; on* handlers work");

test(() => {
  const e = new ProgressEvent("x", { lengthComputable: 1, loaded: 5.7, total: -0 });
  assert_true(e.lengthComputable);
  assert_equals(e.loaded, 5);
  assert_equals(e.total, 0);
  assert_throws_js(TypeError, () => new ProgressEvent());
  assert_equals(FileReader.EMPTY, 0);
  assert_equals(FileReader.prototype.DONE, 2);
  assert_throws_js(TypeError, () => new FileReader().readAsText("not a blob"));
  assert_throws_js(TypeError, () => FileReader.prototype.abort.call({}));
  assert_true(new FileReader() instanceof EventTarget);
}, "ProgressEvent and FileReader are WebIDL-shaped");

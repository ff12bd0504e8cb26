// Structured clone in the corners: the key list of an array is fixed before any getter runs, length-tracking
// views of resizable buffers are told apart from fixed-length ones exactly, a DOMException is cloned from its
// internal slots, and a view outside its buffer cannot be cloned.

function getterAt(array, index, get) {
  Object.defineProperty(array, index, { get, enumerable: true, configurable: true });
}

test(() => {
  const array = [0, , 2]; // a hole at 1
  getterAt(array, 0, () => {
    array[1] = "added by a getter";
    array.extra = "added by a getter";
    return "zero";
  });
  const copy = structuredClone(array);
  assert_equals(copy.length, 3);
  assert_equals(copy[0], "zero");
  assert_false(Object.hasOwn(copy, 1), "the hole was filled after the keys were read");
  assert_equals(copy[2], 2);
  assert_false(Object.hasOwn(copy, "extra"), "the key was added after the keys were read");
}, "array: an element or key a getter adds is not cloned (holey array)");

test(() => {
  const array = [0, 1];
  array.named = "n";
  getterAt(array, 0, () => {
    array.push("pushed");
    array.later = "added";
    return "zero";
  });
  const copy = structuredClone(array);
  assert_equals(copy.length, 2);
  assert_array_equals(Object.keys(copy), ["0", "1", "named"]);
  assert_equals(copy.named, "n");
}, "array: an element or key a getter adds is not cloned (dense array)");

test(() => {
  const array = ["a", "b", "c"];
  array.named = "n";
  getterAt(array, 0, () => {
    delete array[2];
    delete array.named;
    return "zero";
  });
  const copy = structuredClone(array);
  assert_equals(copy.length, 3);
  assert_equals(copy[1], "b");
  assert_false(Object.hasOwn(copy, 2), "deleted before it was read");
  assert_false(Object.hasOwn(copy, "named"), "deleted before it was read");
}, "array: an element or key a getter deletes before it is read is not cloned");

test(() => {
  const sparse = [];
  sparse[5] = "five";
  sparse[1e6] = "million";
  sparse.named = "n";
  const copy = structuredClone(sparse);
  assert_equals(copy.length, 1e6 + 1);
  assert_array_equals(Object.keys(copy), ["5", "1000000", "named"]);
  const hidden = [1, 2, 3];
  Object.defineProperty(hidden, 1, { value: 2, enumerable: false });
  assert_array_equals(Object.keys(structuredClone(hidden)), ["0", "2"]);
}, "array: sparse arrays and non-enumerable indices");

// Every observable fact about a view: out of bounds or not, and its offset and length.
function describeView(view) {
  try {
    if (view instanceof DataView) return `${view.byteOffset}+${view.byteLength}`;
    if (view.length === 0) view.includes(0); // throws when out of bounds
    return `${view.byteOffset}+${view.length}`;
  } catch {
    return "out of bounds";
  }
}

test(() => {
  let shapes = 0;
  const kinds = [[Uint8Array, 1], [Uint16Array, 2], [Float32Array, 4], [DataView, 1]];
  for (const [View, size] of kinds) {
    for (let max = 0; max <= 9; max++) {
      for (let length = 0; length <= max; length++) {
        for (let offset = 0; offset <= length; offset += size) {
          const fixedLengths = [];
          for (let n = 0; offset + n * size <= length; n++) fixedLengths.push(n);
          for (const viewLength of [undefined, ...fixedLengths]) {
            const buffer = new ArrayBuffer(length, { maxByteLength: max });
            const bytes = new Uint8Array(buffer);
            for (let i = 0; i < length; i++) bytes[i] = i + 1;
            const view = viewLength === undefined ? new View(buffer, offset) : new View(buffer, offset, viewLength);
            const shape = `${View.name}(buffer ${length}/${max}, ${offset}, ${viewLength ?? "tracking"})`;
            const copy = structuredClone(view);
            shapes++;
            assert_array_equals([...new Uint8Array(buffer)], [...bytes.slice(0, length)].map((_, i) => i + 1),
              `${shape}: the original's bytes are unchanged`);
            assert_equals(buffer.byteLength, length, `${shape}: the original's length is unchanged`);
            assert_equals(copy.buffer.byteLength, length, `${shape}: copy's buffer length`);
            assert_equals(copy.buffer.maxByteLength, max, `${shape}: copy's buffer maximum`);
            for (let size2 = 0; size2 <= max; size2++) {
              buffer.resize(size2);
              copy.buffer.resize(size2);
              assert_equals(describeView(copy), describeView(view), `${shape} at buffer length ${size2}`);
            }
          }
        }
      }
    }
  }
  assert_greater_than(shapes, 500);
}, "views of resizable buffers: a clone tracks the buffer's length exactly when the original does (all small shapes)");

test(() => {
  const shrunk = new ArrayBuffer(8, { maxByteLength: 16 });
  const fixed = new Uint8Array(shrunk, 4, 4);
  const tracking = new Uint16Array(shrunk, 6);
  const dataView = new DataView(shrunk, 2, 4);
  shrunk.resize(3);
  for (const view of [fixed, tracking, dataView]) {
    assert_throws_dom("DataCloneError", () => structuredClone(view), describeView(view));
    assert_throws_dom("DataCloneError", () => structuredClone({ nested: [view] }));
    const { port1 } = new MessageChannel();
    assert_throws_dom("DataCloneError", () => port1.postMessage(view));
  }
  const detached = new ArrayBuffer(8);
  const views = [new Uint8Array(detached), new DataView(detached, 1)];
  detached.transfer();
  for (const view of views) assert_throws_dom("DataCloneError", () => structuredClone(view));
}, "a view outside its buffer (shrunk or detached) is a DataCloneError");

test(() => {
  const original = new DOMException("the real message", "DataCloneError");
  Object.defineProperty(original, "name", { value: "ShadowName", configurable: true });
  Object.defineProperty(original, "message", { value: "shadow message", configurable: true });
  const copy = structuredClone(original);
  assert_true(copy instanceof DOMException);
  assert_equals(copy.name, "DataCloneError");
  assert_equals(copy.message, "the real message");
  assert_equals(copy.code, DOMException.DATA_CLONE_ERR);
  assert_false(Object.hasOwn(copy, "name"));
  assert_false(Object.hasOwn(copy, "message"));
}, "a DOMException is cloned from its name and message, not from own properties that shadow them");

async_test((t) => {
  const original = new DOMException("the real message", "TimeoutError");
  Object.defineProperty(original, "name", { value: "ShadowName", configurable: true });
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = t.step_func_done((event) => {
    assert_equals(event.data.name, "TimeoutError");
    assert_equals(event.data.message, "the real message");
  });
  port1.postMessage(original);
}, "a posted DOMException carries its name and message slots");

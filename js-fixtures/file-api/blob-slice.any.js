// File API §3.3.1 slice() ([Clamp] long long: rounds half to even) and the read methods (§3.3.3 text(), arrayBuffer(), bytes()).

promise_test(async () => {
  const b = new Blob(["0123456789"], { type: "text/plain" });
  const cases = [
    [[], "0123456789"], [[2], "23456789"], [[2, 5], "234"], [[-3], "789"], [[-3, -1], "78"],
    [[5, 2], ""], [[0, 100], "0123456789"], [[100], ""], [[-100, 2], "01"], [[1.5, 3.9], "23"], [[0.5, 2.5], "01"],
    [[NaN, Infinity], "0123456789"], [["2", "4"], "23"],
  ];
  for (const [args, expected] of cases) {
    const s = b.slice(...args);
    assert_equals(await s.text(), expected, JSON.stringify(args));
    assert_equals(s.size, expected.length);
    assert_equals(s.type, "", "slice without contentType has an empty type");
  }
}, "slice(start, end) is relative to the size and clamped");

promise_test(async () => {
  const b = new Blob(["abcdef"]).slice(1, 5).slice(1, 3, "Foo/BAR");
  assert_equals(await b.text(), "cd");
  assert_equals(b.type, "foo/bar");
  assert_equals(new Blob(["x"]).slice(0, 1, "\u00ff").type, "");
}, "A slice of a slice, and the contentType rules");

promise_test(async () => {
  const b = new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62])]);
  assert_equals(await b.text(), "a\ufffdb");
}, "text() is UTF-8 decode: the BOM is dropped and bad bytes become U+FFFD");

promise_test(async () => {
  const b = new Blob(["abc"]);
  const p1 = b.arrayBuffer(), p2 = b.bytes();
  assert_true(p1 instanceof Promise && p2 instanceof Promise);
  const buffer = await p1, bytes = await p2;
  assert_true(buffer instanceof ArrayBuffer);
  assert_true(bytes instanceof Uint8Array);
  assert_array_equals([...new Uint8Array(buffer)], [97, 98, 99]);
  bytes[0] = 0;
  assert_equals(await b.text(), "abc", "the result is a copy");
  const again = await b.bytes();
  assert_not_equals(again.buffer, bytes.buffer, "each call gives new memory");
}, "arrayBuffer() and bytes() resolve with fresh copies");

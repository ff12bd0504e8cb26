// HTML §8.3 atob()/btoa() with Infra's forgiving-base64 decode.

test(() => {
  assert_equals(btoa(""), "");
  assert_equals(btoa("f"), "Zg==");
  assert_equals(btoa("fo"), "Zm8=");
  assert_equals(btoa("foo"), "Zm9v");
  assert_equals(btoa("\u00ff\u00fe\u0000"), "//4A");
  assert_equals(btoa(null), "bnVsbA==", "ToString");
}, "btoa encodes Latin-1 strings");

test(() => {
  assert_throws_dom("InvalidCharacterError", () => btoa("\u0100"));
  assert_throws_dom("InvalidCharacterError", () => btoa("\u{1F600}"));
  assert_throws_js(TypeError, () => btoa());
}, "btoa: code units above U+00FF throw InvalidCharacterError");

test(() => {
  assert_equals(atob(""), "");
  assert_equals(atob("Zm9v"), "foo");
  assert_equals(atob("Zg=="), "f");
  assert_equals(atob("Zg"), "f", "padding is optional");
  assert_equals(atob(" Z\tm\n8\f=\r"), "fo", "ASCII whitespace is ignored");
  assert_equals(atob("//4A"), "\u00ff\u00fe\u0000");
  assert_equals(atob(null), "\u009e\u00e9e", "ToString(null) is \"null\"");
  assert_throws_dom("InvalidCharacterError", () => atob(undefined), "\"undefined\" has 9 characters");
}, "atob decodes forgiving base64");

test(() => {
  for (const bad of ["Z", "Zg=", "Zg===", "Z===", "Zm9v=", "Zm9vZ", "Zm-v", "Zm_v", "Zg==Zg==", "=Zg=", "Zm9\u00a0v", "\u00e9"]) {
    assert_throws_dom("InvalidCharacterError", () => atob(bad), JSON.stringify(bad));
  }
}, "atob rejects what forgiving-base64 rejects");

test(() => {
  for (const name of ["atob", "btoa"]) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_true(d.writable && d.enumerable && d.configurable, name);
    assert_equals(d.value.length, 1);
  }
  let s = "";
  for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
  assert_equals(atob(btoa(s)), s);
}, "Globals are WebIDL operations; every byte round-trips");

// Modeled on wpt dom/events/Event-constructors.any.js (unnamed subtests there; named here).

test(() => {
  assert_throws_js(TypeError, () => Event(""), "calling Event without new throws");
}, "Event constructors: calling without new throws");

test(() => {
  assert_throws_js(TypeError, () => { new Event(); });
}, "Event constructors: the type argument is required");

test(() => {
  const error = { name: "test" };
  assert_throws_exactly(error, () => { new Event({ toString() { throw error; } }); });
}, "Event constructors: type conversion exceptions propagate");

for (const type of ["", "test"]) {
  test(() => {
    const ev = new Event(type);
    assert_equals(ev.type, type);
    assert_equals(ev.target, null);
    assert_equals(ev.srcElement, null);
    assert_equals(ev.currentTarget, null);
    assert_equals(ev.eventPhase, Event.NONE);
    assert_equals(ev.bubbles, false);
    assert_equals(ev.cancelable, false);
    assert_equals(ev.defaultPrevented, false);
    assert_equals(ev.returnValue, true);
    assert_equals(ev.isTrusted, false);
    assert_true(ev.timeStamp > 0);
    assert_true("initEvent" in ev);
  }, `Event constructors: default attribute values (type ${JSON.stringify(type)})`);
}

test(() => {
  assert_throws_js(TypeError, () => { Event("test"); }, "Event called as a function");
}, "Event constructors: calling with a type but without new throws");

test(() => {
  const ev = new Event("I am an event", { bubbles: true, cancelable: false });
  assert_equals(ev.type, "I am an event");
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
}, "Event constructors: bubbles and cancelable from the dictionary");

test(() => {
  const ev = new Event("@", { bubblesIGNORED: true, cancelable: true });
  assert_equals(ev.type, "@");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "Event constructors: unknown members are ignored");

test(() => {
  const ev = new Event("@", { "bubbles\0IGNORED": true, cancelable: true });
  assert_equals(ev.type, "@");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "Event constructors: member names are matched exactly");

test(() => {
  const ev = new Event("Xx", { cancelable: true });
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "Event constructors: only cancelable given");

test(() => {
  const ev = new Event("Xx", {});
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, false);
}, "Event constructors: empty dictionary");

test(() => {
  const ev = new Event("Xx", { bubbles: true, cancelable: false, sweet: "x" });
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
  assert_equals(ev.sweet, undefined);
}, "Event constructors: extra members do not become properties");

test(() => {
  const read = [];
  const ev = new Event("Xx", {
    get cancelable() { read.push("cancelable"); return false; },
    get bubbles() { read.push("bubbles"); return true; },
    get sweet() { read.push("sweet"); return "x"; },
  });
  assert_array_equals(read, ["bubbles", "cancelable"]);
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
  assert_equals(ev.sweet, undefined);
}, "Event constructors: dictionary members are read in order, unknown ones not at all");

test(() => {
  const ev = new CustomEvent("$", { detail: 54, sweet: "x", sweet2: "x", cancelable: true });
  assert_equals(ev.type, "$");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
  assert_equals(ev.sweet, undefined);
  assert_equals(ev.detail, 54);
}, "Event constructors: CustomEvent with detail");

test(() => {
  const read = [];
  const dict = {};
  for (const name of ["bubbles", "cancelable", "composed", "detail", "zzz"]) {
    Object.defineProperty(dict, name, { get() { read.push(name); return undefined; } });
  }
  new CustomEvent("x", dict);
  assert_array_equals(read, ["bubbles", "cancelable", "composed", "detail"]);
  assert_throws_js(TypeError, () => new Event("x", 1), "a number is not a dictionary");
  assert_throws_js(TypeError, () => new Event("x", "abc"), "a string is not a dictionary");
  assert_throws_js(TypeError, () => new Event(Symbol("s")), "a Symbol type");
  assert_equals(new Event("x", { composed: true }).composed, true);
  assert_equals(new Event(null).type, "null");
  assert_equals(new Event(undefined).type, "undefined");
}, "Event constructors: WebIDL conversions");

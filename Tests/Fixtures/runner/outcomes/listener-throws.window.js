// An event listener throws: the error is reported at the global, and the harness status becomes ERROR.
test(() => {
  const target = new EventTarget();
  let second = false;
  target.addEventListener("ping", () => { throw new RangeError("listener boom"); });
  target.addEventListener("ping", () => { second = true; });
  target.dispatchEvent(new Event("ping"));
  assert_true(second, "the next listener still ran");
}, "dispatch goes on after a listener throws");

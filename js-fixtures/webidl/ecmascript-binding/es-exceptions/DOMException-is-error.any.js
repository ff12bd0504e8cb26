// Modeled on wpt webidl/ecmascript-binding/es-exceptions/DOMException-is-error.any.js
"use strict";

test(() => {
  if (typeof Error.isError !== "function") return; // the engine predates Error.isError
  assert_true(Error.isError(new DOMException()));
}, "Error.isError(new DOMException())");

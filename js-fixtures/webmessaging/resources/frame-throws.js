// A frame whose script throws; its own error listener tells the parent (and cancels the report).
"use strict";
addEventListener("error", (e) => {
  e.preventDefault();
  parent.postMessage({ error: e.message, filename: e.filename, atFrameGlobal: e.target === window }, "*");
});
var beforeThrow = true;
throw new Error("frame failure");

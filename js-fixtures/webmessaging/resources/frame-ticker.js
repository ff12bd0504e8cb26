// A frame with a timer that posts a tick to its parent every few milliseconds, and that keeps the ports it is
// sent (so the ports' peers stay entangled with this frame until it closes).
"use strict";
var kept = [];
let ticks = 0;
setInterval(() => parent.postMessage({ tick: ++ticks }, "*"), 5);
onmessage = (e) => {
  for (const port of e.ports) {
    kept.push(port);
    port.start();
  }
  parent.postMessage({ keeping: e.ports.length }, "*");
};

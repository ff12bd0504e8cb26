// A frame (jshost.openFrame) that answers every window message: a description of what it received goes back to
// the message's source (with postMessage) and through every port the message carried.
"use strict";
var ran = true;
var received = [];
function makeObject() {
  return { made: "in the frame" };
}
onmessage = (e) => {
  received.push(e.data);
  const reply = {
    echo: e.data,
    origin: e.origin,
    sourceIsParent: e.source === parent,
    ports: e.ports.length,
    dataIsFrameObject: e.data !== null && typeof e.data === "object" ? e.data instanceof Object : null,
    isTrusted: e.isTrusted,
  };
  for (const port of e.ports) port.postMessage(reply);
  e.source.postMessage(reply, "*");
};

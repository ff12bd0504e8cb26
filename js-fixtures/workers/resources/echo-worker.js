// Echoes every message back, and answers a few commands.
onmessage = (event) => {
  const data = event.data;
  if (data === "name") postMessage(self.name);
  else if (data === "global") postMessage(Object.prototype.toString.call(self));
  else if (data === "location") postMessage(String(self.location && self.location.href));
  else if (data === "close") { close(); postMessage("after close, same task"); }
  else if (data === "throw") throw new TypeError("thrown in the worker");
  else if (data === "import") { importScripts("imported.js"); postMessage(self.imported); }
  else postMessage(data);
};

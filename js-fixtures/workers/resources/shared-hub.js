// The shared worker of shared-worker.window.js: counts its connections, describes each `connect` event, and
// answers commands on every client's port.
let connections = 0;
const ports = [];
const events = [];

onconnect = (event) => {
  connections++;
  const port = event.ports[0];
  events.push({
    type: event.type,
    className: Object.prototype.toString.call(event),
    data: event.data,
    trusted: event.isTrusted,
    portCount: event.ports.length,
    frozen: Object.isFrozen(event.ports),
    sourceIsPort: event.source === port,
    isMessagePort: port instanceof MessagePort,
  });
  ports.push(port);
  port.onmessage = (message) => answer(port, message);
};

function answer(port, message) {
  const data = message.data;
  if (data === "info") {
    port.postMessage({
      connections,
      name: self.name,
      global: Object.prototype.toString.call(self),
      isWorkerGlobalScope: self instanceof WorkerGlobalScope,
      location: String(location.href),
      hasPostMessage: typeof self.postMessage,
      hasSharedWorker: typeof self.SharedWorker,
      hasOnconnect: "onconnect" in self,
      event: events[events.length - 1],
      apis: [typeof MessageChannel, typeof structuredClone, typeof setTimeout, typeof BroadcastChannel, typeof TextEncoder],
    });
  } else if (data === "import") {
    importScripts("imported.js");
    port.postMessage(self.imported);
  } else if (data !== null && typeof data === "object" && "relay" in data) {
    for (const other of ports) if (other !== port) other.postMessage(data.relay);
  } else if (data === "close") {
    close();
  } else if (data === "ports") {
    // A port sent along: answer on it.
    message.ports[0].postMessage("answered on the transferred port");
  } else {
    port.postMessage(data);
  }
}

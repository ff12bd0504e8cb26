// The Channel Messaging scenario across threads: the main script starts two dedicated workers (each its own
// thread and engine). The main script hands a MessageChannel port between its own handlers, relays work from
// the "producer" worker to the "squarer" worker, and everything ends on its own when nothing is left to do.
const producer = new Worker("producer.js", { name: "producer" });
const squarer = new Worker("squarer.js", { name: "squarer" });

// A channel inside the main agent: one end is shipped with postMessage to the other end's listener.
const { port1, port2 } = new MessageChannel();
const relay = new MessageChannel();
relay.port2.onmessage = (event) => {
  const [shipped] = event.ports;
  shipped.onmessage = (e) => console.log(`main: the shipped port says ${e.data}`);
  port1.postMessage("hello through a transferred port");
};
relay.port1.postMessage("here is a port", [port2]);

let results = 0;
producer.onmessage = (event) => {
  if (event.data === "done") {
    console.log("main: the producer is done");
    producer.terminate();
    return;
  }
  squarer.postMessage(event.data); // a structured clone crosses to the other thread
};
squarer.onmessage = (event) => {
  const { n, square, thread } = event.data;
  console.log(`main: ${n}² = ${square} (computed in the ${thread} worker)`);
  if (++results === 5) {
    squarer.terminate();
    port1.close();
    console.log("main: both workers finished; the process ends when nothing is left to run");
  }
};
squarer.onerror = (event) => console.log("main: squarer failed:", event.message);
producer.postMessage({ count: 5 });

// The Channel Messaging scenario across threads: the main script starts two dedicated workers (each its own
// thread and engine) and entangles them with a MessageChannel whose ports it transfers with postMessage: the
// producer then talks to the squarer directly, worker to worker, and the squarer reports to the main script.
// A same-thread channel shows a port shipped between two handlers. Then a BroadcastChannel announcement is heard
// in every context (both workers, a shared worker and a second channel on this thread), and each answers on it.
// Last, a SharedWorker joins the two workers: the main script connects to it twice and hands one connection's
// port to each worker, and the producer's greeting reaches the squarer through the shared worker.

// Every BroadcastChannel named "news", on any thread, hears what one of them posts (never the poster itself).
// Made first, so that it hears the shared worker say it is ready.
const news = new BroadcastChannel("news");
const alsoNews = new BroadcastChannel("news");

const producer = new Worker("producer.js", { name: "producer" });
const squarer = new Worker("squarer.js", { name: "squarer" });
// Two connections to one shared worker (same URL, same name): one instance, two `connect` events in it.
const hubForSquarer = new SharedWorker("hub.js", "hub");
const hubForProducer = new SharedWorker("hub.js", "hub");

// Worker to worker: each gets one end of a channel made here.
const { port1, port2 } = new MessageChannel();
producer.postMessage({ count: 5 }, [port1]);
squarer.postMessage("listen", [port2]);

// Within this thread: a port shipped in a message keeps its entanglement.
const local = new MessageChannel();
const relay = new MessageChannel();
relay.port2.onmessage = (event) => {
  const [shipped] = event.ports;
  shipped.onmessage = (e) => {
    console.log(`main: the shipped port says ${e.data}`);
    shipped.close();
  };
};
relay.port1.postMessage("here is a port", [local.port2]);
local.port1.postMessage("hello through a transferred port");

alsoNews.onmessage = (event) => {
  if (event.data.announcement) console.log(`main: a second channel on this thread heard "${event.data.announcement}"`);
};
const answered = new Set();
// The announcement goes out once the numbers are squared and the shared worker is listening.
let waitingFor = 2;
function announceWhenReady() {
  if (--waitingFor === 0) news.postMessage({ announcement: "all numbers squared" });
}
news.onmessage = (event) => {
  if (event.data.ready) announceWhenReady();
  if (!event.data.answer) return;
  answered.add(event.data.from);
  if (answered.size < 3) return;
  console.log(`main: every worker answered the broadcast (${[...answered].sort().join(", ")})`);
  news.close();
  alsoNews.close();
  // The squarer joins the shared worker first; once it is in, the producer joins and greets it.
  squarer.postMessage("join the hub", [hubForSquarer.port]);
};

function finish() {
  producer.terminate();
  squarer.terminate();
  console.log("main: all done; the idle shared worker does not keep the process alive");
}

let results = 0;
squarer.onmessage = (event) => {
  if (event.data === "producer closed its port") {
    console.log("main: the squarer heard the producer's port close");
    announceWhenReady();
    return;
  }
  if (event.data === "joined the hub") {
    producer.postMessage("join the hub", [hubForProducer.port]);
    return;
  }
  if (event.data.viaHub) {
    console.log(`main: the squarer heard "${event.data.viaHub}"`);
    finish();
    return;
  }
  const { n, square, from } = event.data;
  console.log(`main: ${n}² = ${square} (${from} → squarer, worker to worker)`);
  results++;
};
squarer.onerror = (event) => console.log("main: squarer failed:", event.message);

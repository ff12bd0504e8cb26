// The Channel Messaging scenario across threads: the main script starts two dedicated workers (each its own
// thread and engine) and entangles them with a MessageChannel whose ports it transfers with postMessage: the
// producer then talks to the squarer directly, worker to worker, and the squarer reports to the main script.
// A same-thread channel shows a port shipped between two handlers. At the end a BroadcastChannel announcement
// is heard in every context (both workers and a second channel on this thread), and each worker answers on it.
const producer = new Worker("producer.js", { name: "producer" });
const squarer = new Worker("squarer.js", { name: "squarer" });

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

// Every BroadcastChannel named "news", on any thread, hears what one of them posts (never the poster itself).
const news = new BroadcastChannel("news");
const alsoNews = new BroadcastChannel("news");
alsoNews.onmessage = (event) => {
  if (event.data.announcement) console.log(`main: a second channel on this thread heard "${event.data.announcement}"`);
};
const answered = new Set();
news.onmessage = (event) => {
  if (!event.data.answer) return;
  answered.add(event.data.from);
  if (answered.size < 2) return;
  console.log(`main: both workers answered the broadcast (${[...answered].sort().join(", ")})`);
  producer.terminate();
  squarer.terminate();
  news.close();
  alsoNews.close();
  console.log("main: both workers finished; the process ends when nothing is left to run");
};

let results = 0;
squarer.onmessage = (event) => {
  if (event.data === "producer closed its port") {
    console.log("main: the squarer heard the producer's port close");
    news.postMessage({ announcement: "all numbers squared" });
    return;
  }
  const { n, square, from } = event.data;
  console.log(`main: ${n}² = ${square} (${from} → squarer, worker to worker)`);
  results++;
};
squarer.onerror = (event) => console.log("main: squarer failed:", event.message);

// Squares what arrives on its port and reports each result (and the port's close) to the main script.
onmessage = (event) => {
  const port = event.ports[0];
  if (event.data === "join the hub") {
    // The hub welcomes each member, then relays what the others say.
    port.onmessage = (e) => postMessage(e.data.welcome !== undefined ? "joined the hub" : { viaHub: e.data });
    return;
  }
  port.onmessage = (e) => postMessage({ n: e.data.n, square: e.data.n * e.data.n, from: e.data.from });
  port.addEventListener("close", () => postMessage("producer closed its port"));
};

// Answers the main script's broadcast (and ignores the other worker's answer, which it hears too).
const news = new BroadcastChannel("news");
news.onmessage = (event) => {
  if (event.data.announcement) news.postMessage({ answer: `heard "${event.data.announcement}"`, from: self.name });
};

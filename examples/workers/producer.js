// Sends the numbers 1..count to whoever holds the other end of the port it is given, then closes it.
onmessage = (event) => {
  const port = event.ports[0];
  if (event.data === "join the hub") {
    port.postMessage(`hello from the ${self.name}, through the shared worker`);
    return;
  }
  for (let n = 1; n <= event.data.count; n++) port.postMessage({ n, from: self.name });
  port.close();
};

// Answers the main script's broadcast (and ignores the other worker's answer, which it hears too).
const news = new BroadcastChannel("news");
news.onmessage = (event) => {
  if (event.data.announcement) news.postMessage({ answer: `heard "${event.data.announcement}"`, from: self.name });
};

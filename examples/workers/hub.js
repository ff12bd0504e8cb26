// A shared worker: one instance per (URL, name) in the host. Every client that connects joins one room; what one
// member says, the others hear. It also answers the main script's BroadcastChannel announcement.
const members = [];
onconnect = (event) => {
  const port = event.ports[0];
  members.push(port);
  port.postMessage({ welcome: members.length });
  port.onmessage = (message) => {
    for (const other of members) if (other !== port) other.postMessage(message.data);
  };
};

const news = new BroadcastChannel("news");
news.onmessage = (event) => {
  if (event.data.announcement) news.postMessage({ answer: `heard "${event.data.announcement}"`, from: `shared worker "${self.name}"` });
};
news.postMessage({ ready: self.name });

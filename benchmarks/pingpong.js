// Same-thread ping-pong: one message each way per round trip.
const { port1, port2 } = new MessageChannel();
const seconds = 1;
let trips = 0;
let start = 0;
port2.onmessage = (e) => port2.postMessage(e.data);
port1.onmessage = (e) => {
  trips++;
  if ((trips & 1023) === 0 && now() - start >= seconds * 1000) {
    report("pingpong", Math.round(trips / ((now() - start) / 1000)), "round-trips/s");
    port1.close();
    port2.close();
    return;
  }
  port1.postMessage(e.data);
};
start = now();
port1.postMessage(0);

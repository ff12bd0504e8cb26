// The same objects posted through a channel and back, one at a time.
const cases = [["post-1kb", objectOfSize(1024)], ["post-100kb", objectOfSize(100 * 1024)], ["post-exotic", exoticObject()]];
const { port1, port2 } = new MessageChannel();
port2.onmessage = (e) => port2.postMessage(e.data);
let index = 0;
function runCase() {
  if (index === cases.length) { port1.close(); port2.close(); return; }
  const [name, value] = cases[index++];
  let trips = 0;
  const start = now();
  port1.onmessage = () => {
    trips++;
    if (now() - start >= 1000) {
      report(name, Math.round(trips / ((now() - start) / 1000)), "round-trips/s");
      runCase();
    } else {
      port1.postMessage(value);
    }
  };
  port1.postMessage(value);
}
runCase();

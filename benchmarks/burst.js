// A burst of N small messages posted at once to one port, timed until the last one is received.
const N = 1000000;
const { port1, port2 } = new MessageChannel();
let received = 0;
let start = 0;
port2.onmessage = () => {
  if (++received === N) {
    report("burst", Math.round(N / ((now() - start) / 1000)), "messages/s");
    port1.close();
    port2.close();
  }
};
start = now();
for (let i = 0; i < N; i++) port1.postMessage(i);

// ArrayBuffers of 1, 16 and 64 MiB posted with the transfer list (moved) and without it (copied).
const sizes = [1, 16, 64];
const { port1, port2 } = new MessageChannel();
port2.onmessage = (e) => { received(e.data); };
let received = null;
function post(buffer, transfer) {
  return new Promise((resolve) => {
    received = resolve;
    port1.postMessage(buffer, transfer ? [buffer] : []);
  });
}
(async () => {
  for (const mib of sizes) {
    for (const transfer of [true, false]) {
      const rounds = transfer ? 200 : (mib >= 16 ? 5 : 20);
      let total = 0;
      for (let i = 0; i < rounds; i++) {
        const buffer = new ArrayBuffer(mib << 20);
        const start = now();
        const got = await post(buffer, transfer);
        total += now() - start;
        if (got.byteLength !== mib << 20) throw new Error("wrong size received");
      }
      report(`transfer-${mib}mib-${transfer ? "moved" : "copied"}`, (total / rounds * 1000).toFixed(1), "us/message");
    }
  }
  port1.close();
  port2.close();
})();

// 1,000,000 channels created and dropped (the runner measures the process's peak RSS). Each channel is
// kept in a small ring for a while, so the engine cannot optimize the objects away. (No port is started:
// in Node a started port keeps the process alive.)
const N = 1000000;
const ring = new Array(1024);
const start = now();
for (let i = 0; i < N; i++) {
  const channel = new MessageChannel();
  ring[i & 1023] = channel;
}
for (const channel of ring) { channel.port1.close(); }
report("channels-1m", Math.round(now() - start), "ms");

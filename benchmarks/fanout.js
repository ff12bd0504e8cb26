// 100 channels, messages posted round-robin across them, timed until all are received.
const CHANNELS = 100, PER_CHANNEL = 5000, TOTAL = CHANNELS * PER_CHANNEL;
const channels = [];
let received = 0;
let start = 0;
for (let c = 0; c < CHANNELS; c++) {
  const channel = new MessageChannel();
  channel.port2.onmessage = () => {
    if (++received === TOTAL) {
      report("fanout", Math.round(TOTAL / ((now() - start) / 1000)), "messages/s");
      for (const ch of channels) { ch.port1.close(); ch.port2.close(); }
    }
  };
  channels.push(channel);
}
start = now();
for (let i = 0; i < PER_CHANNEL; i++) for (let c = 0; c < CHANNELS; c++) channels[c].port1.postMessage(i);

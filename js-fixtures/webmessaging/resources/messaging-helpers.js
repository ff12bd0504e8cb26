// Shared helpers for the webmessaging fixtures.

// Resolves with the next `message` event at `port` (starts the port).
function next_message(port) {
  return new Promise((resolve) => {
    port.addEventListener("message", resolve, { once: true });
    port.start();
  });
}

// Resolves after one message task on a fresh channel has run: every message task queued before this call (on
// any started port of this realm) has been delivered by then.
function message_round_trip() {
  const channel = new MessageChannel();
  const p = next_message(channel.port2);
  channel.port1.postMessage("round trip");
  return p.then(() => {
    channel.port1.close();
  });
}

// Lets everything already queued run: a message round trip, a timer, another round trip.
async function settle() {
  await message_round_trip();
  await new Promise((resolve) => setTimeout(resolve, 10));
  await message_round_trip();
}

// Collects the data of every message event that reaches `port` (through addEventListener: does not start it).
function collect_messages(port) {
  const log = [];
  port.addEventListener("message", (e) => log.push(e.data));
  return log;
}

// Resolves with the data of the next `count` messages at `port` (starts the port).
function receive_messages(port, count) {
  return new Promise((resolve) => {
    const log = [];
    port.addEventListener("message", function listener(e) {
      log.push(e.data);
      if (log.length === count) {
        port.removeEventListener("message", listener);
        resolve(log);
      }
    });
    port.start();
  });
}

// testharness.js's assert_throws_* return nothing (as upstream); this returns what `func` threw.
function capture_exception(func) {
  try {
    func();
  } catch (e) {
    return e;
  }
  return undefined;
}

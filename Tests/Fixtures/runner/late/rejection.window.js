// A synchronous test passes, then a promise rejection nobody handles: a browser reports the harness as ERROR
// (the rejection is reported before the load event completes the harness), never as a plain PASS.
test(() => {}, "passes before the rejection");
Promise.reject(new Error("nobody handles this"));

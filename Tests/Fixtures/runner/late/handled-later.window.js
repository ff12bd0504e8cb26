// A rejection handled within the same checkpoint is not an error: the harness stays OK.
test(() => {}, "passes");
const rejected = Promise.reject(new Error("handled"));
queueMicrotask(() => rejected.catch(() => {}));

// META: global=
// A global= line that names no context at all: an error, not a silent skip.
test(() => {}, "never runs");

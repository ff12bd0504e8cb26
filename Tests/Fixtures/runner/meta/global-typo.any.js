// META: global=windw,window
// A misspelt context: an error for it, and the valid one still runs.
test(() => {}, "runs in the window");

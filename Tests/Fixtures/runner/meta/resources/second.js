// Loaded after helper.js by meta/script.window.js.
self.secondValue = "second";
self.loadOrder = [self.helperValue === 42 ? "helper" : "no helper", "second"];

// Loaded by META script= lines; not a test.
self.helperValue = 42;
self.helperLoads = (self.helperLoads ?? 0) + 1;

// structuredClone of a 1 KB object, a 100 KB object and an object of exotic types.
for (const [name, value, seconds] of [["clone-1kb", objectOfSize(1024), 1], ["clone-100kb", objectOfSize(100 * 1024), 1], ["clone-exotic", exoticObject(), 1]]) {
  report(name, Math.round(rate(() => { for (let i = 0; i < 100; i++) structuredClone(value); return 100; }, seconds)), "clones/s");
}

// structuredClone of an object holding a 1 MiB Blob, and TextDecoder/TextEncoder over 1 MiB of UTF-8
// (ASCII, and text where one character in four is a 2- or 3-byte sequence).
const MiB = 1 << 20;
const blob = new Blob([new Uint8Array(MiB).fill(120)], { type: "application/octet-stream" });
const holder = { name: "upload", blob, meta: { size: MiB } };
report("clone-blob-1mib", Math.round(rate(() => {
  for (let i = 0; i < 100; i++) if (structuredClone(holder).blob.size !== MiB) throw new Error("bad clone");
  return 100;
})), "clones/s");

function utf8Text(bytes, mixed) {
  const unit = mixed ? "abc\u00e9abc\u20ac" : "abcdefgh";
  let s = "";
  while (s.length < bytes) s += unit;
  const encoded = new TextEncoder().encode(s);
  return encoded.subarray(0, bytes - (mixed ? 16 : 0)); // (a cut at a sequence boundary is fine either way)
}
const decoder = new TextDecoder();
for (const [name, bytes] of [["decode-1mib-ascii", utf8Text(MiB, false)], ["decode-1mib-mixed", utf8Text(MiB, true)]]) {
  const expected = decoder.decode(bytes).length;
  report(name, (rate(() => {
    for (let i = 0; i < 10; i++) if (decoder.decode(bytes).length !== expected) throw new Error("bad decode");
    return 10;
  }) * bytes.length / MiB).toFixed(0), "MiB/s");
}

const text = "abcdefgh".repeat(MiB / 8);
const encoder = new TextEncoder();
report("encode-1mib-ascii", rate(() => {
  for (let i = 0; i < 10; i++) if (encoder.encode(text).length !== MiB) throw new Error("bad encode");
  return 10;
}).toFixed(0), "MiB/s");

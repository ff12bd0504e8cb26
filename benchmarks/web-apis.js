// structuredClone of an object holding a 1 MiB Blob, and TextDecoder/TextEncoder over 1 MiB of UTF-8
// (ASCII; text where one character in four is a 2- or 3-byte sequence; the same with an emoji, a 4-byte
// sequence, every 97 characters).
const MiB = 1 << 20;
const blob = new Blob([new Uint8Array(MiB).fill(120)], { type: "application/octet-stream" });
const holder = { name: "upload", blob, meta: { size: MiB } };
report("clone-blob-1mib", Math.round(rate(() => {
  for (let i = 0; i < 100; i++) if (structuredClone(holder).blob.size !== MiB) throw new Error("bad clone");
  return 100;
})), "clones/s");

function utf8Text(bytes, mixed, emoji = false) {
  const unit = emoji ? "abc\u00e9abc\u20ac".repeat(12) + "\u{1F600}" : mixed ? "abc\u00e9abc\u20ac" : "abcdefgh";
  let s = "";
  while (s.length < bytes) s += unit;
  const encoded = new TextEncoder().encode(s);
  return encoded.subarray(0, bytes - (mixed ? 16 : 0)); // (a cut at a sequence boundary is fine either way)
}
const decoder = new TextDecoder();
for (const [name, bytes] of [["decode-1mib-ascii", utf8Text(MiB, false)], ["decode-1mib-mixed", utf8Text(MiB, true)],
                             ["decode-1mib-emoji", utf8Text(MiB, true, true)]]) {
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

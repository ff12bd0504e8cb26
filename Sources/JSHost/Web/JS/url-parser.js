// The URL Standard's basic URL parser (§4.4), host parser (§3.5) and serializers, written from the spec's
// state machine. Loaded on first use (url.js); publishes on `internals`:
//   parseURL(input, base?, url?, stateOverride?) → record, or null for failure (with url+state: the setter
//                                                  form; returns "unchanged" when the override stops early)
//   serializeURL(record, excludeFragment?) → string;  serializePath(record);  serializeHost(host)
//   urlOrigin(record) → string (the serialized origin, "null" for opaque origins)
//   STATE                                          the state names for overrides
// A record: { scheme, username, password, host (null or serialized host string), port (null or number),
//             path (array of segments, or a string when the path is opaque), query (null or string),
//             fragment (null or string) }.
//
// Known deviation: domain-to-ASCII is not full UTS #46. ASCII labels are lowercased; a label with other code
// points is NFKC-normalized, lowercased and Punycode-encoded (xn--), with no IDNA mapping table or validity
// checks beyond the forbidden domain code points.
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, ObjectGetPrototypeOf, ObjectHasOwn, StringFromCharCode, StringFromCodePoint,
    StringPrototypeCharCodeAt, StringPrototypeCodePointAt, StringPrototypeSlice, StringPrototypeToLowerCase,
    StringPrototypeToWellFormed, StringPrototypeNormalize, StringPrototypeSplit, MathFloor, ArrayPrototypeJoin,
    FunctionPrototype, FunctionCall, NumberPrototypeToString, Uint8ArrayCtor, TypedArraySubarray, ObjectSetPrototypeOf,
  } = internals.capturedBuiltins;
  // The parser's working lists (code points, IPv4 parts, a URL record's path) grow by storing past their end,
  // which on an ordinary array reaches any setter user code defined for that index on Array.prototype.
  const newList = () => ObjectSetPrototypeOf([], null);
  internals.newURLPathList = newList;

  // Reading characters is the parser's inner loop. `charCodeAt.call(s, i)` is several times faster in JSC than
  // Reflect.apply (which allocates the argument list), and equally safe while `call` is still the original
  // for both methods: `fast` says so, checked once per parse (no user code runs during one).
  let fast = false;
  function checkFastCalls() {
    fast = FunctionPrototype.call === FunctionCall &&
      ObjectGetPrototypeOf(StringPrototypeCharCodeAt) === FunctionPrototype && !ObjectHasOwn(StringPrototypeCharCodeAt, "call") &&
      ObjectGetPrototypeOf(StringPrototypeCodePointAt) === FunctionPrototype && !ObjectHasOwn(StringPrototypeCodePointAt, "call");
  }
  const charCodeAt = (s, i) => (fast ? StringPrototypeCharCodeAt.call(s, i) : ReflectApply(StringPrototypeCharCodeAt, s, [i]));
  const codePointAt = (s, i) => (fast ? StringPrototypeCodePointAt.call(s, i) : ReflectApply(StringPrototypeCodePointAt, s, [i]));
  const slice = (s, a, b) => ReflectApply(StringPrototypeSlice, s, b === undefined ? [a] : [a, b]);
  const join = (a, sep) => ReflectApply(ArrayPrototypeJoin, a, [sep]);
  const utf8Encode = internals.utf8Encode;
  const utf8Decode = internals.utf8Decode;

  const specialPorts = { __proto__: null, "ftp": 21, "file": null, "http": 80, "https": 443, "ws": 80, "wss": 443 };
  const isSpecialScheme = (s) => s in specialPorts;

  // ---- code point classes -----------------------------------------------------------------------------------
  const isASCIIDigit = (c) => c >= 0x30 && c <= 0x39;
  const isASCIIHexDigit = (c) => isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  const isASCIIAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const isASCIIAlphanumeric = (c) => isASCIIAlpha(c) || isASCIIDigit(c);
  const hexValue = (c) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);

  // Percent-encode sets (§1.3), as predicates over code points.
  const inC0Control = (c) => c <= 0x1f || c > 0x7e;
  const inFragment = (c) => inC0Control(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
  const inQuery = (c) => inC0Control(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
  const inSpecialQuery = (c) => inQuery(c) || c === 0x27;
  const inPath = (c) => inQuery(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
  const inUserinfo = (c) => inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
    (c >= 0x5b && c <= 0x5d) || c === 0x7c;
  const inComponent = (c) => inUserinfo(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
  const inFormURLEncoded = (c) => inComponent(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

  const HEX = "0123456789ABCDEF";
  function percentByte(b) {
    return "%" + slice(HEX, b >> 4, (b >> 4) + 1) + slice(HEX, b & 15, (b & 15) + 1);
  }
  // UTF-8 percent-encode one code point (given as the string `ch`) if `inSet` says so.
  function encodeCodePoint(ch, c, inSet) {
    if (!inSet(c)) return ch;
    const bytes = utf8Encode(ch);
    let out = "";
    for (let i = 0; i < bytes.length; i++) out += percentByte(bytes[i]);
    return out;
  }
  // Percent-encodes a whole string (code point by code point).
  function percentEncodeString(s, inSet, spaceAsPlus) {
    checkFastCalls();
    let clean = true;
    for (let i = 0; i < s.length; i++) {
      const c = charCodeAt(s, i);
      if (inSet(c) || (spaceAsPlus && c === 0x20)) { clean = false; break; }
    }
    if (clean) return s; // (code units outside ASCII are in every set, so this string is ASCII)
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = codePointAt(s, i);
      const width = c > 0xffff ? 2 : 1;
      const ch = slice(s, i, i + width);
      i += width - 1;
      if (spaceAsPlus && c === 0x20) out += "+";
      else out += encodeCodePoint(ch, c, inSet);
    }
    return out;
  }

  // Percent-decode (§1.3) a string's UTF-8 bytes → bytes.
  function percentDecodeBytes(s) {
    const input = utf8Encode(s);
    const out = new Uint8ArrayCtor(input.length);
    let o = 0;
    for (let i = 0; i < input.length; i++) {
      const b = input[i];
      if (b === 0x25 && i + 2 < input.length && isASCIIHexDigit(input[i + 1]) && isASCIIHexDigit(input[i + 2])) {
        out[o++] = hexValue(input[i + 1]) * 16 + hexValue(input[i + 2]);
        i += 2;
      } else {
        out[o++] = b;
      }
    }
    return ReflectApply(TypedArraySubarray, out, [0, o]);
  }

  // ---- hosts (§3.5) -----------------------------------------------------------------------------------------
  const isForbiddenHost = (c) => c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20 || c === 0x23 ||
    c === 0x2f || c === 0x3a || c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 || c === 0x5b || c === 0x5c ||
    c === 0x5d || c === 0x5e || c === 0x7c;
  const isForbiddenDomain = (c) => isForbiddenHost(c) || c <= 0x1f || c === 0x25 || c === 0x7f;

  // Returns the serialized host, or null for failure.
  function parseHost(input, isOpaque) {
    if (charCodeAt(input, 0) === 0x5b) { // [
      if (charCodeAt(input, input.length - 1) !== 0x5d) return null;
      const pieces = parseIPv6(slice(input, 1, input.length - 1));
      return pieces === null ? null : "[" + serializeIPv6(pieces) + "]";
    }
    if (isOpaque) {
      for (let i = 0; i < input.length; i++) if (isForbiddenHost(charCodeAt(input, i))) return null;
      return percentEncodeString(input, inC0Control, false);
    }
    // Percent-decoding and UTF-8 decoding change nothing in plain ASCII without "%" (the usual host).
    let plain = true;
    for (let i = 0; i < input.length; i++) {
      const c = charCodeAt(input, i);
      if (c === 0x25 || c > 0x7f) { plain = false; break; }
    }
    const domain = plain ? input : utf8Decode(percentDecodeBytes(input));
    const ascii = domainToASCII(domain);
    if (ascii === null || ascii === "") return null;
    for (let i = 0; i < ascii.length; i++) if (isForbiddenDomain(charCodeAt(ascii, i))) return null;
    if (endsInNumber(ascii)) return parseIPv4(ascii);
    return ascii;
  }

  function domainToASCII(domain) {
    let ascii = true;
    for (let i = 0; i < domain.length; i++) if (charCodeAt(domain, i) > 0x7f) { ascii = false; break; }
    if (ascii) return ReflectApply(StringPrototypeToLowerCase, domain, []);
    // UTS #46 in brief: the full stops U+3002, U+FF0E, U+FF61 separate labels too; soft hyphen is ignored.
    let dotted = "";
    for (let i = 0; i < domain.length; i++) {
      const c = charCodeAt(domain, i);
      // UTS #46 disallows U+FFFD (what bytes that are not UTF-8 decode to) and the C1 controls.
      if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) return null;
      if (c === 0x3002 || c === 0xff0e || c === 0xff61) dotted += ".";
      else if (c !== 0xad) dotted += slice(domain, i, i + 1);
    }
    const mapped = ReflectApply(StringPrototypeToLowerCase, ReflectApply(StringPrototypeNormalize, dotted, ["NFKC"]), []);
    const labels = ReflectApply(StringPrototypeSplit, mapped, ["."]);
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      let plain = true;
      for (let j = 0; j < label.length; j++) if (charCodeAt(label, j) > 0x7f) { plain = false; break; }
      if (!plain) {
        const encoded = punycodeEncode(label);
        if (encoded === null) return null;
        labels[i] = "xn--" + encoded;
      }
    }
    return join(labels, ".");
  }

  // RFC 3492 Punycode encoding of one label.
  function punycodeEncode(label) {
    const codePoints = newList();
    for (let i = 0; i < label.length; i++) {
      const c = codePointAt(label, i);
      if (c > 0xffff) i++;
      codePoints[codePoints.length] = c;
    }
    let out = "";
    for (let i = 0; i < codePoints.length; i++) if (codePoints[i] < 0x80) out += StringFromCharCode(codePoints[i]);
    const basic = out.length;
    let handled = basic;
    if (basic > 0) out += "-";
    let n = 128, delta = 0, bias = 72;
    const digit = (d) => StringFromCharCode(d < 26 ? d + 97 : d + 22);
    while (handled < codePoints.length) {
      let m = 0x7fffffff;
      for (let i = 0; i < codePoints.length; i++) if (codePoints[i] >= n && codePoints[i] < m) m = codePoints[i];
      delta += (m - n) * (handled + 1);
      n = m;
      for (let i = 0; i < codePoints.length; i++) {
        const c = codePoints[i];
        if (c < n) delta++;
        if (c === n) {
          let q = delta;
          for (let k = 36; ; k += 36) {
            const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
            if (q < t) break;
            out += digit(t + ((q - t) % (36 - t)));
            q = MathFloor((q - t) / (36 - t));
          }
          out += digit(q);
          // bias adaptation
          let d = handled === basic ? MathFloor(delta / 700) : delta >> 1;
          d += MathFloor(d / (handled + 1));
          let k = 0;
          while (d > 455) { d = MathFloor(d / 35); k += 36; }
          bias = k + MathFloor((36 * d) / (d + 38));
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return out;
  }

  // §3.5 "ends in a number checker"
  function endsInNumber(s) {
    const parts = ReflectApply(StringPrototypeSplit, s, ["."]);
    if (parts[parts.length - 1] === "") {
      if (parts.length === 1) return false;
      parts.length--;
    }
    const last = parts[parts.length - 1];
    if (last !== "") {
      let digits = true;
      for (let i = 0; i < last.length; i++) if (!isASCIIDigit(charCodeAt(last, i))) { digits = false; break; }
      if (digits) return true;
    }
    return parseIPv4Number(last) !== null;
  }

  // Returns a number, or null for failure.
  function parseIPv4Number(s) {
    if (s === "") return null;
    let radix = 10, i = 0;
    if (s.length >= 2 && charCodeAt(s, 0) === 0x30 && (charCodeAt(s, 1) | 0x20) === 0x78) { radix = 16; i = 2; }
    else if (s.length >= 2 && charCodeAt(s, 0) === 0x30) { radix = 8; i = 1; }
    if (i === s.length) return 0;
    let n = 0;
    for (; i < s.length; i++) {
      const c = charCodeAt(s, i);
      let d;
      if (radix === 16) { if (!isASCIIHexDigit(c)) return null; d = hexValue(c); }
      else if (radix === 8) { if (c < 0x30 || c > 0x37) return null; d = c - 0x30; }
      else { if (!isASCIIDigit(c)) return null; d = c - 0x30; }
      n = n * radix + d;
    }
    return n;
  }

  function parseIPv4(s) {
    const parts = ReflectApply(StringPrototypeSplit, s, ["."]);
    if (parts[parts.length - 1] === "" && parts.length > 1) parts.length--;
    if (parts.length > 4) return null;
    const numbers = newList();
    for (let i = 0; i < parts.length; i++) {
      const n = parseIPv4Number(parts[i]);
      if (n === null) return null;
      numbers[i] = n;
    }
    for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
    if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
    let address = numbers[numbers.length - 1];
    for (let i = 0; i < numbers.length - 1; i++) address += numbers[i] * 256 ** (3 - i);
    let out = "";
    for (let i = 0; i < 4; i++) {
      out = ReflectApply(NumberPrototypeToString, address % 256, []) + (i === 0 ? "" : ".") + out;
      address = MathFloor(address / 256);
    }
    return out;
  }

  // Returns 8 pieces, or null for failure.
  function parseIPv6(input) {
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    let pieceIndex = 0, compress = -1, p = 0;
    const len = input.length;
    const at = (i) => (i < len ? charCodeAt(input, i) : -1);
    if (at(p) === 0x3a) {
      if (at(p + 1) !== 0x3a) return null;
      p += 2;
      pieceIndex++;
      compress = pieceIndex;
    }
    while (at(p) !== -1) {
      if (pieceIndex === 8) return null;
      if (at(p) === 0x3a) {
        if (compress !== -1) return null;
        p++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      let value = 0, length = 0;
      while (length < 4 && at(p) !== -1 && isASCIIHexDigit(at(p))) {
        value = value * 16 + hexValue(at(p));
        p++;
        length++;
      }
      if (at(p) === 0x2e) {
        if (length === 0) return null;
        p -= length;
        if (pieceIndex > 6) return null;
        let numbersSeen = 0;
        while (at(p) !== -1) {
          let ipv4Piece = -1;
          if (numbersSeen > 0) {
            if (at(p) === 0x2e && numbersSeen < 4) p++;
            else return null;
          }
          if (!isASCIIDigit(at(p))) return null;
          while (isASCIIDigit(at(p))) {
            const number = at(p) - 0x30;
            if (ipv4Piece === -1) ipv4Piece = number;
            else if (ipv4Piece === 0) return null;
            else ipv4Piece = ipv4Piece * 10 + number;
            if (ipv4Piece > 255) return null;
            p++;
          }
          address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
        }
        if (numbersSeen !== 4) return null;
        break;
      } else if (at(p) === 0x3a) {
        p++;
        if (at(p) === -1) return null;
      } else if (at(p) !== -1) {
        return null;
      }
      address[pieceIndex] = value;
      pieceIndex++;
    }
    if (compress !== -1) {
      let swaps = pieceIndex - compress;
      pieceIndex = 7;
      while (pieceIndex !== 0 && swaps > 0) {
        const t = address[pieceIndex];
        address[pieceIndex] = address[compress + swaps - 1];
        address[compress + swaps - 1] = t;
        pieceIndex--;
        swaps--;
      }
    } else if (pieceIndex !== 8) {
      return null;
    }
    return address;
  }

  function serializeIPv6(pieces) {
    // The first longest run of two or more zero pieces is compressed.
    let compress = -1, best = 1;
    for (let i = 0; i < 8;) {
      if (pieces[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && pieces[j] === 0) j++;
      if (j - i > best) { best = j - i; compress = i; }
      i = j;
    }
    let out = "", ignore0 = false;
    for (let i = 0; i < 8; i++) {
      if (ignore0 && pieces[i] === 0) continue;
      ignore0 = false;
      if (compress === i) {
        out += i === 0 ? "::" : ":";
        ignore0 = true;
        continue;
      }
      out += ReflectApply(NumberPrototypeToString, pieces[i], [16]);
      if (i !== 7) out += ":";
    }
    return out;
  }

  // ---- the basic URL parser (§4.4) --------------------------------------------------------------------------
  // Parser states (plain constants, so the state switch compiles to a jump table).
  const SCHEME_START = 1, SCHEME = 2, NO_SCHEME = 3, SPECIAL_RELATIVE_OR_AUTHORITY = 4, PATH_OR_AUTHORITY = 5,
    RELATIVE = 6, RELATIVE_SLASH = 7, SPECIAL_AUTHORITY_SLASHES = 8, SPECIAL_AUTHORITY_IGNORE_SLASHES = 9,
    AUTHORITY = 10, HOST = 11, HOSTNAME = 12, PORT = 13, FILE = 14, FILE_SLASH = 15, FILE_HOST = 16, PATH_START = 17,
    PATH = 18, OPAQUE_PATH = 19, QUERY = 20, FRAGMENT = 21;
  const STATE = { __proto__: null, SCHEME_START, SCHEME, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, PATH_OR_AUTHORITY,
    RELATIVE, RELATIVE_SLASH, SPECIAL_AUTHORITY_SLASHES, SPECIAL_AUTHORITY_IGNORE_SLASHES, AUTHORITY, HOST, HOSTNAME,
    PORT, FILE, FILE_SLASH, FILE_HOST, PATH_START, PATH, OPAQUE_PATH, QUERY, FRAGMENT };
  const EOF = -1;

  function copyPath(path) { // (no spread: that would run the script's array iterator)
    const out = newList();
    for (let i = 0; i < path.length; i++) out[i] = path[i];
    return out;
  }
  function newRecord() {
    return { scheme: "", username: "", password: "", host: null, port: null, path: newList(), query: null, fragment: null };
  }
  const hasOpaquePath = (url) => typeof url.path === "string";
  const includesCredentials = (url) => url.username !== "" || url.password !== "";

  function shortenPath(url) {
    const path = url.path;
    if (url.scheme === "file" && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) return;
    if (path.length > 0) path.length--;
  }
  const isWindowsDriveLetter = (s) => s.length === 2 && isASCIIAlpha(charCodeAt(s, 0)) &&
    (charCodeAt(s, 1) === 0x3a || charCodeAt(s, 1) === 0x7c);
  const isNormalizedWindowsDriveLetter = (s) => s.length === 2 && isASCIIAlpha(charCodeAt(s, 0)) && charCodeAt(s, 1) === 0x3a;
  // "starts with a Windows drive letter": the code points from index i.
  function startsWithWindowsDriveLetter(cps, i) {
    if (cps.length - i < 2) return false;
    if (!isASCIIAlpha(cps[i]) || (cps[i + 1] !== 0x3a && cps[i + 1] !== 0x7c)) return false;
    if (cps.length - i === 2) return true;
    const c = cps[i + 2];
    return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
  }
  const isSingleDot = (s) => s === "." || ReflectApply(StringPrototypeToLowerCase, s, []) === "%2e";
  function isDoubleDot(s) {
    const l = ReflectApply(StringPrototypeToLowerCase, s, []);
    return l === ".." || l === ".%2e" || l === "%2e." || l === "%2e%2e";
  }

  const C0_OR_SPACE = (c) => c <= 0x20;
  const isTabOrNewline = (c) => c === 0x09 || c === 0x0a || c === 0x0d;

  function toCodePoints(s) {
    const out = newList();
    for (let i = 0; i < s.length; i++) {
      const c = codePointAt(s, i);
      if (c > 0xffff) i++;
      out[out.length] = c;
    }
    return out;
  }
  const cpString = (c) => (c > 0xffff ? StringFromCodePoint(c) : StringFromCharCode(c));

  function parseURL(input, base = null, url = null, stateOverride = 0) {
    checkFastCalls();
    input = ReflectApply(StringPrototypeToWellFormed, input, []);
    if (url === null) {
      url = newRecord();
      // Strip leading and trailing C0 controls and spaces.
      let a = 0, b = input.length;
      while (a < b && C0_OR_SPACE(charCodeAt(input, a))) a++;
      while (b > a && C0_OR_SPACE(charCodeAt(input, b - 1))) b--;
      input = slice(input, a, b);
    }
    // Remove all ASCII tab or newline.
    let cleaned = "";
    let start = 0;
    for (let i = 0; i < input.length; i++) {
      if (isTabOrNewline(charCodeAt(input, i))) { cleaned += slice(input, start, i); start = i + 1; }
    }
    input = start === 0 ? input : cleaned + slice(input, start);

    const cps = toCodePoints(input);
    let state = stateOverride || SCHEME_START;
    let buffer = "";
    let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
    let pointer = 0;
    const n = cps.length;

    for (;; pointer++) {
      const c = pointer < n ? cps[pointer] : EOF;
      switch (state) {
        case SCHEME_START:
          if (c !== EOF && isASCIIAlpha(c)) {
            buffer += StringFromCharCode(c | 0x20);
            state = SCHEME;
          } else if (!stateOverride) {
            state = NO_SCHEME;
            pointer--;
          } else {
            return null;
          }
          break;

        case SCHEME:
          if (c !== EOF && (isASCIIAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e)) {
            buffer += StringFromCharCode(c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
          } else if (c === 0x3a) {
            if (stateOverride) {
              if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return "unchanged";
              if ((includesCredentials(url) || url.port !== null) && buffer === "file") return "unchanged";
              if (url.scheme === "file" && url.host === "") return "unchanged";
            }
            url.scheme = buffer;
            if (stateOverride) {
              if (url.port === specialPorts[url.scheme]) url.port = null;
              return url;
            }
            buffer = "";
            if (url.scheme === "file") {
              state = FILE;
            } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
              state = SPECIAL_RELATIVE_OR_AUTHORITY;
            } else if (isSpecialScheme(url.scheme)) {
              state = SPECIAL_AUTHORITY_SLASHES;
            } else if (cps[pointer + 1] === 0x2f) {
              state = PATH_OR_AUTHORITY;
              pointer++;
            } else {
              url.path = "";
              state = OPAQUE_PATH;
            }
          } else if (!stateOverride) {
            buffer = "";
            state = NO_SCHEME;
            pointer = -1;
          } else {
            return null;
          }
          break;

        case NO_SCHEME:
          if (base === null || (hasOpaquePath(base) && c !== 0x23)) return null;
          if (hasOpaquePath(base) && c === 0x23) {
            url.scheme = base.scheme;
            url.path = base.path;
            url.query = base.query;
            url.fragment = "";
            state = FRAGMENT;
          } else if (base.scheme !== "file") {
            state = RELATIVE;
            pointer--;
          } else {
            state = FILE;
            pointer--;
          }
          break;

        case SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === 0x2f && cps[pointer + 1] === 0x2f) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer++;
          } else {
            state = RELATIVE;
            pointer--;
          }
          break;

        case PATH_OR_AUTHORITY:
          if (c === 0x2f) state = AUTHORITY;
          else { state = PATH; pointer--; }
          break;

        case RELATIVE:
          url.scheme = base.scheme;
          if (c === 0x2f) {
            state = RELATIVE_SLASH;
          } else if (isSpecialScheme(url.scheme) && c === 0x5c) {
            state = RELATIVE_SLASH;
          } else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            url.path = copyPath(base.path);
            url.query = base.query;
            if (c === 0x3f) {
              url.query = "";
              state = QUERY;
            } else if (c === 0x23) {
              url.fragment = "";
              state = FRAGMENT;
            } else if (c !== EOF) {
              url.query = null;
              shortenPath(url);
              state = PATH;
              pointer--;
            }
          }
          break;

        case RELATIVE_SLASH:
          if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          } else if (c === 0x2f) {
            state = AUTHORITY;
          } else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            state = PATH;
            pointer--;
          }
          break;

        case SPECIAL_AUTHORITY_SLASHES:
          if (c === 0x2f && cps[pointer + 1] === 0x2f) {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer++;
          } else {
            state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
            pointer--;
          }
          break;

        case SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== 0x2f && c !== 0x5c) {
            state = AUTHORITY;
            pointer--;
          }
          break;

        case AUTHORITY:
          if (c === 0x40) {
            if (atSignSeen) buffer = "%40" + buffer;
            atSignSeen = true;
            const bcps = toCodePoints(buffer);
            for (let i = 0; i < bcps.length; i++) {
              const b = bcps[i];
              if (b === 0x3a && !passwordTokenSeen) { passwordTokenSeen = true; continue; }
              const encoded = encodeCodePoint(cpString(b), b, inUserinfo);
              if (passwordTokenSeen) url.password += encoded;
              else url.username += encoded;
            }
            buffer = "";
          } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
            if (atSignSeen && buffer === "") return null;
            pointer -= toCodePoints(buffer).length + 1;
            buffer = "";
            state = HOST;
          } else {
            buffer += cpString(c);
          }
          break;

        case HOST:
        case HOSTNAME:
          if (stateOverride && url.scheme === "file") {
            pointer--;
            state = FILE_HOST;
          } else if (c === 0x3a && !insideBrackets) {
            if (buffer === "") return null;
            if (stateOverride === HOSTNAME) return "unchanged";
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return null;
            url.host = host;
            buffer = "";
            state = PORT;
          } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
            pointer--;
            if (isSpecialScheme(url.scheme) && buffer === "") return null;
            if (stateOverride && buffer === "" && (includesCredentials(url) || url.port !== null)) return "unchanged";
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return null;
            url.host = host;
            buffer = "";
            state = PATH_START;
            if (stateOverride) return url;
          } else {
            if (c === 0x5b) insideBrackets = true;
            if (c === 0x5d) insideBrackets = false;
            buffer += cpString(c);
          }
          break;

        case PORT:
          if (c !== EOF && isASCIIDigit(c)) {
            buffer += StringFromCharCode(c);
          } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c) ||
            stateOverride) {
            if (buffer !== "") {
              let port = 0;
              for (let i = 0; i < buffer.length; i++) {
                port = port * 10 + (charCodeAt(buffer, i) - 0x30);
                if (port > 65535) return null;
              }
              url.port = specialPorts[url.scheme] === port ? null : port;
              buffer = "";
              if (stateOverride) return url;
            }
            if (stateOverride) return "unchanged";
            state = PATH_START;
            pointer--;
          } else {
            return null;
          }
          break;

        case FILE:
          url.scheme = "file";
          url.host = "";
          if (c === 0x2f || c === 0x5c) {
            state = FILE_SLASH;
          } else if (base !== null && base.scheme === "file") {
            url.host = base.host;
            url.path = copyPath(base.path);
            url.query = base.query;
            if (c === 0x3f) {
              url.query = "";
              state = QUERY;
            } else if (c === 0x23) {
              url.fragment = "";
              state = FRAGMENT;
            } else if (c !== EOF) {
              url.query = null;
              if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
              else url.path = newList();
              state = PATH;
              pointer--;
            }
          } else {
            state = PATH;
            pointer--;
          }
          break;

        case FILE_SLASH:
          if (c === 0x2f || c === 0x5c) {
            state = FILE_HOST;
          } else {
            if (base !== null && base.scheme === "file") {
              url.host = base.host;
              if (!startsWithWindowsDriveLetter(cps, pointer) && base.path.length > 0 &&
                isNormalizedWindowsDriveLetter(base.path[0])) {
                url.path[url.path.length] = base.path[0];
              }
            }
            state = PATH;
            pointer--;
          }
          break;

        case FILE_HOST:
          if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
            pointer--;
            if (!stateOverride && isWindowsDriveLetter(buffer)) {
              state = PATH;
            } else if (buffer === "") {
              url.host = "";
              if (stateOverride) return url;
              state = PATH_START;
            } else {
              let host = parseHost(buffer, false);
              if (host === null) return null;
              if (host === "localhost") host = "";
              url.host = host;
              if (stateOverride) return url;
              buffer = "";
              state = PATH_START;
            }
          } else {
            buffer += cpString(c);
          }
          break;

        case PATH_START:
          if (isSpecialScheme(url.scheme)) {
            state = PATH;
            if (c !== 0x2f && c !== 0x5c) pointer--;
          } else if (!stateOverride && c === 0x3f) {
            url.query = "";
            state = QUERY;
          } else if (!stateOverride && c === 0x23) {
            url.fragment = "";
            state = FRAGMENT;
          } else if (c !== EOF) {
            state = PATH;
            if (c !== 0x2f) pointer--;
          } else if (stateOverride && url.host === null) {
            url.path[url.path.length] = "";
          }
          break;

        case PATH:
          if (c === EOF || c === 0x2f || (isSpecialScheme(url.scheme) && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
            const slash = c === 0x2f || (isSpecialScheme(url.scheme) && c === 0x5c);
            if (isDoubleDot(buffer)) {
              shortenPath(url);
              if (!slash) url.path[url.path.length] = "";
            } else if (isSingleDot(buffer) && !slash) {
              url.path[url.path.length] = "";
            } else if (!isSingleDot(buffer)) {
              if (url.scheme === "file" && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
                buffer = slice(buffer, 0, 1) + ":";
              }
              url.path[url.path.length] = buffer;
            }
            buffer = "";
            if (c === 0x3f) {
              url.query = "";
              state = QUERY;
            }
            if (c === 0x23) {
              url.fragment = "";
              state = FRAGMENT;
            }
          } else {
            buffer += encodeCodePoint(cpString(c), c, inPath);
          }
          break;

        case OPAQUE_PATH:
          if (c === 0x3f) {
            url.query = "";
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = "";
            state = FRAGMENT;
          } else if (c === 0x20) {
            const next = cps[pointer + 1];
            if (next === 0x3f || next === 0x23) url.path += "%20";
            else url.path += " ";
          } else if (c !== EOF) {
            url.path += encodeCodePoint(cpString(c), c, inC0Control);
          }
          break;

        case QUERY:
          if ((!stateOverride && c === 0x23) || c === EOF) {
            url.query += percentEncodeString(buffer, isSpecialScheme(url.scheme) ? inSpecialQuery : inQuery, false);
            buffer = "";
            if (c === 0x23) {
              url.fragment = "";
              state = FRAGMENT;
            }
          } else if (c !== EOF) {
            buffer += cpString(c);
          }
          break;

        case FRAGMENT:
          if (c !== EOF) url.fragment += encodeCodePoint(cpString(c), c, inFragment);
          break;
      }
      if (pointer >= n) break; // c was EOF and no state asked to see it again
    }
    return url;
  }

  // ---- serializers -------------------------------------------------------------------------------------------
  function serializePath(url) {
    if (hasOpaquePath(url)) return url.path;
    let out = "";
    for (let i = 0; i < url.path.length; i++) out += "/" + url.path[i];
    return out;
  }

  function serializeURL(url, excludeFragment = false) {
    let out = url.scheme + ":";
    if (url.host !== null) {
      out += "//";
      if (includesCredentials(url)) {
        out += url.username;
        if (url.password !== "") out += ":" + url.password;
        out += "@";
      }
      out += url.host;
      if (url.port !== null) out += ":" + url.port;
    }
    if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === "") out += "/.";
    out += serializePath(url);
    if (url.query !== null) out += "?" + url.query;
    if (!excludeFragment && url.fragment !== null) out += "#" + url.fragment;
    return out;
  }

  function urlOrigin(url) {
    switch (url.scheme) {
      case "blob": {
        const inner = parseURL(serializePath(url));
        return inner !== null && (inner.scheme === "http" || inner.scheme === "https") ? urlOrigin(inner) : "null";
      }
      case "ftp": case "http": case "https": case "ws": case "wss":
        return url.scheme + "://" + url.host + (url.port !== null ? ":" + url.port : "");
      default:
        return "null"; // file: and everything else have an opaque origin
    }
  }

  internals.parseURL = parseURL;
  internals.serializeURL = serializeURL;
  internals.serializeURLPath = serializePath;
  internals.urlOrigin = urlOrigin;
  internals.urlState = STATE;
  internals.percentEncodeString = percentEncodeString;
  internals.percentDecodeBytes = percentDecodeBytes;
  internals.urlSets = { component: inComponent, formURLEncoded: inFormURLEncoded, userinfo: inUserinfo, path: inPath };
  internals.isSpecialScheme = isSpecialScheme;
  internals.specialPorts = specialPorts;
})

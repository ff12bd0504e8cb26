// UTF-8 → UTF-16 for TextDecoder's big inputs, in two passes: one checks that the bytes are well-formed and
// counts the code units (so the string can be made at its exact length), the other writes them. Each pass has
// a portable version and an AVX-512 one, picked once at run time.
//
// The AVX-512 passes work on whole blocks with bit masks and never on one code point at a time:
// - measuring: a byte is a continuation (10xxxxxx) exactly where a lead one to three bytes back asks for one,
//   so "continuations" XOR "required continuations" must be empty; the few remaining rules (no C0/C1 or
//   F5..FF leads, no overlong E0/F0 forms, no surrogates after ED, nothing past U+10FFFF after F4) compare each
//   lead with the byte after it.
// - decoding: every byte position computes the code unit that *would* start there (as a 1-, 2- or 3-byte
//   sequence, from itself and the next two bytes; a 4-byte lead gives its high surrogate, and the position
//   after it the low one), then a compress keeps the positions where a code unit starts.
#include "CJSHostSupport.h"
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static inline bool is_continuation(uint8_t byte) {
    return (byte & 0xC0) == 0x80;
}

// ---- portable ---------------------------------------------------------------------------------------------

// Checks the code points that start in s[i..<stop] (the last may end after stop, never after n) and adds their
// UTF-16 length to *units; *end is where the next code point starts. s[i] must start a code point.
static bool measure_portable(const uint8_t *s, size_t n, size_t i, size_t stop, size_t *units, size_t *end) {
    size_t count = *units;
    while (i < stop) {
        uint8_t b = s[i];
        if (b < 0x80) {
            while (i + 8 <= stop) {
                uint64_t word;
                memcpy(&word, s + i, 8);
                if (word & 0x8080808080808080ULL) break;
                i += 8;
                count += 8;
            }
            while (i < stop && s[i] < 0x80) {
                i++;
                count++;
            }
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            if (i + 1 >= n || !is_continuation(s[i + 1])) return false;
            i += 2;
            count += 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            if (i + 2 >= n) return false;
            uint8_t lower = b == 0xE0 ? 0xA0 : 0x80, upper = b == 0xED ? 0x9F : 0xBF;
            if (s[i + 1] < lower || s[i + 1] > upper || !is_continuation(s[i + 2])) return false;
            i += 3;
            count += 1;
        } else if (b >= 0xF0 && b <= 0xF4) {
            if (i + 3 >= n) return false;
            uint8_t lower = b == 0xF0 ? 0x90 : 0x80, upper = b == 0xF4 ? 0x8F : 0xBF;
            if (s[i + 1] < lower || s[i + 1] > upper || !is_continuation(s[i + 2]) || !is_continuation(s[i + 3])) return false;
            i += 4;
            count += 2;
        } else {
            return false;
        }
    }
    *units = count;
    *end = i;
    return true;
}

// Decodes the code point at s[*i] into out[*o...]. The bytes were measured as well-formed, but they may have
// changed since (a SharedArrayBuffer): every read stays below n and every write below `units`, whatever they hold.
static inline bool decode_one(const uint8_t *s, size_t n, size_t *i, uint16_t *out, size_t *o, size_t units) {
    size_t at = *i, to = *o;
    uint8_t b = s[at];
    if (b < 0x80) {
        if (to >= units) return false;
        out[to] = b;
        *i = at + 1;
        *o = to + 1;
    } else if (b < 0xE0) {
        if (at + 1 >= n || to >= units) return false;
        out[to] = (uint16_t)((b & 0x1F) << 6 | (s[at + 1] & 0x3F));
        *i = at + 2;
        *o = to + 1;
    } else if (b < 0xF0) {
        if (at + 2 >= n || to >= units) return false;
        out[to] = (uint16_t)((b & 0x0F) << 12 | (s[at + 1] & 0x3F) << 6 | (s[at + 2] & 0x3F));
        *i = at + 3;
        *o = to + 1;
    } else {
        if (at + 3 >= n || to + 2 > units) return false;
        uint32_t value = ((uint32_t)(b & 0x07) << 18 | (uint32_t)(s[at + 1] & 0x3F) << 12
            | (uint32_t)(s[at + 2] & 0x3F) << 6 | (s[at + 3] & 0x3F)) - 0x10000;
        out[to] = (uint16_t)(0xD800 + ((value >> 10) & 0x3FF));
        out[to + 1] = (uint16_t)(0xDC00 + (value & 0x3FF));
        *i = at + 4;
        *o = to + 2;
    }
    return true;
}

// Decodes s[i..<n] into out[o..<units]. Continuation bytes at i belong to a code point already written.
static bool decode_portable(const uint8_t *s, size_t n, size_t i, uint16_t *out, size_t o, size_t units) {
    while (i < n && is_continuation(s[i])) i++;
    while (i < n) {
        if (s[i] < 0x80 && i + 8 <= n && o + 8 <= units) {
            uint64_t word;
            memcpy(&word, s + i, 8);
            if (!(word & 0x8080808080808080ULL)) {
                for (int k = 0; k < 8; k++) out[o + k] = (uint16_t)((word >> (8 * k)) & 0xFF);
                i += 8;
                o += 8;
                continue;
            }
        }
        if (!decode_one(s, n, &i, out, &o, units)) return false;
    }
    return o == units;
}

// Copies ASCII s[0..<n] to out, checking as it goes, in blocks of 4 KiB; false (at the end of the block holding
// it) on a byte of 0x80 or more. Each block's loop has no early exit, so the compiler vectorizes it.
// (Through restrict locals: a store through an unsigned char pointer may alias anything.)
static bool copy_ascii_portable(const uint8_t *s, size_t n, uint8_t *out) {
    const uint8_t *restrict from = s;
    uint8_t *restrict to = out;
    const size_t block = 4096;
    for (size_t start = 0; start < n; start += block) {
        size_t end = n - start < block ? n : start + block;
        uint64_t seen = 0;
        size_t i = start;
        for (; i + 8 <= end; i += 8) {
            uint64_t word;
            memcpy(&word, from + i, 8);
            seen |= word;
            memcpy(to + i, &word, 8);
        }
        for (; i < end; i++) {
            seen |= from[i];
            to[i] = from[i];
        }
        if (seen & 0x8080808080808080ULL) return false;
    }
    return true;
}

// ---- AVX-512 (BW, VL, VBMI2 for the 16-bit compress) ------------------------------------------------------

#if defined(__x86_64__)
#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi2,bmi,bmi2,popcnt")))

// Where the portable pass takes over from the vector one at i: when the last block ended inside a sequence
// (`carry`), at its lead, at most three bytes back, whose units are then counted again and so uncounted here.
// (Bytes that changed meanwhile, in shared memory, may show no lead there: the portable pass then finds the
// continuation byte it starts on invalid.)
static inline size_t back_up_to_lead(const uint8_t *s, size_t i, uint64_t carry, size_t *count) {
    if (!carry) return i;
    size_t lowest = i - 3;
    do i--; while (i > lowest && is_continuation(s[i]));
    *count -= s[i] >= 0xF0 ? 2 : 1;
    return i;
}

AVX512_TARGET
static bool measure_avx512(const uint8_t *s, size_t n, size_t *units) {
    const __m512i c0 = _mm512_set1_epi8((char)0xC0), x80 = _mm512_set1_epi8((char)0x80);
    const __m512i c2 = _mm512_set1_epi8((char)0xC2), e0 = _mm512_set1_epi8((char)0xE0);
    const __m512i ed = _mm512_set1_epi8((char)0xED), f0 = _mm512_set1_epi8((char)0xF0);
    const __m512i f4 = _mm512_set1_epi8((char)0xF4), f5 = _mm512_set1_epi8((char)0xF5);
    const __m512i a0 = _mm512_set1_epi8((char)0xA0), x9f = _mm512_set1_epi8((char)0x9F);
    const __m512i x90 = _mm512_set1_epi8((char)0x90), x8f = _mm512_set1_epi8((char)0x8F);
    size_t i = 0, count = 0;
    uint64_t carry = 0, error = 0;
    // (+1: the overlong and surrogate checks read the byte after each lead.)
    while (i + 65 <= n) {
        __m512i v = _mm512_loadu_si512(s + i);
        uint64_t high = _mm512_movepi8_mask(v);
        if (high == 0) {
            error |= carry;
            carry = 0;
            count += 64;
            i += 64;
            continue;
        }
        uint64_t continuation = _mm512_cmpeq_epi8_mask(_mm512_and_si512(v, c0), x80);
        uint64_t lead2 = _mm512_cmpge_epu8_mask(v, c0);
        uint64_t lead3 = _mm512_cmpge_epu8_mask(v, e0);
        uint64_t lead4 = _mm512_cmpge_epu8_mask(v, f0);
        error |= ((lead2 << 1) | (lead3 << 2) | (lead4 << 3) | carry) ^ continuation;
        carry = (lead2 >> 63) | (lead3 >> 62) | (lead4 >> 61);
        error |= lead2 & _mm512_cmplt_epu8_mask(v, c2);
        __m512i next = _mm512_loadu_si512(s + i + 1);
        error |= _mm512_mask_cmplt_epu8_mask(_mm512_cmpeq_epi8_mask(v, e0), next, a0);
        error |= _mm512_mask_cmpgt_epu8_mask(_mm512_cmpeq_epi8_mask(v, ed), next, x9f);
        if (lead4) {
            // F5..FF never appear; F0 must not start an overlong form, F4 nothing past U+10FFFF.
            error |= _mm512_cmpge_epu8_mask(v, f5);
            error |= _mm512_mask_cmplt_epu8_mask(_mm512_cmpeq_epi8_mask(v, f0), next, x90);
            error |= _mm512_mask_cmpgt_epu8_mask(_mm512_cmpeq_epi8_mask(v, f4), next, x8f);
        }
        // One unit per code point, two for a 4-byte one (a surrogate pair).
        count += 64 - (size_t)_mm_popcnt_u64(continuation) + (size_t)_mm_popcnt_u64(lead4);
        i += 64;
    }
    if (error) return false;
    i = back_up_to_lead(s, i, carry, &count);
    *units = count;
    return measure_portable(s, n, i, n, units, &i);
}

AVX512_TARGET
static bool decode_avx512(const uint8_t *s, size_t n, uint16_t *out, size_t units) {
    const __m512i w_c0 = _mm512_set1_epi16(0xC0), w_80 = _mm512_set1_epi16(0x80), w_e0 = _mm512_set1_epi16(0xE0);
    const __m512i w_f0 = _mm512_set1_epi16(0xF0), w_07 = _mm512_set1_epi16(0x07), w_0f = _mm512_set1_epi16(0x0F);
    const __m512i w_1f = _mm512_set1_epi16(0x1F), w_3f = _mm512_set1_epi16(0x3F);
    const __m512i w_d7c0 = _mm512_set1_epi16((short)0xD7C0), w_dc00 = _mm512_set1_epi16((short)0xDC00);
    size_t i = 0, o = 0;
    // 1 when the block before ended with a 4-byte lead: its low surrogate goes at this block's first position.
    __mmask32 pendingLow = 0;
    // (+2: a code point starting in the last two positions of a block reads the two bytes after it.)
    while (i + 34 <= n) {
        __m256i raw = _mm256_loadu_si256((const __m256i *)(s + i));
        if (_mm256_movemask_epi8(raw) == 0 && !pendingLow) {
            if (o + 32 > units) return false;
            _mm512_storeu_si512(out + o, _mm512_cvtepu8_epi16(raw));
            o += 32;
            i += 32;
            continue;
        }
        __m512i x0 = _mm512_cvtepu8_epi16(raw);
        __m512i x1 = _mm512_cvtepu8_epi16(_mm256_loadu_si256((const __m256i *)(s + i + 1)));
        __m512i x2 = _mm512_cvtepu8_epi16(_mm256_loadu_si256((const __m256i *)(s + i + 2)));
        __mmask32 starts = _mm512_cmpneq_epi16_mask(_mm512_and_si512(x0, w_c0), w_80);
        __mmask32 two = _mm512_cmpge_epu16_mask(x0, w_c0);
        __mmask32 three = _mm512_cmpge_epu16_mask(x0, w_e0);
        __mmask32 four = _mm512_cmpge_epu16_mask(x0, w_f0);
        __m512i trail1 = _mm512_and_si512(x1, w_3f);
        // 110aaaaa 10bbbbbb → aaaaabbbbbb; 1110aaaa 10bbbbbb 10cccccc → aaaabbbbbbcccccc (x0 << 12 keeps aaaa).
        __m512i as2 = _mm512_or_si512(_mm512_slli_epi16(_mm512_and_si512(x0, w_1f), 6), trail1);
        __m512i as3 = _mm512_or_si512(_mm512_or_si512(_mm512_slli_epi16(x0, 12), _mm512_slli_epi16(trail1, 6)),
                                      _mm512_and_si512(x2, w_3f));
        __m512i value = _mm512_mask_blend_epi16(three, _mm512_mask_blend_epi16(two, x0, as2), as3);
        if (four | pendingLow) {
            // 11110aaa 10bbbbbb 10ccdddd 10eeeeee is the code point aaabbbbbbccddddeeeeee: its high surrogate, at
            // the lead, is 0xD800 + aaabbbbbbcc - 0x40; the low one, at the next position (a continuation byte,
            // made a start here), is 0xDC00 + ddddeeeeee, from the two bytes after that position.
            __mmask32 low = (__mmask32)((four << 1) | pendingLow);
            pendingLow = four >> 31;
            __m512i hi = _mm512_add_epi16(w_d7c0, _mm512_or_si512(_mm512_or_si512(
                _mm512_slli_epi16(_mm512_and_si512(x0, w_07), 8), _mm512_slli_epi16(trail1, 2)),
                _mm512_srli_epi16(_mm512_and_si512(x2, w_3f), 4)));
            __m512i lo = _mm512_or_si512(w_dc00, _mm512_or_si512(
                _mm512_slli_epi16(_mm512_and_si512(x1, w_0f), 6), _mm512_and_si512(x2, w_3f)));
            value = _mm512_mask_blend_epi16(low, _mm512_mask_blend_epi16(four, value, hi), lo);
            starts |= low;
        }
        __m512i packed = _mm512_maskz_compress_epi16(starts, value);
        unsigned k = (unsigned)_mm_popcnt_u32(starts);
        if (o + k > units) return false;
        _mm512_mask_storeu_epi16(out + o, (__mmask32)_bzhi_u32(0xFFFFFFFFu, k), packed);
        o += k;
        i += 32;
    }
    if (pendingLow) {
        // The last block ended on a 4-byte lead: the portable code decodes that code point whole again.
        i -= 1;
        o -= 1;
    }
    return decode_portable(s, n, i, out, o, units);
}

AVX512_TARGET
static bool copy_ascii_avx512(const uint8_t *s, size_t n, uint8_t *out) {
    size_t i = 0;
    while (i + 256 <= n) {
        size_t end = n - i < 4096 ? i + ((n - i) & ~(size_t)255) : i + 4096;
        __m512i seen = _mm512_setzero_si512();
        for (; i < end; i += 256) {
            __m512i a = _mm512_loadu_si512(s + i), b = _mm512_loadu_si512(s + i + 64);
            __m512i c = _mm512_loadu_si512(s + i + 128), d = _mm512_loadu_si512(s + i + 192);
            _mm512_storeu_si512(out + i, a);
            _mm512_storeu_si512(out + i + 64, b);
            _mm512_storeu_si512(out + i + 128, c);
            _mm512_storeu_si512(out + i + 192, d);
            seen = _mm512_ternarylogic_epi64(seen, a, _mm512_or_si512(b, _mm512_or_si512(c, d)), 0xFE);
        }
        if (_mm512_movepi8_mask(seen)) return false;
    }
    return copy_ascii_portable(s + i, n - i, out + i);
}

static int avx512_state = 0; // 0: not yet asked, 1: available, -1: not
static bool avx512_disabled = false;

static bool use_avx512(void) {
    if (__atomic_load_n(&avx512_disabled, __ATOMIC_RELAXED)) return false;
    int state = __atomic_load_n(&avx512_state, __ATOMIC_RELAXED);
    if (state == 0) {
        __builtin_cpu_init();
        bool available = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
            && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi2")
            && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
        state = available ? 1 : -1;
        __atomic_store_n(&avx512_state, state, __ATOMIC_RELAXED);
    }
    return state == 1;
}
#else
static bool avx512_disabled = false;
static bool use_avx512(void) { return false; }
#endif

// ---- Latin-1 → UTF-8 (TextEncoder on one-byte strings) -------------------------------------------------------

static size_t count_high_portable(const uint8_t *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += s[i] >> 7;
    return count;
}

#if defined(__x86_64__)
AVX512_TARGET
static size_t count_high_avx512(const uint8_t *s, size_t n) {
    size_t count = 0, i = 0;
    for (; i + 64 <= n; i += 64) count += (size_t)_mm_popcnt_u64(_mm512_movepi8_mask(_mm512_loadu_si512(s + i)));
    return count + count_high_portable(s + i, n - i);
}
#endif

size_t jshost_count_high_bytes(const unsigned char *bytes, size_t length) {
#if defined(__x86_64__)
    if (use_avx512()) return count_high_avx512(bytes, length);
#endif
    return count_high_portable(bytes, length);
}

void jshost_latin1_to_utf8(const unsigned char *bytes, size_t length, unsigned char *out) {
    size_t o = 0, i = 0;
    while (i < length) {
        // Runs of ASCII eight at a time.
        if (i + 8 <= length) {
            uint64_t word;
            memcpy(&word, bytes + i, 8);
            if (!(word & 0x8080808080808080ULL)) {
                memcpy(out + o, &word, 8);
                i += 8;
                o += 8;
                continue;
            }
        }
        uint8_t b = bytes[i++];
        if (b < 0x80) {
            out[o++] = b;
        } else {
            out[o++] = (uint8_t)(0xC0 | b >> 6);
            out[o++] = (uint8_t)(0x80 | (b & 0x3F));
        }
    }
}

// ---- entry points -----------------------------------------------------------------------------------------

bool jshost_utf8_measure(const unsigned char *bytes, size_t length, size_t *units) {
    *units = 0;
#if defined(__x86_64__)
    if (use_avx512()) return measure_avx512(bytes, length, units);
#endif
    size_t end;
    return measure_portable(bytes, length, 0, length, units, &end);
}

bool jshost_copy_ascii(const unsigned char *bytes, size_t length, unsigned char *out) {
#if defined(__x86_64__)
    if (use_avx512()) return copy_ascii_avx512(bytes, length, out);
#endif
    return copy_ascii_portable(bytes, length, out);
}

bool jshost_utf8_decode(const unsigned char *bytes, size_t length, uint16_t *out, size_t units) {
#if defined(__x86_64__)
    if (use_avx512()) return decode_avx512(bytes, length, out, units);
#endif
    return decode_portable(bytes, length, 0, out, 0, units);
}

bool jshost_utf8_use_vector_code(bool enabled) {
    __atomic_store_n(&avx512_disabled, !enabled, __ATOMIC_RELAXED);
    return use_avx512();
}

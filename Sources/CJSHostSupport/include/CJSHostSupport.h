#ifndef CJSHOSTSUPPORT_H
#define CJSHOSTSUPPORT_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// An opaque GLib main context (GMainContext).
typedef struct jshost_main_context jshost_main_context;

/// Creates a new GLib main context and makes it the calling thread's default, as JSC's own timers (GC,
/// FinalizationRegistry, wasm compilation) need. Call on the VM thread before its first JSC call.
jshost_main_context *jshost_main_context_push_new(void);

/// Pops and releases a context made by jshost_main_context_push_new, on the same thread.
void jshost_main_context_pop_release(jshost_main_context *context);

/// Dispatches whatever GLib sources are ready, without blocking. Returns whether it dispatched any.
bool jshost_main_context_pump(jshost_main_context *context);

/// Blocks until a GLib source is ready, jshost_main_context_wakeup is called, or timeout_ms elapses
/// (negative: no timeout), then dispatches ready sources. Interrupted waits (EINTR) simply return.
void jshost_main_context_wait(jshost_main_context *context, int timeout_ms);

/// Wakes a thread blocked in jshost_main_context_wait. Safe from any thread.
void jshost_main_context_wakeup(jshost_main_context *context);

/// Prepares JavaScriptCore for use from many threads, once per process, before the first VM exists.
///
/// JSC's full-GC activity timer builds WTF's memory-pressure handler, which schedules on WTF's *main*
/// RunLoop; in a process that never made one, that dereferences null and crashes (seen on 2.50.6, in GC
/// timers dispatched on agent threads). This starts one small thread that becomes WTF's main thread,
/// initializes the main RunLoop there and pumps its GLib context for the life of the process. It never
/// touches a VM. Safe to call many times, from any thread; returns false when the library lacks the symbols.
bool jshost_prepare_javascriptcore(void);

/// Tells the CPU the caller is in a spin-wait loop (x86 `pause`, ARM `yield`): cheaper for the sibling
/// hyperthread and for the memory bus than a bare loop.
static inline void jshost_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// The CPU the calling thread runs on (sched_getcpu; with glibc's restartable sequences, a memory read), or -1.
int jshost_current_cpu(void);
/// How many CPUs the calling thread may run on (its affinity mask: `taskset` and cgroups narrow it).
int jshost_usable_cpu_count(void);

/// Names the calling thread (Linux keeps the first 15 bytes), for debuggers and `top -H`.
void jshost_set_thread_name(const char *name);

// Exported JSC SPI with no installed header. Each wrapper reports whether the symbol exists.

/// A watchdog that asks `check(info)` every `interval` seconds while JS runs in `group`; when it answers true
/// the running script stops with an uncatchable exception. JSC only re-arms the limit when asked again, so the
/// watchdog re-arms it each time the answer is false. Returns NULL when this JSC lacks the SPI.
typedef struct jshost_watchdog jshost_watchdog;
typedef bool (*jshost_should_terminate)(void *info);
jshost_watchdog *jshost_watchdog_install(JSContextGroupRef group, double interval, jshost_should_terminate check, void *info);
/// Clears the limit and frees the watchdog; on the VM's thread, before the group is released.
void jshost_watchdog_remove(jshost_watchdog *watchdog);
bool jshost_set_unhandled_rejection_callback(JSGlobalContextRef context, JSObjectRef function, JSValueRef *exception);
bool jshost_collect_garbage_now(JSContextRef context);
/// 1 when `object` is a Proxy (or a global object's proxy), 0 when it is not, -1 when this JSC cannot tell.
/// Asking runs none of the proxy's traps.
int jshost_is_proxy(JSObjectRef object);

/// Runs the VM's microtask checkpoint now, from inside a native callback called by JS (so the VM is entered).
/// JSC's own checkpoint runs when the outermost API call releases its lock, after the VM entry has ended: there
/// every microtask is an entry of its own, and the watchdog, which measures one entry, never stops an endless
/// chain of them. Inside an entry it does (measured on 2.50.6: terminated, and the queue is cleared).
void jshost_drain_microtasks(JSContextRef context);
/// Whether this JSC exports what jshost_drain_microtasks needs.
bool jshost_can_drain_microtasks(void);

/// The longest two-byte string this JavaScriptCore makes (WTF aborts the process for a longer one).
#define JSHOST_MAX_WIDE_STRING_LENGTH 0x7ffffff3u

/// The JS string that the UTF-8 `bytes` decode to (no BOM handling), made at its exact length in one copy: a
/// one-byte engine string for ASCII, else a two-byte one. NULL when the bytes are not well-formed UTF-8 (the
/// caller's decoder then places U+FFFD or throws), when `length` is 0 or too long for one string, or when this
/// JSC lacks the SPI. Call from a native callback, on the context's thread. If `bytes` can change meanwhile
/// (shared memory), the string may hold garbage but nothing outside either buffer is touched.
JSValueRef jshost_make_string_from_utf8(JSContextRef context, const unsigned char *bytes, size_t length);

/// The bytes of the Uint8Array `view`, read from the engine's object without pinning its buffer, when `length` is
/// its length; else NULL (another kind of view, a length that changed, or an engine whose layout was not the one
/// this reads: checked once per process). Valid until script runs again. Call on the context's thread.
const unsigned char *jshost_uint8_array_bytes(JSContextRef context, JSObjectRef view, size_t length);

/// A new Uint8Array holding the UTF-8 of the JS string `value`, when the engine keeps that string as one-byte
/// (Latin-1) characters: read where they are, in one pass (a rope is flattened first, as any read of it does).
/// NULL for a two-byte string, an empty one, or on an engine whose layout is not the one this reads (checked
/// once per process); the caller encodes those itself. Call from a native callback, on the context's thread.
JSObjectRef jshost_encode_one_byte_string(JSContextRef context, JSValueRef value);

/// How many of `bytes` are 0x80 or above.
size_t jshost_count_high_bytes(const unsigned char *bytes, size_t length);
/// The UTF-8 of Latin-1 `bytes` into `out`, which has room for `length` plus the count of high bytes.
void jshost_latin1_to_utf8(const unsigned char *bytes, size_t length, unsigned char *out);

/// Whether `bytes` are well-formed UTF-8; if so, *units is how many UTF-16 code units they decode to.
bool jshost_utf8_measure(const unsigned char *bytes, size_t length, size_t *units);
/// Writes the UTF-16 of `bytes`, measured by jshost_utf8_measure, into `out`. Never writes more than `units`
/// code units; returns false if the bytes did not fill exactly that many (they changed since they were measured).
bool jshost_utf8_decode(const unsigned char *bytes, size_t length, uint16_t *out, size_t units);
/// Copies `bytes` to `out` while checking that they are ASCII; false when one is not (`out` then holds a part).
bool jshost_copy_ascii(const unsigned char *bytes, size_t length, unsigned char *out);
/// Lets the three functions above use the vector (AVX-512) code when the CPU has it, or not (for tests that
/// compare both). Returns whether the vector code is now in use.
bool jshost_utf8_use_vector_code(bool enabled);

/// Takes / releases the VM's API lock (no-ops when this JSC lacks the SPI). A native callback runs with the
/// lock dropped, so each C API call it makes takes and releases the whole lock again; holding it around a run of
/// such calls makes theirs nested (cheap). Releasing the outermost hold runs the microtask checkpoint, as the
/// end of any outermost API call does (not inside a callback: there the lock is only dropped, not released).
void jshost_lock(JSContextRef context);
void jshost_unlock(JSContextRef context);


#endif

#define _GNU_SOURCE
#include "CJSHostSupport.h"
#include <glib.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

int jshost_current_cpu(void) {
    return sched_getcpu();
}

int jshost_usable_cpu_count(void) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 1;
    return CPU_COUNT(&allowed);
}

void jshost_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = 0;
    pthread_setname_np(pthread_self(), truncated);
}

// Weak declarations: if a libjavascriptcoregtk build ever stops exporting one, the wrapper reports it
// instead of failing to load.
typedef bool (*JSShouldTerminateCallback)(JSContextRef, void *);
extern void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef, double, JSShouldTerminateCallback, void *) __attribute__((weak));
extern void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef) __attribute__((weak));
extern void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef, JSObjectRef, JSValueRef *) __attribute__((weak));
extern void JSSynchronousGarbageCollectForDebugging(JSContextRef) __attribute__((weak));
extern JSObjectRef JSObjectGetProxyTarget(JSObjectRef) __attribute__((weak));

extern void JSLock(JSContextRef) __attribute__((weak));
extern void JSUnlock(JSContextRef) __attribute__((weak));
// JSC::VM::drainMicrotasks(), an exported C++ symbol. A JSContextGroupRef is the VM's address.
extern void _ZN3JSC2VM15drainMicrotasksEv(void *vm) __attribute__((weak));

// WTF entry points (exported C++ symbols, no installed header).
extern void _ZN3JSC10initializeEv(void) __attribute__((weak));
extern void _ZN3WTF7RunLoop14initializeMainEv(void) __attribute__((weak));

// Exported C++ symbols make a JS string of the exact characters with one pass over them (JSStringCreateWith*
// would take UTF-16 only, and JSValueMakeString copy it again). In the Itanium C++ ABI a returned class with a
// destructor (Ref<StringImpl>) comes back through a hidden pointer passed first, and a reference is a pointer:
//   Ref<StringImpl> WTF::StringImpl::createUninitialized(size_t, std::span<LChar>& data)
//   Ref<StringImpl> WTF::StringImpl::createUninitialized(size_t, std::span<char16_t>& data)
//   JSC::JSString* JSC::jsStringWithCacheSlowCase(JSC::VM&, WTF::StringImpl&)   (takes its own reference)
//   void WTF::StringImpl::destroy(WTF::StringImpl*)
struct jshost_span { void *data; size_t length; };
extern void _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIhLm18446744073709551615EE(void **result, size_t length, struct jshost_span *data) __attribute__((weak));
extern void _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIDsLm18446744073709551615EE(void **result, size_t length, struct jshost_span *data) __attribute__((weak));
extern void *_ZN3JSC25jsStringWithCacheSlowCaseERNS_2VMERN3WTF10StringImplE(void *vm, void *impl) __attribute__((weak));
extern void _ZN3WTF10StringImpl7destroyEPS0_(void *impl) __attribute__((weak));

static bool string_layout_differs = false;

static bool can_make_strings(void) {
    return !__atomic_load_n(&string_layout_differs, __ATOMIC_RELAXED)
        && _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIhLm18446744073709551615EE
        && _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIDsLm18446744073709551615EE
        && _ZN3JSC25jsStringWithCacheSlowCaseERNS_2VMERN3WTF10StringImplE && _ZN3WTF10StringImpl7destroyEPS0_
        && JSLock && JSUnlock;
}

// WTF::StringImpl::deref(), which is inline: the reference count is the first field, counted in steps of 2
// (bit 0 marks static strings), and changed atomically (as the library's own code does, checked on 2.50).
static void release_string_impl(void *impl) {
    if (__atomic_sub_fetch((unsigned *)impl, 2, __ATOMIC_ACQ_REL) == 0) _ZN3WTF10StringImpl7destroyEPS0_(impl);
}

// A new StringImpl of `length` one-byte (`wide` false) or two-byte characters, with *characters pointing at
// them, or NULL. (Longer strings abort in WTF.)
static void *new_string_impl(size_t length, bool wide, void **characters) {
    if (length == 0 || length > 0x7fffffff) return NULL;
    void *impl = NULL;
    struct jshost_span span = { NULL, 0 };
    if (wide) {
        _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIDsLm18446744073709551615EE(&impl, length, &span);
    } else {
        _ZN3WTF10StringImpl19createUninitializedEmRSt4spanIhLm18446744073709551615EE(&impl, length, &span);
    }
    if (impl == NULL) return NULL;
    // release_string_impl writes the reference count in place (deref is inline in WTF): check, on the string
    // just made, the layout that assumes (count 1 in steps of 2 first, then the length, then the characters),
    // and never use this path again if it does not hold. (The string is then left alone: freeing it needs
    // that same layout.)
    const unsigned *fields = impl;
    if (span.data == NULL || span.length != length || fields[0] != 2 || fields[1] != length
        || *(void *const *)((const char *)impl + 8) != span.data) {
        __atomic_store_n(&string_layout_differs, true, __ATOMIC_RELAXED);
        return NULL;
    }
    *characters = span.data;
    return impl;
}

// The JS string for `impl`, whose reference this takes over.
static JSValueRef finish_string(JSContextRef context, void *impl) {
    JSLock(context);
    void *string = _ZN3JSC25jsStringWithCacheSlowCaseERNS_2VMERN3WTF10StringImplE((void *)JSContextGetGroup(context), impl);
    JSUnlock(context);
    release_string_impl(impl);
    // A JSValueRef is the encoded JSC::JSValue, which for a cell is its address.
    return (JSValueRef)string;
}

// A one-byte string of `bytes`, copied and checked in one pass, or NULL at the first non-ASCII block (4 KiB).
static JSValueRef make_ascii_string(JSContextRef context, const unsigned char *bytes, size_t length) {
    unsigned char *characters;
    void *impl = new_string_impl(length, false, (void **)&characters);
    if (impl == NULL) return NULL;
    if (!jshost_copy_ascii(bytes, length, characters)) {
        release_string_impl(impl);
        return NULL;
    }
    return finish_string(context, impl);
}

JSValueRef jshost_make_string_from_utf8(JSContextRef context, const unsigned char *bytes, size_t length) {
    if (!can_make_strings() || length == 0 || length > 0x7fffffff) return NULL;
    // A text whose first KiB is ASCII is taken to be ASCII; the attempt stops at the first non-ASCII block.
    if (jshost_count_high_bytes(bytes, length < 1024 ? length : 1024) == 0) {
        JSValueRef string = make_ascii_string(context, bytes, length);
        if (string != NULL) return string;
    }
    size_t units;
    if (!jshost_utf8_measure(bytes, length, &units) || units > JSHOST_MAX_WIDE_STRING_LENGTH) return NULL;
    uint16_t *characters;
    void *impl = new_string_impl(units, true, (void **)&characters);
    if (impl == NULL) return NULL;
    if (!jshost_utf8_decode(bytes, length, characters, units)) {
        release_string_impl(impl);
        return NULL;
    }
    return finish_string(context, impl);
}

// Whether an engine layout this file reads holds, asked of `check` the first time and remembered in *state
// (0: not yet asked, 1: holds, -1: does not). Threads that ask at once each check, and agree.
static bool layout_holds(int *state, bool (*check)(JSContextRef), JSContextRef context) {
    int known = __atomic_load_n(state, __ATOMIC_RELAXED);
    if (known == 0) {
        known = check(context) ? 1 : -1;
        __atomic_store_n(state, known, __ATOMIC_RELAXED);
    }
    return known == 1;
}

// JSC::JSArrayBufferView is a JSObject (8-byte cell header, then the butterfly) followed by m_vector, the
// address of the view's first byte, and m_length, its length in elements. Reading them is how the decoder sees
// a Uint8Array's bytes without JSObjectGetTypedArrayBytesPtr, which pins the buffer for good (its transfer()
// would copy from then on). The layout is checked once, on views made for the purpose, before it is trusted.
static int view_layout = 0; // 0: not yet checked, 1: as above, -1: different

static bool view_fields_match(JSContextRef context, size_t size, size_t offset, size_t length) {
    JSValueRef exception = NULL;
    JSObjectRef whole = JSObjectMakeTypedArray(context, kJSTypedArrayTypeUint8Array, size, &exception);
    if (whole == NULL || exception != NULL) return false;
    JSObjectRef buffer = JSObjectGetTypedArrayBuffer(context, whole, &exception);
    if (buffer == NULL || exception != NULL) return false;
    JSObjectRef view = JSObjectMakeTypedArrayWithArrayBufferAndOffset(context, kJSTypedArrayTypeUint8Array, buffer, offset, length, &exception);
    if (view == NULL || exception != NULL) return false;
    unsigned char *base = JSObjectGetArrayBufferBytesPtr(context, buffer, &exception); // (pins this buffer only)
    if (base == NULL || exception != NULL) return false;
    const char *fields = (const char *)view;
    return *(unsigned char *const *)(fields + 16) == base + offset && *(const size_t *)(fields + 24) == length;
}

static bool check_view_layout(JSContextRef context) {
    return view_fields_match(context, 100, 7, 37) && view_fields_match(context, 4096, 0, 4096)
        && view_fields_match(context, 333, 300, 33);
}

const unsigned char *jshost_uint8_array_bytes(JSContextRef context, JSObjectRef view, size_t length) {
    JSValueRef exception = NULL;
    if (!layout_holds(&view_layout, check_view_layout, context) || JSValueGetTypedArrayType(context, view, &exception) != kJSTypedArrayTypeUint8Array) return NULL;
    // The length field alone is not enough: a fixed-length view keeps it when its resizable buffer shrinks
    // under it (script can do that between taking the length and calling here). The engine's own answer
    // takes that into account (an out-of-bounds view has length 0) and pins nothing.
    const char *fields = (const char *)view;
    if (*(const size_t *)(fields + 24) != length || JSObjectGetTypedArrayLength(context, view, &exception) != length
        || exception != NULL) return NULL;
    return *(const unsigned char *const *)(fields + 16);
}

// A JSStringRef (OpaqueJSString: a reference count, then the WTF::String it holds, then a UTF-16 pointer)
// shares the engine string's StringImpl when made by JSValueToStringCopy. Reading that StringImpl is how the
// encoder sees a one-byte string's characters: JSStringGetCharactersPtr would first widen them all to UTF-16.
// Checked once, on strings made for the purpose, comparing pointers (nothing unverified is dereferenced):
// the StringImpl pointer is the word at offset 8, and bit 2 of the StringImpl's flags (offset 16) marks
// one-byte characters.
static int opaque_string_layout = 0; // 0: not yet checked, 1: as above, -1: different
static const unsigned one_byte_flag = 1u << 2;

// Whether the StringImpl `impl` (made here) becomes the one behind a JSStringRef of its JS string.
// (The caller keeps its own reference to `impl`; finish_string takes over the one added here.)
static bool opaque_string_holds(JSContextRef context, void *impl) {
    __atomic_add_fetch((unsigned *)impl, 2, __ATOMIC_ACQ_REL);
    JSValueRef value = finish_string(context, impl);
    bool holds = false;
    if (value != NULL) {
        JSValueRef exception = NULL;
        JSStringRef string = JSValueToStringCopy(context, value, &exception);
        if (string != NULL) {
            holds = *(void *const *)((const char *)string + 8) == impl;
            JSStringRelease(string);
        }
    }
    return holds;
}

static bool check_opaque_string_layout(JSContextRef context) {
    if (!can_make_strings()) return false;
    unsigned char *narrow;
    uint16_t *wide;
    void *impl8 = new_string_impl(40, false, (void **)&narrow);
    if (impl8 == NULL) return false;
    void *impl16 = new_string_impl(40, true, (void **)&wide);
    if (impl16 == NULL) {
        release_string_impl(impl8);
        return false;
    }
    for (int i = 0; i < 40; i++) {
        narrow[i] = (unsigned char)('a' + i % 26);
        wide[i] = (uint16_t)(0x100 + i);
    }
    bool flags = (((const unsigned *)impl8)[4] & one_byte_flag) && !(((const unsigned *)impl16)[4] & one_byte_flag);
    bool holds = flags && opaque_string_holds(context, impl8) && opaque_string_holds(context, impl16);
    release_string_impl(impl8);
    release_string_impl(impl16);
    return holds;
}

// The one-byte characters of `string`, or NULL when it holds two-byte ones (or the layout is not known).
static const unsigned char *one_byte_characters(JSContextRef context, JSStringRef string, size_t *length) {
    if (!layout_holds(&opaque_string_layout, check_opaque_string_layout, context)) return NULL;
    const unsigned *impl = *(const unsigned *const *)((const char *)string + 8);
    if (impl == NULL || !(impl[4] & one_byte_flag)) return NULL;
    *length = impl[1];
    return *(const unsigned char *const *)((const char *)impl + 8);
}

JSObjectRef jshost_encode_one_byte_string(JSContextRef context, JSValueRef value) {
    JSValueRef exception = NULL;
    if (!JSValueIsString(context, value)) return NULL;
    JSStringRef string = JSValueToStringCopy(context, value, &exception);
    if (string == NULL) return NULL;
    JSObjectRef result = NULL;
    size_t length = 0;
    const unsigned char *characters = one_byte_characters(context, string, &length);
    if (characters != NULL && length > 0) {
        // Latin-1: below 0x80 one byte, else two.
        size_t size = length + jshost_count_high_bytes(characters, length);
        JSObjectRef view = JSObjectMakeTypedArray(context, kJSTypedArrayTypeUint8Array, size, &exception);
        unsigned char *out = view != NULL && exception == NULL ? (unsigned char *)jshost_uint8_array_bytes(context, view, size) : NULL;
        if (out != NULL) {
            if (size == length) jshost_copy_ascii(characters, length, out);
            else jshost_latin1_to_utf8(characters, length, out);
            result = view;
        }
    }
    JSStringRelease(string);
    return result;
}

static pthread_once_t prepare_once = PTHREAD_ONCE_INIT;
static bool prepared = false;
static pthread_mutex_t prepare_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t prepare_done = PTHREAD_COND_INITIALIZER;
static bool main_ready = false;

static void *wtf_main_thread(void *unused) {
    (void)unused;
    jshost_set_thread_name("jshost-wtf-main");
    // JSC's own threads are started from here and inherit this mask; the creating thread may block signals
    // that JSC relies on.
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
    GMainContext *context = g_main_context_new();
    g_main_context_push_thread_default(context);
    // JSC::initialize() makes this WTF's main thread; RunLoop::initializeMain() then gives it the main
    // RunLoop (calling WTF::initializeMainThread() ourselves first makes initializeMain() abort).
    _ZN3JSC10initializeEv();
    _ZN3WTF7RunLoop14initializeMainEv();
    pthread_mutex_lock(&prepare_lock);
    main_ready = true;
    pthread_cond_signal(&prepare_done);
    pthread_mutex_unlock(&prepare_lock);
    for (;;) g_main_context_iteration(context, TRUE);
    return NULL;
}

static void prepare(void) {
    if (!_ZN3JSC10initializeEv || !_ZN3WTF7RunLoop14initializeMainEv) return;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    if (pthread_create(&thread, &attributes, wtf_main_thread, NULL) != 0) {
        pthread_attr_destroy(&attributes);
        return;
    }
    pthread_attr_destroy(&attributes);
    pthread_mutex_lock(&prepare_lock);
    while (!main_ready) pthread_cond_wait(&prepare_done, &prepare_lock);
    pthread_mutex_unlock(&prepare_lock);
    prepared = true;
}

bool jshost_prepare_javascriptcore(void) {
    pthread_once(&prepare_once, prepare);
    return prepared;
}

jshost_main_context *jshost_main_context_push_new(void) {
    GMainContext *context = g_main_context_new();
    g_main_context_push_thread_default(context);
    return (jshost_main_context *)context;
}

void jshost_main_context_pop_release(jshost_main_context *context) {
    g_main_context_pop_thread_default((GMainContext *)context);
    g_main_context_unref((GMainContext *)context);
}

bool jshost_main_context_pump(jshost_main_context *context) {
    bool dispatched = false;
    while (g_main_context_iteration((GMainContext *)context, FALSE)) dispatched = true;
    return dispatched;
}

static gboolean remove_source(gpointer unused) {
    (void)unused;
    return G_SOURCE_REMOVE;
}

void jshost_main_context_wait(jshost_main_context *context, int timeout_ms) {
    GMainContext *main_context = (GMainContext *)context;
    GSource *timeout = NULL;
    if (timeout_ms >= 0) {
        timeout = g_timeout_source_new((guint)timeout_ms);
        g_source_set_callback(timeout, remove_source, NULL, NULL);
        g_source_attach(timeout, main_context);
    }
    g_main_context_iteration(main_context, TRUE);
    if (timeout != NULL) {
        g_source_destroy(timeout);
        g_source_unref(timeout);
    }
}

void jshost_main_context_wakeup(jshost_main_context *context) {
    g_main_context_wakeup((GMainContext *)context);
}

struct jshost_watchdog {
    JSContextGroupRef group;
    double interval;
    jshost_should_terminate check;
    void *info;
};

static bool watchdog_fired(JSContextRef context, void *data) {
    (void)context;
    jshost_watchdog *watchdog = data;
    if (watchdog->check(watchdog->info)) return true;
    JSContextGroupSetExecutionTimeLimit(watchdog->group, watchdog->interval, watchdog_fired, watchdog);
    return false;
}

jshost_watchdog *jshost_watchdog_install(JSContextGroupRef group, double interval, jshost_should_terminate check, void *info) {
    if (!JSContextGroupSetExecutionTimeLimit || !JSContextGroupClearExecutionTimeLimit) return NULL;
    jshost_watchdog *watchdog = g_new0(jshost_watchdog, 1);
    *watchdog = (jshost_watchdog){ group, interval, check, info };
    JSContextGroupSetExecutionTimeLimit(group, interval, watchdog_fired, watchdog);
    return watchdog;
}

void jshost_watchdog_remove(jshost_watchdog *watchdog) {
    if (watchdog == NULL) return;
    JSContextGroupClearExecutionTimeLimit(watchdog->group);
    g_free(watchdog);
}

bool jshost_set_unhandled_rejection_callback(JSGlobalContextRef context, JSObjectRef function, JSValueRef *exception) {
    if (!JSGlobalContextSetUnhandledRejectionCallback) return false;
    JSGlobalContextSetUnhandledRejectionCallback(context, function, exception);
    return true;
}

bool jshost_collect_garbage_now(JSContextRef context) {
    if (!JSSynchronousGarbageCollectForDebugging) return false;
    JSSynchronousGarbageCollectForDebugging(context);
    return true;
}

int jshost_is_proxy(JSObjectRef object) {
    if (!JSObjectGetProxyTarget) return -1;
    return JSObjectGetProxyTarget(object) != NULL;
}

bool jshost_can_drain_microtasks(void) {
    return _ZN3JSC2VM15drainMicrotasksEv && JSLock && JSUnlock;
}

void jshost_drain_microtasks(JSContextRef context) {
    if (!jshost_can_drain_microtasks()) return;
    // A native callback runs with the API lock dropped; the checkpoint needs it held.
    JSLock(context);
    _ZN3JSC2VM15drainMicrotasksEv((void *)JSContextGetGroup(context));
    JSUnlock(context);
}

void jshost_lock(JSContextRef context) {
    if (JSLock && JSUnlock) JSLock(context);
}

void jshost_unlock(JSContextRef context) {
    if (JSLock && JSUnlock) JSUnlock(context);
}

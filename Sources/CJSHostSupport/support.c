#define _GNU_SOURCE
#include "CJSHostSupport.h"
#include <glib.h>
#include <pthread.h>
#include <string.h>

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

jshost_main_context *jshost_main_context_push_new(void) {
    GMainContext *context = g_main_context_new();
    g_main_context_push_thread_default(context);
    return (jshost_main_context *)context;
}

void jshost_main_context_pop_release(jshost_main_context *context) {
    g_main_context_pop_thread_default((GMainContext *)context);
    g_main_context_unref((GMainContext *)context);
}

void jshost_main_context_pump(jshost_main_context *context) {
    while (g_main_context_iteration((GMainContext *)context, FALSE)) {
    }
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

// testharness.js for `jshost test`: the web-platform-tests harness API (test, async_test,
// promise_test, setup, done, the assert_* functions, EventWatcher, format_value, callbacks).
//
// Behaviour follows upstream web-platform-tests `resources/testharness.js` in its JavaScript-shell
// environment (ShellTestEnvironment): statuses, messages, phases, callbacks and completion rules are
// upstream's, so one runner works with this file and with the upstream one.
//
// Runner contract:
//   1. Evaluate this module, then META scripts and the test file, in ONE task: no microtask may run
//      in between. In JSC every outermost API call drains microtasks when it returns (JSLock
//      release), so do it all inside a single outer call. If the test file throws, report it
//      (fire the global `error` event) inside that same call.
//   2. Initialising queues one microtask that marks the file "all loaded". The harness completes once
//      all loaded, every test complete and, with setup({explicit_done: true}), done() called. A file
//      that defines no test never completes by itself (as upstream).
//   3. Completion: callbacks registered with add_completion_callback (or
//      internals.testharness.add_completion_callback) get (tests, harness_status, asserts_run).
//   4. At the time limit call the global timeout(): started tests that are not done become TIMEOUT,
//      never-started ones NOTRUN, the harness status TIMEOUT (unless already set, e.g. ERROR), and
//      completion callbacks run synchronously (unless a promise_test cleanup promise is pending).
//   5. Uncaught errors arrive as `error` / `unhandledrejection` events on the global. As upstream,
//      the harness never calls preventDefault(), so the host still reports them.
(function (ops, internals, global) {
  "use strict";

  // ---------------------------------------------------------------------------------------------
  // Intrinsics captured at start-up, so that tests which patch built-ins do not break the harness.

  const uncurry = Function.prototype.bind.bind(Function.prototype.call);
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const objectToString = uncurry(Object.prototype.toString);
  const ObjectCreate = Object.create;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectDefineProperty = Object.defineProperty;
  const reflectSet = Reflect.set;
  const ArrayIsArray = Array.isArray;
  const arraySlice = uncurry(Array.prototype.slice);
  const arrayPush = uncurry(Array.prototype.push);
  const arrayIndexOf = uncurry(Array.prototype.indexOf);
  const arrayJoin = uncurry(Array.prototype.join);
  const arrayMap = uncurry(Array.prototype.map);
  const stringReplace = uncurry(String.prototype.replace);
  const stringSplit = uncurry(String.prototype.split);
  const stringSubstring = uncurry(String.prototype.substring);
  const stringCharCodeAt = uncurry(String.prototype.charCodeAt);
  const regexpTest = uncurry(RegExp.prototype.test);
  const functionApply = uncurry(Function.prototype.apply);
  const functionToString = uncurry(Function.prototype.toString);
  const mathAbs = Math.abs;
  const mathCeil = Math.ceil;
  const mathFloor = Math.floor;
  const mathMin = Math.min;
  const mathMax = Math.max;
  const numberIsFinite = isFinite;
  const $String = String;
  const $Error = Error;
  const $Promise = Promise;
  const promiseThen = uncurry(Promise.prototype.then);
  const promiseResolveFn = Promise.resolve;
  const promiseRejectFn = Promise.reject;

  function promise_resolve(value) {
    return functionApply(promiseResolveFn, $Promise, [value]);
  }

  function promise_reject(value) {
    return functionApply(promiseRejectFn, $Promise, [value]);
  }

  function then(promise, on_fulfilled, on_rejected) {
    return promiseThen(promise, on_fulfilled, on_rejected);
  }

  // Timers are looked up on the global at call time (as upstream does), so the host's timers are
  // used even when bootstrap.js installs them after this module was created.
  function set_timeout(callback, ms) {
    return global.setTimeout(callback, ms);
  }

  function clear_timeout(id) {
    if (typeof global.clearTimeout === "function") {
      global.clearTimeout(id);
    }
  }

  function expose(value, name) {
    ObjectDefineProperty(global, name, { value, writable: true, enumerable: false, configurable: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers (same iteration semantics as upstream: live length, holes skipped).

  function forEach(array, callback, this_obj) {
    for (let i = 0; i < array.length; i++) {
      if (hasOwn(array, i)) {
        callback.call(this_obj, array[i], i, array);
      }
    }
  }

  function filter(array, callable) {
    const rv = [];
    for (let i = 0; i < array.length; i++) {
      if (hasOwn(array, i) && callable(array[i], i, array)) {
        arrayPush(rv, array[i]);
      }
    }
    return rv;
  }

  function merge(a, b) {
    const rv = {};
    for (const p in a) {
      rv[p] = a[p];
    }
    for (const p in b) {
      rv[p] = b[p];
    }
    return rv;
  }

  // Call iter_callback(value, done) for each value; call done_callback once every one signalled.
  // Synchronous when every iteration completes synchronously (upstream's all_async).
  function all_async(values, iter_callback, done_callback) {
    let remaining = values.length;
    if (remaining === 0) {
      done_callback();
    }
    forEach(values, function (element) {
      let invoked = false;
      iter_callback(element, function () {
        if (invoked) {
          return;
        }
        invoked = true;
        remaining -= 1;
        if (remaining === 0) {
          done_callback();
        }
      });
    });
  }

  function truncate(s, len) {
    if (s.length > len) {
      return stringSubstring(s, 0, len - 3) + "...";
    }
    return s;
  }

  function code_unit_str(ch) {
    return "U+" + stringCharCodeAt(ch, 0).toString(16);
  }

  function sanitize_unpaired_surrogates(str) {
    return stringReplace(
      str,
      /([\ud800-\udbff]+)(?![\udc00-\udfff])|(^|[^\ud800-\udbff])([\udc00-\udfff]+)/g,
      function (_, low, prefix, high) {
        let output = prefix || "";
        const string = low || high;
        for (let i = 0; i < string.length; i++) {
          output += code_unit_str(string[i]);
        }
        return output;
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Stacks. JSC frames read `fn@url:line:col`; frames of this file are dropped from the top of an
  // AssertionError's stack so it starts at the test's code (as upstream's get_stack does).

  function escape_regexp(s) {
    return stringReplace(s, /[-\/\\^$*+?.()|[\]{}]/g, "\\$&");
  }

  const harness_frame_re = (function () {
    let url = null;
    try {
      const first = stringSplit(new $Error().stack || "", "\n")[0] || "";
      const m = /@(.+?):\d+:\d+$/.exec(first);
      if (m && m[1]) {
        url = m[1];
      }
    } catch (e) {
      url = null;
    }
    return url ? new RegExp(escape_regexp(url) + ":\\d+:\\d+") : /\btestharness\.js:\d+:\d+/;
  })();

  function get_stack() {
    const stack = new $Error().stack;
    if (!stack) {
      return "(Stack trace unavailable)";
    }
    const lines = stringSplit(stack, "\n");
    let i = 0;
    while (i < lines.length && !regexpTest(harness_frame_re, lines[i])) {
      i++;
    }
    while (i < lines.length && regexpTest(harness_frame_re, lines[i])) {
      i++;
    }
    if (i >= lines.length) {
      return stack;
    }
    return arrayJoin(arraySlice(lines, i), "\n");
  }

  // ---------------------------------------------------------------------------------------------
  // Test environment: upstream's ShellTestEnvironment, with the default-name rule of its worker and
  // window environments (META_TITLE, then the file name from `location`, then "Untitled").

  function get_title() {
    if ("META_TITLE" in global && global.META_TITLE) {
      return global.META_TITLE;
    }
    if ("location" in global && global.location && typeof global.location.pathname === "string") {
      // The file name up to its first dot. (Upstream takes the first dot of the whole path, which
      // misfires when a directory name has a dot.)
      const pathname = global.location.pathname;
      const file = stringSubstring(pathname, pathname.lastIndexOf("/") + 1);
      const dot = file.indexOf(".");
      return dot === -1 ? file : stringSubstring(file, 0, dot);
    }
    return "Untitled";
  }

  const test_environment = {
    name_counter: 0,
    all_loaded: false,
    on_loaded_callback: null,
    next_default_test_name() {
      const suffix = this.name_counter > 0 ? " " + this.name_counter : "";
      this.name_counter++;
      return get_title() + suffix;
    },
    on_new_harness_properties() {},
    add_on_loaded_callback(callback) {
      if (this.all_loaded) {
        callback();
      } else {
        this.on_loaded_callback = callback;
      }
    },
    // No harness timer of our own: the runner owns the file timeout and calls timeout().
    test_timeout() {
      return null;
    },
  };

  // "All loaded" flips in the first microtask after the harness initialised, i.e. after the test
  // file's top-level code (which the runner evaluates in the same task).
  then(promise_resolve(), function () {
    test_environment.all_loaded = true;
    if (test_environment.on_loaded_callback) {
      test_environment.on_loaded_callback();
    }
  });

  // ---------------------------------------------------------------------------------------------
  // API functions

  const seen_func_name = ObjectCreate(null);

  function get_test_name(func, name) {
    if (name) {
      return name;
    }
    if (func) {
      const func_code = functionToString(func);
      // A one-line arrow function without parameters names the test after its body.
      const arrow = func_code.match(/^\(\)\s*=>\s*(?:{(.*)}\s*|(.*))$/);
      if (arrow !== null && !/[\u000A\u000D\u2028\u2029]/.test(func_code)) {
        let trimmed = (arrow[1] !== undefined ? arrow[1] : arrow[2]).trim();
        trimmed = stringReplace(trimmed, /^([^;]*)(;\s*)+$/, "$1");
        if (trimmed) {
          let test_name = trimmed;
          if (seen_func_name[trimmed]) {
            test_name += " " + seen_func_name[trimmed];
          } else {
            seen_func_name[trimmed] = 0;
          }
          seen_func_name[trimmed] += 1;
          return test_name;
        }
      }
    }
    return test_environment.next_default_test_name();
  }

  function returned_value_message(test_name, api, value) {
    let msg = 'Test named "' + test_name + '" passed a function to `' + api + "` that returned a value.";
    try {
      if (value && typeof value.then === "function") {
        msg += " Consider using `promise_test` instead when using Promises or async/await.";
      }
    } catch (err) {
      // ignore
    }
    return msg;
  }

  function test(func, name, properties) {
    if (tests.promise_setup_called) {
      tests.status.status = tests.status.ERROR;
      tests.status.message = "`test` invoked after `promise_setup`";
      tests.complete();
    }
    const test_name = get_test_name(func, name);
    const test_obj = new Test(test_name, properties);
    const value = test_obj.step(func, test_obj, test_obj);
    if (value !== undefined) {
      tests.status.status = tests.status.ERROR;
      tests.status.message = returned_value_message(test_name, "test", value);
    }
    if (test_obj.phase === test_obj.phases.STARTED) {
      test_obj.done();
    }
  }

  function async_test(func, name, properties) {
    if (tests.promise_setup_called) {
      tests.status.status = tests.status.ERROR;
      tests.status.message = "`async_test` invoked after `promise_setup`";
      tests.complete();
    }
    if (typeof func !== "function") {
      properties = name;
      name = func;
      func = null;
    }
    const test_name = get_test_name(func, name);
    const test_obj = new Test(test_name, properties);
    if (func) {
      const value = test_obj.step(func, test_obj, test_obj);
      if (value !== undefined) {
        tests.set_status(tests.status.ERROR, returned_value_message(test_name, "async_test", value));
        tests.complete();
      }
    }
    return test_obj;
  }

  function promise_test(func, name, properties) {
    if (typeof func !== "function") {
      properties = name;
      name = func;
      func = null;
    }
    const test_name = get_test_name(func, name);
    const test_obj = new Test(test_name, properties);
    test_obj._is_promise_test = true;

    // Promise tests run one after another.
    if (!tests.promise_tests) {
      tests.promise_tests = promise_resolve();
    }
    tests.promise_tests = then(tests.promise_tests, function () {
      return new $Promise(function (resolve) {
        const promise = test_obj.step(func, test_obj, test_obj);

        test_obj.step(function () {
          assert(!!promise, "promise_test", null,
                 "test body must return a 'thenable' object (received ${value})",
                 { value: promise });
          assert(typeof promise.then === "function", "promise_test", null,
                 "test body must return a 'thenable' object (received an object with no `then` method)",
                 null);
        });

        // Registered before the body's promise settles so that a failing step() completes the
        // queue even if that promise never settles.
        add_test_done_callback(test_obj, resolve);

        then(then(promise_resolve(promise), undefined, test_obj.step_func(function (value) {
          if (value instanceof AssertionError) {
            throw value;
          }
          assert(false, "promise_test", null,
                 "Unhandled rejection with value: ${value}", { value });
        })), function () {
          test_obj.done();
        });
      });
    });
  }

  // A copy of a (possibly other-realm) promise in this realm.
  // (The rejection's thrower below is written `function() { throw e }` because its source text
  // appears in failure messages, as upstream's does.)
  function bring_promise_to_current_realm(promise) {
    return new $Promise(promise.then.bind(promise));
  }

  function promise_rejects_js(test_obj, constructor, promise, description) {
    return then(then(bring_promise_to_current_realm(promise),
                     test_obj.unreached_func("Should have rejected: " + description)),
                undefined,
                function (e) {
                  assert_throws_js_impl(constructor, function() { throw e },
                                        description, "promise_rejects_js");
                });
  }

  function promise_rejects_dom(test_obj, type, promiseOrConstructor, descriptionOrPromise, maybeDescription) {
    let constructor, promise, description;
    if (typeof promiseOrConstructor === "function" &&
        promiseOrConstructor.name === "DOMException") {
      constructor = promiseOrConstructor;
      promise = descriptionOrPromise;
      description = maybeDescription;
    } else {
      constructor = global.DOMException;
      promise = promiseOrConstructor;
      description = descriptionOrPromise;
      assert(maybeDescription === undefined,
             "Too many args pased to no-constructor version of promise_rejects_dom");
    }
    return then(then(bring_promise_to_current_realm(promise),
                     test_obj.unreached_func("Should have rejected: " + description)),
                undefined,
                function (e) {
                  assert_throws_dom_impl(type, function() { throw e }, description,
                                         "promise_rejects_dom", constructor);
                });
  }

  function promise_rejects_exactly(test_obj, exception, promise, description) {
    return then(then(bring_promise_to_current_realm(promise),
                     test_obj.unreached_func("Should have rejected: " + description)),
                undefined,
                function (e) {
                  assert_throws_exactly_impl(exception, function() { throw e },
                                             description, "promise_rejects_exactly");
                });
  }

  function EventWatcher(test_obj, watchedNode, eventTypes, timeoutPromise) {
    if (typeof eventTypes == "string") {
      eventTypes = [eventTypes];
    }

    let waitingFor = null;
    // An array while recording every event of a wait_for(..., {record: "all"}), else null.
    let recordedEvents = null;

    const eventHandler = test_obj.step_func(function (evt) {
      assert_true(!!waitingFor,
                  "Not expecting event, but got " + evt.type + " event");
      assert_equals(evt.type, waitingFor.types[0],
                    "Expected " + waitingFor.types[0] + " event, but got " +
                    evt.type + " event instead");

      if (ArrayIsArray(recordedEvents)) {
        arrayPush(recordedEvents, evt);
      }

      if (waitingFor.types.length > 1) {
        waitingFor.types.shift();
        return;
      }
      // Reset before resolving: the resolve handlers may call wait_for() again.
      const resolveFunc = waitingFor.resolve;
      waitingFor = null;
      const result = recordedEvents || evt;
      recordedEvents = null;
      resolveFunc(result);
    });

    for (let i = 0; i < eventTypes.length; i++) {
      watchedNode.addEventListener(eventTypes[i], eventHandler, false);
    }

    this.wait_for = function (types, options) {
      if (waitingFor) {
        return promise_reject("Already waiting for an event or events");
      }
      if (typeof types == "string") {
        types = [types];
      }
      if (options && options.record && options.record === "all") {
        recordedEvents = [];
      }
      return new $Promise(function (resolve, reject) {
        const timeout = test_obj.step_func(function () {
          // Ignore a timeout that fires after the events arrived or during a later wait_for.
          if (!waitingFor || waitingFor.resolve !== resolve) {
            return;
          }
          assert_true(waitingFor.types.length == 0,
                      "Timed out waiting for " + waitingFor.types.join(", "));
          const result = recordedEvents;
          recordedEvents = null;
          const resolveFunc = waitingFor.resolve;
          waitingFor = null;
          resolveFunc(result);
        });

        if (timeoutPromise) {
          timeoutPromise().then(timeout);
        }

        waitingFor = {
          types: types,
          resolve: resolve,
          reject: reject,
        };
      });
    };

    function stop_watching() {
      for (let i = 0; i < eventTypes.length; i++) {
        watchedNode.removeEventListener(eventTypes[i], eventHandler, false);
      }
    }

    test_obj._add_cleanup(stop_watching);

    return this;
  }
  expose(EventWatcher, "EventWatcher");

  function setup(func_or_properties, maybe_properties) {
    let func = null;
    let properties = {};
    if (arguments.length === 2) {
      func = func_or_properties;
      properties = maybe_properties;
    } else if (func_or_properties instanceof Function) {
      func = func_or_properties;
    } else {
      properties = func_or_properties;
    }
    tests.setup(func, properties);
    test_environment.on_new_harness_properties(properties);
  }

  function promise_setup(func, properties = {}) {
    if (typeof func !== "function") {
      tests.set_status(tests.status.ERROR, "promise_test invoked without a function");
      tests.complete();
      return;
    }
    tests.promise_setup_called = true;

    if (!tests.promise_tests) {
      tests.promise_tests = promise_resolve();
    }

    tests.promise_tests = then(then(tests.promise_tests, function () {
      tests.setup(null, properties);
      const result = func();
      test_environment.on_new_harness_properties(properties);
      if (!result || typeof result.then !== "function") {
        throw "Non-thenable returned by function passed to `promise_setup`";
      }
      return result;
    }), undefined, function (e) {
      tests.set_status(tests.status.ERROR, $String(e), e && e.stack);
      tests.complete();
    });
  }

  function done() {
    if (tests.tests.length === 0) {
      // done() also runs after an uncaught error was handled; keep that more precise message.
      if (tests.status.status === null) {
        tests.status.status = tests.status.ERROR;
        tests.status.message = "done() was called without first defining any tests";
      }
      tests.complete();
      return;
    }
    if (tests.file_is_test) {
      tests.tests[0].done();
    }
    tests.end_wait();
  }

  function generate_tests(func, args, properties) {
    forEach(args, function (x, i) {
      const name = x[0];
      test(function () {
        functionApply(func, this, arraySlice(x, 1));
      }, name, ArrayIsArray(properties) ? properties[i] : properties);
    });
  }

  function on_event(object, event, callback) {
    object.addEventListener(event, callback, false);
  }

  function step_timeout(func, timeout) {
    const outer_this = this;
    const args = arraySlice(arguments, 2);
    return set_timeout(function () {
      functionApply(func, outer_this, args);
    }, timeout * tests.timeout_multiplier);
  }

  expose(test, "test");
  expose(async_test, "async_test");
  expose(promise_test, "promise_test");
  expose(promise_rejects_js, "promise_rejects_js");
  expose(promise_rejects_dom, "promise_rejects_dom");
  expose(promise_rejects_exactly, "promise_rejects_exactly");
  expose(generate_tests, "generate_tests");
  expose(setup, "setup");
  expose(promise_setup, "promise_setup");
  expose(done, "done");
  expose(on_event, "on_event");
  expose(step_timeout, "step_timeout");

  // ---------------------------------------------------------------------------------------------
  // format_value

  // Probably a DOM Node (duck-typed, as upstream).
  function is_node(object) {
    let has_node_properties;
    try {
      has_node_properties = ("nodeType" in object &&
                             "nodeName" in object &&
                             "nodeValue" in object &&
                             "childNodes" in object);
    } catch (e) {
      return false;
    }
    if (has_node_properties) {
      try {
        object.nodeType;
      } catch (e) {
        return false;
      }
      return true;
    }
    return false;
  }

  function format_node(val) {
    const N = global.Node || {};
    const type = val.nodeType;
    if (type === (N.ELEMENT_NODE || 1)) {
      let ret = "<" + val.localName;
      for (let i = 0; i < val.attributes.length; i++) {
        ret += " " + val.attributes[i].name + '="' + val.attributes[i].value + '"';
      }
      ret += ">" + val.innerHTML + "</" + val.localName + ">";
      return "Element node " + truncate(ret, 60);
    }
    if (type === (N.TEXT_NODE || 3)) {
      return 'Text node "' + truncate(val.data, 60) + '"';
    }
    if (type === (N.PROCESSING_INSTRUCTION_NODE || 7)) {
      return "ProcessingInstruction node with target " + format_value(truncate(val.target, 60)) +
             " and data " + format_value(truncate(val.data, 60));
    }
    if (type === (N.COMMENT_NODE || 8)) {
      return "Comment node <!--" + truncate(val.data, 60) + "-->";
    }
    if (type === (N.DOCUMENT_NODE || 9)) {
      return "Document node with " + val.childNodes.length +
             (val.childNodes.length == 1 ? " child" : " children");
    }
    if (type === (N.DOCUMENT_TYPE_NODE || 10)) {
      return "DocumentType node";
    }
    if (type === (N.DOCUMENT_FRAGMENT_NODE || 11)) {
      return "DocumentFragment node with " + val.childNodes.length +
             (val.childNodes.length == 1 ? " child" : " children");
    }
    return "Node object of unknown type";
  }

  // Backslash, double quote, C0 controls and U+FFFD..U+FFFF are escaped (upstream's table).
  const string_escapes = {
    0: "\\0", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r",
    0x5c: "\\\\", 0x22: '\\"',
    0xfffd: "\\ufffd", 0xfffe: "\\ufffe", 0xffff: "\\uffff",
  };

  function escape_char(ch) {
    const code = stringCharCodeAt(ch, 0);
    const known = string_escapes[code];
    if (known !== undefined) {
      return known;
    }
    return "\\x" + (code < 16 ? "0" : "") + code.toString(16);
  }

  function format_value(val, seen) {
    if (!seen) {
      seen = [];
    }
    if (typeof val === "object" && val !== null) {
      if (arrayIndexOf(seen, val) >= 0) {
        return "[...]";
      }
      arrayPush(seen, val);
    }
    if (ArrayIsArray(val)) {
      let output = "[";
      if (val.beginEllipsis !== undefined) {
        output += "\u2026, ";
      }
      output += arrayJoin(arrayMap(val, function (x) { return format_value(x, seen); }), ", ");
      if (val.endEllipsis !== undefined) {
        output += ", \u2026";
      }
      return output + "]";
    }

    switch (typeof val) {
    case "string":
      return '"' + stringReplace(val, /[\\"\u0000-\u001f\ufffd-\uffff]/g, escape_char) + '"';
    case "boolean":
    case "undefined":
      return $String(val);
    case "number":
      // String(-0) is "0".
      if (val === 0 && 1 / val === -Infinity) {
        return "-0";
      }
      return $String(val);
    case "object":
      if (val === null) {
        return "null";
      }
      if (is_node(val)) {
        return format_node(val);
      }
      // falls through
    default:
      try {
        return typeof val + ' "' + truncate($String(val), 1000) + '"';
      } catch (e) {
        let text;
        try {
          text = $String(e);
        } catch (e2) {
          text = objectToString(e);
        }
        return "[stringifying object threw " + text + " with type " + $String(typeof e) + "]";
      }
    }
  }
  expose(format_value, "format_value");

  // ---------------------------------------------------------------------------------------------
  // Assertion machinery

  // The message of a failed assertion: "<function_name>: <description> <error with ${name}s
  // replaced by format_value(substitutions[name])>".
  function make_message(function_name, description, error, substitutions) {
    const values = ObjectCreate(null);
    values.function_name = function_name;
    values.description = description ? description + " " : "";
    if (substitutions) {
      for (const p in substitutions) {
        if (hasOwn(substitutions, p)) {
          values[p] = format_value(substitutions[p]);
        }
      }
    }
    const template = "${function_name}: ${description}" + error;
    return stringReplace(template, /\$\{([^ }]*)\}/g, function (match, name) {
      return name ? $String(values[name]) : "";
    });
  }

  function assert(expected_true, function_name, description, error, substitutions) {
    if (expected_true !== true) {
      throw new AssertionError(make_message(function_name, description, error, substitutions));
    }
  }

  function AssertionError(message) {
    if (typeof message == "string") {
      message = sanitize_unpaired_surrogates(message);
    }
    this.message = message;
    this.stack = get_stack();
  }
  AssertionError.prototype = ObjectCreate($Error.prototype);
  expose(AssertionError, "AssertionError");

  function OptionalFeatureUnsupportedError(message) {
    AssertionError.call(this, message);
  }
  OptionalFeatureUnsupportedError.prototype = ObjectCreate(AssertionError.prototype);
  expose(OptionalFeatureUnsupportedError, "OptionalFeatureUnsupportedError");

  function AssertRecord(test_obj, assert_name, args = []) {
    this.assert_name = assert_name;
    this.test = test_obj;
    // Keep only strings, not the values.
    this.args = arrayMap(args, function (x) { return stringReplace(format_value(x), /\n/g, " "); });
    this.status = null;
  }

  AssertRecord.prototype.structured_clone = function () {
    return {
      assert_name: this.assert_name,
      test: this.test ? this.test.structured_clone() : null,
      args: this.args,
      status: this.status,
    };
  };

  // Asserts are recorded only when the `output` setting is on (off by default, as upstream in
  // environments without a document).
  function expose_assert(f, name) {
    const wrapper = {
      [name](...args) {
        if (!tests.output) {
          return functionApply(f, undefined, args);
        }
        let status = Test.statuses.TIMEOUT;
        let stack = null;
        tests.set_assert(name, args);
        const index = tests.asserts_run.length - 1;
        try {
          const rv = functionApply(f, undefined, args);
          status = Test.statuses.PASS;
          return rv;
        } catch (e) {
          status = Test.statuses.FAIL;
          stack = e && e.stack ? e.stack : null;
          throw e;
        } finally {
          if (!stack) {
            stack = get_stack();
          }
          tests.set_assert_status(index, status, stack);
        }
      },
    }[name];
    expose(wrapper, name);
  }

  function same_value(x, y) {
    if (y !== y) {
      return x !== x;
    }
    if (x === 0 && y === 0) {
      return 1 / x === 1 / y;
    }
    return x === y;
  }

  // ---------------------------------------------------------------------------------------------
  // Assertions

  function assert_true(actual, description) {
    assert(actual === true, "assert_true", description,
           "expected true got ${actual}", { actual });
  }
  expose_assert(assert_true, "assert_true");

  function assert_false(actual, description) {
    assert(actual === false, "assert_false", description,
           "expected false got ${actual}", { actual });
  }
  expose_assert(assert_false, "assert_false");

  function assert_equals(actual, expected, description) {
    if (typeof actual != typeof expected) {
      assert(false, "assert_equals", description,
             "expected (" + typeof expected + ") ${expected} but got (" + typeof actual + ") ${actual}",
             { expected, actual });
      return;
    }
    assert(same_value(actual, expected), "assert_equals", description,
           "expected ${expected} but got ${actual}", { expected, actual });
  }
  expose_assert(assert_equals, "assert_equals");

  function assert_not_equals(actual, expected, description) {
    assert(!same_value(actual, expected), "assert_not_equals", description,
           "got disallowed value ${actual}", { actual });
  }
  expose_assert(assert_not_equals, "assert_not_equals");

  function assert_in_array(actual, expected, description) {
    assert(expected.indexOf(actual) != -1, "assert_in_array", description,
           "value ${actual} not in array ${expected}", { actual, expected });
  }
  expose_assert(assert_in_array, "assert_in_array");

  // Deprecated upstream (wpt issue 2033), kept for old tests.
  function assert_object_equals(actual, expected, description) {
    assert(typeof actual === "object" && actual !== null, "assert_object_equals", description,
           "value is ${actual}, expected object", { actual });

    function check_equal(actual, expected, stack) {
      arrayPush(stack, actual);
      for (const p in actual) {
        assert(expected.hasOwnProperty(p), "assert_object_equals", description,
               "unexpected property ${p}", { p });
        if (typeof actual[p] === "object" && actual[p] !== null) {
          if (arrayIndexOf(stack, actual[p]) === -1) {
            check_equal(actual[p], expected[p], stack);
          }
        } else {
          assert(same_value(actual[p], expected[p]), "assert_object_equals", description,
                 "property ${p} expected ${expected} got ${actual}",
                 { p, expected: expected[p], actual: actual[p] });
        }
      }
      for (const p in expected) {
        assert(actual.hasOwnProperty(p), "assert_object_equals", description,
               "expected property ${p} missing", { p });
      }
      stack.pop();
    }
    check_equal(actual, expected, []);
  }
  expose_assert(assert_object_equals, "assert_object_equals");

  function assert_array_equals(actual, expected, description) {
    const max_array_length = 20;
    // A window of at most max_array_length items around `offset`, with ellipsis markers.
    function shorten_array(arr, offset = 0) {
      if (arr.length < max_array_length + 2) {
        return arr;
      }
      const length_after_offset = mathFloor(max_array_length / 2);
      let upper_bound = mathMin(length_after_offset + offset, arr.length);
      const lower_bound = mathMax(upper_bound - max_array_length, 0);
      if (lower_bound === 0) {
        upper_bound = max_array_length;
      }
      const output = arraySlice(arr, lower_bound, upper_bound);
      if (lower_bound > 0) {
        output.beginEllipsis = true;
      }
      if (upper_bound < arr.length) {
        output.endEllipsis = true;
      }
      return output;
    }

    assert(typeof actual === "object" && actual !== null && "length" in actual,
           "assert_array_equals", description,
           "value is ${actual}, expected array", { actual });
    assert(actual.length === expected.length,
           "assert_array_equals", description,
           "lengths differ, expected array ${expected} length ${expectedLength}, got ${actual} length ${actualLength}",
           { expected: shorten_array(expected, expected.length - 1), expectedLength: expected.length,
             actual: shorten_array(actual, actual.length - 1), actualLength: actual.length });

    for (let i = 0; i < actual.length; i++) {
      assert(hasOwn(actual, i) === hasOwn(expected, i),
             "assert_array_equals", description,
             "expected property ${i} to be ${expected} but was ${actual} (expected array ${arrayExpected} got ${arrayActual})",
             { i, expected: hasOwn(expected, i) ? "present" : "missing",
               actual: hasOwn(actual, i) ? "present" : "missing",
               arrayExpected: shorten_array(expected, i), arrayActual: shorten_array(actual, i) });
      assert(same_value(expected[i], actual[i]),
             "assert_array_equals", description,
             "expected property ${i} to be ${expected} but got ${actual} (expected array ${arrayExpected} got ${arrayActual})",
             { i, expected: expected[i], actual: actual[i],
               arrayExpected: shorten_array(expected, i), arrayActual: shorten_array(actual, i) });
    }
  }
  expose_assert(assert_array_equals, "assert_array_equals");

  function assert_array_approx_equals(actual, expected, epsilon, description) {
    assert(actual.length === expected.length,
           "assert_array_approx_equals", description,
           "lengths differ, expected ${expected} got ${actual}",
           { expected: expected.length, actual: actual.length });

    for (let i = 0; i < actual.length; i++) {
      assert(hasOwn(actual, i) === hasOwn(expected, i),
             "assert_array_approx_equals", description,
             "property ${i}, property expected to be ${expected} but was ${actual}",
             { i, expected: hasOwn(expected, i) ? "present" : "missing",
               actual: hasOwn(actual, i) ? "present" : "missing" });
      assert(typeof actual[i] === "number",
             "assert_array_approx_equals", description,
             "property ${i}, expected a number but got a ${type_actual}",
             { i, type_actual: typeof actual[i] });
      assert(mathAbs(actual[i] - expected[i]) <= epsilon,
             "assert_array_approx_equals", description,
             "property ${i}, expected ${expected} +/- ${epsilon}, expected ${expected} but got ${actual}",
             { i, expected: expected[i], actual: actual[i], epsilon });
    }
  }
  expose_assert(assert_array_approx_equals, "assert_array_approx_equals");

  function assert_approx_equals(actual, expected, epsilon, description) {
    assert(typeof actual === "number",
           "assert_approx_equals", description,
           "expected a number but got a ${type_actual}", { type_actual: typeof actual });

    // The epsilon comparison does not work for two non-finite values; compare those exactly.
    if (numberIsFinite(actual) || numberIsFinite(expected)) {
      assert(mathAbs(actual - expected) <= epsilon,
             "assert_approx_equals", description,
             "expected ${expected} +/- ${epsilon} but got ${actual}",
             { expected, actual, epsilon });
    } else {
      assert_equals(actual, expected);
    }
  }
  expose_assert(assert_approx_equals, "assert_approx_equals");

  function number_check(name, actual, description) {
    assert(typeof actual === "number", name, description,
           "expected a number but got a ${type_actual}", { type_actual: typeof actual });
  }

  function assert_less_than(actual, expected, description) {
    number_check("assert_less_than", actual, description);
    assert(actual < expected, "assert_less_than", description,
           "expected a number less than ${expected} but got ${actual}", { expected, actual });
  }
  expose_assert(assert_less_than, "assert_less_than");

  function assert_greater_than(actual, expected, description) {
    number_check("assert_greater_than", actual, description);
    assert(actual > expected, "assert_greater_than", description,
           "expected a number greater than ${expected} but got ${actual}", { expected, actual });
  }
  expose_assert(assert_greater_than, "assert_greater_than");

  function assert_between_exclusive(actual, lower, upper, description) {
    number_check("assert_between_exclusive", actual, description);
    assert(actual > lower && actual < upper, "assert_between_exclusive", description,
           "expected a number greater than ${lower} and less than ${upper} but got ${actual}",
           { lower, upper, actual });
  }
  expose_assert(assert_between_exclusive, "assert_between_exclusive");

  function assert_less_than_equal(actual, expected, description) {
    number_check("assert_less_than_equal", actual, description);
    assert(actual <= expected, "assert_less_than_equal", description,
           "expected a number less than or equal to ${expected} but got ${actual}",
           { expected, actual });
  }
  expose_assert(assert_less_than_equal, "assert_less_than_equal");

  function assert_greater_than_equal(actual, expected, description) {
    number_check("assert_greater_than_equal", actual, description);
    assert(actual >= expected, "assert_greater_than_equal", description,
           "expected a number greater than or equal to ${expected} but got ${actual}",
           { expected, actual });
  }
  expose_assert(assert_greater_than_equal, "assert_greater_than_equal");

  function assert_between_inclusive(actual, lower, upper, description) {
    number_check("assert_between_inclusive", actual, description);
    assert(actual >= lower && actual <= upper, "assert_between_inclusive", description,
           "expected a number greater than or equal to ${lower} and less than or equal to ${upper} but got ${actual}",
           { lower, upper, actual });
  }
  expose_assert(assert_between_inclusive, "assert_between_inclusive");

  function assert_regexp_match(actual, expected, description) {
    assert(expected.test(actual), "assert_regexp_match", description,
           "expected ${expected} but got ${actual}", { expected, actual });
  }
  expose_assert(assert_regexp_match, "assert_regexp_match");

  function assert_class_string(object, class_string, description) {
    const actual = objectToString(object);
    const expected = "[object " + class_string + "]";
    assert(same_value(actual, expected), "assert_class_string", description,
           "expected ${expected} but got ${actual}", { expected, actual });
  }
  expose_assert(assert_class_string, "assert_class_string");

  function assert_own_property(object, property_name, description) {
    assert(hasOwn(object, property_name), "assert_own_property", description,
           "expected property ${p} missing", { p: property_name });
  }
  expose_assert(assert_own_property, "assert_own_property");

  function assert_not_own_property(object, property_name, description) {
    assert(!hasOwn(object, property_name), "assert_not_own_property", description,
           "unexpected property ${p} is found on object", { p: property_name });
  }
  expose_assert(assert_not_own_property, "assert_not_own_property");

  function inherits_check(name, object, property_name, description) {
    assert((typeof object === "object" && object !== null) ||
           typeof object === "function" ||
           // [[IsHTMLDDA]] objects (document.all)
           $String(object) === "[object HTMLAllCollection]",
           name, description, "provided value is not an object");
    assert("hasOwnProperty" in object, name, description,
           "provided value is an object but has no hasOwnProperty method");
    assert(!object.hasOwnProperty(property_name), name, description,
           "property ${p} found on object expected in prototype chain", { p: property_name });
    assert(property_name in object, name, description,
           "property ${p} not found in prototype chain", { p: property_name });
  }

  function assert_inherits(object, property_name, description) {
    inherits_check("assert_inherits", object, property_name, description);
  }
  expose_assert(assert_inherits, "assert_inherits");

  function assert_idl_attribute(object, property_name, description) {
    inherits_check("assert_idl_attribute", object, property_name, description);
  }
  expose_assert(assert_idl_attribute, "assert_idl_attribute");

  // Upstream assigns in sloppy mode, where a failed assignment is silently ignored but a throwing
  // setter propagates; Reflect.set is that assignment without the strict-mode TypeError.
  function sloppy_set(object, property_name, value) {
    if ((typeof object === "object" && object !== null) || typeof object === "function") {
      reflectSet(object, property_name, value);
    }
  }

  function assert_readonly(object, property_name, description) {
    const initial_value = object[property_name];
    try {
      // Has side effects for [PutForwards] attributes, as upstream.
      sloppy_set(object, property_name, initial_value + "a");
      assert(same_value(object[property_name], initial_value), "assert_readonly", description,
             "changing property ${p} succeeded", { p: property_name });
    } finally {
      sloppy_set(object, property_name, initial_value);
    }
  }
  expose_assert(assert_readonly, "assert_readonly");

  function assert_throws_js(constructor, func, description) {
    assert_throws_js_impl(constructor, func, description, "assert_throws_js");
  }
  expose_assert(assert_throws_js, "assert_throws_js");

  function assert_throws_js_impl(constructor, func, description, assertion_type) {
    try {
      func.call(undefined);
      assert(false, assertion_type, description, "${func} did not throw", { func });
    } catch (e) {
      if (e instanceof AssertionError) {
        throw e;
      }

      assert(typeof e === "object", assertion_type, description,
             "${func} threw ${e} with type ${type}, not an object", { func, e, type: typeof e });
      assert(e !== null, assertion_type, description,
             "${func} threw null, not an object", { func });

      assert(typeof constructor == "function", assertion_type, description,
             "${constructor} is not a constructor", { constructor });
      let obj = constructor;
      while (obj) {
        if (typeof obj === "function" && obj.name === "Error") {
          break;
        }
        obj = ObjectGetPrototypeOf(obj);
      }
      assert(obj != null, assertion_type, description,
             "${constructor} is not an Error subtype", { constructor });

      assert(e.constructor === constructor && e.name === constructor.name,
             assertion_type, description,
             "${func} threw ${actual} (${actual_name}) expected instance of ${expected} (${expected_name})",
             { func, actual: e, actual_name: e.name,
               expected: constructor, expected_name: constructor.name });
    }
  }

  // Legacy constant names and codes of DOMException names (WebIDL error names table).
  const codename_name_map = {
    INDEX_SIZE_ERR: "IndexSizeError",
    HIERARCHY_REQUEST_ERR: "HierarchyRequestError",
    WRONG_DOCUMENT_ERR: "WrongDocumentError",
    INVALID_CHARACTER_ERR: "InvalidCharacterError",
    NO_MODIFICATION_ALLOWED_ERR: "NoModificationAllowedError",
    NOT_FOUND_ERR: "NotFoundError",
    NOT_SUPPORTED_ERR: "NotSupportedError",
    INUSE_ATTRIBUTE_ERR: "InUseAttributeError",
    INVALID_STATE_ERR: "InvalidStateError",
    SYNTAX_ERR: "SyntaxError",
    INVALID_MODIFICATION_ERR: "InvalidModificationError",
    NAMESPACE_ERR: "NamespaceError",
    INVALID_ACCESS_ERR: "InvalidAccessError",
    TYPE_MISMATCH_ERR: "TypeMismatchError",
    SECURITY_ERR: "SecurityError",
    NETWORK_ERR: "NetworkError",
    ABORT_ERR: "AbortError",
    URL_MISMATCH_ERR: "URLMismatchError",
    QUOTA_EXCEEDED_ERR: "QuotaExceededError",
    TIMEOUT_ERR: "TimeoutError",
    INVALID_NODE_TYPE_ERR: "InvalidNodeTypeError",
    DATA_CLONE_ERR: "DataCloneError",
  };

  const name_code_map = {
    IndexSizeError: 1,
    HierarchyRequestError: 3,
    WrongDocumentError: 4,
    InvalidCharacterError: 5,
    NoModificationAllowedError: 7,
    NotFoundError: 8,
    NotSupportedError: 9,
    InUseAttributeError: 10,
    InvalidStateError: 11,
    SyntaxError: 12,
    InvalidModificationError: 13,
    NamespaceError: 14,
    InvalidAccessError: 15,
    TypeMismatchError: 17,
    SecurityError: 18,
    NetworkError: 19,
    AbortError: 20,
    URLMismatchError: 21,
    QuotaExceededError: 22,
    TimeoutError: 23,
    InvalidNodeTypeError: 24,
    DataCloneError: 25,

    EncodingError: 0,
    NotReadableError: 0,
    UnknownError: 0,
    ConstraintError: 0,
    DataError: 0,
    TransactionInactiveError: 0,
    ReadOnlyError: 0,
    VersionError: 0,
    OperationError: 0,
    NotAllowedError: 0,
  };

  const code_name_map = {};
  for (const key in name_code_map) {
    if (name_code_map[key] > 0) {
      code_name_map[name_code_map[key]] = key;
    }
  }

  function assert_throws_dom(type, funcOrConstructor, descriptionOrFunc, maybeDescription) {
    let constructor, func, description;
    if (funcOrConstructor.name === "DOMException") {
      constructor = funcOrConstructor;
      func = descriptionOrFunc;
      description = maybeDescription;
    } else {
      constructor = global.DOMException;
      func = funcOrConstructor;
      description = descriptionOrFunc;
      assert(maybeDescription === undefined,
             "Too many args pased to no-constructor version of assert_throws_dom");
    }
    assert_throws_dom_impl(type, func, description, "assert_throws_dom", constructor);
  }
  expose_assert(assert_throws_dom, "assert_throws_dom");

  // `constructor` is the DOMException of the global the exception is expected to come from.
  function assert_throws_dom_impl(type, func, description, assertion_type, constructor) {
    try {
      func.call(undefined);
      assert(false, assertion_type, description, "${func} did not throw", { func });
    } catch (e) {
      if (e instanceof AssertionError) {
        throw e;
      }

      assert(typeof e === "object", assertion_type, description,
             "${func} threw ${e} with type ${type}, not an object", { func, e, type: typeof e });
      assert(e !== null, assertion_type, description,
             "${func} threw null, not an object", { func });

      assert(typeof type == "number" || typeof type == "string", assertion_type, description,
             "${type} is not a number or string", { type });

      const required_props = {};
      let name;

      if (typeof type === "number") {
        if (type === 0) {
          throw new AssertionError("Test bug: ambiguous DOMException code 0 passed to assert_throws_dom()");
        } else if (!(type in code_name_map)) {
          throw new AssertionError('Test bug: unrecognized DOMException code "' + type + '" passed to assert_throws_dom()');
        }
        name = code_name_map[type];
        required_props.code = type;
      } else if (typeof type === "string") {
        name = type in codename_name_map ? codename_name_map[type] : type;
        if (!(name in name_code_map)) {
          throw new AssertionError('Test bug: unrecognized DOMException code name or name "' + type + '" passed to assert_throws_dom()');
        }
        required_props.code = name_code_map[name];
      }

      if (required_props.code === 0 ||
          ("name" in e &&
           e.name !== e.name.toUpperCase() &&
           e.name !== "DOMException")) {
        // New-style exception: check the name too.
        required_props.name = name;
      }

      for (const prop in required_props) {
        assert(prop in e && e[prop] == required_props[prop], assertion_type, description,
               "${func} threw ${e} that is not a DOMException " + type +
               ": property ${prop} is equal to ${actual}, expected ${expected}",
               { func, e, prop, actual: e[prop], expected: required_props[prop] });
      }

      // Last, so that the more informative property checks above fail first.
      assert(e.constructor === constructor, assertion_type, description,
             "${func} threw an exception from the wrong global", { func });
    }
  }

  function assert_throws_exactly(exception, func, description) {
    assert_throws_exactly_impl(exception, func, description, "assert_throws_exactly");
  }
  expose_assert(assert_throws_exactly, "assert_throws_exactly");

  function assert_throws_exactly_impl(exception, func, description, assertion_type) {
    try {
      func.call(undefined);
      assert(false, assertion_type, description, "${func} did not throw", { func });
    } catch (e) {
      if (e instanceof AssertionError) {
        throw e;
      }
      assert(same_value(e, exception), assertion_type, description,
             "${func} threw ${e} but we expected it to throw ${exception}",
             { func, e, exception });
    }
  }

  function assert_unreached(description) {
    assert(false, "assert_unreached", description, "Reached unreachable code");
  }
  expose_assert(assert_unreached, "assert_unreached");

  // Not wrapped for assert recording (the inner asserts are), as upstream.
  function assert_any(assert_func, actual, expected_array, ...args) {
    const errors = [];
    let passed = false;
    forEach(expected_array, function (expected) {
      try {
        functionApply(assert_func, this, [actual, expected].concat(args));
        passed = true;
      } catch (e) {
        arrayPush(errors, e.message);
      }
    });
    if (!passed) {
      throw new AssertionError(arrayJoin(errors, "\n\n"));
    }
  }
  expose(assert_any, "assert_any");

  function assert_implements(condition, description) {
    assert(!!condition, "assert_implements", description);
  }
  expose_assert(assert_implements, "assert_implements");

  function assert_implements_optional(condition, description) {
    if (!condition) {
      throw new OptionalFeatureUnsupportedError(description);
    }
  }
  expose_assert(assert_implements_optional, "assert_implements_optional");

  // ---------------------------------------------------------------------------------------------
  // Test: one subtest.

  function Test(name, properties) {
    if (tests.file_is_test && tests.tests.length) {
      throw new $Error("Tried to create a test with file_is_test");
    }
    this.name = name;

    this.phase = (tests.is_aborted || tests.phase === tests.phases.COMPLETE) ?
      this.phases.COMPLETE : this.phases.INITIAL;

    this.status = this.NOTRUN;
    this.timeout_id = null;
    this.index = null;

    this.properties = properties || {};
    // Per-test timers are not used (the runner owns the file timeout); kept for API shape.
    this.timeout_length = null;

    this.message = null;
    this.stack = null;

    this.steps = [];
    this._is_promise_test = false;

    this.cleanup_callbacks = [];
    this._user_defined_cleanup_count = 0;
    this._done_callbacks = [];

    // Tests created after the harness completed are not reported.
    if (tests.phase === tests.phases.COMPLETE) {
      return;
    }

    tests.push(this);
  }

  Test.statuses = {
    PASS: 0,
    FAIL: 1,
    TIMEOUT: 2,
    NOTRUN: 3,
    PRECONDITION_FAILED: 4,
  };

  Test.prototype = merge({}, Test.statuses);

  Test.prototype.phases = {
    INITIAL: 0,
    STARTED: 1,
    HAS_RESULT: 2,
    CLEANING: 3,
    COMPLETE: 4,
  };

  Test.prototype.status_formats = {
    0: "Pass",
    1: "Fail",
    2: "Timeout",
    3: "Not Run",
    4: "Optional Feature Unsupported",
  };

  Test.prototype.format_status = function () {
    return this.status_formats[this.status];
  };

  Test.prototype.structured_clone = function () {
    if (!this._structured_clone) {
      this._structured_clone = merge({
        name: $String(this.name),
        properties: merge({}, this.properties),
        phases: merge({}, this.phases),
      }, Test.statuses);
    }
    this._structured_clone.status = this.status;
    this._structured_clone.message = this.message;
    this._structured_clone.stack = this.stack;
    this._structured_clone.index = this.index;
    this._structured_clone.phase = this.phase;
    return this._structured_clone;
  };

  Test.prototype.step = function (func, this_obj) {
    if (this.phase > this.phases.STARTED) {
      return;
    }
    this.phase = this.phases.STARTED;
    // Unless a result arrives first, a harness timeout reports this test as timed out.
    this.set_status(this.TIMEOUT, "Test timed out");

    tests.started = true;
    tests.current_test = this;
    tests.notify_test_state(this);

    this.steps.push(func);

    if (arguments.length === 1) {
      this_obj = this;
    }

    try {
      return functionApply(func, this_obj, arraySlice(arguments, 2));
    } catch (e) {
      if (this.phase >= this.phases.HAS_RESULT) {
        return;
      }
      const status = e instanceof OptionalFeatureUnsupportedError ? this.PRECONDITION_FAILED : this.FAIL;
      const message = $String((typeof e === "object" && e !== null) ? e.message : e);
      const stack = e && e.stack ? e.stack : null;

      this.set_status(status, message, stack);
      this.phase = this.phases.HAS_RESULT;
      this.done();
    } finally {
      // (sic) upstream clears this.current_test, not tests.current_test
      this.current_test = null;
    }
  };

  Test.prototype.step_func = function (func, this_obj) {
    const test_this = this;
    if (arguments.length === 1) {
      this_obj = test_this;
    }
    return function () {
      return functionApply(test_this.step, test_this,
                           [func, this_obj].concat(arraySlice(arguments)));
    };
  };

  Test.prototype.step_func_done = function (func, this_obj) {
    const test_this = this;
    if (arguments.length === 1) {
      this_obj = test_this;
    }
    return function () {
      if (func) {
        functionApply(test_this.step, test_this,
                      [func, this_obj].concat(arraySlice(arguments)));
      }
      test_this.done();
    };
  };

  Test.prototype.unreached_func = function (description) {
    return this.step_func(function () {
      assert_unreached(description);
    });
  };

  Test.prototype.step_timeout = function (func, timeout) {
    const test_this = this;
    const args = arraySlice(arguments, 2);
    return set_timeout(this.step_func(function () {
      return functionApply(func, test_this, args);
    }), timeout * tests.timeout_multiplier);
  };

  Test.prototype.step_wait_func = function (cond, func, description, timeout = 3000, interval = 100) {
    const timeout_full = timeout * tests.timeout_multiplier;
    let remaining = mathCeil(timeout_full / interval);
    const test_this = this;

    const step = test_this.step_func(function (result) {
      if (result) {
        func();
      } else {
        if (remaining === 0) {
          assert(false, "step_wait_func", description, "Timed out waiting on condition");
        }
        remaining--;
        set_timeout(wait_for_inner, interval);
      }
    });

    const wait_for_inner = test_this.step_func(function () {
      then(promise_resolve(cond()), step, test_this.unreached_func("step_wait_func"));
    });

    wait_for_inner();
  };

  Test.prototype.step_wait_func_done = function (cond, func, description, timeout = 3000, interval = 100) {
    const test_this = this;
    this.step_wait_func(cond, function () {
      if (func) {
        func();
      }
      test_this.done();
    }, description, timeout, interval);
  };

  Test.prototype.step_wait = function (cond, description, timeout = 3000, interval = 100) {
    const test_this = this;
    return new $Promise(function (resolve) {
      test_this.step_wait_func(cond, resolve, description, timeout, interval);
    });
  };

  // For harness-internal cleanups: they do not count in the cleanup error message.
  Test.prototype._add_cleanup = function (callback) {
    this.cleanup_callbacks.push(callback);
  };

  Test.prototype.add_cleanup = function (callback) {
    this._user_defined_cleanup_count += 1;
    this._add_cleanup(callback);
  };

  Test.prototype.get_signal = function () {
    if (!this._abortController) {
      this._abortController = new global.AbortController();
    }
    return this._abortController.signal;
  };

  Test.prototype.set_timeout = function () {};

  Test.prototype.set_status = function (status, message, stack) {
    this.status = status;
    this.message = message;
    this.stack = stack ? stack : null;
  };

  Test.prototype.timeout = function () {
    this.timeout_id = null;
    this.set_status(this.TIMEOUT, "Test timed out");
    this.phase = this.phases.HAS_RESULT;
    this.done();
  };

  Test.prototype.force_timeout = function () {
    return this.timeout();
  };

  Test.prototype.done = function () {
    if (this.phase >= this.phases.CLEANING) {
      return;
    }
    if (this.phase <= this.phases.STARTED) {
      this.set_status(this.PASS, null);
    }
    if (this.timeout_id !== null) {
      clear_timeout(this.timeout_id);
    }
    this.cleanup();
  };

  function add_test_done_callback(test_obj, callback) {
    if (test_obj.phase === test_obj.phases.COMPLETE) {
      callback();
      return;
    }
    test_obj._done_callbacks.push(callback);
  }

  // Run the cleanup functions. An error in one leaves the realm in an unknown state: the harness
  // aborts (status ERROR, tests not yet started are not run).
  Test.prototype.cleanup = function () {
    const errors = [];
    let bad_value_count = 0;
    function on_error(e) {
      arrayPush(errors, e);
      tests.abort();
    }
    const this_obj = this;
    const results = [];

    this.phase = this.phases.CLEANING;

    if (this._abortController) {
      this._abortController.abort("Test cleanup");
    }

    forEach(this.cleanup_callbacks, function (cleanup_callback) {
      let result;
      try {
        result = cleanup_callback();
      } catch (e) {
        on_error(e);
        return;
      }
      if (!is_valid_cleanup_result(this_obj, result)) {
        bad_value_count += 1;
        tests.abort();
      }
      arrayPush(results, result);
    });

    if (!this._is_promise_test) {
      cleanup_done(this_obj, errors, bad_value_count);
    } else {
      // promise_test cleanups may return thenables; they are awaited.
      all_async(results, function (result, result_done) {
        if (result && typeof result.then === "function") {
          result.then(null, on_error).then(result_done);
        } else {
          result_done();
        }
      }, function () {
        cleanup_done(this_obj, errors, bad_value_count);
      });
    }
  };

  // Cleanups return undefined; promise_test cleanups may also return a thenable.
  function is_valid_cleanup_result(test_obj, result) {
    if (result === undefined) {
      return true;
    }
    if (test_obj._is_promise_test) {
      return !!result && typeof result.then === "function";
    }
    return false;
  }

  function cleanup_done(test_obj, errors, bad_value_count) {
    if (errors.length || bad_value_count) {
      const total = test_obj._user_defined_cleanup_count;

      tests.status.status = tests.status.ERROR;
      tests.status.stack = null;
      tests.status.message = "Test named '" + test_obj.name +
        "' specified " + total + " 'cleanup' function" + (total > 1 ? "s" : "");

      if (errors.length) {
        tests.status.message += ", and " + errors.length + " failed";
        tests.status.stack = (typeof errors[0] === "object" && errors[0] !== null &&
                              hasOwn(errors[0], "stack")) ? errors[0].stack : null;
      }

      if (bad_value_count) {
        const type = test_obj._is_promise_test ? "non-thenable" : "non-undefined";
        tests.status.message += ", and " + bad_value_count + " returned a " + type + " value";
      }

      tests.status.message += ".";
    }

    test_obj.phase = test_obj.phases.COMPLETE;
    tests.result(test_obj);
    forEach(test_obj._done_callbacks, function (callback) {
      callback();
    });
    test_obj._done_callbacks.length = 0;
  }

  // ---------------------------------------------------------------------------------------------
  // TestsStatus: the harness status.

  function TestsStatus() {
    this.status = null;
    this.message = null;
    this.stack = null;
  }

  TestsStatus.statuses = {
    OK: 0,
    ERROR: 1,
    TIMEOUT: 2,
    PRECONDITION_FAILED: 3,
  };

  TestsStatus.prototype = merge({}, TestsStatus.statuses);

  TestsStatus.prototype.formats = {
    0: "OK",
    1: "Error",
    2: "Timeout",
    3: "Optional Feature Unsupported",
  };

  TestsStatus.prototype.structured_clone = function () {
    if (!this._structured_clone) {
      let msg = this.message;
      msg = msg ? $String(msg) : msg;
      this._structured_clone = merge({
        status: this.status,
        message: msg,
        stack: this.stack,
      }, TestsStatus.statuses);
    }
    return this._structured_clone;
  };

  TestsStatus.prototype.format_status = function () {
    return this.formats[this.status];
  };

  // ---------------------------------------------------------------------------------------------
  // Tests: the harness state.

  function Tests() {
    this.tests = [];
    this.num_pending = 0;

    this.phases = {
      INITIAL: 0,
      SETUP: 1,
      HAVE_TESTS: 2,
      HAVE_RESULTS: 3,
      COMPLETE: 4,
    };
    this.phase = this.phases.INITIAL;

    this.properties = {};

    this.wait_for_finish = false;
    this.processing_callbacks = false;

    this.allow_uncaught_exception = false;

    this.file_is_test = false;
    this.promise_tests = null;
    this.promise_setup_called = false;

    this.timeout_multiplier = 1;
    this.timeout_length = test_environment.test_timeout();
    this.timeout_id = null;

    this.start_callbacks = [];
    this.test_state_callbacks = [];
    this.test_done_callbacks = [];
    this.all_done_callbacks = [];

    this.hide_test_state = false;
    this.pending_remotes = [];

    this.current_test = null;
    this.asserts_run = [];

    // Asserts are recorded only with setup({output: true}).
    this.output = false;

    this.status = new TestsStatus();

    const this_obj = this;
    test_environment.add_on_loaded_callback(function () {
      if (this_obj.all_done()) {
        this_obj.complete();
      }
    });
  }

  Tests.prototype.setup = function (func, properties) {
    if (this.phase >= this.phases.HAVE_RESULTS) {
      return;
    }
    if (this.phase < this.phases.SETUP) {
      this.phase = this.phases.SETUP;
    }

    this.properties = properties;

    for (const p in properties) {
      if (hasOwn(properties, p)) {
        const value = properties[p];
        if (p == "allow_uncaught_exception") {
          this.allow_uncaught_exception = value;
        } else if (p == "explicit_done" && value) {
          this.wait_for_finish = true;
        } else if (p == "explicit_timeout" && value) {
          this.timeout_length = null;
        } else if (p == "single_test" && value) {
          this.set_file_is_test();
        } else if (p == "timeout_multiplier") {
          this.timeout_multiplier = value;
          if (this.timeout_length) {
            this.timeout_length *= this.timeout_multiplier;
          }
        } else if (p == "hide_test_state") {
          this.hide_test_state = value;
        } else if (p == "output") {
          this.output = value;
        }
        // "timeout" (and "debug") are ignored: the runner owns time limits.
      }
    }

    if (func) {
      try {
        func();
      } catch (e) {
        this.status.status = e instanceof OptionalFeatureUnsupportedError ?
          this.status.PRECONDITION_FAILED : this.status.ERROR;
        this.status.message = $String(e);
        this.status.stack = e && e.stack ? e.stack : null;
        this.complete();
      }
    }
  };

  Tests.prototype.set_file_is_test = function () {
    if (this.tests.length > 0) {
      throw new $Error("Tried to set file as test after creating a test");
    }
    this.wait_for_finish = true;
    this.file_is_test = true;
    // Creates the test, which adds itself to the list.
    tests.current_test = async_test();
  };

  Tests.prototype.set_status = function (status, message, stack) {
    this.status.status = status;
    this.status.message = message;
    this.status.stack = stack ? stack : null;
  };

  Tests.prototype.timeout = function () {
    let test_in_cleanup = null;

    if (this.status.status === null) {
      forEach(this.tests, function (test_obj) {
        // At most one test is expected to be cleaning up at a time.
        if (test_obj.phase === test_obj.phases.CLEANING) {
          test_in_cleanup = test_obj;
        }
        test_obj.phase = test_obj.phases.COMPLETE;
      });

      // A timeout during cleanup means global state was not restored: an error.
      if (test_in_cleanup) {
        this.status.status = this.status.ERROR;
        this.status.message = "Timeout while running cleanup for " +
          'test named "' + test_in_cleanup.name + '".';
        this.status.stack = null;
      } else {
        this.status.status = this.status.TIMEOUT;
      }
    }

    this.complete();
  };

  Tests.prototype.end_wait = function () {
    this.wait_for_finish = false;
    if (this.all_done()) {
      this.complete();
    }
  };

  Tests.prototype.push = function (test_obj) {
    if (this.phase < this.phases.HAVE_TESTS) {
      this.start();
    }
    this.num_pending++;
    test_obj.index = this.tests.push(test_obj);
    this.notify_test_state(test_obj);
  };

  Tests.prototype.notify_test_state = function (test_obj) {
    const this_obj = this;
    forEach(this.test_state_callbacks, function (callback) {
      callback(test_obj, this_obj);
    });
  };

  Tests.prototype.all_done = function () {
    return (this.tests.length > 0 || this.pending_remotes.length > 0) &&
      test_environment.all_loaded &&
      (this.num_pending === 0 || !!this.is_aborted) && !this.wait_for_finish &&
      !this.processing_callbacks &&
      !this.pending_remotes.some(function (w) { return w.running; });
  };

  Tests.prototype.start = function () {
    this.phase = this.phases.HAVE_TESTS;
    this.notify_start();
  };

  Tests.prototype.notify_start = function () {
    const this_obj = this;
    forEach(this.start_callbacks, function (callback) {
      callback(this_obj.properties);
    });
  };

  Tests.prototype.result = function (test_obj) {
    // Once past HAVE_RESULTS (i.e. COMPLETE), stay there.
    if (this.phase <= this.phases.HAVE_RESULTS) {
      this.phase = this.phases.HAVE_RESULTS;
    }
    this.num_pending--;
    this.notify_result(test_obj);
  };

  Tests.prototype.notify_result = function (test_obj) {
    const this_obj = this;
    this.processing_callbacks = true;
    forEach(this.test_done_callbacks, function (callback) {
      callback(test_obj, this_obj);
    });
    this.processing_callbacks = false;
    if (this_obj.all_done()) {
      this_obj.complete();
    }
  };

  Tests.prototype.complete = function () {
    if (this.phase === this.phases.COMPLETE) {
      return;
    }
    const this_obj = this;
    // Guarded: cleaning up the last pending test below re-enters complete() through result(), which
    // completes first. (Upstream lacks the guard and then runs completion callbacks twice.)
    const all_complete = function () {
      if (this_obj.phase === this_obj.phases.COMPLETE) {
        return;
      }
      this_obj.phase = this_obj.phases.COMPLETE;
      this_obj.notify_complete();
    };
    const incomplete = filter(this.tests, function (test_obj) {
      return test_obj.phase < test_obj.phases.COMPLETE;
    });

    // Completion is signalled synchronously when nothing is left to clean up.
    if (incomplete.length === 0) {
      all_complete();
      return;
    }

    all_async(incomplete, function (test_obj, testDone) {
      if (test_obj.phase === test_obj.phases.INITIAL) {
        test_obj.phase = test_obj.phases.COMPLETE;
        testDone();
      } else {
        add_test_done_callback(test_obj, testDone);
        test_obj.cleanup();
      }
    }, all_complete);
  };

  Tests.prototype.set_assert = function (assert_name, args) {
    arrayPush(this.asserts_run, new AssertRecord(this.current_test, assert_name, args));
  };

  Tests.prototype.set_assert_status = function (index, status, stack) {
    const assert_record = this.asserts_run[index];
    assert_record.status = status;
    assert_record.stack = stack;
  };

  // An unrecoverable harness error: status ERROR, tests not yet started will not run.
  Tests.prototype.abort = function () {
    this.status.status = this.status.ERROR;
    this.is_aborted = true;
    forEach(this.tests, function (test_obj) {
      if (test_obj.phase === test_obj.phases.INITIAL) {
        test_obj.phase = test_obj.phases.COMPLETE;
      }
    });
  };

  Tests.prototype.find_duplicates = function () {
    const names = ObjectCreate(null);
    const duplicates = [];
    forEach(this.tests, function (test_obj) {
      if (test_obj.name in names && arrayIndexOf(duplicates, test_obj.name) === -1) {
        arrayPush(duplicates, test_obj.name);
      }
      names[test_obj.name] = true;
    });
    return duplicates;
  };

  function sanitize_all_unpaired_surrogates(list) {
    forEach(list, function (test_obj) {
      const sanitized = sanitize_unpaired_surrogates(test_obj.name);
      if (test_obj.name !== sanitized) {
        test_obj.name = sanitized;
        delete test_obj._structured_clone;
      }
    });
  }

  Tests.prototype.notify_complete = function () {
    const this_obj = this;

    if (this.status.status === null) {
      const duplicates = this.find_duplicates();

      // Names must survive UTF-8 transports.
      sanitize_all_unpaired_surrogates(this.tests);

      // Names identify subtests, so duplicates are a harness error.
      if (duplicates.length) {
        this.status.status = this.status.ERROR;
        this.status.message =
          duplicates.length + " duplicate test name" +
          (duplicates.length > 1 ? "s" : "") + ': "' +
          arrayJoin(duplicates, '", "') + '"';
      } else {
        this.status.status = this.status.OK;
      }
    }

    forEach(this.all_done_callbacks, function (callback) {
      callback(this_obj.tests, this_obj.status, this_obj.asserts_run);
    });
  };

  // The runner calls this when the file's time limit expires (upstream: only acts when there is no
  // harness timer, which is always the case here).
  function timeout() {
    if (tests.timeout_length === null) {
      tests.timeout();
    }
  }
  expose(timeout, "timeout");

  function add_start_callback(callback) {
    tests.start_callbacks.push(callback);
  }

  function add_test_state_callback(callback) {
    tests.test_state_callbacks.push(callback);
  }

  function add_result_callback(callback) {
    tests.test_done_callbacks.push(callback);
  }

  function add_completion_callback(callback) {
    tests.all_done_callbacks.push(callback);
  }

  expose(add_start_callback, "add_start_callback");
  expose(add_test_state_callback, "add_test_state_callback");
  expose(add_result_callback, "add_result_callback");
  expose(add_completion_callback, "add_completion_callback");

  // ---------------------------------------------------------------------------------------------
  // Set up

  const tests = new Tests();

  // Uncaught errors: the host fires ErrorEvent `error` / PromiseRejectionEvent `unhandledrejection`
  // at the global. As upstream, they are not cancelled (the host still reports them).
  if (typeof global.addEventListener === "function") {
    const error_handler = function (error, message, stack) {
      const optional_unsupported = error instanceof OptionalFeatureUnsupportedError;
      if (tests.file_is_test) {
        const test_obj = tests.tests[0];
        if (test_obj.phase >= test_obj.phases.HAS_RESULT) {
          return;
        }
        test_obj.set_status(optional_unsupported ? test_obj.PRECONDITION_FAILED : test_obj.FAIL,
                            message, stack);
        test_obj.phase = test_obj.phases.HAS_RESULT;
      } else if (!tests.allow_uncaught_exception) {
        tests.status.status = optional_unsupported ?
          tests.status.PRECONDITION_FAILED : tests.status.ERROR;
        tests.status.message = message;
        tests.status.stack = stack;
      }

      // With allow_uncaught_exception the harness keeps going, so the test can define subtests
      // about the error reporting itself.
      if (!tests.allow_uncaught_exception) {
        done();
      }
    };

    global.addEventListener("error", function (e) {
      const message = e.message;
      let stack;
      if (e.error && e.error.stack) {
        stack = e.error.stack;
      } else {
        stack = e.filename + ":" + e.lineno + ":" + e.colno;
      }
      error_handler(e.error, message, stack);
    }, false);

    global.addEventListener("unhandledrejection", function (e) {
      let message;
      if (e.reason && e.reason.message) {
        message = "Unhandled rejection: " + e.reason.message;
      } else {
        message = "Unhandled rejection";
      }
      let stack;
      if (e.reason && e.reason.stack) {
        stack = e.reason.stack;
      }
      error_handler(e.reason, message, stack);
    }, false);
  }

  // For the host: the same entry points as the globals, unreachable (and unpatchable) by tests.
  if (internals) {
    internals.testharness = ObjectCreate(null);
    internals.testharness.add_completion_callback = add_completion_callback;
    internals.testharness.add_result_callback = add_result_callback;
    internals.testharness.add_start_callback = add_start_callback;
    internals.testharness.timeout = timeout;
  }
})

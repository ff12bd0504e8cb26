// FileReader (File API §6) and ProgressEvent (XMLHttpRequest §4), for code that still reads Blobs the old way.
// A read fires, each in a task of its own: loadstart; progress (once: the bytes are all in memory); then load
// (or error) and loadend. abort() drops the read's queued tasks and fires abort and loadend.
// readAsText knows the labels TextDecoder knows (UTF-8, UTF-16LE/BE); any other label falls back to UTF-8,
// as the spec does for an unknown one. A BOM picks the encoding, as the spec's "decode" does.
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, NumberIsFinite, MathTrunc, TypeErrorCtor, RegExpPrototypeExec, TypedArrayPrototype,
    TypedArrayBuffer, TypedArraySlice,
  } = internals.capturedBuiltins;

  const {
    toDOMString, failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, checkDictionary,
    finishInterface,
  } = internals.webIdl;
  const publishGlobal = internals.publishGlobal;
  const Event = internals.Event;
  const EventTarget = internals.EventTarget;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const queueTask = internals.queueTask;
  const isBlob = internals.isBlob;
  const blobBytes = internals.blobBytes;
  const decodeWith = internals.decodeWith;
  const encodingForLabel = internals.encodingForLabel;
  const charsetPattern = /;\s*charset=("?)([^";]+)\1/i;

  // ---- ProgressEvent ------------------------------------------------------------------------------------------
  const ctorPrefix = failedToConstruct("ProgressEvent");
  let isProgressEvent;
  // WebIDL unsigned long long: NaN/infinity → 0, truncated, modulo 2^64 (values here stay far below).
  const toUnsignedLongLong = (v) => { const n = +v; return NumberIsFinite(n) ? MathTrunc(n) % 18446744073709551616 + 0 : 0; };
  class ProgressEvent extends Event {
    #lengthComputable = false;
    #loaded = 0;
    #total = 0;
    constructor(type, eventInitDict = undefined) {
      if (arguments.length < 1) throw notEnoughArguments(ctorPrefix, 1, 0);
      super(type, eventInitDict);
      // ProgressEventInit : EventInit { boolean lengthComputable = false; unsigned long long loaded = 0;
      //   unsigned long long total = 0; } (read in this order, after EventInit's members)
      if (checkDictionary(eventInitDict, ctorPrefix, "ProgressEventInit")) {
        this.#lengthComputable = !!eventInitDict.lengthComputable;
        const loaded = eventInitDict.loaded;
        if (loaded !== undefined) this.#loaded = toUnsignedLongLong(loaded);
        const total = eventInitDict.total;
        if (total !== undefined) this.#total = toUnsignedLongLong(total);
      }
    }
    get lengthComputable() {
      if (!isProgressEvent(this)) throw illegalInvocation("lengthComputable", "ProgressEvent");
      return this.#lengthComputable;
    }
    get loaded() {
      if (!isProgressEvent(this)) throw illegalInvocation("loaded", "ProgressEvent");
      return this.#loaded;
    }
    get total() {
      if (!isProgressEvent(this)) throw illegalInvocation("total", "ProgressEvent");
      return this.#total;
    }
    static {
      isProgressEvent = (v) => typeof v === "object" && v !== null && #loaded in v;
    }
  }
  finishInterface(ProgressEvent, "ProgressEvent");
  publishGlobal("ProgressEvent", ProgressEvent);

  // ---- packaging the bytes ------------------------------------------------------------------------------------
  function decodeText(bytes, label, blobType) {
    let encoding = label === undefined ? undefined : encodingForLabel(label);
    if (encoding === undefined) encoding = charsetOf(blobType);
    if (encoding === undefined) encoding = "utf-8";
    // Encoding Standard "decode": a BOM overrides the encoding and is dropped.
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      encoding = "utf-8";
    } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      encoding = "utf-16be";
    } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = "utf-16le";
    }
    if (encoding === "utf-8") return internals.utf8Decode(bytes);
    return decodeWith(encoding, bytes);
  }
  function charsetOf(type) {
    const match = ReflectApply(RegExpPrototypeExec, charsetPattern, [type]);
    return match === null ? undefined : encodingForLabel(match[2]);
  }

  function packageData(bytes, kind, label, blobType) {
    switch (kind) {
      case "ArrayBuffer": return ReflectApply(TypedArrayBuffer, ReflectApply(TypedArraySlice, bytes, []), []);
      case "BinaryString": return internals.bytesToLatin1(bytes);
      case "Text": return decodeText(bytes, label, blobType);
      case "DataURL":
        return `data:${blobType === "" ? "application/octet-stream" : blobType};base64,${internals.base64Encode(bytes)}`;
    }
    throw new TypeErrorCtor("unknown read kind");
  }

  // ---- FileReader -------------------------------------------------------------------------------------------
  const EMPTY = 0, LOADING = 1, DONE = 2;
  let isFileReader, readerState;

  function fire(reader, type, loaded, total) {
    dispatchTrusted(reader, new ProgressEvent(type, { lengthComputable: true, loaded, total }));
  }

  class FileReader extends EventTarget {
    #state = EMPTY;
    #result = null;
    #error = null;
    #read = 0; // generation of the current read: a queued task of an older (aborted) read does nothing

    constructor() {
      if (new.target === undefined) {
        throw new TypeErrorCtor(`${failedToConstruct("FileReader")}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      }
      super();
    }

    readAsArrayBuffer(blob) { this.#start("readAsArrayBuffer", arguments.length, blob, "ArrayBuffer", undefined); }
    readAsBinaryString(blob) { this.#start("readAsBinaryString", arguments.length, blob, "BinaryString", undefined); }
    readAsText(blob, encoding = undefined) {
      const label = encoding === undefined ? undefined : toDOMString(encoding, failedToExecute("readAsText", "FileReader"));
      this.#start("readAsText", arguments.length, blob, "Text", label);
    }
    readAsDataURL(blob) { this.#start("readAsDataURL", arguments.length, blob, "DataURL", undefined); }

    abort() {
      if (!isFileReader(this)) throw illegalInvocation("abort", "FileReader");
      if (this.#state === EMPTY || this.#state === DONE) {
        this.#result = null;
        return;
      }
      this.#state = DONE;
      this.#result = null;
      this.#read++;
      fire(this, "abort", 0, 0);
      if (this.#state !== LOADING) fire(this, "loadend", 0, 0);
    }

    get readyState() {
      if (!isFileReader(this)) throw illegalInvocation("readyState", "FileReader");
      return this.#state;
    }
    get result() {
      if (!isFileReader(this)) throw illegalInvocation("result", "FileReader");
      return this.#result;
    }
    get error() {
      if (!isFileReader(this)) throw illegalInvocation("error", "FileReader");
      return this.#error;
    }

    // File API "read operation".
    #start(method, count, blob, kind, label) {
      if (!isFileReader(this)) throw illegalInvocation(method, "FileReader");
      const prefix = failedToExecute(method, "FileReader");
      if (count < 1) throw notEnoughArguments(prefix, 1, count);
      if (!isBlob(blob)) throw new TypeErrorCtor(`${prefix}parameter 1 is not of type 'Blob'.`);
      if (this.#state === LOADING) {
        throw internals.makeDOMException(`${prefix}The object is already busy reading Blobs.`, "InvalidStateError");
      }
      this.#state = LOADING;
      this.#result = null;
      this.#error = null;
      const read = ++this.#read;
      const bytes = blobBytes(blob);
      const job = { reader: this, read, bytes, kind, label, type: internals.blobType(blob) };
      queueTask(loadStartTask, job);
    }

    static {
      isFileReader = (v) => typeof v === "object" && v !== null && #state in v;
      readerState = {
        current: (r, read) => r.#read === read,
        finish(job) {
          const r = job.reader;
          r.#state = DONE;
          try {
            r.#result = packageData(job.bytes, job.kind, job.label, job.type);
          } catch (error) {
            r.#error = internals.makeDOMException(`${error && error.message}`, "EncodingError");
            fire(r, "error", 0, job.bytes.length);
            if (r.#state !== LOADING) fire(r, "loadend", 0, job.bytes.length);
            return;
          }
          fire(r, "load", job.bytes.length, job.bytes.length);
          if (r.#state !== LOADING) fire(r, "loadend", job.bytes.length, job.bytes.length);
        },
      };
    }
  }

  function loadStartTask(job) {
    if (!readerState.current(job.reader, job.read)) return;
    fire(job.reader, "loadstart", 0, job.bytes.length);
    queueTask(job.bytes.length === 0 ? loadTask : progressTask, job);
  }
  function progressTask(job) {
    if (!readerState.current(job.reader, job.read)) return;
    fire(job.reader, "progress", job.bytes.length, job.bytes.length);
    queueTask(loadTask, job);
  }
  function loadTask(job) {
    if (!readerState.current(job.reader, job.read)) return;
    readerState.finish(job);
  }

  const eventTypes = ["loadstart", "progress", "load", "abort", "error", "loadend"];
  for (let i = 0; i < eventTypes.length; i++) {
    const type = eventTypes[i];
    defineEventHandler(FileReader.prototype, type, { brand: isFileReader, interfaceName: "FileReader" });
  }
  finishInterface(FileReader, "FileReader", { EMPTY, LOADING, DONE });
  publishGlobal("FileReader", FileReader);
})

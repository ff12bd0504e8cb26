// A frame that opens a frame of its own (frame-top-poster.js, resolved against this script's URL).
"use strict";
var child = jshost.openFrame("frame-top-poster.js");
child.onload = () => parent.postMessage({ kind: "nested child loaded", frames: length }, "*");

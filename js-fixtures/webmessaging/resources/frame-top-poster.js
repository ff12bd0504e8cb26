// The innermost of the nested frames: tells the top window where it stands.
"use strict";
top.postMessage({
  kind: "grandchild",
  topIsNotParent: top !== parent,
  parentsParentIsTop: parent.parent === top,
  href: location.href,
}, "*");

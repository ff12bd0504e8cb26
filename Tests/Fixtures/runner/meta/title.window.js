// META: title=A "quoted" title \ with a backslash
test(() => {});
test(() => {});
test(() => {}, "named explicitly");

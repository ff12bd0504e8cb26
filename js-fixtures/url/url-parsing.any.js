// URL Standard §4.4 basic URL parser, through new URL(input, base).
// Cases: a subset of web-platform-tests url/resources/urltestdata.json (test DATA, rewritten compactly as
// [input, base, expected href or null for failure]), plus cases worked out from the URL Standard's examples.

const cases = [
  // from urltestdata.json
  ["http://example\t.\norg", "http://example.org/foo/bar", "http://example.org/"],
  ["http://user:pass@foo:21/bar;par?b#c", "http://example.org/foo/bar", "http://user:pass@foo:21/bar;par?b#c"],
  ["https://test:@test", "about:blank", "https://test@test/"],
  ["https://:@test", "about:blank", "https://test/"],
  ["non-special://test:@test/x", "about:blank", "non-special://test@test/x"],
  ["non-special://:@test/x", "about:blank", "non-special://test/x"],
  ["http:foo.com", "http://example.org/foo/bar", "http://example.org/foo/foo.com"],
  ["\t   :foo.com   \n", "http://example.org/foo/bar", "http://example.org/foo/:foo.com"],
  [" foo.com  ", "http://example.org/foo/bar", "http://example.org/foo/foo.com"],
  ["a:\t foo.com", "http://example.org/foo/bar", "a: foo.com"],
  ["http://f:21/ b ? d # e ", "http://example.org/foo/bar", "http://f:21/%20b%20?%20d%20#%20e"],
  ["lolscheme:x x#x x", "about:blank", "lolscheme:x x#x%20x"],
  ["http://f:/c", "http://example.org/foo/bar", "http://f/c"],
  ["http://f:0/c", "http://example.org/foo/bar", "http://f:0/c"],
  ["http://f:00000000000000/c", "http://example.org/foo/bar", "http://f:0/c"],
  ["http://f:00000000000000000000080/c", "http://example.org/foo/bar", "http://f/c"],
  ["http://f:b/c", "http://example.org/foo/bar", null],
  ["http://f: /c", "http://example.org/foo/bar", null],
  ["http://f:\n/c", "http://example.org/foo/bar", "http://f/c"],
  ["http://f:fifty-two/c", "http://example.org/foo/bar", null],
  ["http://f:999999/c", "http://example.org/foo/bar", null],
  ["non-special://f:999999/c", "http://example.org/foo/bar", null],
  ["http://f: 21 / b ? d # e ", "http://example.org/foo/bar", null],
  ["", "http://example.org/foo/bar", "http://example.org/foo/bar"],
  ["  \t", "http://example.org/foo/bar", "http://example.org/foo/bar"],
  [":foo.com/", "http://example.org/foo/bar", "http://example.org/foo/:foo.com/"],
  [":foo.com\\", "http://example.org/foo/bar", "http://example.org/foo/:foo.com/"],
  [":", "http://example.org/foo/bar", "http://example.org/foo/:"],
  [":a", "http://example.org/foo/bar", "http://example.org/foo/:a"],
  [":/", "http://example.org/foo/bar", "http://example.org/foo/:/"],
  [":\\", "http://example.org/foo/bar", "http://example.org/foo/:/"],
  [":#", "http://example.org/foo/bar", "http://example.org/foo/:#"],
  ["#", "http://example.org/foo/bar", "http://example.org/foo/bar#"],
  ["#/", "http://example.org/foo/bar", "http://example.org/foo/bar#/"],
  ["#\\", "http://example.org/foo/bar", "http://example.org/foo/bar#\\"],
  ["#;?", "http://example.org/foo/bar", "http://example.org/foo/bar#;?"],
  ["?", "http://example.org/foo/bar", "http://example.org/foo/bar?"],
  ["/", "http://example.org/foo/bar", "http://example.org/"],
  [":23", "http://example.org/foo/bar", "http://example.org/foo/:23"],
  ["/:23", "http://example.org/foo/bar", "http://example.org/:23"],
  ["\\x", "http://example.org/foo/bar", "http://example.org/x"],
  ["\\\\x\\hello", "http://example.org/foo/bar", "http://x/hello"],
  ["::", "http://example.org/foo/bar", "http://example.org/foo/::"],
  ["::23", "http://example.org/foo/bar", "http://example.org/foo/::23"],
  ["foo://", "http://example.org/foo/bar", "foo://"],
  ["http://a:b@c:29/d", "http://example.org/foo/bar", "http://a:b@c:29/d"],
  ["http::@c:29", "http://example.org/foo/bar", "http://example.org/foo/:@c:29"],
  ["http://&a:foo(b]c@d:2/", "http://example.org/foo/bar", "http://&a:foo(b%5Dc@d:2/"],
  ["http://::@c@d:2", "http://example.org/foo/bar", "http://:%3A%40c@d:2/"],
  ["http://foo.com:b@d/", "http://example.org/foo/bar", "http://foo.com:b@d/"],
  ["http://foo.com/\\@", "http://example.org/foo/bar", "http://foo.com//@"],
  // worked out from the URL Standard
  ["https://EXAMPLE.com:443/a/./b/../c", undefined, "https://example.com/a/c"],
  ["HTTP://example.com:80", undefined, "http://example.com/"],
  ["ws://x:81/", undefined, "ws://x:81/"],
  ["https://example.com/%2e/%2E%2e/x", undefined, "https://example.com/x"],
  ["https://example.com/a/%2e%2E", undefined, "https://example.com/"],
  ["https://ex ample.com/", undefined, null],
  ["https://exa%41mple.com/", undefined, "https://exaample.com/"],
  ["https://ex%00ample.com/", undefined, null],
  ["https://", undefined, null],
  ["https://@/", undefined, null],
  ["non-special://host/p", undefined, "non-special://host/p"],
  ["non-special:opaque path ", undefined, "non-special:opaque path"],
  ["non-special:a b ?c", undefined, "non-special:a b%20?c"],
  ["mailto:Someone@Example.com", undefined, "mailto:Someone@Example.com"],
  ["data:text/plain,hi there", undefined, "data:text/plain,hi there"],
  ["relative", undefined, null],
  ["relative", "mailto:x", null],
  ["#frag", "mailto:x", "mailto:x#frag"],
  ["sc://%/", undefined, "sc://%/"],
  ["sc://a b/", undefined, null],
  ["sc://\u00fc/", undefined, "sc://%C3%BC/"],
  ["http://example.com/\u00e9?\u00e9#\u00e9", undefined, "http://example.com/%C3%A9?%C3%A9#%C3%A9"],
  ["http://example.com/?'", undefined, "http://example.com/?%27"],
  ["sc://example.com/?'", undefined, "sc://example.com/?'"],
  ["http://example.com/a\"b<c>d`e{f}g", undefined, "http://example.com/a%22b%3Cc%3Ed%60e%7Bf%7Dg"],
  ["http://example.com/\ud800", undefined, "http://example.com/%EF%BF%BD"],
  // IPv4
  ["http://192.168.0.1/", undefined, "http://192.168.0.1/"],
  ["http://0x7f.1/", undefined, "http://127.0.0.1/"],
  ["http://0300.0250.0.1/", undefined, "http://192.168.0.1/"],
  ["http://3232235521/", undefined, "http://192.168.0.1/"],
  ["http://192.168.257/", undefined, "http://192.168.1.1/"],
  ["http://1.2.3.4./", undefined, "http://1.2.3.4/"],
  ["http://256.0.0.1/", undefined, null],
  ["http://4294967296/", undefined, null],
  ["http://1.2.3.4.5/", undefined, null],
  ["http://1.2.3.09/", undefined, null],
  ["http://foo.09/", undefined, null],
  ["http://foo.0x/", undefined, null],
  ["http://09.foo/", undefined, "http://09.foo/"],
  ["sc://1.2.3.4/", undefined, "sc://1.2.3.4/"],
  // IPv6
  ["http://[::1]/", undefined, "http://[::1]/"],
  ["http://[0:0:0:0:0:0:0:1]/", undefined, "http://[::1]/"],
  ["http://[1:0:0:2:0:0:0:3]/", undefined, "http://[1:0:0:2::3]/"],
  ["http://[1:0:0:2:0:0:3:4]/", undefined, "http://[1::2:0:0:3:4]/"],
  ["http://[1:2:3:4:5:6:7:8]/", undefined, "http://[1:2:3:4:5:6:7:8]/"],
  ["http://[::ffff:192.168.0.1]/", undefined, "http://[::ffff:c0a8:1]/"],
  ["http://[ABCD::]:8080/", undefined, "http://[abcd::]:8080/"],
  ["http://[1:2:3:4:5:6:7:8:9]/", undefined, null],
  ["http://[::1::]/", undefined, null],
  ["http://[::1.2.3.]/", undefined, null],
  ["http://[1]/", undefined, null],
  ["http://[::1/", undefined, null],
  // file
  ["file:///C:/x/../../y", undefined, "file:///C:/y"],
  ["file://localhost/etc/hosts", undefined, "file:///etc/hosts"],
  ["file://host/share/x", undefined, "file://host/share/x"],
  ["file:c:\\foo\\bar", undefined, "file:///c:/foo/bar"],
  ["file:/x", undefined, "file:///x"],
  ["x.js", "file:///home/u/dir/a.js", "file:///home/u/dir/x.js"],
  ["/y", "file:///C:/dir/a", "file:///C:/y"],
  ["..", "file:///C:/", "file:///C:/"],
  ["?q", "file:///a/b", "file:///a/b?q"],
  ["//server/x", "file:///a", "file://server/x"],
  // non-ASCII hosts (Punycode)
  ["http://m\u00fcnchen.de/", undefined, "http://xn--mnchen-3ya.de/"],
  ["http://M\u00dcNCHEN.de/", undefined, "http://xn--mnchen-3ya.de/"],
  ["http://\u4f8b\u3002\u30c6\u30b9\u30c8/", undefined, "http://xn--fsq.xn--zckzah/"],
  ["http://\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25.com/", undefined, "http://example.com/"],
  // relative resolution (RFC 3986 §5.4 examples, which the URL Standard keeps)
  ["g", "http://a/b/c/d;p?q", "http://a/b/c/g"],
  ["./g", "http://a/b/c/d;p?q", "http://a/b/c/g"],
  ["g/", "http://a/b/c/d;p?q", "http://a/b/c/g/"],
  ["//g", "http://a/b/c/d;p?q", "http://g/"],
  ["?y", "http://a/b/c/d;p?q", "http://a/b/c/d;p?y"],
  ["g?y#s", "http://a/b/c/d;p?q", "http://a/b/c/g?y#s"],
  [";x", "http://a/b/c/d;p?q", "http://a/b/c/;x"],
  [".", "http://a/b/c/d;p?q", "http://a/b/c/"],
  ["..", "http://a/b/c/d;p?q", "http://a/b/"],
  ["../../../g", "http://a/b/c/d;p?q", "http://a/g"],
  ["g;x=1/../y", "http://a/b/c/d;p?q", "http://a/b/c/y"],
  ["http:g", "http://a/b/c/d;p?q", "http://a/b/c/g"],
  ["https:g", "http://a/b/c/d;p?q", "https://g/"],
];

for (const [input, base, expected] of cases) {
  test(() => {
    if (expected === null) {
      assert_throws_js(TypeError, () => (base === undefined ? new URL(input) : new URL(input, base)));
      assert_false(URL.canParse(input, base));
      assert_equals(URL.parse(input, base), null);
    } else {
      const url = base === undefined ? new URL(input) : new URL(input, base);
      assert_equals(url.href, expected);
      assert_true(URL.canParse(input, base));
      assert_equals(URL.parse(input, base).href, expected);
    }
  }, `Parsing ${JSON.stringify(input)} against ${JSON.stringify(base)}`);
}

test(() => {
  assert_throws_js(TypeError, () => new URL("/x", "not a url"), "an invalid base");
  assert_throws_js(TypeError, () => new URL());
}, "An invalid base fails; the url argument is required");

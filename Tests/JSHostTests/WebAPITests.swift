import Foundation
import Testing
@testable import JSHost

/// RealmOptions.url and the pieces of the web platform that depend on the host (location, randomness).
@Suite("Web APIs: host-provided values")
struct WebAPITests {
    @Test("fileURL(forPath:) makes absolute, percent-encoded file URLs")
    func fileURLs() {
        #expect(RealmOptions.fileURL(forPath: "/tmp/a b/c%d.js") == "file:///tmp/a%20b/c%25d.js")
        #expect(RealmOptions.fileURL(forPath: "/x/é#?.js") == "file:///x/%C3%A9%23%3F.js")
        let relative = RealmOptions.fileURL(forPath: "dir/t.js")
        #expect(relative.hasPrefix("file:///"))
        #expect(relative.hasSuffix("/dir/t.js"))
    }

    @Test("location reflects RealmOptions.url; without one it is about:blank")
    func location() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        var options = RealmOptions()
        options.url = "file:///srv/app/main.js?x=1#top"
        let realm = try await agent.makeRealm(options: options)
        #expect(try await realm.evaluate("location.href") == .string("file:///srv/app/main.js?x=1#top"))
        #expect(try await realm.evaluate("location.pathname + location.search + location.hash") == .string("/srv/app/main.js?x=1#top"))
        #expect(try await realm.evaluate("location.origin") == .string("null"))
        let blank = try await agent.makeRealm()
        #expect(try await blank.evaluate("location.href") == .string("about:blank"))
        #expect(try await blank.evaluate("URL.createObjectURL(new Blob()).startsWith('blob:null/')") == .boolean(true))
    }

    @Test("crypto draws from the OS: distinct values across realms")
    func randomness() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        let first = try await agent.makeRealm().evaluate("crypto.randomUUID()")
        let second = try await agent.makeRealm().evaluate("crypto.randomUUID()")
        #expect(first != second)
        #expect(try await agent.makeRealm().evaluate("crypto.getRandomValues(new Uint32Array(8)).some((v) => v !== 0)") == .boolean(true))
    }
}

@Suite("Web APIs: the CLI gives location")
struct WebAPICLITests {
    @Test("`jshost run FILE` sets location to the file's URL; `jshost eval` leaves about:blank")
    func runSetsLocation() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("where am i.js", "console.log(location.href, location.origin)")
        let run = try await runJSHost(["run", "where am i.js"], in: scratch.url)
        #expect(run.status == 0)
        let expected = RealmOptions.fileURL(forPath: scratch.url.appendingPathComponent("where am i.js").path)
        #expect(expected.hasSuffix("/where%20am%20i.js"))
        // The scratch directory may be reached through a symlink; compare the tail and the shape.
        #expect(run.stdout.hasPrefix("file:///"))
        #expect(run.stdout.hasSuffix("/where%20am%20i.js null\n"))
        let eval = try await runJSHost(["eval", "console.log(location.href)"])
        #expect(eval.stdout == "about:blank\n")
    }
}

@Suite("Web APIs: Blob between realms")
struct BlobAcrossRealmsTests {
    @Test("a Blob and a File posted to another realm of the agent arrive as that realm's objects, bytes intact")
    func blobBetweenRealms() async throws {
        let (host, _, page, frame) = try await makeConnectedRealms()
        defer { host.core.shutdown() }
        _ = try await frame.evaluate("""
            globalThis.report = null;
            toPage.onmessage = async (event) => {
              const { blob, file, slice } = event.data;
              report = {
                blobIsMine: blob instanceof Blob && !(blob instanceof File),
                fileIsMine: file instanceof File,
                type: blob.type, name: file.name, lastModified: file.lastModified,
                text: await blob.text(), sliceText: await slice.text(), fileText: await file.text(),
              };
            };
            0
            """)
        _ = try await page.evaluate("""
            const blob = new Blob(["h\\u00e9llo world"], { type: "text/plain" });
            const file = new File([blob], "f.txt", { lastModified: 99 });
            toFrame.postMessage({ blob, file, slice: blob.slice(7) });
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        let report = try await frame.evaluate("JSON.stringify(report)")
        #expect(report == .string(#"{"blobIsMine":true,"fileIsMine":true,"type":"text/plain","name":"f.txt","lastModified":99,"text":"héllo world","sliceText":"world","fileText":"héllo world"}"#))
    }
}

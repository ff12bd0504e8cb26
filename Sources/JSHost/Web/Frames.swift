/// Frames (`jshost.openFrame`, frames.js): window-like realms of the same agent that a script opens from a script
/// URL, as a page opens an iframe. A frame is an ordinary realm of the agent whose `parent` and `top` are its
/// opener's window; objects pass directly between the two (same engine group), each realm keeping its own
/// globals and prototypes. Closing a frame (or its opener) closes its realm: timers cancelled, queued tasks
/// dropped, ports disentangled, and its global context released.
///
/// JS knows a frame by its realm id. Everything here runs on the agent's own thread.
extension RealmRuntime {
    /// The native side of frames.js and of a frame's `parent`/`top` (window-messaging.js).
    func installFrameOps(into ops: JSObject) {
        let context = self.context
        guard options.globalName == "Window", options.worker == nil else { return }
        if let parentID = options.frameParent, let parent = agent.realms[parentID] {
            context.setProperty(ops, "parentWindow", parent.context.globalObject.value)
            var top = parent
            while let up = top.options.frameParent, let next = agent.realms[up] { top = next }
            context.setProperty(ops, "topWindow", top.context.globalObject.value)
        }
        // frameOpen(url, source) → [id, global]: a new window-like realm whose parent is this one. Its script
        // (`source`; the text of its file: URL when undefined; none to be had when null) runs in a loop task of
        // its own, so the opener can listen to the frame first; then `internals.frameLoaded(id, loaded)` here.
        context.setProperty(ops, "frameOpen", context.makeFunction("frameOpen") { [unowned self] call throws(HostFunctionError) in
            guard !isClosed else { throw .typeError("the realm is closed") }
            var frameOptions = options
            frameOptions.url = call.context.toSwiftString(call[0])
            frameOptions.frameParent = id
            frameOptions.worker = nil
            let script: FrameLoad.Script
            if call.context.isUndefined(call[1]) {
                script = .file
            } else if call.context.isNullOrUndefined(call[1]) {
                script = .unavailable
            } else {
                script = .source(call.context.toSwiftString(call[1]))
            }
            let frame: RealmRuntime
            do throws(JavaScriptError) {
                frame = try agent.makeRealm(options: frameOptions)
            } catch {
                throw .typeError("the frame could not be made: \(error)")
            }
            childFrames.append(frame.id)
            agent.loop.enqueue(FrameLoad(agent: agent, parentID: id, frameID: frame.id, script: script), 0)
            guard case .normal(let pair) = call.context.makeArray([call.context.number(Double(frame.id)), frame.context.globalObject.value]) else {
                throw .typeError("frameOpen: could not make the result")
            }
            return pair
        })
        context.setProperty(ops, "frameClose", context.makeFunction("frameClose") { [unowned self] call throws(HostFunctionError) in
            if let number = call.context.toNumber(call[0]), let frameID = Int(exactly: number),
               let index = childFrames.firstIndex(of: frameID) {
                childFrames.remove(at: index)
                // The frame's own code may be what is running (a frame that closes itself through its parent):
                // its realm lets go of its resources in a task of its own.
                agent.closeRealm(frameID, deferringRelease: true)
                _ = agent.mailbox.post { runtime in runtime.releaseClosedRealms() }
            }
            return call.context.undefined
        })
    }
}

/// The tasks that run a frame's script, queued when the frame is opened, and then tell the opener whether it
/// loaded. The script is the task's outermost call into JS: no frame of the opener's code shows in its errors'
/// stacks.
final class FrameLoad: LoopTaskTarget {
    enum Script {
        case source(String)
        /// Read the frame's `file:` URL.
        case file
        /// The script cannot be had (an undecodable `data:` URL, a revoked `blob:` URL).
        case unavailable
    }

    unowned let agent: AgentRuntime
    let parentID: Int
    let frameID: Int
    let script: Script

    init(agent: AgentRuntime, parentID: Int, frameID: Int, script: Script) {
        self.agent = agent
        self.parentID = parentID
        self.frameID = frameID
        self.script = script
    }

    /// Task 0 runs the script; task 1 (queued by task 0) tells the opener, so that the script's microtasks run
    /// with the frame as the entry realm and the load event's with the opener (HTML: load is a task of its own).
    func runTask(_ phase: Int) {
        if phase == 1 {
            guard let parent = agent.realms[parentID], !parent.isClosed else { return }
            agent.cells.markTaskStart()
            agent.cells[.entryRealm] = Double(parentID)
            parent.callInternal("frameLoaded", reporting: [parent.context.number(Double(frameID)), parent.context.boolean(loaded)])
            return
        }
        // Closed before its turn came: nothing runs and nothing is fired.
        guard agent.realms[parentID] != nil, let frame = agent.realms[frameID], !frame.isClosed else { return }
        agent.cells.markTaskStart()
        var source: String?
        switch script {
        case .source(let text):
            source = text
        case .file:
            if let path = filePath(fromFileURL: frame.options.url ?? "") {
                source = try? readUTF8File(path)
            }
        case .unavailable:
            source = nil
        }
        if let source { frame.runScript(source, sourceURL: frame.options.url ?? "about:blank") }
        loaded = source != nil
        agent.loop.enqueue(self, 1)
    }

    private var loaded = false
}

extension AgentRuntime {
    /// Closes the frames `realm` opened, innermost first (a realm that is closing).
    func closeFrames(of realm: RealmRuntime, deferringRelease: Bool) {
        let frames = realm.childFrames
        realm.childFrames = []
        for frame in frames { closeRealm(frame, deferringRelease: deferringRelease) }
    }
}

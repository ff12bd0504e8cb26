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
        // frameOpen(url) → [id, global]: a new window-like realm whose parent is this one. Its script runs later
        // (frameRun), so the opener can listen to the frame's window first.
        context.setProperty(ops, "frameOpen", context.makeFunction("frameOpen") { [unowned self] call throws(HostFunctionError) in
            guard !isClosed else { throw .typeError("the realm is closed") }
            var frameOptions = options
            frameOptions.url = call.context.toSwiftString(call[0])
            frameOptions.frameParent = id
            frameOptions.worker = nil
            let frame: RealmRuntime
            do throws(JavaScriptError) {
                frame = try agent.makeRealm(options: frameOptions)
            } catch {
                throw .typeError("the frame could not be made: \(error)")
            }
            childFrames.append(frame.id)
            guard case .normal(let pair) = call.context.makeArray([call.context.number(Double(frame.id)), frame.context.globalObject.value]) else {
                throw .typeError("frameOpen: could not make the result")
            }
            return pair
        })
        // frameRun(id, source) → whether the script could be had: runs the frame's script (`source`, or the text
        // of its file: URL when `source` is undefined) in the frame's global. Its exception is reported there.
        context.setProperty(ops, "frameRun", context.makeFunction("frameRun") { [unowned self] call throws(HostFunctionError) in
            guard let number = call.context.toNumber(call[0]), let frameID = Int(exactly: number),
                  childFrames.contains(frameID), let frame = agent.realms[frameID], !frame.isClosed else {
                return call.context.boolean(false)
            }
            let url = frame.options.url ?? "about:blank"
            let source: String
            if !call.context.isNullOrUndefined(call[1]) {
                source = call.context.toSwiftString(call[1])
            } else if let path = filePath(fromFileURL: url) {
                do throws(FileReadError) {
                    source = try readUTF8File(path)
                } catch {
                    return call.context.boolean(false)
                }
            } else {
                return call.context.boolean(false)
            }
            // The frame's script is the running task's entry realm while it runs (see HostCells.entryRealm).
            let entry = agent.cells[.entryRealm]
            frame.runScript(source, sourceURL: url)
            agent.cells[.entryRealm] = entry
            return call.context.boolean(true)
        })
        context.setProperty(ops, "frameClose", context.makeFunction("frameClose") { [unowned self] call throws(HostFunctionError) in
            if let number = call.context.toNumber(call[0]), let frameID = Int(exactly: number),
               let index = childFrames.firstIndex(of: frameID) {
                childFrames.remove(at: index)
                agent.closeRealm(frameID)
            }
            return call.context.undefined
        })
    }
}

extension AgentRuntime {
    /// Closes the frames `realm` opened, innermost first (a realm that is closing).
    func closeFrames(of realm: RealmRuntime) {
        let frames = realm.childFrames
        realm.childFrames = []
        for frame in frames { closeRealm(frame) }
    }
}

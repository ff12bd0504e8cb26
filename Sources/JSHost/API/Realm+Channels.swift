extension Realm {
    /// Entangles this realm with another realm through a `MessageChannel`: this realm gets `port1` as the
    /// global `name`, `other` gets the entangled port as the global `otherName`, each a `MessagePort` of its own
    /// realm. This is how an embedder wires up "iframes" (realms of one agent) or a page and a realm of another
    /// agent (the two ports then talk through a pipe between the threads). Once connected, the realms can ship
    /// further ports and messages to each other with `postMessage`.
    public func connect(global name: String, to other: Realm, global otherName: String) async throws {
        guard other.agent === agent else {
            try await connectAcrossAgents(global: name, to: other, global: otherName)
            return
        }
        let (id, otherID) = (self.id, other.id)
        try await agent.perform { runtime throws(HostError) in
            let here = try runtime.realm(id)
            let there = try runtime.realm(otherID)
            let context = here.context
            func check(_ completion: JSCompletion?, in realm: RealmRuntime) throws(HostError) -> JSValue {
                switch completion {
                case .normal(let value)?: return value
                case .thrown(let exception)?: throw .scriptFailed(JavaScriptError(thrown: exception, in: realm.context))
                case nil: throw .scriptFailed(JavaScriptError(name: "Error", message: "this realm has no MessageChannel"))
                }
            }
            let channel = try check(context.evaluate("new MessageChannel()", sourceURL: "jshost:connect"), in: here)
            guard let channelObject = context.object(channel) else { throw .scriptFailed(JavaScriptError(name: "TypeError", message: "not a channel")) }
            let port1 = try check(context.property(channelObject, "port1"), in: here)
            let port2 = try check(context.property(channelObject, "port2"), in: here)
            let side = try check(here.callInternal("detachMessagePort", [port2]), in: here)
            let shipped = try check(there.callInternal("adoptMessagePortSide", [side]), in: there)
            context.setProperty(context.globalObject, name, port1)
            there.context.setProperty(there.context.globalObject, otherName, shipped)
        }
    }

    /// Two realms of different agents: a pipe between the agents, and in each realm a MessagePort behind its
    /// side (worker.js binds the endpoint; message-channel.js makes the port).
    private func connectAcrossAgents(global name: String, to other: Realm, global otherName: String) async throws {
        let pipe = AgentPipe()
        for (realm, side, global) in [(self, 0, name), (other, 1, otherName)] {
            let id = realm.id
            try await realm.agent.perform { runtime throws(HostError) in
                let here = try runtime.realm(id)
                let endpoint = runtime.addEndpoint(pipe, side: side, realmID: id)
                switch here.callInternal("bindNewRemotePort", [here.context.number(Double(endpoint))]) {
                case .normal(let port)?:
                    here.context.setProperty(here.context.globalObject, global, port)
                case .thrown(let exception)?:
                    throw .scriptFailed(JavaScriptError(thrown: exception, in: here.context))
                case nil:
                    throw .scriptFailed(JavaScriptError(name: "Error", message: "this realm has no MessagePort"))
                }
            }
        }
    }
}

extension Realm {
    /// Entangles this realm with another realm of the same agent through a `MessageChannel`: this realm gets
    /// `port1` as the global `name`, `other` gets the entangled port as the global `otherName`, each a
    /// `MessagePort` of its own realm. This is how an embedder wires up "iframes": once connected, the
    /// realms can ship further ports and messages to each other with `postMessage`.
    public func connect(global name: String, to other: Realm, global otherName: String) async throws {
        guard other.agent === agent else { throw HostError.realmsInDifferentAgents }
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
}

/// A handle to one realm (global object) living in an ``Agent``. Every call hops to the agent's thread.
public final class Realm: Sendable {
    public let agent: Agent
    let id: Int

    init(agent: Agent, id: Int) {
        self.agent = agent
        self.id = id
    }

    /// Evaluates a classic script and returns its completion value. An exception it throws comes back as a
    /// ``JavaScriptError`` (it is not reported to the global's `error` listeners).
    public func evaluate(_ source: String, sourceURL: String = "eval.js") async throws -> ScriptValue {
        let id = self.id
        let result = try await agent.perform { runtime throws(HostError) -> Result<ScriptValue, JavaScriptError> in
            let realm = try runtime.realm(id)
            return realm.context.evaluate(source, sourceURL: sourceURL).copied(in: realm.context)
        }
        return try result.get()
    }

    /// Queues a classic script to run as a task, the way a page runs a `<script>`: an uncaught exception is
    /// reported (an `error` event at the global, then printed) rather than returned.
    ///
    /// With `printingResult`, the script's completion value is then printed with `console.log`.
    public func run(_ source: String, sourceURL: String, printingResult: Bool = false) throws {
        let id = self.id
        let posted = agent.post { runtime in
            try? runtime.realm(id).runScript(source, sourceURL: sourceURL, printingResult: printingResult)
        }
        if !posted { throw HostError.agentStopped }
    }

    /// Closes the realm: its timers stop and its global is released.
    public func close() async throws {
        let id = self.id
        try await agent.perform { runtime throws(HostError) in runtime.closeRealm(id) }
    }
}

extension JSCompletion {
    /// The completion as the embedding API reports it: the value copied out, or the exception as a
    /// ``JavaScriptError``.
    func copied(in context: JSContext) -> Result<ScriptValue, JavaScriptError> {
        switch self {
        case .normal(let value): .success(ScriptValue.copy(value, in: context))
        case .thrown(let exception): .failure(JavaScriptError(thrown: exception, in: context))
        }
    }
}

import FlyingFox

/// Every open live-reload socket, told when a build has finished.
actor ReloadBroadcaster {
    private var clients: [Int: AsyncStream<WSMessage>.Continuation] = [:]
    private var next = 0

    func subscribe() -> AsyncStream<WSMessage> {
        let id = next
        next += 1
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    private func remove(_ id: Int) {
        clients[id] = nil
    }

    /// Sends `reload` to every page.
    func reload() {
        for client in clients.values { client.yield(.text("reload")) }
    }

    var count: Int { clients.count }
}

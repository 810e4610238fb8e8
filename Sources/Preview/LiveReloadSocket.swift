import FlyingFox

/// The WebSocket behind `/_tongwen/live`: sends `reload` after every build; ignores what the page says.
struct LiveReloadSocket: WSMessageHandler {
    let broadcaster: ReloadBroadcaster

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let messages = await broadcaster.subscribe()
        // Drain the client's messages so its close frame ends the connection.
        Task { for await _ in client {} }
        return messages
    }
}

/// A small page at an old URL that sends readers to a page's current URL.
struct Redirect: Sendable, Hashable {
    /// Output file of the redirect page (`old/vpn/index.html`).
    var outputFile: String
    /// Site-relative URL of the destination page (`docs/network/vpn/`).
    var targetURL: String
    /// Source path of the destination page, for its final title.
    var targetSource: String
}

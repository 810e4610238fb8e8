import CCmarkGFM
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders GitHub-flavoured Markdown with cmark-gfm.
///
/// Every cmark pointer is created and freed inside `render`: no C type escapes this module.
public enum MarkdownRenderer {
    /// The GFM extensions every document gets. Footnotes are a parser option, not an extension.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// `cmark_gfm_core_extensions_ensure_registered` mutates a global registry; run it exactly once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 keeps the inline parser's "special characters" in a process-global table
    /// that every parse adds extension characters (`~`, `|`) to and removes them from again
    /// (`cmark_manage_extensions_special_characters`, also called while parsing table rows). Two
    /// parses at once can therefore drop each other's strikethrough or table cells, so parsing is
    /// serialised; walking and rendering the finished tree stay parallel.
    private static let parseLock = Mutex(())

    /// Renders `source`, letting `rewriteLink` replace each link or image destination
    /// (return nil to keep it as written).
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: (LinkReference) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        _ = registered
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already (cmark replaces NUL
        // bytes whatever the options), and checking every line again was 0.5% of a build.
        var cmarkOptions = CMARK_OPT_FOOTNOTES
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(cmarkOptions) else {
            return RenderedMarkdown(html: "", leadingTitle: nil, links: [])
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source
        // The tree never leaves this call, so handing the pointer out of the lock is safe.
        nonisolated(unsafe) var parsed: OpaquePointer?
        parseLock.withLock { _ in
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            parsed = cmark_parser_finish(parser)
        }
        guard let document = parsed else {
            return RenderedMarkdown(html: "", leadingTitle: nil, links: [])
        }
        defer { cmark_node_free(document) }

        let leadingTitle = removeLeadingTitle(document)
        let lines = LineIndex(source)
        var links: [LinkReference] = []
        var firstHeading = leadingTitle

        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if firstHeading == nil, type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                    firstHeading = plainText(of: node)
                }
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let reference = LinkReference(
                    destination: destination,
                    kind: type == CMARK_NODE_IMAGE ? .image : .link,
                    position: lines.position(
                        line: Int(cmark_node_get_start_line(node)),
                        byteColumn: Int(cmark_node_get_start_column(node))))
                links.append(reference)
                if let replacement = rewriteLink(reference), replacement != destination {
                    cmark_node_set_url(node, replacement)
                }
            }
        }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(document, cmarkOptions, extensions) else {
            return RenderedMarkdown(html: "", leadingTitle: leadingTitle, firstHeading: firstHeading, links: links)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), leadingTitle: leadingTitle, firstHeading: firstHeading, links: links)
    }

    /// Unlinks a level-1 heading that is the document's first block and returns its text.
    private static func removeLeadingTitle(_ document: OpaquePointer) -> String? {
        guard let first = cmark_node_first_child(document),
              cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1
        else { return nil }
        let title = plainText(of: first)
        cmark_node_unlink(first)
        cmark_node_free(first)
        return title
    }

    /// The concatenated literal text of a node's descendants (text, code, soft breaks as spaces).
    private static func plainText(of node: OpaquePointer) -> String {
        var result = ""
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { result += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                break
            }
        }
        return result.trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

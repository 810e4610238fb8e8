import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// An HTML fragment parsed by libxml2, rewritten in place and serialised back.
///
/// The class owns its `xmlDoc` and frees it in `deinit`; nodes are never handed out.
/// Not thread-safe: use one fragment per task.
public final class HTMLFragment {
    private let document: htmlDocPtr
    private let body: xmlNodePtr
    /// Markup of `.wrapped` pieces, referred to from text nodes by marker characters (private-use
    /// U+E000–U+E002, never in the text: a fragment that has them makes real elements instead).
    private var splices: [ElementMarkup] = []
    private let mayMark: Bool
    /// Whether the XML parser read the fragment (`init(_:wellFormed:)`), for tests.
    let parsedAsXML: Bool

    /// Parses `html` as the content of a `<body>`. Malformed markup is repaired, never rejected.
    ///
    /// `wellFormed`: the caller knows `html` to be well-formed XML as written (cmark-gfm's output
    /// without raw HTML), so libxml2's XML parser reads it, in about half the time its HTML parser
    /// takes, giving the same tree; anything it refuses goes to the HTML parser.
    public init(_ html: String, wellFormed: Bool = false) {
        _ = LibXML2Setup.ready
        mayMark = HTMLFragment.canHoldMarkers(html)
        if wellFormed, let (document, body) = HTMLFragment.parseXML(html) {
            self.document = document
            self.body = body
            parsedAsXML = true
            return
        }
        parsedAsXML = false
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var utf8 = wrapped
        let parsed = utf8.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        // htmlReadMemory only fails on allocation failure; an empty document keeps the API total.
        document = parsed ?? htmlNewDoc(nil, nil)
        body = HTMLFragment.findElement(named: "body", in: xmlDocGetRootElement(document))
            ?? xmlNewDocNode(document, nil, "body", nil)
    }

    /// `html` inside a `<body>` root, read by the XML parser; nil (and nothing kept) on any error.
    private static func parseXML(_ html: String) -> (document: htmlDocPtr, body: xmlNodePtr)? {
        var wrapped = "<body>" + html + "</body>"
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = wrapped.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document = parsed else { return nil }
        guard let body = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            return nil
        }
        return (document, body)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Gives every `h1`–`h6` an id (keeping ids already present), adds a permalink anchor to the
    /// levels in `anchorLevels`, and returns the headings in document order.
    public func assignHeadingIDs(anchorLevels: ClosedRange<Int> = 2...4, makeID: (String) -> String) -> [Heading] {
        var headings: [Heading] = []
        HTMLFragment.walkElements(body) { node in
            guard let level = HTMLFragment.headingLevel(node) else { return true }
            let text = HTMLFragment.collapseWhitespace(HTMLFragment.textContent(node))
            let id = HTMLFragment.attribute("id", of: node) ?? {
                let made = makeID(text)
                xmlSetProp(node, "id", made)
                return made
            }()
            if anchorLevels.contains(level) {
                let anchor = xmlNewDocNode(document, nil, "a", nil)
                xmlSetProp(anchor, "class", "anchor")
                xmlSetProp(anchor, "href", "#" + id)
                xmlSetProp(anchor, "aria-label", "¶ " + text)
                xmlAddChild(anchor, xmlNewDocText(document, "#"))
                xmlAddChild(node, anchor)
            }
            headings.append(Heading(level: level, text: text, id: id))
            return false
        }
        return headings
    }

    /// The fragment as HTML, UTF-8, without the wrapper this class added.
    public func html() -> String {
        serialised { bytes in splices.isEmpty ? String(decoding: bytes, as: UTF8.self) : HTMLFragment.splice(bytes, splices) }
    }

    /// How many runs `wrapText` wrapped with markers (not real elements), in document order.
    public var markedCount: Int { splices.count }

    /// The tags of each marker, in order: `splicing(markedHTML(), with: markedTags)` is `html()`.
    public var markedTags: [ElementMarkup] { splices }

    /// `html()` with the wrapped runs still between their markers: `splicing(_:with:)` gives the
    /// HTML, with the tags given then. A marked fragment parsed again keeps its markers as text,
    /// so it can be rewritten (`rewriteURLs`) and spliced with tags made for another page.
    public func markedHTML() -> String {
        serialised { String(decoding: $0, as: UTF8.self) }
    }

    /// Marked HTML (`markedHTML()`) with marker N replaced by the tags of `markups[N]`.
    public static func splicing(_ marked: String, with markups: [ElementMarkup]) -> String {
        var marked = marked
        return marked.withUTF8 { splice($0, markups) }
    }

    private func serialised(_ result: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        // No encoder: libxml2 then writes the document's UTF-8 bytes as they are.
        guard let output = xmlAllocOutputBuffer(nil) else { return "" }
        var child = body.pointee.children
        while let node = child {
            htmlNodeDumpFormatOutput(output, document, node, "UTF-8", 0)
            child = node.pointee.next
        }
        let html: String
        if let content = xmlOutputBufferGetContent(output) {
            html = result(UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(output))))
        } else {
            html = ""
        }
        xmlOutputBufferClose(output)
        return html
    }

    /// Whether no text of `html` can hold a marker character: none written as is, and no
    /// character reference at all (one could spell U+E000 in any number of ways). Markdown's
    /// own output has no `&#`; raw HTML may, and its pages get real elements.
    private static func canHoldMarkers(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            // `&#` anywhere: a character reference.
            var index = 0
            while let at = firstIndex(of: 0x26, in: bytes, from: index) {
                if at + 1 < bytes.count, bytes[at + 1] == 0x23 { return false }
                index = at + 1
            }
            // EE 80 80…82: U+E000…U+E002 as they are.
            index = 0
            while let at = firstIndex(of: 0xEE, in: bytes, from: index) {
                if at + 2 < bytes.count, bytes[at + 1] == 0x80, bytes[at + 2] <= 0x82 { return false }
                index = at + 1
            }
            return true
        }
    }

    /// The index of the first `byte` at or after `start`, found with `memchr`.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Marked HTML (`markedHTML()`) with marker N replaced by the tags of `markups[N]`, added to
    /// the end of `output`: for a page written as bytes, which then needs no string of its body.
    public static func appendSplicing(_ marked: String, with markups: [ElementMarkup], to output: inout [UInt8]) {
        var marked = marked
        marked.withUTF8 { bytes in
            output.reserveCapacity(output.count + splicedCount(bytes, markups))
            forEachSplicedPart(bytes, markups) { output.append(contentsOf: $0) }
        }
    }

    /// At least as many bytes as `appendSplicing(marked, with: markups, to:)` adds: for a caller
    /// that reserves room for what comes after the spliced HTML too.
    public static func splicedByteCount(_ marked: String, with markups: [ElementMarkup]) -> Int {
        var marked = marked
        return marked.withUTF8 { splicedCount($0, markups) }
    }

    /// The serialised bytes with every marker replaced by its markup, as a string.
    private static func splice(_ bytes: UnsafeBufferPointer<UInt8>, _ splices: [ElementMarkup]) -> String {
        // Written straight into the string's storage: every splice is used once, and each of its
        // markers is longer than nothing, so this many bytes always suffice.
        String(unsafeUninitializedCapacity: splicedCount(bytes, splices)) { output in
            var written = 0
            forEachSplicedPart(bytes, splices) { part in
                guard let source = part.baseAddress, let target = output.baseAddress else { return }
                // Markers are only ever written by `mark`, once per splice: more would be a bug.
                precondition(written + part.count <= output.count, "more markers than splices")
                (target + written).update(from: source, count: part.count)
                written += part.count
            }
            return written
        }
    }

    /// At least as many bytes as the spliced HTML has.
    private static func splicedCount(_ bytes: UnsafeBufferPointer<UInt8>, _ splices: [ElementMarkup]) -> Int {
        bytes.count + splices.reduce(0) { $0 + $1.start.utf8.count + $1.end.utf8.count }
    }

    /// The spliced HTML in order, as runs of `bytes` and tags: U+E000 N U+E001 is the start tag
    /// of splice N, U+E002 N U+E001 its end tag (N in decimal).
    private static func forEachSplicedPart(_ bytes: UnsafeBufferPointer<UInt8>, _ splices: [ElementMarkup],
                                           _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var index = 0
        while index < bytes.count {
            // Copy up to the next EE byte (U+E000…U+E002 are EE 80 80…82 in UTF-8) in one go.
            guard let at = HTMLFragment.firstIndex(of: 0xEE, in: bytes, from: index) else {
                emit(UnsafeBufferPointer(rebasing: bytes[index...]))
                break
            }
            emit(UnsafeBufferPointer(rebasing: bytes[index..<at]))
            var cursor = at + 3
            var number = 0
            if at + 2 < bytes.count, bytes[at + 1] == 0x80, bytes[at + 2] <= 0x82 {
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
            }
            guard cursor > at + 3, number < splices.count else {
                emit(UnsafeBufferPointer(rebasing: bytes[at...at]))
                index = at + 1
                continue
            }
            var tag = bytes[at + 2] == 0x80 ? splices[number].start : splices[number].end
            tag.withUTF8 { emit($0) }
            // Past the closing U+E001.
            index = cursor + 3
        }
    }

    /// `<name attributes…>text</name>` serialised on its own (for `ElementMarkup`).
    func serialisedElement(name: String, attributes: [TextPiece.Attribute], text: String) -> String {
        xmlAddChild(body, HTMLFragment.element(name, attributes, text: text, in: document))
        return html()
    }

    /// A new element of `document` holding one text node.
    private static func element(_ name: String, _ attributes: [TextPiece.Attribute], text: String, in document: htmlDocPtr) -> xmlNodePtr? {
        let element = xmlNewDocNode(document, nil, name, nil)
        for attribute in attributes { xmlSetProp(element, attribute.name, attribute.value) }
        xmlAddChild(element, xmlNewDocText(document, text))
        return element
    }

    /// Elements whose text `rewriteText` never touches by default: links, code, headings and
    /// anything that is not running prose.
    public static let proseExclusions: Set<String> = [
        "a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "select", "option",
        "svg", "math", "title", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    /// Offers every text node outside `skipping` elements to `transform`, in document order; when it
    /// returns pieces, the text node is replaced by them. Attribute values are never offered.
    /// `.wrapped` pieces exist only in `html()`: read text blocks and links before.
    public func rewriteText(skipping: Set<String> = HTMLFragment.proseExclusions, _ transform: (String) -> [TextPiece]?) {
        var buffer: [UInt8] = []
        forEachText(in: body, skipping: skipping) { node, text in
            guard let pieces = transform(text) else { return }
            if mayMark, pieces.allSatisfy({ if case .element = $0 { false } else { true } }) {
                // Text and wrapped text only: one text node, markers where the tags go.
                var wraps: [TextWrap] = []
                var plain = ""
                for piece in pieces {
                    switch piece {
                    case .text(let value):
                        plain += value
                    case .wrapped(let markup, let value):
                        let start = plain.utf8.count
                        plain += value
                        wraps.append(TextWrap(range: start..<plain.utf8.count, markup: markup))
                    case .element:
                        break
                    }
                }
                plain.withUTF8 { mark(node, bytes: $0, wraps: wraps, buffer: &buffer) }
            } else {
                replace(node, with: pieces)
            }
        }
    }

    /// `rewriteText` for the common case of wrapping runs of text in tags made beforehand, without
    /// cutting the text into pieces: `transform` gives the runs of each text node to wrap, or nil.
    /// It is offered the node's UTF-8 bytes, valid only during the call: a page has hundreds of
    /// text nodes, and making each a `String` (copy, validation, release) cost more than reading it.
    public func wrapText(skipping: Set<String> = HTMLFragment.proseExclusions, _ transform: (UnsafeBufferPointer<UInt8>) -> [TextWrap]?) {
        var buffer: [UInt8] = []
        forEachTextBytes(in: body, skipping: HTMLFragment.packedSkipping(skipping)) { node, bytes in
            guard let wraps = transform(bytes), !wraps.isEmpty else { return }
            if mayMark {
                mark(node, bytes: bytes, wraps: wraps, buffer: &buffer)
            } else {
                replace(node, with: TextWrap.pieces(of: bytes, wraps))
            }
        }
    }

    private func forEachText(in parent: xmlNodePtr, skipping: Set<String>, _ body: (xmlNodePtr, String) -> Void) {
        forEachTextBytes(in: parent, skipping: HTMLFragment.packedSkipping(skipping)) { node, bytes in
            body(node, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Element names compared packed (`packedName`), as every element of the page is looked at;
    /// names too long to pack are looked up as strings.
    private static func packedSkipping(_ skipping: Set<String>) -> (packed: [UInt64], long: Set<String>) {
        (skipping.map(HTMLFragment.packedName).filter { $0 != 0 }, skipping.filter { HTMLFragment.packedName($0) == 0 })
    }

    /// Every text node outside `skipping` elements with its content's bytes, in document order.
    private func forEachTextBytes(in parent: xmlNodePtr, skipping: (packed: [UInt64], long: Set<String>),
                                  _ body: (xmlNodePtr, UnsafeBufferPointer<UInt8>) -> Void) {
        var child = parent.pointee.children
        while let node = child {
            // `body` may replace the node.
            let next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = HTMLFragment.packedName(node)
                let skipped = name != 0 ? skipping.packed.contains(name) : HTMLFragment.elementName(node).map(skipping.long.contains) ?? false
                if !skipped { forEachTextBytes(in: node, skipping: skipping, body) }
            case XML_TEXT_NODE:
                if let content = node.pointee.content { body(node, UnsafeBufferPointer(start: content, count: strlen(content))) }
            default:
                break
            }
            child = next
        }
    }

    /// Sets the text node's content to `text` with markers around each wrapped run, where its tags
    /// go: U+E000 N U+E001 before, U+E002 N U+E001 after (N the splice's number in decimal).
    private func mark(_ node: xmlNodePtr, bytes: UnsafeBufferPointer<UInt8>, wraps: [TextWrap], buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var cursor = 0
        for wrap in wraps {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<wrap.range.lowerBound]))
            splices.append(wrap.markup)
            let number = splices.count - 1
            HTMLFragment.appendMarker(0x80, number, to: &buffer)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wrap.range]))
            HTMLFragment.appendMarker(0x82, number, to: &buffer)
            cursor = wrap.range.upperBound
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
        buffer.withUnsafeBufferPointer { marked in
            xmlNodeSetContentLen(node, marked.baseAddress, Int32(marked.count))
        }
    }

    /// U+E000 (`kind` 0x80) or U+E002 (0x82), `number` in decimal, U+E001.
    private static func appendMarker(_ kind: UInt8, _ number: Int, to buffer: inout [UInt8]) {
        buffer.append(0xEE)
        buffer.append(0x80)
        buffer.append(kind)
        appendDecimal(number, to: &buffer)
        buffer.append(0xEE)
        buffer.append(0x80)
        buffer.append(0x81)
    }

    private static func appendDecimal(_ number: Int, to buffer: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &buffer) }
        buffer.append(UInt8(0x30 + number % 10))
    }

    /// Replaces the text node with real nodes for `pieces`.
    private func replace(_ node: xmlNodePtr, with pieces: [TextPiece]) {
        // libxml2 merges a text node added beside another text node into it, so the old
        // node is swapped for an element placeholder before the pieces go in.
        guard let placeholder = xmlNewDocNode(document, nil, "tongwen-placeholder", nil) else { return }
        xmlReplaceNode(node, placeholder)
        xmlFreeNode(node)
        for piece in pieces {
            let replacement: xmlNodePtr?
            switch piece {
            case .text(let value):
                replacement = xmlNewDocText(document, value)
            case .element(let name, let attributes, let value):
                replacement = HTMLFragment.element(name, attributes, text: value, in: document)
            case .wrapped(let markup, let value):
                replacement = HTMLFragment.element(markup.name, markup.attributes, text: value, in: document)
            }
            if let replacement { xmlAddPrevSibling(placeholder, replacement) }
        }
        xmlUnlinkNode(placeholder)
        xmlFreeNode(placeholder)
    }

    /// Every `id` attribute in the fragment, in document order.
    public func ids() -> [String] {
        var result: [String] = []
        HTMLFragment.walkElements(body) { node in
            if let id = HTMLFragment.attribute("id", of: node) { result.append(id) }
            return true
        }
        return result
    }

    /// Every URL the fragment refers to (`href` and `src` attributes), in document order.
    public func links() -> [String] {
        assert(splices.isEmpty, "links() does not see text wrapped by rewriteText: read them before")
        var result: [String] = []
        HTMLFragment.walkElements(body) { node in
            for name in ["href", "src"] {
                if let value = HTMLFragment.attribute(name, of: node) { result.append(value) }
            }
            return true
        }
        return result
    }

    /// The fragment's text cut at every `h2`–`h4` (headings with ids, as `assignHeadingIDs` leaves
    /// them), whitespace collapsed, block boundaries as spaces. Permalink anchors, scripts and
    /// styles are left out.
    public func textBlocks(levels: ClosedRange<Int> = 2...4) -> [TextBlock] {
        assert(splices.isEmpty, "textBlocks() would see the markers of wrapped text: read them before rewriteText")
        var blocks = [TextBlock(headingID: "", heading: "", text: "")]
        var text = CollapsedText()
        func flush() {
            blocks[blocks.count - 1].text = text.take()
        }
        func visit(_ parent: xmlNodePtr) {
            var child = parent.pointee.children
            while let node = child {
                child = node.pointee.next
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { text.append(cString: content) }
                case XML_ELEMENT_NODE:
                    if let level = HTMLFragment.headingLevel(node), levels.contains(level),
                       let id = HTMLFragment.attribute("id", of: node) {
                        flush()
                        blocks.append(TextBlock(headingID: id, heading: HTMLFragment.collapseWhitespace(HTMLFragment.ownText(node)), text: ""))
                        continue
                    }
                    let name = HTMLFragment.packedName(node)
                    guard !HTMLFragment.nonText.contains(name) else { continue }
                    // Footnote marks are not text: the `1` of a reference would be glued to the
                    // word before it (`4 小时1`), and every note would end in `↩`.
                    if name == HTMLFragment.anchorName,
                       xmlHasProp(node, "data-footnote-ref") != nil || xmlHasProp(node, "data-footnote-backref") != nil {
                        continue
                    }
                    visit(node)
                    // Inline elements (term links, emphasis, code) are part of the running text.
                    if !HTMLFragment.inline.contains(name) { text.appendSpace() }
                default:
                    break
                }
            }
        }
        visit(body)
        flush()
        if blocks.count > 1, blocks[0].text.isEmpty { blocks.removeFirst() }
        return blocks
    }

    // Element names packed as `packedName` packs them: `textBlocks` classifies every element of
    // every page, which cost a String and two hashes per element before.
    static let nonText = ["script", "style", "template", "noscript"].map(packedName)
    static let anchorName = packedName("a")
    static let inline = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ].map(packedName)

    /// The bytes of a name of up to eight bytes in one integer (first byte lowest); 0 for longer
    /// names, which none of the lists above holds.
    static func packedName(_ name: String) -> UInt64 {
        name.utf8.count > 8 ? 0 : name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// Replaces each `href` and `src` value for which `transform` returns a new one (moving a
    /// fragment to a page at another depth, or making its links absolute for a feed).
    public func rewriteURLs(_ transform: (String) -> String?) {
        HTMLFragment.walkElements(body) { node in
            for name in ["href", "src"] {
                if let value = HTMLFragment.attribute(name, of: node), let replaced = transform(value) {
                    xmlSetProp(node, name, replaced)
                }
            }
            return true
        }
    }

    /// All the text of the fragment, with block boundaries as spaces.
    public func text() -> String {
        HTMLFragment.collapseWhitespace(HTMLFragment.textContent(body))
    }
}

// MARK: - libxml2 helpers, private to this file's type

extension HTMLFragment {
    /// Depth-first walk over element nodes; `visit` returns false to skip an element's children.
    fileprivate static func walkElements(_ root: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var child = root.pointee.children
        while let node = child {
            // Read `next` first: `visit` may append to `node` but never removes it.
            let next = node.pointee.next
            if node.pointee.type == XML_ELEMENT_NODE, visit(node) {
                walkElements(node, visit)
            }
            child = next
        }
    }

    fileprivate static func findElement(named name: String, in root: xmlNodePtr?) -> xmlNodePtr? {
        guard let root else { return nil }
        if elementName(root) == name { return root }
        var child = root.pointee.children
        while let node = child {
            if let found = findElement(named: name, in: node) { return found }
            child = node.pointee.next
        }
        return nil
    }

    fileprivate static func elementName(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    /// `packedName` of an element's name, read from libxml2's bytes.
    fileprivate static func packedName(_ node: xmlNodePtr) -> UInt64 {
        guard let name = node.pointee.name else { return 0 }
        var packed: UInt64 = 0
        for index in 0..<9 {
            let byte = name[index]
            if byte == 0 { return packed }
            if index == 8 { return 0 }
            packed |= UInt64(byte) << (8 * UInt64(index))
        }
        return 0
    }

    fileprivate static func headingLevel(_ node: xmlNodePtr) -> Int? {
        guard let name = node.pointee.name, name[0] == UInt8(ascii: "h"),
              name[1] >= UInt8(ascii: "1"), name[1] <= UInt8(ascii: "6"), name[2] == 0
        else { return nil }
        return Int(name[1] - UInt8(ascii: "0"))
    }

    fileprivate static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { tongwen_xmlFree(value) }
        return String(cString: value)
    }

    fileprivate static func textContent(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { tongwen_xmlFree(content) }
        return String(cString: content)
    }

    /// A heading's text without the permalink anchor `assignHeadingIDs` appended.
    fileprivate static func ownText(_ node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE, attribute("class", of: current) == "anchor" { continue }
            if let content = xmlNodeGetContent(current) {
                result += String(cString: content)
                tongwen_xmlFree(content)
            }
        }
        return result
    }

    fileprivate static func collapseWhitespace(_ text: String) -> String {
        CollapsedText.collapse(text)
    }
}

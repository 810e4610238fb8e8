import CLibXML2

/// An XML document written through libxml2's `xmlTextWriter` into memory (feeds, sitemaps):
/// escaping, encoding and well-formedness are libxml2's job. Owns the writer and its buffer,
/// freed in `finish()` or `deinit`.
public final class XMLWriter {
    private var writer: xmlTextWriterPtr?
    private let buffer: xmlBufferPtr

    public init() {
        _ = LibXML2Setup.ready
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// Opens `<name a="…">`; attributes are written in the order given.
    public func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xmlTextWriterStartElement(writer, name)
        for (key, value) in attributes { xmlTextWriterWriteAttribute(writer, key, value) }
    }

    public func end() {
        xmlTextWriterEndElement(writer)
    }

    /// `<name a="…">text</name>`, or `<name a="…"/>` when `text` is nil.
    public func element(_ name: String, _ text: String? = nil, _ attributes: KeyValuePairs<String, String> = [:]) {
        start(name, attributes)
        if let text { xmlTextWriterWriteString(writer, text) }
        end()
    }

    /// Closes every open element and returns the document; the writer is spent afterwards.
    public func finish() -> String {
        guard let writer else { return "" }
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        self.writer = nil
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

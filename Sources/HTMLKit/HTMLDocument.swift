import CLibXML2

/// A whole HTML page read for checking: its links and ids, through libxml2's HTML parser.
public struct HTMLDocumentSummary: Sendable, Hashable {
    public var links: [String]
    public var ids: [String]

    /// Parses a complete page (`<!DOCTYPE html><html>…`) with libxml2's SAX interface: only
    /// element starts are reported, so no tree is built — checking reads every page of a site.
    public init(page html: String) {
        _ = LibXML2Setup.ready
        let collector = AttributeCollector()
        var handler = htmlSAXHandler()
        handler.startElement = { context, _, attributes in
            guard let context, var attributes else { return }
            let collector = Unmanaged<AttributeCollector>.fromOpaque(context).takeUnretainedValue()
            // `attributes` is name, value, name, value, …, NULL.
            while let name = attributes.pointee {
                let value = attributes.successor().pointee
                collector.take(name: name, value: value)
                attributes = attributes.advanced(by: 2)
            }
        }
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var text = html
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                let box = Unmanaged.passUnretained(collector).toOpaque()
                withUnsafeMutablePointer(to: &handler) { handler in
                    guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                    defer { htmlFreeParserCtxt(context) }
                    // The context owns a default handler; ours replaces it for this parse only.
                    let original = context.pointee.sax
                    context.pointee.sax = UnsafeMutablePointer(OpaquePointer(handler))
                    context.pointee.userData = box
                    htmlCtxtUseOptions(context, options)
                    _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                    htmlParseDocument(context)
                    context.pointee.sax = original
                    context.pointee.userData = nil
                }
            }
        }
        links = collector.links
        ids = collector.ids
    }
}

/// What the SAX callback fills in; a class so the C callback can reach it through `userData`.
private final class AttributeCollector {
    var links: [String] = []
    var ids: [String] = []

    func take(name: UnsafePointer<xmlChar>, value: UnsafePointer<xmlChar>?) {
        // libxml2's HTML parser lower-cases attribute names.
        let isLink = (name[0] == 0x68 && name[1] == 0x72 && name[2] == 0x65 && name[3] == 0x66 && name[4] == 0)
            || (name[0] == 0x73 && name[1] == 0x72 && name[2] == 0x63 && name[3] == 0)
        let isID = name[0] == 0x69 && name[1] == 0x64 && name[2] == 0
        guard isLink || isID else { return }
        let text = value.map { String(cString: $0) } ?? ""
        if isLink { links.append(text) } else { ids.append(text) }
    }
}

import CLibXML2

/// An XML document read back by libxml2 as a tree of values (for checking feeds and sitemaps).
public struct XMLTree: Sendable, Hashable {
    public var name: String
    /// The element's namespace URI, or "".
    public var namespace: String
    public var attributes: [String: String]
    public var children: [XMLTree]
    /// The element's own text (its text and CDATA children), trimmed.
    public var text: String

    /// The root element, or nil when `xml` is not well-formed.
    public static func parse(_ xml: String) -> XMLTree? {
        _ = LibXML2Setup.ready
        var xml = xml
        let document = xml.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return xmlDocGetRootElement(document).map(convert)
    }

    public func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Without Foundation: importing it beside libxml2's headers clashes over ICU's enums.
    private static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    private static func convert(_ node: xmlNodePtr) -> XMLTree {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                attributes[String(cString: name)] = String(cString: value)
                tongwen_xmlFree(value)
            }
            attribute = current.pointee.next
        }
        var children: [XMLTree] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(convert(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default: break
            }
            child = current.pointee.next
        }
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
        return XMLTree(name: String(cString: node.pointee.name), namespace: namespace, attributes: attributes,
                          children: children, text: trimmed(text))
    }
}

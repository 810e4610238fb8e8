import CLibXML2

/// libxml2 sets up its global locks and tables on first use, and that first use is not safe to
/// race: two pages parsed at once by a fresh process can deadlock in `xmlDictCreate` (seen in
/// the parallel test run). `xmlInitParser()` does it once, before any parse; every entry point
/// of this module reads `ready` first (a Swift global is initialised exactly once).
enum LibXML2Setup {
    static let ready: Bool = {
        xmlInitParser()
        return true
    }()
}

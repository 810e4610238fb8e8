import Foundation
import HTMLKit

/// `sitemap.xml` (sitemaps.org 0.9): every page, section page and generated page, with its date.
/// Written only when `baseURL` is absolute: a sitemap's locations must be full URLs.
enum Sitemap {
    /// At most 50,000 URLs fit in one sitemap file.
    static let limit = 50_000

    static func xml(baseURL: String, urls: [(path: String, day: Day?)]) -> String {
        let writer = XMLWriter()
        writer.start("urlset", ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"])
        for url in urls.prefix(limit) {
            writer.start("url")
            writer.element("loc", baseURL + (url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url.path))
            if let day = url.day { writer.element("lastmod", day.description) }
            writer.end()
        }
        writer.end()
        return writer.finish()
    }
}

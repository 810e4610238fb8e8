extension Page {
    /// Every folder holding pages is a section, and so is each folder above it (`""` is the root).
    static func sectionFolders(of pages: [Page]) -> Set<String> {
        var folders: Set<String> = [""]
        for page in pages {
            var folder = Substring(page.sectionPath)
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
            }
        }
        return folders
    }
}

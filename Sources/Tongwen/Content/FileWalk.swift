import Foundation

/// Every file under a folder, as relative paths, sorted: what a build reads from `content/` and
/// from theme folders, what the link checker finds in an output, and (its folders) what
/// `tongwen serve` watches.
///
/// Left out: hidden files and folders (`.git/`, `.DS_Store`), and the files editors and office
/// suites leave beside the ones being edited (`vpn.md~`, `#vpn.md#`, `~$报告.docx`,
/// `Thumbs.db`, `desktop.ini`), which would otherwise be published as attachments.
///
/// Symbolic links are followed: a linked file counts as the file it points to, a linked folder
/// is walked like any other. A link that points nowhere, or to a folder it is inside of (which
/// would never end), is left out and listed in `skippedLinks`.
///
/// Walked with `opendir`/`readdir`, whose entries carry their type: `FileManager`'s enumerator
/// asked for every entry's attributes, a quarter of a second for 10,000 pages before any page
/// could be read.
public struct FileWalk: Sendable {
    public enum SkippedLink: Sendable, Hashable {
        case broken
        case loop
    }

    public private(set) var files: [String] = []
    /// Relative paths of the folders walked, `root` itself left out (what `tongwen serve` watches).
    public private(set) var folders: [String] = []
    /// Relative paths of the symbolic links left out, and why.
    public private(set) var skippedLinks: [(path: String, reason: SkippedLink)] = []

    public init(under root: String) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        var info = stat()
        guard stat(root, &info) == 0 else { return }
        walk(root, prefix: "", ancestors: [FolderID(info)])
        files.sort()
        folders.sort()
        skippedLinks.sort { $0.path < $1.path }
    }

    /// Editors' backup, autosave and lock files, and the folder thumbnails Windows writes.
    public static func isScratchFile(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasPrefix("~$") || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
            || name == "Thumbs.db" || name == "desktop.ini"
    }

    /// A folder, by device and inode: what a folder reached again through a link has in common
    /// with the first time.
    private struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private mutating func walk(_ folder: String, prefix: String, ancestors: Set<FolderID>) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || FileWalk.isScratchFile(name) { continue }
            let path = folder + "/" + name
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_REG) {
                files.append(prefix + name)
                continue
            }
            // Folders, links and entries of unknown type: `stat` follows links to what they name.
            var info = stat()
            guard stat(path, &info) == 0 else {
                if type == Int32(DT_LNK) { skippedLinks.append((prefix + name, .broken)) }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FolderID(info)
                guard !ancestors.contains(id) else {
                    skippedLinks.append((prefix + name, .loop))
                    continue
                }
                folders.append(prefix + name)
                walk(path, prefix: prefix + name + "/", ancestors: ancestors.union([id]))
            case S_IFREG:
                files.append(prefix + name)
            default:
                continue  // sockets, pipes, devices: nothing to publish
            }
        }
    }
}

import Foundation
@testable import FrusImport
import FrusTestSupport
import Testing

/// The corpus listing reads folder entries' kinds from the folder (readdir) instead of a `stat`
/// each (issue 14: a search of 400 volumes starts by listing them): it must see what
/// FileManager saw, links followed.
@Suite struct FolderListingTests {
    @Test func entriesHaveTheKindsFileManagerGives() throws {
        let dir = try Fixtures.temporaryFolder("frusread-listing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["a.xml", "b.TXT", ".hidden.xml", "notes.md", "é ü.xml"] {
            try "x".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link-to-sub").path, withDestinationPath: "sub")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link-to-a.xml").path, withDestinationPath: "a.xml")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("broken.xml").path, withDestinationPath: "nowhere.xml")

        let entries = try #require(FolderListing.entries(of: dir.path))
        let expected = try fm.contentsOfDirectory(atPath: dir.path)
        #expect(Set(entries.map(\.name)) == Set(expected))
        for (name, kind) in entries {
            var isFolder: ObjCBool = false
            let exists = fm.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isFolder)
            let want: FolderListing.EntryKind = !exists ? .missing : isFolder.boolValue ? .folder : .file
            #expect(kind == want, "\(name)")
        }
        #expect(FolderListing.entries(of: dir.appendingPathComponent("absent").path) == nil)

        // The listing: the link to the folder is followed (the folder is read once), the
        // broken link and hidden file are skipped, the notes file is quietly ignored.
        let listing = FolderListing(root: dir.path)
        #expect(listing.xmlFiles == ["a.xml", "link-to-a.xml", "é ü.xml"].map { dir.path + "/" + $0 })
        #expect(listing.textFolders.map(\.files) == [[dir.path + "/b.TXT"]])
        #expect(listing.diagnostics.isEmpty)
    }

    @Test func fileStemIsTheNameWithoutFolderAndExtension() {
        for path in ["frus1981-88v05.xml", "/a/b/frus1981-88v05.xml", "rel/dir/x.y.xml", "noext", "/a/b/", "a/.xml", "a/b.", "/"] {
            let ns = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            #expect(fileStem(path) == ns, "\(path)")
        }
    }
}

import FrusModel

// Stand-in with the agreed API until the TEI importer lands.
public enum TEIImporter {
    public static func peek(path: String) throws -> (id: String?, title: String?) { (nil, nil) }
    public static func read(path: String, fallbackID: String? = nil) throws -> VolumeLoad {
        throw Diagnostic(.error, "TEI volumes are not supported yet", at: SourceLocation(file: path))
    }
}

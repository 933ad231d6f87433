import Foundation

/// The folders shipped with frusread (`Themes/`, `Corpus/`): beside the package the executable
/// was built in (.build/<config>/frusread → ../../Themes), or beside the executable itself.
public enum BundledFolder {
    /// The nearest folder `name` in the executable's folder or up to five folders above it.
    public static func find(_ name: String, executablePath: String) -> String? {
        guard !executablePath.isEmpty else { return nil }
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
                return candidate.path
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}

import Foundation

/// The folders shipped with frusread (`Themes/`, `Corpus/`): where `Scripts/install.sh` put them
/// (`PREFIX/share/frusread/` for `PREFIX/bin/frusread`), beside the package the executable was
/// built in (.build/<config>/frusread → ../../Themes), or beside the executable itself.
public enum BundledFolder {
    /// `../share/frusread/NAME` from the executable's folder, else the nearest folder `name` in
    /// the executable's folder or up to five folders above it.
    public static func find(_ name: String, executablePath: String) -> String? {
        // A bare name ("frusread") was found through $PATH: ask the system where it is.
        guard !executablePath.isEmpty else { return nil }
        let path = executablePath.contains("/") ? executablePath : Bundle.main.executablePath ?? executablePath
        var dir = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/frusread/\(name)")
        var isInstalledDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: installed.path, isDirectory: &isInstalledDir), isInstalledDir.boolValue {
            return installed.path
        }
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

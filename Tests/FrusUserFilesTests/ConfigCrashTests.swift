import FrusUserFiles
import Testing

/// config.toml text that crashed TOMLKit's parser (as theme files did; see FrusTOML): a warning
/// naming the line, the rest of the file kept where it can be.
@Suite struct ConfigCrashTests {
    @Test func aBraceInsideAnArrayIsALineIgnoredNotACrash() {
        let c = UserConfig.parse("theme = \"light\"\n[keys]\nx = [ }\n", path: "config.toml")
        #expect(c.theme == "light")
        #expect(c.warnings.contains { $0.hasPrefix("config.toml:3:") && $0.contains("line ignored") }, "\(c.warnings)")
    }

    @Test func aBadTableHeaderIgnoresTheFileWithAWarning() {
        let c = UserConfig.parse("theme = \"light\"\n[`keys]\n", path: "config.toml")
        #expect(c.warnings.contains { $0.contains("line 2") && $0.contains("the file is ignored") }, "\(c.warnings)")
    }

    @Test func aControlCharacterIsRefused() {
        let c = UserConfig.parse("theme = \"li\u{7F}ght\"\n", path: "config.toml")
        #expect(c.theme == nil)
        #expect(c.warnings.contains { $0.contains("U+7F") }, "\(c.warnings)")
    }
}

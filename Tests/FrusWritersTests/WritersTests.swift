import FrusWriters
import Testing

@Suite struct WritersModuleTests {
    @Test func theModuleLinks() { _ = Writers.self }
}

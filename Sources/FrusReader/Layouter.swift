import FrusLayout
import FrusModel

/// The layout functions the reader uses: the shared FrusLayout by default. Injectable so that
/// tests and benchmarks can pin a layout.
public struct Layouter: Sendable {
    public var document: @Sendable (Document, Int) -> LaidOutText
    public var footnotes: @Sendable (Document, Int) -> LaidOutText

    public init(
        document: @escaping @Sendable (Document, Int) -> LaidOutText,
        footnotes: @escaping @Sendable (Document, Int) -> LaidOutText
    ) {
        self.document = document
        self.footnotes = footnotes
    }

    public static let standard = Layouter(
        document: { Layout.document($0, LayoutOptions(width: $1)) },
        footnotes: { Layout.footnotes($0, width: $1) })
}

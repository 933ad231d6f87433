import FrusModel
import FrusReader
import FrusTheme
import FrusView
import Testing

/// Whole screens of the bundled seeds, checked by eye once and kept: 175 at 100×30 with the
/// link to 168 selected (Tab ×3), and 175 at 60×20 as it opens.
@Suite struct SnapshotTests {
    @Test func document175At100x30WithTheLinkTo168Selected() {
        let app = seedApp(width: 100, height: 30)
        app.press(.tab, .tab, .tab)
        #expect(frame(app, width: 100, height: 30).lines == Self.wide)
    }

    @Test func document175At60x20() {
        let app = seedApp(width: 60, height: 20)
        #expect(frame(app, width: 60, height: 20).lines == Self.narrow)
    }

    static let wide: [String] = [
        " FRUS, 1981–1988, vol. V · 175. Memorandum From Secretary of State Shultz to President Reagan       ",
        "┌ Document · Secret; Sensitive ───────────── p. 765 · 21% ─┐┌ Footnotes ─────────────────────── 5 ─┐",
        "│ 175. Memorandum From Secretary of State Shultz to        ││ 1. Source: Reagan Library, Executive │",
        "│ President Reagan [1]                                     ││    Secretariat, NSC Head of State    │",
        "│ Subject: Gorbachev Response to Your Human Rights Letter  ││    File, U.S.S.R.: General Secretary │",
        "│                                                          ││    Gorbachev (8690024, 8690124).     │",
        "│ Dobrynin came by Monday evening to deliver Gorbachev’s   ││    Secret; Sensitive. Reagan         │",
        "│ response to the letter on human rights which Mac         ││    initialed at the top right-hand   │",
        "│ Baldrige delivered when he was in Moscow.[2] It smacked  ││    corner of the memorandum,         │",
        "│ of having been drafted by bureaucrats.                   ││    indicating he saw it.             │",
        "│                                                          ││                                      │",
        "│ The letter is non-polemical in tone, and reiterates the  ││ 2. See Document 168.                 │",
        "│ assurance Gorbachev gave you directly that individual    ││                                      │",
        "│ cases of divided spouses can be resolved “on the basis   ││ 3. See footnote 3, Document 136.     │",
        "│ of humanism and taking into account the interests of the ││                                      │",
        "│ people concerned.” But it holds out little hope of       │└──────────────────────────────────────┘",
        "│ broad-based progress on human rights issues.             │┌ Links ─────────────────────────── 2 ─┐",
        "│                                                          ││ note 2  → 168. Letter From Presiden… │",
        "│ As in Geneva, Gorbachev affirms that Soviet law is not a ││ note 3  ✗ Document 136 is not in th… │",
        "│ barrier to the emigration of Soviet citizens who meet    ││ Cited by                             │",
        "│ its criteria, and rejects bending the rules to resolve   ││ No loaded document links here.       │",
        "│ specific cases. He reiterates that Moscow will not be    ││                                      │",
        "│ swayed in this respect by U.S. pressure, and suggests    ││                                      │",
        "│ that human rights cases continue to be “blown out of     ││                                      │",
        "│ proportion” in the U.S.-Soviet relationship. Finally, he ││                                      │",
        "│ warns “in passing” against attempts to link trade and    ││                                      │",
        "│ economic issues to “questions of a different nature.”    ││                                      │",
        "│                                                          ││                                      │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘",
        " Document 168: Letter From President Reagan to Soviet General Secretary… ? help  t contents  q quit ",
    ]

    static let narrow: [String] = [
        " FRUS, 1981–1988, vol. V · 175. Memorandum From Secretary o…",
        "┌ Document · Secret; Sensitive ────────────── p. 765 · 9% ─┐",
        "│ 175. Memorandum From Secretary of State Shultz to        │",
        "│ President Reagan [1]                                     │",
        "│ Subject: Gorbachev Response to Your Human Rights Letter  │",
        "│                                                          │",
        "│ Dobrynin came by Monday evening to deliver Gorbachev’s   │",
        "│ response to the letter on human rights which Mac         │",
        "│ Baldrige delivered when he was in Moscow.[2] It smacked  │",
        "│ of having been drafted by bureaucrats.                   │",
        "│                                                          │",
        "│ The letter is non-polemical in tone, and reiterates the  │",
        "│ assurance Gorbachev gave you directly that individual    │",
        "└──────────────────────────────────────────────────────────┘",
        "┌ Footnotes ───────────── 5 ─┐┌ Links ───────────────── 2 ─┐",
        "│ 1. Source: Reagan Library, ││ note 2 → 168. Letter From… │",
        "│    Executive Secretariat,  ││ note 3 ✗ Document 136 is … │",
        "│    NSC Head of State File, ││ Cited by                   │",
        "└────────────────────────────┘└────────────────────────────┘",
        " Tab selects links and footnote markers · w changes pane    ",
    ]
}

import Testing
import FrusModel
@testable import FrusLayout

/// The whole of seed 175 as `frusread show 175 --width 40` lays it out: a reviewed golden
/// dump, so any change to the look of a document shows up here line by line.
@Suite struct GoldenLayoutTests {
    @Test func document175AtWidth40WithFootnotes() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 40, includeFootnotes: true))
        let expected = Self.document175Width40.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(out.texts.count == expected.count)
        for (i, (actual, wanted)) in zip(out.texts, expected).enumerated() {
            #expect(actual == wanted, "line \(i)")
        }
    }

    static let document175Width40 = """
        175. Memorandum From Secretary of State
        Shultz to President Reagan [1]
        Subject: Gorbachev Response to Your
                 Human Rights Letter

        Dobrynin came by Monday evening to
        deliver Gorbachev’s response to the
        letter on human rights which Mac
        Baldrige delivered when he was in
        Moscow.[2] It smacked of having been
        drafted by bureaucrats.

        The letter is non-polemical in tone, and
        reiterates the assurance Gorbachev gave
        you directly that individual cases of
        divided spouses can be resolved “on the
        basis of humanism and taking into
        account the interests of the people
        concerned.” But it holds out little hope
        of broad-based progress on human rights
        issues.

        As in Geneva, Gorbachev affirms that
        Soviet law is not a barrier to the
        emigration of Soviet citizens who meet
        its criteria, and rejects bending the
        rules to resolve specific cases. He
        reiterates that Moscow will not be
        swayed in this respect by U.S. pressure,
        and suggests that human rights cases
        continue to be “blown out of proportion”
        in the U.S.-Soviet relationship.
        Finally, he warns “in passing” against
        attempts to link trade and economic
        issues to “questions of a different
        nature.”

        The letter did not address the three
        specific cases raised in your letter
        (Sakharov, Shcharanskiy and Orlov) or
        those I mentioned in my earlier letter
        to Shevardnadze.[3] Dobrynin indicated,
        however, that we could take up specific
        cases tomorrow with the Soviet Embassy
        here. We will, of course, do so.

        It is not surprising that Gorbachev has
        formally stayed with the party line on
        an issue as touchy as this one is for
        the Soviets. As we have understood from
        the beginning, the important thing is
        not what they say, but what they do. The
        resolution late last week of the case of
        Irina McClellan’s daughter is a sign
        that the positive steps which began
        before the Geneva meeting are continuing
        for the moment.[4] [Page 766] So is the
        fact that Gorbachev is prepared to
        continue the dialogue. Disappointing as
        the substance of Gorbachev’s response
        is, it only underscores the need to
        consider how we can best encourage and
        broaden the fragile process underway.

        I’ve attached the Soviets’ unofficial
        translation of Gorbachev’s letter.

        ────────────────────────────────────────
        Letter From Soviet General Secretary
        Gorbachev to President Reagan [5]

        Dear Mr. President,

        Your letter of December 7, transmitted
        through Secretary Baldrige, addressed
        the questions on which we had a rather
        thorough discussion in Geneva. At that
        time I outlined in detail our approach
        to these questions, and, it seemed to
        me, you took in what was said with
        certain understanding.

        It is hardly necessary to repeat, that
        the questions involved pertain to the
        internal competence of our state and
        that they are resolved in strict
        conformity with the laws. I would like
        only to point out, that the Soviet laws
        do not create impediments when decisions
        are taken on the questions regarding
        departure from the USSR by Soviet
        citizens who have legal grounds for
        that. This is attested to also by the
        fact that as a practical matter the
        overwhelming majority of such questions
        is resolved positively.

        The existing laws are obligatory to
        everybody—both to those who apply to
        leave and those who consider exit
        applications. Such is the essence of our
        law and order and nobody is entitled to
        violate it—whether under any pressure or
        without it. I would think this should be
        understood in the the U.S.

        We, of course, take into account, that
        due to various circumstances, divided
        families appear, which live partially in
        the USSR and partially—in the USA. Only
        in the past 5 years there have been over
        400 marriages between Soviet and
        American citizens. And the overwhelming
        majority of those marriages—to be
        precise, more than 95
        percent—encountered no problems with
        regard to the reunification of the
        spouses [Page 767] and to living
        together. Yes, there are exceptions, and
        we have frankly and repeatedly told you
        what they are about. But generally, and
        I want to stress it once again,
        questions of this kind are resolved by
        us on the basis of humanism and taking
        into account the interests of the people
        concerned.

        I share your desire to channel the
        relationship between our countries to a
        more constructive course. And the breaks
        are being put on this process in no way
        due to the existence of the cases of
        such sort—though I do not tend to
        belittle their importance from the point
        of view of the lives of individual
        persons—but because of the attempts to
        blow them out of proportion in the
        general balance of Soviet-American
        relations. The key issues in this area
        are awaiting their resolution.

        I would like to note in passing: as it
        can be seen, the continued attempts by
        the American side to tie up trade and
        economic relations with questions of a
        different nature will bring no benefit.
        It is high time to take a realistic look
        at this whole issue from the position of
        today, rather than yesterday.

        It would seem that much will now depend
        on how accurately we are going to follow
        jointly the real priorities in our
        relations, if we wish to bring about
        their tangible normalization already in
        the near future. I think, the chances
        are not bad here.

        M. Gorbachev

        ────────────────────

        1. Source: Reagan Library, Executive
           Secretariat, NSC Head of State File,
           U.S.S.R.: General Secretary Gorbachev
           (8690024, 8690124). Secret;
           Sensitive. Reagan initialed at the
           top right-hand corner of the
           memorandum, indicating he saw it.

        2. See Document 168.

        3. See footnote 3, Document 136.

        4. According to telegram 1935 from
           Moscow, February 5, reporting on
           divided spouses, McClellan and her
           daughter, Elena Kochetkova, received
           visas on January 6. (Department of
           State, Central Foreign Policy File,
           Electronic Telegrams, D860091–0861)
           Immigration visas to the United
           States were then granted on January
           16. (Telegram 886 from Moscow,
           January 17; Department of State,
           Central Foreign Policy File,
           Electronic Telegrams, D860044–0020)

        5. No classification marking. Printed
           from an unofficial translation. The
           text of the letter, translated from
           Russian, was provided by the Embassy.
        """
}

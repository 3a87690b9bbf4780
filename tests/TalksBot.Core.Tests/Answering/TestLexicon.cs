using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

// A small lexicon in the shape of data/lexicon, inline so unit tests read no files.
internal static class TestLexicon
{
    public const string Yaml = """
        sides:
          - name: United States
            aliases: [United States, U.S., US, USA, America, American, Americans, Washington]
          - name: Russia
            aliases: [Russia, Russian, Russians, Moscow, Kremlin]
          - name: Ukraine
            aliases: [Ukraine, Ukrainian, Kyiv]
        roles: [president, foreign minister, secretary of state, national security advisor, envoy, spokesperson, aide, ceo, minister, secretary]
        role_questions: [role, title, position]
        organizations: [fund, ministry, agency, post, war, news]
        person_nouns: [official, officials, leader, envoy, spokesperson]
        months: {january: 1, february: 2, march: 3}
        relative: [ago, yesterday]
        cues: [in, at, venue]
        places: [Riyadh, Diriyah, Saudi Arabia, Geneva]
        groups:
          - [lead, led, head, headed, represent]
          - [delegation, team, side]
          - [talk, talks, negotiation, negotiations, meeting]
          - [begin, began, start, started, convene, convened]
          - [say, said, stated, remarked]
          - [position, stance]
        stopwords: [a, an, the, and, of, to, in, on, at, by, for, with, about, who, what, which, when, where, why, how, is, are, was, were, did, does, do, has, have, it, they, he, she, us, that, this, be, been, any, article, say, tell, me, that]
        follow_up_openers: [and, what about, how about]
        phrases: [ignore your instructions, ignore previous instructions, system prompt, disregard the, tell me that]
        """;

    public static Lexicon Create() => Lexicon.Parse([("test.yaml", Yaml)]);
}

namespace TalksBot.Core.Answering;

/// <summary>What kind of answer a question asks for.</summary>
internal enum QuestionKind
{
    /// <summary>Anything else: the best supported sentence.</summary>
    What,

    /// <summary>A person or group ("Who led ...?").</summary>
    Who,

    /// <summary>The role of a named person ("Who is Kirill Dmitriev?").</summary>
    WhoIs,

    /// <summary>A named thing that is not a person ("Which countries ...?").</summary>
    Which,

    /// <summary>A date or time.</summary>
    When,

    /// <summary>A place.</summary>
    Where,

    /// <summary>A number ("How many ...?").</summary>
    HowMany,

    /// <summary>How long something lasted or took ("How long did the talks last?").</summary>
    Duration,

    /// <summary>A reason.</summary>
    Why,

    /// <summary>The condition something depends on ("Under what condition would ...?"): a provided-that or if clause.</summary>
    Condition,

    /// <summary>What someone said.</summary>
    Quote,

    /// <summary>A yes/no question, answered with the sentence that settles it.</summary>
    YesNo,

    /// <summary>Who wrote an article.</summary>
    Author,

    /// <summary>When an article was published.</summary>
    Published,

    /// <summary>Where an article came from.</summary>
    SourceLink,
}

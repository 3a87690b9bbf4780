namespace TalksBot.Core.Answering.Ranking;

/// <summary>The kind of thing a question asks for, which the sentence that answers it must contain.</summary>
internal enum AnswerType
{
    /// <summary>No particular kind ("what", "how").</summary>
    None,

    /// <summary>A person, group or organisation: a name.</summary>
    Name,

    /// <summary>A date, year, decade, century or time of day.</summary>
    Date,

    /// <summary>A place: a name after "in", "at", "near", "from".</summary>
    Place,

    /// <summary>A number, amount or share.</summary>
    Number,

    /// <summary>A reason: "because", "due to", "in order to".</summary>
    Reason,
}

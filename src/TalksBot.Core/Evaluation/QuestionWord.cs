namespace TalksBot.Core.Evaluation;

/// <summary>The wh-word a question leads with, for the eval's results per kind of question.</summary>
public enum QuestionWord
{
    /// <summary>Who, whom, whose.</summary>
    Who,

    /// <summary>When.</summary>
    When,

    /// <summary>Where.</summary>
    Where,

    /// <summary>Which.</summary>
    Which,

    /// <summary>What.</summary>
    What,

    /// <summary>How many, how much.</summary>
    HowMany,

    /// <summary>How, other than how many / how much.</summary>
    How,

    /// <summary>Why.</summary>
    Why,

    /// <summary>No leading wh-word ("Did ...", "Name the ...").</summary>
    Other,
}

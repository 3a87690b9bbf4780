namespace TalksBot.Core.Evaluation;

/// <summary>How a <see cref="SuitePart"/> is named on the command line and in reports.</summary>
public static class EvaluationPart
{
    /// <summary>"all", "train" or "heldout", as <c>--part</c> takes it.</summary>
    public static string Name(SuitePart part) => part switch
    {
        SuitePart.Train => "train",
        SuitePart.HeldOut => "heldout",
        _ => "all",
    };

    /// <summary>The part named <paramref name="name"/>, or null when there is none.</summary>
    public static SuitePart? Parse(string name) => name switch
    {
        "all" => SuitePart.All,
        "train" => SuitePart.Train,
        "heldout" => SuitePart.HeldOut,
        _ => null,
    };
}

namespace TalksBot.Core.Evaluation;

/// <summary>Where a wrong item went wrong, one kind per item (see <see cref="FailureSplit"/>).</summary>
public enum FailureKind
{
    /// <summary>Answerable, answered and citing a gold source, but the answer text is wrong.</summary>
    WrongSentence,

    /// <summary>Answerable and answered, citing none of the gold sources.</summary>
    WrongArticle,

    /// <summary>Answerable, but the answerer abstained.</summary>
    WronglyAbstained,

    /// <summary>Unanswerable, but the answerer answered.</summary>
    AnsweredUnanswerable,

    /// <summary>Asking threw.</summary>
    AskFailed,

    /// <summary>Any other failure, e.g. an abstention that still carries citations or a forbidden string.</summary>
    Other,
}

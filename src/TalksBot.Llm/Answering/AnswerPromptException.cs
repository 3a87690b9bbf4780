namespace TalksBot.Llm.Answering;

/// <summary>The answer prompt file cannot be used; the message names the file and says why.</summary>
internal sealed class AnswerPromptException : Exception
{
    public AnswerPromptException()
    {
    }

    public AnswerPromptException(string message)
        : base(message)
    {
    }

    public AnswerPromptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

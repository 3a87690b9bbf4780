namespace TalksBot.Analytics;

/// <summary>The analytics database could not be opened or is of a schema this build cannot use.</summary>
public sealed class AnalyticsStoreException : Exception
{
    public AnalyticsStoreException()
    {
    }

    public AnalyticsStoreException(string message)
        : base(message)
    {
    }

    public AnalyticsStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
